import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath } from '../../lib/authz';
import { managedUnit } from '../../lib/guards';
import { rowsOf, tableStream, XLSX_TYPE } from '../../lib/tables';
import { MembersExportQuery, MembersPage, MembersQuery, RegistryCounts, TransferBody, TransferResponse } from '../../../../shared/contracts/people';
import { CATEGORY_LABEL, POST_LABEL, STATUS_LABEL } from '../../../../shared/people';
import { chinaDay } from '../../../../shared/china-time';
import { getOrgUnit } from '../../../../db/queries/org';
import {
  decodeRegistryCursor,
  getRegistryEntry,
  listRegistry,
  memberDto,
  registryCounts,
  registryCursor,
  transferMember,
  type RegistryRow,
} from '../../../../db/queries/registry';
import { keysetPages } from '../../../../db/queries/util';

const EXPORT_PAGE = 500;

/** The member registry of a subtree, and 组织关系转接 (API.md "People, roles and the member registry"). */
export const registryRoutes = createApp()
  .get(
    '/:id/members',
    describeRoute({
      tags: ['Member registry'],
      summary:
        'The registry of a subtree (organizers of it): everyone on a roster at the unit or below, with 人员类别, 党内职务, 状态 and dates; filters combine',
      responses: { 200: json(MembersPage) },
    }),
    valid('param', IdParam),
    valid('query', MembersQuery),
    async (c) => {
      const { unit } = await managedUnit(c, c.req.valid('param').id);
      const { limit, cursor, ...filter } = c.req.valid('query');
      const rows = await listRegistry(c.var.db, unit.path, filter, limit, decodeRegistryCursor(cursor));
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return c.json({ items: items.map(memberDto), nextCursor: rows.length > limit && last ? registryCursor(last) : null });
    },
  )
  .get(
    '/:id/members/counts',
    describeRoute({
      tags: ['Member registry'],
      summary: 'How many people the registry of a subtree holds, by 人员类别, 党内职务 and 状态 (a person with two posts counts under each)',
      responses: { 200: json(RegistryCounts) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { unit } = await managedUnit(c, c.req.valid('param').id);
      return c.json(await registryCounts(c.var.db, unit.path));
    },
  )
  .get(
    '/:id/members/export',
    describeRoute({
      tags: ['Member registry'],
      summary:
        'The registry of a subtree as a table (xlsx or csv) with the same filters; its columns import back (姓名,手机号,人员类别,党内职务,任职日期,状态,入党日期)',
      responses: { 200: { description: 'The table', content: { [XLSX_TYPE]: {}, 'text/csv': {} } } },
    }),
    valid('param', IdParam),
    valid('query', MembersExportQuery),
    async (c) => {
      const { unit } = await managedUnit(c, c.req.valid('param').id);
      const { format, ...filter } = c.req.valid('query');
      // streamed: a province's registry is a million rows, never all in the Worker's memory
      const pages = keysetPages<RegistryRow, { path: string; id: string }>(
        (after) => listRegistry(c.var.db, unit.path, filter, EXPORT_PAGE, after),
        EXPORT_PAGE,
        (r) => ({ path: r.orgPath, id: r.rosterId }),
      );
      const header = ['姓名', '手机号', '人员类别', '党内职务', '任职日期', '状态', '入党日期', '所在组织', '已注册'];
      return tableStream(
        c,
        header,
        rowsOf(pages, (r) => [
          r.name,
          r.phone,
          CATEGORY_LABEL[r.category]['zh-CN'],
          r.posts.map((p) => POST_LABEL[p]['zh-CN']).join('、'),
          r.postSince ?? '',
          STATUS_LABEL[r.status]['zh-CN'],
          r.joinedPartyOn ?? '',
          r.orgUnitName,
          r.userId ? '是' : '否',
        ]),
        `${unit.id}-registry-${chinaDay()}`,
        format,
        '党员名册',
      );
    },
  )
  .post(
    '/:id/transfers',
    describeRoute({
      tags: ['Member registry'],
      summary:
        '组织关系转接: moves a person from this unit to another (organizers who manage both ends, i.e. of both or of a common ancestor). The roster entry, the member row and the membership period move in one batch; the history stays, so a past period counts the person where they were then. Same unit → 422; a target outside the actor’s reach → 403 (reason transfer_outside).',
      responses: { 201: json(TransferResponse, 'Moved') },
    }),
    valid('param', IdParam),
    valid('json', TransferBody),
    async (c) => {
      const { unit: from, viewer } = await managedUnit(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const entry = await getRegistryEntry(c.var.db, body.rosterId);
      if (!entry || entry.orgUnitId !== from.id) throw new ApiError('validation_failed', undefined, {}, { rosterId: { key: 'msg.transfer_not_here' } });
      if (body.toOrgUnitId === from.id) throw new ApiError('unprocessable', 'msg.transfer_same_unit', {}, { toOrgUnitId: { key: 'msg.transfer_same_unit' } });
      const to = await getOrgUnit(c.var.db, body.toOrgUnitId);
      if (!to || to.archivedAt) throw new ApiError('validation_failed', undefined, {}, { toOrgUnitId: { key: 'msg.org_missing' } });
      // both ends must be in the actor's reach: an organizer of both, or of a unit above both
      if (!canManagePath(viewer, to.path)) throw new ApiError('forbidden', 'msg.transfer_outside', {}, { toOrgUnitId: { key: 'msg.transfer_outside' } });
      const day = await transferMember(c.var.db, viewer.id, entry, to, body.reason);
      if (!day) throw new ApiError('conflict', 'msg.transfer_raced');
      const moved = await getRegistryEntry(c.var.db, entry.rosterId);
      return c.json({ transfer: { rosterId: entry.rosterId, fromOrgUnitId: from.id, toOrgUnitId: to.id, day }, member: memberDto(moved!) }, 201);
    },
  );
