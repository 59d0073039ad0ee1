import type { Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import type { AppEnv } from '../../lib/env';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, requireManage } from '../../lib/authz';
import { phoneFor } from '../../lib/privacy';
import { AppointBody, RoleList, RoleParams, RoleResponse } from '../../../../shared/contracts/roles';
import { ROLE_LABEL, type AppointedRole } from '../../../../shared/kinds';
import { getOrgUnit } from '../../../../db/queries/org';
import { appointRole, listRoleHolders, removeRole, rosterPerson } from '../../../../db/queries/roles';

async function unitOr404(c: Context<AppEnv>, id: string) {
  const unit = await getOrgUnit(c.var.db, id);
  if (!unit) throw new ApiError('not_found', 'msg.org_missing');
  return unit;
}

/**
 * Who may appoint or remove `role` at a unit: its organizers, and for `organizer` those of
 * its parent (nobody makes themselves a peer); the root's organizers appoint their own peers.
 */
async function requireAppointer(c: Context<AppEnv>, unit: { path: string; parentId: string | null }, role: AppointedRole) {
  if (role !== 'organizer' || !unit.parentId) return requireManage(c, unit.path);
  const parent = await getOrgUnit(c.var.db, unit.parentId);
  return requireManage(c, parent?.path ?? unit.path);
}

export const roleRoutes = createApp()
  .get(
    '/:id/roles',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'Who holds which role in a subtree (organizers, admins, 检票员, 审核员), shallowest unit first — organizers of the subtree; phones by the privacy rule',
      responses: { 200: json(RoleList) },
    }),
    valid('param', IdParam),
    async (c) => {
      const unit = await unitOr404(c, c.req.valid('param').id);
      const viewer = requireManage(c, unit.path);
      const rows = await listRoleHolders(c.var.db, unit.path);
      return c.json({
        items: rows.map(({ path, phone, ...r }) => ({ ...r, phone: phoneFor(viewer, phone, { userId: r.userId, paths: [path] }) })),
      });
    },
  )
  .post(
    '/:id/roles',
    describeRoute({
      tags: ['Org tree'],
      summary:
        'Appoint a person found by phone on a roster inside the actor’s subtree (and registered) as organizer (by the parent’s organizers), gate_staff 检票员 or reviewer 审核员 (by the unit’s); audited in the same batch',
      responses: { 201: json(RoleResponse, 'Appointed') },
    }),
    valid('param', IdParam),
    valid('json', AppointBody),
    async (c) => {
      const unit = await unitOr404(c, c.req.valid('param').id);
      const { phone, role } = c.req.valid('json');
      const viewer = await requireAppointer(c, unit, role);
      const person = await rosterPerson(c.var.db, phone);
      // a person outside the actor's subtree is "not on your roster": who is where elsewhere stays unsaid
      if (!person || !canManagePath(viewer, person.path)) {
        throw new ApiError('unprocessable', 'msg.role_not_on_roster', {}, { phone: { key: 'msg.role_not_on_roster' } });
      }
      if (!person.userId) {
        throw new ApiError(
          'unprocessable',
          'msg.role_not_registered',
          { name: person.name },
          { phone: { key: 'msg.role_not_registered', params: { name: person.name } } },
        );
      }
      const label = ROLE_LABEL[role][c.var.lang];
      if (!(await appointRole(c.var.db, viewer.id, unit, { userId: person.userId, name: person.name }, role)))
        throw new ApiError('conflict', 'msg.role_held', { role: label });
      const holder = (await listRoleHolders(c.var.db, unit.path)).find((h) => h.userId === person.userId && h.orgUnitId === unit.id && h.role === role)!;
      const { path, ...rest } = holder;
      return c.json({ holder: { ...rest, phone: phoneFor(viewer, holder.phone, { userId: holder.userId, paths: [path] }) } }, 201);
    },
  )
  .delete(
    '/:id/roles/:userId/:role',
    describeRoute({
      tags: ['Org tree'],
      summary: 'Remove a role (the same people who appoint it); the last organizer of the root stays (409); audited in the same batch',
      responses: { 204: { description: 'Removed' } },
    }),
    valid('param', RoleParams),
    async (c) => {
      const { id, userId, role } = c.req.valid('param');
      const unit = await unitOr404(c, id);
      const viewer = await requireAppointer(c, unit, role);
      const outcome = await removeRole(c.var.db, viewer.id, unit, userId, role);
      if (outcome === 'missing') throw new ApiError('not_found', 'msg.role_missing');
      if (outcome === 'last_organizer') throw new ApiError('conflict', 'msg.role_last_organizer');
      return c.body(null, 204);
    },
  );
