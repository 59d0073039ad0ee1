import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { memberships, orgUnits, rosterEntries, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { underPath, writeBatch } from './util';
import type { AppointedRole } from '../../shared/kinds';

/** A phone's roster entry with its unit's path (who may appoint them depends on where they are). */
export async function rosterPerson(db: Db, phone: string) {
  const r = await db
    .select({ rosterId: rosterEntries.id, name: rosterEntries.name, userId: rosterEntries.userId, orgUnitId: rosterEntries.orgUnitId, path: orgUnits.path })
    .from(rosterEntries)
    .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
    .where(eq(rosterEntries.phone, phone))
    .limit(1);
  return r[0] ?? null;
}

/**
 * Appoints a person to a role at a unit: one conditional insert (a second appointment of the
 * same role changes nothing) and its audit row in the same batch. False when they held it already.
 */
export async function appointRole(db: Db, actorId: string, unit: { id: string; path: string }, person: { userId: string; name: string }, role: AppointedRole) {
  const id = newId();
  const [res] = await writeBatch(db, [
    sql`INSERT INTO memberships (id, user_id, org_unit_id, org_path, role, created_at)
        VALUES (${id}, ${person.userId}, ${unit.id}, ${unit.path}, ${role}, ${nowIso()})
        ON CONFLICT (user_id, org_unit_id, role) DO NOTHING`,
    auditInsert(
      { actorId, action: 'role.appoint', entity: 'membership', entityId: id, orgUnitId: unit.id, detail: { userId: person.userId, name: person.name, role } },
      true,
    ),
  ]);
  return (res?.meta.changes ?? 0) > 0;
}

export type RemoveOutcome = 'removed' | 'missing' | 'last_organizer';

/**
 * Removes a role. At the root an organizer or admin must remain: the delete carries that
 * condition itself, so two organizers removing each other at once cannot both succeed.
 */
export async function removeRole(
  db: Db,
  actorId: string,
  unit: { id: string; parentId: string | null },
  userId: string,
  role: AppointedRole,
): Promise<RemoveOutcome> {
  const keepsOne =
    unit.parentId === null && role === 'organizer'
      ? sql`AND (SELECT COUNT(*) FROM memberships o WHERE o.org_unit_id = ${unit.id} AND o.role IN ('organizer', 'admin') AND NOT (o.user_id = ${userId} AND o.role = ${role})) > 0`
      : sql``;
  const [res] = await writeBatch(db, [
    sql`DELETE FROM memberships WHERE org_unit_id = ${unit.id} AND user_id = ${userId} AND role = ${role} ${keepsOne}`,
    auditInsert(
      { actorId, action: 'role.remove', entity: 'membership', entityId: `${unit.id}:${userId}:${role}`, orgUnitId: unit.id, detail: { userId, role } },
      true,
    ),
  ]);
  if ((res?.meta.changes ?? 0) > 0) return 'removed';
  const held = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgUnitId, unit.id), eq(memberships.userId, userId), eq(memberships.role, role)))
    .limit(1);
  return held.length ? 'last_organizer' : 'missing';
}

/** Everyone holding a role other than plain membership in a subtree, shallowest unit first. */
export async function listRoleHolders(db: Db, path: string) {
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      phone: users.phone,
      orgUnitId: memberships.orgUnitId,
      orgUnitName: orgUnits.name,
      path: orgUnits.path,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, memberships.orgUnitId))
    .where(and(underPath(orgUnits.path, path), ne(memberships.role, 'member')))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.path), asc(memberships.role), asc(memberships.createdAt))
    .limit(1000);
}
