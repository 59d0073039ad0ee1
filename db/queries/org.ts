import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { memberships, orgUnits, rosterEntries, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { chunk, isUniqueViolation, writeBatch, type Stmt } from './util';
import type { OrgKind } from '../../shared/kinds';

/** Every unit with its direct and subtree registered-member counts (one query, one pass). */
export async function listOrgUnits(db: Db) {
  const rows = await db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      name: orgUnits.name,
      kind: orgUnits.kind,
      path: orgUnits.path,
      memberCount: sql<number>`(SELECT COUNT(*) FROM memberships m WHERE m.org_unit_id = org_units.id AND m.role = 'member')`,
    })
    .from(orgUnits)
    .orderBy(asc(orgUnits.path));
  // Sum direct counts up the tree: paths sort parents before children.
  const subtree = new Map<string, number>();
  for (const r of rows) subtree.set(r.id, r.memberCount);
  for (const r of [...rows].reverse()) {
    if (r.parentId && subtree.has(r.parentId)) subtree.set(r.parentId, subtree.get(r.parentId)! + subtree.get(r.id)!);
  }
  return rows.map((r) => ({ ...r, subtreeMemberCount: subtree.get(r.id) ?? 0 }));
}

export async function getOrgUnit(db: Db, id: string) {
  return db.query.orgUnits.findFirst({ where: eq(orgUnits.id, id) });
}

export async function createOrgUnit(db: Db, actorId: string, parent: { id: string; path: string; depth: number }, input: { name: string; kind: OrgKind }) {
  const id = newId();
  const row = { id, parentId: parent.id, name: input.name, kind: input.kind, path: `${parent.path}${id}/`, depth: parent.depth + 1, createdAt: nowIso() };
  try {
    await writeBatch(db, [
      db.insert(orgUnits).values(row),
      auditInsert({ actorId, action: 'org_unit.create', entity: 'org_unit', entityId: id, orgUnitId: parent.id, detail: { name: input.name, kind: input.kind } }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return row;
}

export interface RosterRow { row: number; name: string; phone: string }

/** What an import would do: which phones are new, already here, elsewhere, or belong to users. */
export async function planRoster(db: Db, unitId: string, rows: RosterRow[]) {
  const phones = rows.map((r) => r.phone);
  const lookups = chunk(phones, 90);
  const existing = new Map<string, { orgUnitId: string; unitName: string; unitPath: string }>();
  const userIds = new Map<string, string>();
  if (lookups.length) {
    const queries = lookups.flatMap((ps) => [
      db
        .select({ phone: rosterEntries.phone, orgUnitId: rosterEntries.orgUnitId, unitName: orgUnits.name, unitPath: orgUnits.path })
        .from(rosterEntries)
        .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
        .where(inArray(rosterEntries.phone, ps)),
      db.select({ phone: users.phone, id: users.id }).from(users).where(inArray(users.phone, ps)),
    ]);
    const results = await db.batch(queries as [(typeof queries)[0], ...(typeof queries)[number][]]);
    results.forEach((res, i) => {
      for (const r of res as Array<Record<string, string>>) {
        if (i % 2 === 0) existing.set(r.phone!, { orgUnitId: r.orgUnitId!, unitName: r.unitName!, unitPath: r.unitPath! });
        else userIds.set(r.phone!, r.id!);
      }
    });
  }
  const toCreate: Array<RosterRow & { userId: string | null }> = [];
  const elsewhere: Array<RosterRow & { unitName: string; unitPath: string }> = [];
  let unchanged = 0;
  for (const r of rows) {
    const e = existing.get(r.phone);
    if (e && e.orgUnitId === unitId) unchanged++;
    else if (e) elsewhere.push({ ...r, unitName: e.unitName, unitPath: e.unitPath });
    else toCreate.push({ ...r, userId: userIds.get(r.phone) ?? null });
  }
  return { toCreate, elsewhere, unchanged };
}

/**
 * Writes the good rows of a roster in one batch: the entries, and a membership for each
 * phone that already has an account (those are "linked"). Re-imports change nothing.
 */
export async function applyRoster(db: Db, actorId: string, unit: { id: string; path: string }, toCreate: Array<RosterRow & { userId: string | null }>, summary: Record<string, unknown>) {
  const now = nowIso();
  const stmts: Stmt[] = [];
  for (const part of chunk(toCreate, 16)) {
    stmts.push(
      db.insert(rosterEntries)
        .values(part.map((r) => ({ id: newId(), orgUnitId: unit.id, phone: r.phone, name: r.name, userId: r.userId, createdAt: now })))
        .onConflictDoNothing(),
    );
  }
  const linked = toCreate.filter((r) => r.userId);
  for (const part of chunk(linked, 16)) {
    stmts.push(
      db.insert(memberships)
        .values(part.map((r) => ({ id: newId(), userId: r.userId!, orgUnitId: unit.id, orgPath: unit.path, role: 'member' as const, createdAt: now })))
        .onConflictDoNothing(),
    );
  }
  stmts.push(auditInsert({ actorId, action: 'roster.import', entity: 'org_unit', entityId: unit.id, orgUnitId: unit.id, detail: summary }));
  // One batch is one transaction: the good rows land together or not at all.
  await writeBatch(db, stmts);
  return { created: toCreate.length, linked: linked.length };
}

export async function listRoster(db: Db, unitId: string, limit: number, afterPhone: string | null) {
  return db
    .select({ name: rosterEntries.name, phone: rosterEntries.phone, userId: rosterEntries.userId, createdAt: rosterEntries.createdAt })
    .from(rosterEntries)
    .where(and(eq(rosterEntries.orgUnitId, unitId), afterPhone ? sql`${rosterEntries.phone} > ${afterPhone}` : undefined))
    .orderBy(asc(rosterEntries.phone))
    .limit(limit + 1);
}

/** The unit a user is a registered member of (the first, when several), with its path and name. */
export async function memberUnit(db: Db, userId: string) {
  const r = await db.select({ id: memberships.orgUnitId, path: memberships.orgPath, name: orgUnits.name }).from(memberships)
    .innerJoin(orgUnits, eq(orgUnits.id, memberships.orgUnitId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'member'))).orderBy(asc(memberships.createdAt)).limit(1);
  return r[0] ?? null;
}

/** The units directly below a unit, in tree order. */
export async function listChildUnits(db: Db, parentId: string) {
  return db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.parentId, parentId)).orderBy(asc(orgUnits.path));
}
