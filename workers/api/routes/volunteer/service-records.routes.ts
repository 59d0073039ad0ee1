import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canReviewPath, requireReview, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { boardKey, boardScoreStatements, notifyBoard } from '../../lib/boards';
import { activityRecorded } from '../../../../db/queries/activity';
import { newId } from '../../../../db/ids';
import { Id } from '../../../../shared/contracts/common';
import {
  RecordBody,
  RecordsExportQuery,
  RecordPage,
  RecordQuery,
  RecordResponse,
  RejectBody,
  ReviewedResponse,
  ReviewRecordsBody,
} from '../../../../shared/contracts/volunteer';
import { recordDateProblem, type RecordDateProblem } from '../../../../shared/volunteer';
import type { MessageKey } from '../../../../shared/messages';
import { getCampaign, type CampaignRecord } from '../../../../db/queries/campaigns';
import { memberUnit } from '../../../../db/queries/org';
import { createdCursor, decodeTimeCursor, keysetPages, nextTimeCursor } from '../../../../db/queries/util';
import { getRecord, hoursOnDay, insertRecord, recordLimitHit, listRecords, recordsByIds, reviewRecords } from '../../../../db/queries/volunteer';
import { getPair } from '../../../../db/queries/volunteer-pairs';
import { managedScope, reviewQueueScope } from '../../lib/guards';
import { at, rowsOf, tableStream } from '../../lib/tables';
import { textAfterCommit } from '../../lib/notify';
import { cfg, open, volunteerCampaign } from './volunteer.campaign';

const DATE_PROBLEM = { future: 'msg.vol_future', before_start: 'msg.vol_before_start', after_end: 'msg.vol_after_end' } as const satisfies Record<
  RecordDateProblem,
  MessageKey
>;

