import type { Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import type { AppEnv } from '../../lib/env';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage } from '../../lib/authz';
import { at, exportWithinMax, rowsOf, tableStream } from '../../lib/tables';
import { AuditPage, AuditQuery } from '../../../../shared/contracts/roles';
import { PHONE_RE } from '../../../../shared/contracts/common';
import { AUDIT_ACTIONS } from '../../../../shared/audit';
import { addDays, chinaDay, chinaMidnight } from '../../../../shared/china-time';
import { getOrgUnit } from '../../../../db/queries/org';
import { findUserByPhone } from '../../../../db/queries/accounts';
import { countAudit, listAudit, type AuditFilter, type AuditRow } from '../../../../db/queries/audit';
import { decodeTimeCursor, encodeCursor, keysetPages } from '../../../../db/queries/util';

/** The query's filter as instants: China dates cover whole China days, both ends inclusive. */
async function filterOf(
  c: Context<AppEnv>,
  q: { action?: string | undefined; actor?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<AuditFilter> {
  if (q.from && q.to && q.from > q.to) throw new ApiError('validation_failed', undefined, {}, { to: { key: 'msg.ends_before_starts' } });
  let actorId = q.actor;
  if (q.actor && PHONE_RE.test(q.actor)) actorId = (await findUserByPhone(c.var.db, q.actor))?.id ?? '-';
  return {
    action: q.action,
    actorId,
    from: q.from ? new Date(chinaMidnight(q.from)).toISOString() : undefined,
    to: q.to ? new Date(chinaMidnight(addDays(q.to, 1))).toISOString() : undefined,
  };
}

const itemOf = (r: AuditRow) => ({
  id: r.id,
  at: r.at,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  orgUnitId: r.orgUnitId!,
  orgUnitName: r.orgUnitName,
  actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
  detail: r.detail ? JSON.stringify(r.detail) : null,
});

export const auditRoutes = createApp().get(
  '/:id/audit',
  describeRoute({
    tags: ['Org tree'],
    summary:
      'Who did what, when, inside a subtree (roles, roster and unit changes, transfers, approvals, exports, result publication), newest first — organizers of the subtree. Filters: action (or its group, e.g. `role`), actor (user id or phone), from/to (China dates, inclusive). `?format=xlsx|csv` streams the filtered trail; more than 200,000 rows → 413 `export_too_large`.',
    responses: { 200: json(AuditPage) },
  }),
  valid('param', IdParam),
  valid('query', AuditQuery),
  async (c) => {
    const unit = await getOrgUnit(c.var.db, c.req.valid('param').id);
    if (!unit) throw new ApiError('not_found', 'msg.org_missing');
    requireManage(c, unit.path);
    const q = c.req.valid('query');
    const filter = await filterOf(c, q);
    if (q.format) {
      const lang = c.var.lang;
      exportWithinMax(await countAudit(c.var.db, unit.path, filter));
      const pages = keysetPages<AuditRow, { at: string; id: string }>(
        (before) => listAudit(c.var.db, unit.path, filter, 500, before),
        500,
        (r) => ({ at: r.at, id: r.id }),
      );
      return tableStream(
        c,
        ['时间', '操作', '操作代码', '操作人', '所在组织', '对象', '对象编号', '详情'],
        rowsOf(pages, (r) => [
          at(r.at),
          AUDIT_ACTIONS[r.action]?.[lang] ?? r.action,
          r.action,
          r.actorName ?? '',
          r.orgUnitName,
          r.entity,
          r.entityId,
          r.detail ? JSON.stringify(r.detail) : '',
        ]),
        `${unit.id}-audit-${chinaDay()}`,
        q.format,
        '审计日志',
      );
    }
    const rows = await listAudit(c.var.db, unit.path, filter, q.limit, decodeTimeCursor(q.cursor));
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return c.json({ items: items.map(itemOf), nextCursor: rows.length > q.limit && last ? encodeCursor(`${last.at}|${last.id}`) : null });
  },
);
