import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage, canManagePath } from '../../lib/authz';
import { parseTable, readUpload, tableFile, XLSX_TYPE, type TableCell } from '../../lib/tables';
import {
  ArchiveResponse,
  CreateOrgUnitBody,
  Metrics,
  MetricsExportQuery,
  MetricsQuery,
  TodoItem,
  OrgUnit,
  OrgUnitList,
  OrgUnitResponse,
  RosterPage,
  RosterReport,
  ROSTER_MAX_BYTES,
  ROSTER_MAX_ROWS,
} from '../../../../shared/contracts/org';
import { ListQuery } from '../../../../shared/contracts/common';
import { checkRosterRows, rosterColumns } from '../../../../shared/roster';
import { participationRate } from '../../../../shared/metrics';
import { chinaDay } from '../../../../shared/i18n';
import { msg } from '../../../../shared/messages';
import {
  applyRoster,
  archiveBlocker,
  archiveOrgUnit,
  createOrgUnit,
  getOrgUnit,
  listOrgUnits,
  listRoster,
  moveOrgUnit,
  planRoster,
} from '../../../../db/queries/org';
import { UnitPatchBody } from '../../../../shared/contracts/people';
import { managedUnit } from '../../lib/guards';
import { subtreeMetrics } from '../../../../db/queries/metrics';
import { todoOf } from '../../../../db/queries/campaigns';
import { decodeCursor } from '../../../../db/queries/util';
import { maskPhone } from '../../../../shared/mask';
import { boundInstant, MAX_RANGE_DAYS } from '../../../../shared/period';
import { instants, overviewKey, overviewOf, pastDay } from '../../lib/overview';
import { LIVE_SNAPSHOT_MS, snapshotted } from '../../lib/snapshots';

const BLOCKER_KEY = { children: 'msg.unit_has_children', members: 'msg.unit_has_members', campaigns: 'msg.unit_has_campaigns' } as const;

async function unitOr404(c: Parameters<typeof requireManage>[0], id: string) {
  const unit = await getOrgUnit(c.var.db, id);
  if (!unit) throw new ApiError('not_found', 'msg.org_missing');
  return unit;
}

/** The unit whose metrics an organizer of its subtree asks for, over a period that makes sense. */
async function metricsUnit(c: Parameters<typeof requireManage>[0], id: string, q: { from?: string | undefined; to?: string | undefined }) {
  const unit = await unitOr404(c, id);
  requireManage(c, unit.path);
  // compared as instants: a China day and a timestamp with any offset are the same kind of bound
  const from = q.from ? Date.parse(boundInstant(q.from, 'from')) : null;
  const to = q.to ? Date.parse(boundInstant(q.to, 'to')) : Date.now();
  // an open end has no upper bound (events dated ahead count too): only a given `to` can come first
  if (from !== null && q.to && from > to) throw new ApiError('validation_failed', undefined, {}, { to: { key: 'msg.ends_before_starts' } });
  if (from !== null && to - from > MAX_RANGE_DAYS * 86_400_000) {
    throw new ApiError(
      'validation_failed',
      'msg.report_too_long',
      { days: MAX_RANGE_DAYS },
      { from: { key: 'msg.report_too_long', params: { days: MAX_RANGE_DAYS } } },
    );
  }
  return unit;
}

