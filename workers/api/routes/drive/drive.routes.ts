import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, requireManage, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { newId, nowIso, b64url } from '../../../../db/ids';
import { anonymousBoardKey, boardKey, boardScoreStatements, notifyBoard } from '../../lib/boards';
import { ANONYMOUS_NAME } from '../../../../shared/board-key';
import { rateHit } from '../../../../db/queries/accounts';
import { Id } from '../../../../shared/contracts/common';
import { settingsOf, type SettingsOf } from '../../../../shared/contracts/campaigns';
import {
  DonorPage,
  DriveReportResponse,
  IdempotencyKey,
  MAX_RECEIPT_BYTES,
  MessageBody,
  PledgeBody,
  PledgePage,
  PledgeQuery,
  PledgeRejectBody,
  PledgeResponse,
  ProgressResponse,
  VerifyBody,
  type PledgeDto,
} from '../../../../shared/contracts/drive';
import { IMAGE_TYPES, sniff } from '../../../../shared/image';
import { maskName } from '../../../../shared/mask';
import { validationError } from '../../lib/validate';
import { getCampaign, type CampaignRecord } from '../../../../db/queries/campaigns';
import { getOrgUnit } from '../../../../db/queries/org';
import { decodeCursor, encodeCursor } from '../../../../db/queries/util';
import { memberUnit } from '../../../../db/queries/org';
import {
  createPledgeIdempotent,
  decidePledge,
  donorWall,
  driveReport,
  getPledge,
  listPledges,
  moderateMessage,
  progress,
  setReceipt,
  type PledgeRow,
} from '../../../../db/queries/drive';
import { campaignOfKind, managedScope, queueScope } from '../../lib/guards';
import { stripMetadata } from '../../../../shared/image-strip';
import { tableFile, type TableCell } from '../../lib/tables';

type Cfg = SettingsOf<'drive'>;
const cfg = (c: CampaignRecord): Cfg => settingsOf('drive', c.settings);

const driveOf = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'drive');

export function pledgeDto(p: PledgeRow, extra: { userName?: string | null; orgUnitName?: string | null } = {}): PledgeDto {
  return {
    id: p.id,
    campaignId: p.campaignId,
    amount: p.amount,
    verifiedAmount: p.verifiedAmount,
    displayName: p.displayName,
    anonymous: p.anonymous,
    message: p.message,
    messageStatus: p.messageStatus,
    orgUnitId: p.orgUnitId,
    status: p.status,
    reason: p.reason,
    hasReceipt: !!p.receiptKey,
    receiptType: p.receiptType,
    receiptUrl: p.receiptKey ? `/api/v1/pledges/${p.id}/receipt` : null,
    createdAt: p.createdAt,
    verifiedAt: p.verifiedAt,
    ...extra,
  };
}

async function hashRequest(campaignId: string, body: unknown) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([campaignId, body])));
  return b64url(new Uint8Array(d));
}