export const serviceRecordCampaignRoutes = createApp()
  .post(
    '/:id/service-records',
    describeRoute({
      tags: ['Volunteers'],
      summary:
        'Report volunteer service (date within the campaign and not in the future, hours in half-hour steps, what was done) → pending until an organizer approves. Per member: `maxHoursPerDay` hours and `recordsPerDay` records a day, `pendingRecordsMax` awaiting review (422 `records_limit`)',
      responses: { 201: json(RecordResponse, 'Reported') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', RecordBody),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      open(campaign);
      const s = cfg(campaign);
      const b = c.req.valid('json');
      const dateProblem = recordDateProblem(b.date, campaign, Date.now());
      if (dateProblem) throw new ApiError('validation_failed', undefined, {}, { date: { key: DATE_PROBLEM[dateProblem] } });
      if (b.pairId) {
        const pair = await getPair(c.var.db, b.pairId);
        if (!pair || pair.campaignId !== campaign.id || (pair.memberId !== viewer.id && pair.residentUserId !== viewer.id))
          throw new ApiError('validation_failed', undefined, {}, { pairId: { key: 'msg.vol_pair_missing' } });
      }
      const unit = await memberUnit(c.var.db, viewer.id);
      const id = await insertRecord(
        c.var.db,
        { campaignId: campaign.id, userId: viewer.id, unit, pairId: b.pairId ?? null, date: b.date, hours: b.hours, description: b.description },
        s,
      );
      if (!id) {
        const hit = await recordLimitHit(c.var.db, campaign.id, viewer.id, b.date, s);
        if (hit === 'pending') throw new ApiError('unprocessable', 'msg.vol_records_pending', { max: s.pendingRecordsMax }).because('records_limit');
        if (hit === 'day') throw new ApiError('unprocessable', 'msg.vol_records_day', { max: s.recordsPerDay }).because('records_limit');
        const used = await hoursOnDay(c.var.db, campaign.id, viewer.id, b.date);
        throw new ApiError('validation_failed', undefined, {}, { hours: { key: 'msg.vol_hours', params: { max: s.maxHoursPerDay, used } } });
      }
      return c.json({ record: await getRecord(c.var.db, id) }, 201);
    },
  )
  .get(
    '/:id/service-records',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'Service records: the approval queue of the organizer’s subtree (filters: status, unit, date range), or ?mine=true',
      responses: { 200: json(RecordPage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', RecordQuery),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      let filter;
      if (q.mine === 'true') filter = { userId: viewer.id };
      else {
        const { unit, scope } = await reviewQueueScope(c, q.orgUnitId);
        filter = { paths: scope.all ? ('all' as const) : scope.managedPaths, orgPath: unit?.path };
      }
      const rows = await listRecords(c.var.db, campaign.id, {
        ...filter,
        status: q.status,
        from: q.from,
        to: q.to,
        limit: q.limit,
        before: decodeTimeCursor(q.cursor),
      });
      const items = rows.slice(0, q.limit);
      return c.json({ items, nextCursor: nextTimeCursor(rows, items, q.limit) });
    },
  )
  .get(
    '/:id/service-records/export',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'Service records of a subtree as Excel (台账) — organizers; ?from=&to= (China days) by service date',
      responses: { 200: { description: 'File' } },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', RecordsExportQuery),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const { path } = await managedScope(c, campaign, q.orgUnitId);
      const label: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };
      // streamed page by page (no cap): a city's five years of records never sit in memory
      let i = 0;
      const pages = keysetPages(
        (before) => listRecords(c.var.db, campaign.id, { orgPath: path, status: q.status, from: q.from, to: q.to, limit: 500, before }),
        500,
        createdCursor,
      );
      return tableStream(
        c,
        ['序号', '姓名', '所在党组织', '服务日期', '时长(小时)', '服务内容', '状态', '审核意见', '审核时间', '登记时间'],
        rowsOf(pages, (r) => [
          ++i,
          r.name,
          r.orgUnitName ?? '',
          r.date,
          r.hours,
          r.description,
          label[r.status],
          r.reason ?? '',
          at(r.reviewedAt),
          at(r.createdAt),
        ]),
        `${campaign.slug}-service-records${q.from || q.to ? `-${q.from ?? ''}_${q.to ?? ''}` : ''}`,
        q.format,
        '服务记录台账',
      );
    },
  )
  .post(
    '/:id/service-records/review',
    describeRoute({
      tags: ['Volunteers'],
      summary: 'Approve or reject records in bulk (organizers of each member’s subtree); hours count once approved',
      responses: { 200: json(ReviewedResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', ReviewRecordsBody),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const b = c.req.valid('json');
      const records = (await recordsByIds(c.var.db, b.ids)).filter((r) => r.campaignId === campaign.id);
      return c.json({ reviewed: await review(c, campaign, records, b.decision, b.reason || null) });
    },
  );

/**
 * Approves or rejects records the viewer may review (each member's subtree). Approved hours
 * are earned on the campaign's board in the approval's own batch, each only if this batch
 * recorded the record's hours (a racing approval earns nothing twice).
 */
async function review(
  c: Context<AppEnv>,
  campaign: CampaignRecord,
  records: Array<{
    id: string;
    userId: string;
    orgUnitId: string | null;
    orgPath: string | null;
    campaignId: string;
    hours: number;
    date: string;
    status: string;
  }>,
  decision: 'approve' | 'reject',
  reason: string | null,
) {
  const viewer = requireViewer(c);
  const db = c.var.db;
  for (const r of records) if (!canReviewPath(viewer, r.orgPath ?? campaign.orgPath)) throw new ApiError('forbidden');
  const pending = records.filter((r) => r.status === 'pending');
  const tell = { title: campaign.title, link: `/c/${encodeURIComponent(campaign.slug ?? campaign.id)}/volunteer` };
  if (decision !== 'approve' || !pending.length) {
    const res = await reviewRecords(db, viewer.id, pending, decision, reason, undefined, tell);
    textAfterCommit(c, res.notices);
    return res.changed.length;
  }
  const people = new Map<string, { name: string; key: string }>();
  for (const r of pending) {
    if (people.has(r.userId)) continue;
    const name = (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, r.userId) }))?.name ?? '';
    people.set(r.userId, { name, key: await boardKey(c.env, campaign.id, r.userId) });
  }
  const eventIds = new Map(pending.map((r) => [r.id, newId()]));
  const board = boardScoreStatements(
    db,
    campaign,
    'add',
    pending.map((r) => ({
      key: people.get(r.userId)!.key,
      userId: r.userId,
      name: people.get(r.userId)!.name,
      orgUnitId: r.orgUnitId,
      score: r.hours,
      tiebreak: 0,
      when: activityRecorded(eventIds.get(r.id)!),
    })),
  );
  const res = await reviewRecords(db, viewer.id, pending, decision, reason, { eventIds, board: board.stmts }, tell);
  await notifyBoard(c.env, db, board, res.board);
  textAfterCommit(c, res.notices);
  return res.changed.length;
}

/** Approves or rejects one record; one already decided is 409 to those who may review it (404 to others). */
async function reviewOne(c: Context<AppEnv>, id: string, decision: 'approve' | 'reject', reason: string | null) {
  const r = await getRecord(c.var.db, id);
  if (!r) throw new ApiError('not_found');
  const campaign = (await getCampaign(c.var.db, r.campaignId))!;
  if (r.status !== 'pending') {
    requireReview(c, r.orgPath ?? campaign.orgPath);
    throw new ApiError('conflict', 'msg.vol_not_pending');
  }
  await review(c, campaign, [r], decision, reason);
  return getRecord(c.var.db, r.id);
}

export const serviceRecordRoutes = createApp()
  .post(
    '/:id/approve',
    describeRoute({ tags: ['Volunteers'], summary: 'Approve a pending record (organizers of the member’s subtree)', responses: { 200: json(RecordResponse) } }),
    valid('param', v.object({ id: Id })),
    async (c) => c.json({ record: await reviewOne(c, c.req.valid('param').id, 'approve', null) }),
  )
  .post(
    '/:id/reject',
    describeRoute({ tags: ['Volunteers'], summary: 'Reject a pending record with a reason the member sees', responses: { 200: json(RecordResponse) } }),
    valid('param', v.object({ id: Id })),
    valid('json', RejectBody),
    async (c) => c.json({ record: await reviewOne(c, c.req.valid('param').id, 'reject', c.req.valid('json').reason) }),
  );