export const orgRoutes = createApp()
  .get(
    '/',
    describeRoute({
      tags: ['Org tree'],
      summary: 'The org tree with registered-member counts (public)',
      responses: { 200: json(OrgUnitList) },
    }),
    async (c) => {
      const rows = await listOrgUnits(c.var.db);
      c.header('Cache-Control', 'public, max-age=30');
      return c.json({ items: rows.map(({ path: _path, ...r }) => r) });
    },
  )
  .post(
    '/',
    describeRoute({
      tags: ['Org tree'],
      summary: 'Add an org unit under a parent (organizer of the parent’s subtree)',
      responses: { 201: json(OrgUnitResponse, 'Created') },
    }),
    valid('json', CreateOrgUnitBody),
    async (c) => {
      const body = c.req.valid('json');
      const found = await getOrgUnit(c.var.db, body.parentId);
      const parent = found?.archivedAt ? undefined : found;
      if (!parent) {
        // Don't reveal to outsiders which ids exist; organizers get the field error.
        if (!c.var.viewer) throw new ApiError('unauthenticated');
        throw new ApiError('validation_failed', undefined, {}, { parentId: { key: 'msg.parent_missing' } });
      }
      const viewer = requireManage(c, parent.path);
      const unit = await createOrgUnit(c.var.db, viewer.id, parent, body);
      if (!unit) throw new ApiError('conflict', 'msg.unit_name_taken', {}, { name: { key: 'msg.unit_name_taken' } });
      return c.json({ orgUnit: { id: unit.id, parentId: unit.parentId, name: unit.name, kind: unit.kind, memberCount: 0 } }, 201);
    },
  )
  .post(
    '/:id/roster',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'Import a roster (CSV UTF-8 or .xlsx, header 姓名,手机号 and optionally 人员类别,党内职务,任职日期,状态,入党日期 in Chinese words; posts separated by 、 or ,; dates as Excel writes them). Bad rows (an unknown word, a future 入党日期…) are reported with their reason, good rows kept; a phone already on this unit’s roster gets the registry fields its row gives (`updated`). `?dryRun=true` only reports.',
      requestBody: {
        content: {
          'text/csv': { schema: { type: 'string' } },
          [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
          'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
        },
      },
      responses: { 200: json(RosterReport) },
    }),
    valid('param', IdParam),
    valid('query', v.strictObject({ dryRun: v.optional(v.picklist(['true', 'false'])) })),
    async (c) => {
      const unit = await unitOr404(c, c.req.valid('param').id);
      const viewer = requireManage(c, unit.path);
      const dryRun = c.req.valid('query').dryRun === 'true';
      const lang = c.var.lang;
      const table = await parseTable(await readUpload(c.req.raw, ROSTER_MAX_BYTES));
      const [header, ...data] = table;
      const cols = header ? rosterColumns(header) : null;
      if (!cols) throw new ApiError('validation_failed', 'msg.roster_header');
      if (data.length > ROSTER_MAX_ROWS) throw new ApiError('payload_too_large', 'msg.roster_too_many', { max: ROSTER_MAX_ROWS });
      const checked = checkRosterRows(data, cols);
      if (!checked.rows.length && !checked.issues.length) throw new ApiError('validation_failed', 'msg.roster_empty');
      const plan = await planRoster(c.var.db, unit.id, checked.rows);
      const updatedPlanned = plan.toUpdate.length;
      const errors = [
        ...checked.issues.map((i) => ({ row: i.row, message: msg(i.key, lang, i.params) })),
        // which other unit lists a phone is told only to who manages that unit (no leak across units)
        ...plan.elsewhere.map((r) => ({
          row: r.row,
          message: canManagePath(viewer, r.unitPath) ? msg('msg.row_elsewhere', lang, { unit: r.unitName }) : msg('msg.row_elsewhere_other', lang),
        })),
      ].sort((a, b) => a.row - b.row);
      const linkedPlanned = plan.toCreate.filter((r) => r.userId).length;
      if (dryRun || (!plan.toCreate.length && !plan.toUpdate.length)) {
        return c.json({
          created: dryRun ? plan.toCreate.length : 0,
          linked: dryRun ? linkedPlanned : 0,
          updated: dryRun ? updatedPlanned : 0,
          unchanged: plan.unchanged,
          errors,
          dryRun,
        });
      }
      const done = await applyRoster(c.var.db, viewer.id, unit, plan.toCreate, plan.toUpdate, { rows: data.length, errors: errors.length });
      return c.json({ ...done, unchanged: plan.unchanged, errors, dryRun: false });
    },
  )
  .get(
    '/:id/roster',
    describeRoute({
      tags: ['Org tree'],
      summary: 'The roster of a unit (organizer); phones masked',
      responses: { 200: json(RosterPage) },
    }),
    valid('param', IdParam),
    valid('query', v.strictObject(ListQuery)),
    async (c) => {
      const unit = await unitOr404(c, c.req.valid('param').id);
      requireManage(c, unit.path);
      const q = c.req.valid('query');
      const rows = await listRoster(c.var.db, unit.id, q.limit, decodeCursor(q.cursor));
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return c.json({
        items: items.map((r) => ({ name: r.name, phone: maskPhone(r.phone), registered: !!r.userId, userId: r.userId })),
        nextCursor: rows.length > q.limit && last ? btoa(last.phone).replace(/=+$/, '') : null,
      });
    },
  )
  .get(
    '/:id/metrics',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'Member-activity metrics of a subtree (organizer of that subtree), with each unit directly below (`units`) and, with `?series=day|week`, a trend; definitions in shared/metrics.ts. `members` is the registered membership: today’s, or for a period that ended before today (`to` on an earlier China day) the people who were in the subtree at the end of that day (membership periods: a member transferred since counts where they were then); `activeMembers` counts among the same people.',
      responses: { 200: json(Metrics) },
    }),
    valid('param', IdParam),
    valid('query', MetricsQuery),
    async (c) => {
      const { fresh, ...q } = c.req.valid('query');
      const unit = await metricsUnit(c, c.req.valid('param').id, instants(q));
      if (q.compare && !q.from) throw new ApiError('validation_failed', undefined, {}, { from: { key: 'msg.compare_needs_from' } });
      const { value, asOf } = await snapshotted(c.var.db, overviewKey(unit.id, q), { maxAgeMs: LIVE_SNAPSHOT_MS, fresh: !!fresh }, () =>
        overviewOf(c.var.db, unit, q),
      );
      return c.json({ ...value, asOf });
    },
  )
  .get(
    '/:id/todo',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'What waits for the organizers of a subtree (organizer of that subtree): per campaign under it, works to review, receipts to verify, quiz attempts flagged in the last 7 days, and drafts not yet published',
      responses: { 200: json(v.object({ items: v.array(TodoItem) })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const unit = await unitOr404(c, c.req.valid('param').id);
      requireManage(c, unit.path);
      return c.json({ items: await todoOf(c.var.db, unit.path, new Date(Date.now() - 7 * 86_400_000).toISOString()) });
    },
  )
  .get(
    '/:id/metrics/export',
    describeRoute({
      tags: ['Org tree'],
      summary: 'The metrics as a table for reports (xlsx or csv): the subtree, then each unit directly below',
      responses: { 200: { description: 'The table', content: { [XLSX_TYPE]: {}, 'text/csv': {} } } },
    }),
    valid('param', IdParam),
    valid('query', MetricsExportQuery),
    async (c) => {
      const q = instants(c.req.valid('query'));
      const unit = await metricsUnit(c, c.req.valid('param').id, q);
      const m = await subtreeMetrics(c.var.db, unit.path, q, { unitId: unit.id, asOfDay: pastDay(q.to) });
      const period = `${q.from ? chinaDay(q.from) : '—'} 至 ${chinaDay(q.to ?? Date.now())}`;
      const pct = (active: number, members: number) => `${(participationRate(active, members) * 100).toFixed(1)}%`;
      const rows: TableCell[][] = [
        ['组织', '党员人数', '活跃人数', '参与率', '积分', '统计期间'],
        [`${unit.name}（合计）`, m.members, m.activeMembers, pct(m.activeMembers, m.members), m.points, period],
        ...m.units.map((u) => [u.name, u.members, u.activeMembers, pct(u.activeMembers, u.members), u.points, period]),
      ];
      return tableFile(c, rows, `${unit.id}-metrics-${chinaDay()}`, q.format, '成员参与统计');
    },
  )
  .patch(
    '/:id',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'Renames and/or moves a unit (organizer of it; moving also needs the new parent in reach). A move rewrites the paths of the whole subtree and every copy of them (members, campaigns, activity…) in one batch. The root cannot move (422 unit_move_root), nor a unit under itself (422 unit_move_cycle).',
      responses: { 200: json(v.object({ orgUnit: OrgUnit })) },
    }),
    valid('param', IdParam),
    valid('json', UnitPatchBody),
    async (c) => {
      const { unit, viewer } = await managedUnit(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      let parent: { id: string; path: string; depth: number } | undefined;
      if (body.parentId !== undefined && body.parentId !== unit.parentId) {
        if (!unit.parentId) throw new ApiError('unprocessable', 'msg.unit_move_root', {}, { parentId: { key: 'msg.unit_move_root' } });
        const p = await getOrgUnit(c.var.db, body.parentId);
        if (!p || p.archivedAt) throw new ApiError('validation_failed', undefined, {}, { parentId: { key: 'msg.parent_missing' } });
        if (p.path.startsWith(unit.path)) throw new ApiError('unprocessable', 'msg.unit_move_cycle', {}, { parentId: { key: 'msg.unit_move_cycle' } });
        if (!canManagePath(viewer, p.path)) throw new ApiError('forbidden', 'msg.unit_move_outside', {}, { parentId: { key: 'msg.unit_move_outside' } });
        parent = p;
      }
      const r = await moveOrgUnit(c.var.db, viewer.id, unit, { name: body.name, parent });
      if (r === 'name_taken') throw new ApiError('conflict', 'msg.unit_name_taken', {}, { name: { key: 'msg.unit_name_taken' } });
      if (r === 'raced') throw new ApiError('conflict', 'msg.transfer_raced');
      const now = (await listOrgUnits(c.var.db)).find((u) => u.id === unit.id)!;
      return c.json({ orgUnit: { id: now.id, parentId: now.parentId, name: now.name, kind: now.kind, memberCount: now.memberCount } });
    },
  )
  .post(
    '/:id/archive',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'Archives an empty unit (organizer of it): no sub-units, nobody on its roster or member of it, no campaign that is not closed. It leaves the tree listing and the pickers; its history stays. Not empty → 409 naming why (unit_has_children, unit_has_members, unit_has_campaigns); the root → 422.',
      responses: { 200: json(ArchiveResponse) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { unit, viewer } = await managedUnit(c, c.req.valid('param').id);
      if (!unit.parentId) throw new ApiError('unprocessable', 'msg.unit_archive_root');
      const blocker = await archiveBlocker(c.var.db, unit.id);
      if (blocker) throw new ApiError('conflict', BLOCKER_KEY[blocker]);
      // emptiness is checked again inside the write: an import racing the archive wins or loses whole
      if (!(await archiveOrgUnit(c.var.db, viewer.id, unit))) throw new ApiError('conflict', 'msg.unit_has_members');
      return c.json({ archived: true });
    },
  );