export const driveCampaignRoutes = createApp()
  .post(
    '/:id/pledges',
    describeRoute({
      tags: ['Drives'],
      summary:
        'Pledge (amount in fen). Header Idempotency-Key (required, ≤255): the same key and body replay the first response and create nothing, also in parallel; another body → 422.',
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 255 } }],
      responses: { 201: json(PledgeResponse, 'Pledged') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', PledgeBody),
    async (c) => {
      const viewer = requireViewer(c);
      const keyCheck = v.safeParse(IdempotencyKey, c.req.header('idempotency-key'), { lang: c.var.lang });
      if (!keyCheck.success) throw validationError(keyCheck.issues.map((i) => ({ ...i, path: [{ key: 'Idempotency-Key' }] })) as never, c.var.lang);
      const campaign = await driveOf(c, c.req.valid('param').id);
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (campaign.status !== 'published') throw new ApiError('not_found');
      const b = c.req.valid('json');
      const s = cfg(campaign);
      const db = c.var.db;
      const key = `${viewer.id}:${keyCheck.output}`;
      const requestHash = await hashRequest(campaign.id, b);
      const prior = await db.query.idempotencyKeys.findFirst({ where: (k, { eq }) => eq(k.key, key) });
      const replay = (row: { requestHash: string; status: number; body: string }) => {
        if (row.requestHash !== requestHash) throw new ApiError('unprocessable', 'msg.idem_mismatch');
        return c.body(row.body, row.status as 201, { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' });
      };
      if (prior) return replay(prior);
      const hit = await rateHit(db, `pledge:${viewer.id}`, 60e3);
      if (hit.count > 20) throw new ApiError('rate_limited', 'msg.vote_rate', {}, undefined, { 'Retry-After': String(Math.ceil(hit.retryAfterMs / 1000)) });
      const unit = b.orgUnitId ? await getOrgUnit(db, b.orgUnitId) : null;
      if (b.orgUnitId && !unit?.path.startsWith(campaign.orgPath))
        throw new ApiError('validation_failed', undefined, {}, { orgUnitId: { key: 'msg.unit_outside_drive' } });
      const own = unit ? null : await memberUnit(db, viewer.id);
      if (s.audience === 'members' && !own && !unit) throw new ApiError('forbidden', 'msg.quiz_members_only');
      const counted = unit ? { id: unit.id, path: unit.path } : own?.path.startsWith(campaign.orgPath) ? { id: own.id, path: own.path } : null;
      const now = nowIso();
      const row = {
        id: newId(),
        campaignId: campaign.id,
        userId: viewer.id,
        orgUnitId: counted?.id ?? null,
        orgPath: counted?.path ?? null,
        amount: b.amount,
        displayName: b.displayName ?? viewer.name,
        anonymous: b.anonymous,
        message: b.message || null,
        messageStatus: (b.message ? 'pending' : 'none') as 'pending' | 'none',
        status: 'pledged' as const,
        createdAt: now,
        updatedAt: now,
      };
      const body = JSON.stringify({
        pledge: pledgeDto({
          ...row,
          verifiedAmount: null,
          reason: null,
          receiptKey: null,
          receiptType: null,
          verifiedBy: null,
          verifiedAt: null,
          source: 'platform' as const,
        }),
      });
      const stored = await createPledgeIdempotent(db, key, requestHash, row, { status: 201, body });
      if (!stored) throw new ApiError('unavailable');
      if (stored.body !== body) return replay(stored);
      return c.body(body, 201, { 'content-type': 'application/json; charset=utf-8' });
    },
  )
  .get(
    '/:id/progress',
    describeRoute({
      tags: ['Drives'],
      summary: 'Progress (public, CORS *): goal, pledged, verified, donors — fen',
      responses: { 200: json(ProgressResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const campaign = await driveOf(c, c.req.valid('param').id);
      const s = cfg(campaign);
      const p = await progress(c.var.db, campaign.id);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=10');
      return c.json({
        goal: s.goal,
        pledged: p.pledged,
        verified: p.verified,
        donors: p.donors,
        updatedAt: p.updatedAt ?? campaign.updatedAt,
        showAmounts: s.showAmounts,
      });
    },
  )
  .get(
    '/:id/donors',
    describeRoute({
      tags: ['Drives'],
      summary: 'Donor wall: newest first; anonymous as 爱心人士, names masked, messages only once approved',
      responses: { 200: json(DonorPage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ limit: PledgeQuery.entries.limit, cursor: PledgeQuery.entries.cursor })),
    async (c) => {
      const campaign = await driveOf(c, c.req.valid('param').id);
      const s = cfg(campaign);
      const q = c.req.valid('query');
      const rows = await donorWall(c.var.db, campaign.id, q.limit, decodeCursor(q.cursor));
      const items = rows.slice(0, q.limit);
      c.header('Access-Control-Allow-Origin', '*');
      return c.json({
        items: items.map((p) => ({
          id: p.id,
          name: p.anonymous ? ANONYMOUS_NAME : maskName(p.displayName),
          amount: s.showAmounts ? p.amount : null,
          verified: p.status === 'verified',
          message: p.messageStatus === 'visible' ? p.message : null,
          createdAt: p.createdAt,
        })),
        nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null,
      });
    },
  )
  .get(
    '/:id/pledges',
    describeRoute({
      tags: ['Drives'],
      summary: 'Pledges: ?mine=true (我的捐赠), or the organizers’ queue of their subtree (status, unit, messages=pending)',
      responses: { 200: json(PledgePage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', PledgeQuery),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await driveOf(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      let filter;
      if (q.mine === 'true') filter = { userId: viewer.id };
      else {
        const { unit, scope } = await queueScope(c, q.orgUnitId);
        const campaignWide = canManagePath(viewer, campaign.orgPath);
        filter = { paths: campaignWide ? ('all' as const) : scope.managedPaths, path: unit?.path };
      }
      const rows = await listPledges(c.var.db, campaign.id, {
        ...filter,
        status: q.status,
        messages: q.messages === 'pending',
        limit: q.limit,
        beforeId: decodeCursor(q.cursor),
      });
      const items = rows.slice(0, q.limit);
      return c.json({
        items: items.map((r) => pledgeDto(r.p, { userName: r.userName, orgUnitName: r.unitName })),
        nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.p.id) : null,
      });
    },
  )
  .get(
    '/:id/drive-report',
    describeRoute({
      tags: ['Drives'],
      summary: 'Organizers: totals by unit and by day, verified vs pledged, receipts waiting (?format=xlsx for Excel)',
      responses: { 200: json(DriveReportResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ orgUnitId: v.optional(Id), format: v.optional(v.picklist(['json', 'xlsx', 'csv']), 'json') })),
    async (c) => {
      const campaign = await driveOf(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const { unit, path } = await managedScope(c, campaign, q.orgUnitId);
      const report = await driveReport(c.var.db, campaign.id, path, !unit);
      if (q.format === 'json') return c.json({ goal: cfg(campaign).goal, ...report });
      const yuan = (f: number) => Math.round(f) / 100;
      const rows: TableCell[][] = [
        ['单位', '认捐笔数', '认捐金额(元)', '核实金额(元)', '捐赠人数'],
        ...report.byUnit.map((u) => [u.name ?? '（未指定单位）', u.pledges, yuan(u.pledged), yuan(u.verified), u.donors]),
        [],
        ['日期', '认捐笔数', '认捐金额(元)', '核实金额(元)'],
        ...report.byDay.map((d) => [d.day, d.pledges, yuan(d.pledged), yuan(d.verified)]),
        [],
        ['待审核凭证', report.receiptsPending],
      ];
      return tableFile(c, rows, `${campaign.slug}-report`, q.format, '募捐汇总');
    },
  );

async function managedPledge(c: Context<AppEnv>, id: string) {
  const p = await getPledge(c.var.db, id);
  if (!p) throw new ApiError('not_found');
  const campaign = (await getCampaign(c.var.db, p.campaignId))!;
  const viewer = requireManage(c, p.orgPath ?? campaign.orgPath);
  return { p, campaign, viewer };
}

export const pledgeRoutes = createApp()
  .post(
    '/:id/receipt',
    describeRoute({
      tags: ['Drives'],
      summary: 'Upload the donation platform’s receipt (multipart `receipt`: JPEG/PNG/WebP/PDF by magic bytes, ≤5 MB) — the pledger',
      requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { receipt: { type: 'string', format: 'binary' } } } } } },
      responses: { 200: json(PledgeResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const p = await getPledge(c.var.db, c.req.valid('param').id);
      if (!p || p.userId !== viewer.id) throw new ApiError('not_found');
      if (p.status === 'verified') throw new ApiError('conflict', 'msg.pledge_decided');
      if (Number(c.req.header('content-length') ?? 0) > MAX_RECEIPT_BYTES + 64 * 1024) throw new ApiError('payload_too_large', 'msg.receipt_size');
      const form = await c.req.formData().catch(() => null);
      const file = form?.get('receipt');
      if (!file || typeof file === 'string') throw new ApiError('validation_failed', undefined, {}, { receipt: { key: 'msg.required' } });
      if (file.size > MAX_RECEIPT_BYTES) throw new ApiError('payload_too_large', 'msg.receipt_size');
      const raw = new Uint8Array(await file.arrayBuffer());
      const kind = sniff(raw);
      if (!kind) throw new ApiError('unsupported_media_type', 'msg.receipt_type');
      // A photo of a receipt carries where it was taken (GPS): images are stored without
      // metadata. PDFs are stored as they are (their Info/XMP metadata is not rewritten).
      const bytes = kind === 'pdf' ? raw : stripMetadata(raw);
      const type = kind === 'pdf' ? 'application/pdf' : IMAGE_TYPES[kind];
      const key = `receipts/${p.campaignId}/${p.id}`;
      await c.env.MEDIA.put(key, bytes, { httpMetadata: { contentType: type } });
      if (!(await setReceipt(c.var.db, p.id, viewer.id, key, type))) throw new ApiError('conflict', 'msg.pledge_decided');
      return c.json({ pledge: pledgeDto((await getPledge(c.var.db, p.id))!) });
    },
  )
  .get(
    '/:id/receipt',
    describeRoute({ tags: ['Drives'], summary: 'The receipt file (the pledger and organizers only)', responses: { 200: { description: 'File' } } }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const p = await getPledge(c.var.db, c.req.valid('param').id);
      if (!p?.receiptKey) throw new ApiError('not_found');
      const campaign = (await getCampaign(c.var.db, p.campaignId))!;
      if (p.userId !== viewer.id && !canManagePath(viewer, p.orgPath ?? campaign.orgPath)) throw new ApiError('not_found');
      const obj = await c.env.MEDIA.get(p.receiptKey);
      if (!obj) throw new ApiError('not_found');
      // a PDF or image of someone's payment: never cached by others, shown inline but sandboxed
      return new Response(obj.body, {
        headers: {
          'content-type': p.receiptType ?? 'application/octet-stream',
          'cache-control': 'private, no-store',
          'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
          'x-content-type-options': 'nosniff',
        },
      });
    },
  )
  .post(
    '/:id/verify',
    describeRoute({
      tags: ['Drives'],
      summary: 'Verify a pledge with the amount actually given (organizers of its unit’s subtree); counts toward progress and ranking',
      responses: { 200: json(PledgeResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', VerifyBody),
    async (c) => {
      const { p, campaign, viewer } = await managedPledge(c, c.req.valid('param').id);
      const amount = c.req.valid('json').amount;
      // The verified amount is earned on the board in the verification's own batch. Anonymous
      // giving ranks on an entry of its own, apart from the donor's named one (shared/board-key.ts).
      const user = p.anonymous ? null : await c.var.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, p.userId) });
      const entry = p.anonymous
        ? { key: await anonymousBoardKey(c.env, campaign.id, p.userId), name: ANONYMOUS_NAME, userId: null }
        : { key: await boardKey(c.env, campaign.id, p.userId), name: user?.name ?? p.displayName, userId: p.userId };
      const board = boardScoreStatements(c.var.db, campaign, 'add', [{ ...entry, orgUnitId: p.orgUnitId, score: amount, tiebreak: 0 }]);
      const res = await decidePledge(c.var.db, viewer.id, p, 'verify', amount, null, board.stmts);
      if (!res) throw new ApiError('conflict', 'msg.pledge_decided');
      await notifyBoard(c.env, c.var.db, board, res);
      return c.json({ pledge: pledgeDto((await getPledge(c.var.db, p.id))!) });
    },
  )
  .post(
    '/:id/reject',
    describeRoute({ tags: ['Drives'], summary: 'Reject a pledge with a reason the pledger sees (organizers)', responses: { 200: json(PledgeResponse) } }),
    valid('param', v.object({ id: Id })),
    valid('json', PledgeRejectBody),
    async (c) => {
      const { p, viewer } = await managedPledge(c, c.req.valid('param').id);
      if (!(await decidePledge(c.var.db, viewer.id, p, 'reject', null, c.req.valid('json').reason))) throw new ApiError('conflict', 'msg.pledge_decided');
      return c.json({ pledge: pledgeDto((await getPledge(c.var.db, p.id))!) });
    },
  )
  .post(
    '/:id/message',
    describeRoute({ tags: ['Drives'], summary: 'Show or hide a pledge’s message on the donor wall (organizers)', responses: { 200: json(PledgeResponse) } }),
    valid('param', v.object({ id: Id })),
    valid('json', MessageBody),
    async (c) => {
      const { p, viewer } = await managedPledge(c, c.req.valid('param').id);
      await moderateMessage(c.var.db, viewer.id, p, c.req.valid('json').visible);
      return c.json({ pledge: pledgeDto((await getPledge(c.var.db, p.id))!) });
    },
  );
