import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage, canManagePath } from '../../lib/authz';
import { parseTable, readUpload, tableFile, XLSX_TYPE, type TableCell } from '../../lib/tables';
import { CreateOrgUnitBody, Metrics, MetricsExportQuery, MetricsQuery, TodoItem, OrgUnit, RosterReport, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from '../../../../shared/contracts/org';
import { ListQuery } from '../../../../shared/contracts/common';
import { checkRosterRows, rosterColumns } from '../../../../shared/roster';
import { fillSeries, participationRate } from '../../../../shared/metrics';
import { chinaDay } from '../../../../shared/i18n';
import { msg } from '../../../../shared/messages';
import { applyRoster, createOrgUnit, getOrgUnit, listOrgUnits, listRoster, planRoster } from '../../../../db/queries/org';
import { subtreeMetrics } from '../../../../db/queries/metrics';
import { todoOf } from '../../../../db/queries/campaigns';
import { decodeCursor } from '../../../../db/queries/util';
import { maskPhone } from '../../../../shared/mask';


async function unitOr404(c: Parameters<typeof requireManage>[0], id: string) {
  const unit = await getOrgUnit(c.var.db, id);
  if (!unit) throw new ApiError('not_found', 'msg.org_missing');
  return unit;
}

/** The unit whose metrics an organizer of its subtree asks for, over a period that makes sense. */
async function metricsUnit(c: Parameters<typeof requireManage>[0], id: string, q: { from?: string | undefined; to?: string | undefined }) {
  const unit = await unitOr404(c, id);
  requireManage(c, unit.path);
  if (q.from && q.to && q.from > q.to) throw new ApiError('validation_failed', undefined, {}, { to: { key: 'msg.ends_before_starts' } });
  return unit;
}

export const orgRoutes = createApp()
  .get(
    '/',
    describeRoute({
      tags: ['Org tree'],
      summary: 'The org tree with registered-member counts (public)',
      responses: { 200: json(v.object({ items: v.array(v.object({ ...OrgUnit.entries, subtreeMemberCount: v.number() })) })) },
    }),
    async (c) => {
      const rows = await listOrgUnits(c.var.db);
      c.header('Cache-Control', 'public, max-age=30');
      return c.json({ items: rows.map(({ path: _path, ...r }) => r) });
    },
  )
  .post(
    '/',
    describeRoute({ tags: ['Org tree'], summary: 'Add an org unit under a parent (organizer of the parent’s subtree)', responses: { 201: json(v.object({ orgUnit: OrgUnit }), 'Created') } }),
    valid('json', CreateOrgUnitBody),
    async (c) => {
      const body = c.req.valid('json');
      const parent = await getOrgUnit(c.var.db, body.parentId);
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
      summary: 'Import a roster (CSV UTF-8 or .xlsx, header 姓名,手机号); bad rows reported, good rows kept. `?dryRun=true` only reports.',
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
      const table = parseTable(await readUpload(c.req.raw, ROSTER_MAX_BYTES));
      const [header, ...data] = table;
      const cols = header ? rosterColumns(header) : null;
      if (!cols) throw new ApiError('validation_failed', 'msg.roster_header');
      if (data.length > ROSTER_MAX_ROWS) throw new ApiError('payload_too_large', 'msg.roster_too_many', { max: ROSTER_MAX_ROWS });
      const checked = checkRosterRows(data, cols);
      if (!checked.rows.length && !checked.issues.length) throw new ApiError('validation_failed', 'msg.roster_empty');
      const plan = await planRoster(c.var.db, unit.id, checked.rows);
      const errors = [
        ...checked.issues.map((i) => ({ row: i.row, message: msg(i.key, lang, i.params) })),
        // which other unit lists a phone is told only to who manages that unit (no leak across units)
        ...plan.elsewhere.map((r) => ({ row: r.row, message: canManagePath(viewer, r.unitPath) ? msg('msg.row_elsewhere', lang, { unit: r.unitName }) : msg('msg.row_elsewhere_other', lang) })),
      ].sort((a, b) => a.row - b.row);
      const linkedPlanned = plan.toCreate.filter((r) => r.userId).length;
      if (dryRun || !plan.toCreate.length) {
        return c.json({ created: dryRun ? plan.toCreate.length : 0, linked: dryRun ? linkedPlanned : 0, unchanged: plan.unchanged, errors, dryRun });
      }
      const done = await applyRoster(c.var.db, viewer.id, unit, plan.toCreate, { rows: data.length, errors: errors.length });
      return c.json({ ...done, unchanged: plan.unchanged, errors, dryRun: false });
    },
  )
  .get(
    '/:id/roster',
    describeRoute({ tags: ['Org tree'], summary: 'The roster of a unit (organizer); phones masked', responses: { 200: json(v.object({ items: v.array(v.object({ name: v.string(), phone: v.string(), registered: v.boolean() })), nextCursor: v.nullable(v.string()) })) } }),
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
      summary: 'Member-activity metrics of a subtree (organizer of that subtree), with each unit directly below (`units`) and, with `?series=day|week`, a trend; definitions in shared/metrics.ts',
      responses: { 200: json(Metrics) },
    }),
    valid('param', IdParam),
    valid('query', MetricsQuery),
    async (c) => {
      const q = c.req.valid('query');
      const unit = await metricsUnit(c, c.req.valid('param').id, q);
      const m = await subtreeMetrics(c.var.db, unit.path, q, { unitId: unit.id, series: q.series });
      const last = chinaDay(q.to ?? Date.now());
      const first = q.from ? chinaDay(q.from) : (m.series[0]?.at ?? last);
      return c.json({
        orgUnitId: unit.id,
        members: m.members, activeMembers: m.activeMembers, participationRate: participationRate(m.activeMembers, m.members), points: m.points, byKind: m.byKind,
        units: m.units.map((u) => ({ ...u, participationRate: participationRate(u.activeMembers, u.members) })),
        ...(q.series ? { series: fillSeries(m.series, first, last, q.series, (at) => ({ at, events: 0, activeMembers: 0, points: 0 })) } : {}),
      });
    },
  )
  .get(
    '/:id/todo',
    describeRoute({
      tags: ['Org tree'],
      summary: "What waits for the organizers of a subtree (organizer of that subtree): per campaign under it, works to review, receipts to verify, quiz attempts flagged in the last 7 days, and drafts not yet published",
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
      const q = c.req.valid('query');
      const unit = await metricsUnit(c, c.req.valid('param').id, q);
      const m = await subtreeMetrics(c.var.db, unit.path, q, { unitId: unit.id });
      const period = `${q.from ? chinaDay(q.from) : '—'} 至 ${chinaDay(q.to ?? Date.now())}`;
      const pct = (active: number, members: number) => `${(participationRate(active, members) * 100).toFixed(1)}%`;
      const rows: TableCell[][] = [
        ['组织', '党员人数', '活跃人数', '参与率', '积分', '统计期间'],
        [`${unit.name}（合计）`, m.members, m.activeMembers, pct(m.activeMembers, m.members), m.points, period],
        ...m.units.map((u) => [u.name, u.members, u.activeMembers, pct(u.activeMembers, u.members), u.points, period]),
      ];
      return tableFile(c, rows, `${unit.id}-metrics-${chinaDay()}`, q.format, '成员参与统计');
    },
  );
