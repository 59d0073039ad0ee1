import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberships, orgUnits, rosterEntries, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { abortUnlessChanged, chunk, guardedBatch, isUniqueViolation, writeBatch, type Stmt } from './util';
import type { OrgKind } from '../../shared/kinds';
import type { RegistryFields, RosterRowIn } from '../../shared/roster';
import { chinaDay } from '../../shared/china-time';

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
    // archived units leave the tree and every picker (their history stays)
    .where(isNull(orgUnits.archivedAt))
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
      auditInsert({
        actorId,
        action: 'org_unit.create',
        entity: 'org_unit',
        entityId: id,
        orgUnitId: parent.id,
        detail: { name: input.name, kind: input.kind },
      }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return row;
}

export type RosterRow = RosterRowIn;
type Stored = Required<{ [K in keyof RegistryFields]: RegistryFields[K] | null }>;
const REGISTRY_KEYS = ['category', 'posts', 'postSince', 'status', 'joinedPartyOn'] as const;

/** The registry fields a re-imported row would change on its stored entry (empty cells change nothing). */
function registryChanges(row: RosterRow, stored: Stored): RegistryFields {
  const out: RegistryFields = {};
  for (const k of REGISTRY_KEYS) {
    const v = row[k];
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(stored[k])) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** What an import would do: which phones are new, already here (and which of those change), elsewhere, or belong to users. */
export async function planRoster(db: Db, unitId: string, rows: RosterRow[]) {
  const phones = rows.map((r) => r.phone);
  const lookups = chunk(phones, 90);
  const existing = new Map<string, { id: string; orgUnitId: string; unitName: string; unitPath: string; stored: Stored }>();
  const userIds = new Map<string, string>();
  if (lookups.length) {
    const queries = lookups.flatMap((ps) => [
      db
        .select({
          id: rosterEntries.id,
          phone: rosterEntries.phone,
          orgUnitId: rosterEntries.orgUnitId,
          unitName: orgUnits.name,
          unitPath: orgUnits.path,
          category: rosterEntries.category,
          posts: rosterEntries.posts,
          postSince: rosterEntries.postSince,
          status: rosterEntries.status,
          joinedPartyOn: rosterEntries.joinedPartyOn,
        })
        .from(rosterEntries)
        .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
        .where(inArray(rosterEntries.phone, ps)),
      db.select({ phone: users.phone, id: users.id }).from(users).where(inArray(users.phone, ps)),
    ]);
    const results = await db.batch(queries as [(typeof queries)[0], ...(typeof queries)[number][]]);
    results.forEach((res, i) => {
      for (const r of res as Array<Record<string, unknown>>) {
        if (i % 2 === 0) {
          const { id, phone, orgUnitId, unitName, unitPath, ...stored } = r as Record<string, string>;
          existing.set(phone!, { id: id!, orgUnitId: orgUnitId!, unitName: unitName!, unitPath: unitPath!, stored: stored as unknown as Stored });
        } else userIds.set(r.phone as string, r.id as string);
      }
    });
  }
  const toCreate: Array<RosterRow & { userId: string | null }> = [];
  const toUpdate: Array<{ id: string; row: number; changes: RegistryFields }> = [];
  const elsewhere: Array<RosterRow & { unitName: string; unitPath: string }> = [];
  let unchanged = 0;
  for (const r of rows) {
    const e = existing.get(r.phone);
    if (e && e.orgUnitId === unitId) {
      const changes = registryChanges(r, e.stored);
      if (Object.keys(changes).length) toUpdate.push({ id: e.id, row: r.row, changes });
      else unchanged++;
    } else if (e) elsewhere.push({ ...r, unitName: e.unitName, unitPath: e.unitPath });
    else toCreate.push({ ...r, userId: userIds.get(r.phone) ?? null });
  }
  return { toCreate, toUpdate, elsewhere, unchanged };
}

/**
 * Writes the good rows of a roster in one batch: the entries with their registry fields and
 * membership periods (from today), a membership for each phone that already has an account
 * (those are "linked"), and the registry fields a re-import changes on entries already here.
 * Re-importing the same sheet changes nothing.
 */
export async function applyRoster(
  db: Db,
  actorId: string,
  unit: { id: string; path: string },
  toCreate: Array<RosterRow & { userId: string | null }>,
  toUpdate: Array<{ id: string; changes: RegistryFields }>,
  summary: Record<string, unknown>,
) {
  const now = nowIso();
  const stmts: Stmt[] = [];
  for (const part of chunk(toCreate, 8)) {
    stmts.push(
      db
        .insert(rosterEntries)
        .values(
          part.map((r) => ({
            id: newId(),
            orgUnitId: unit.id,
            phone: r.phone,
            name: r.name,
            userId: r.userId,
            createdAt: now,
            category: r.category ?? 'full',
            posts: r.posts ?? [],
            postSince: r.postSince ?? null,
            status: r.status ?? 'active',
            joinedPartyOn: r.joinedPartyOn ?? null,
          })),
        )
        .onConflictDoNothing(),
    );
  }
  // a period for every entry this batch wrote (a phone another import took meanwhile was skipped above, and gets none)
  stmts.push(sql`
    INSERT INTO membership_periods (id, roster_id, user_id, org_unit_id, org_path, from_day, to_day, reason, note, created_at)
    SELECT 'mp-' || r.id, r.id, r.user_id, r.org_unit_id, ${unit.path}, ${chinaDay()}, NULL, 'import', NULL, ${now}
    FROM roster_entries r WHERE r.org_unit_id = ${unit.id} AND r.created_at = ${now}
    ON CONFLICT DO NOTHING`);
  const linked = toCreate.filter((r) => r.userId);
  for (const part of chunk(linked, 16)) {
    stmts.push(
      db
        .insert(memberships)
        .values(part.map((r) => ({ id: newId(), userId: r.userId!, orgUnitId: unit.id, orgPath: unit.path, role: 'member' as const, createdAt: now })))
        .onConflictDoNothing(),
    );
  }
  for (const u of toUpdate) {
    const c = u.changes;
    stmts.push(
      db
        .update(rosterEntries)
        .set({ category: c.category, posts: c.posts, postSince: c.postSince, status: c.status, joinedPartyOn: c.joinedPartyOn })
        .where(and(eq(rosterEntries.id, u.id), eq(rosterEntries.orgUnitId, unit.id))),
    );
  }
  stmts.push(
    auditInsert({
      actorId,
      action: 'roster.import',
      entity: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      detail: { ...summary, created: toCreate.length, updated: toUpdate.length },
    }),
  );
  // One batch is one transaction: the good rows land together or not at all.
  await writeBatch(db, stmts);
  return { created: toCreate.length, linked: linked.length, updated: toUpdate.length };
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
  const r = await db
    .select({ id: memberships.orgUnitId, path: memberships.orgPath, name: orgUnits.name })
    .from(memberships)
    .innerJoin(orgUnits, eq(orgUnits.id, memberships.orgUnitId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'member')))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return r[0] ?? null;
}

/**
 * Every denormalized copy of a unit path (column per table). A move rewrites them all with
 * the unit's own rows, so subtree rollups keep finding what happened there. A module that adds
 * an `org_path`-like column adds it here.
 */
export const PATH_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['memberships', 'org_path'],
  ['membership_periods', 'org_path'],
  ['campaigns', 'org_path'],
  ['activity_events', 'org_path'],
  // the daily rollups (db/rollup-sql.ts) key by path too
  ['activity_daily', 'org_path'],
  ['activity_user_days', 'org_path'],
  ['activity_user_months', 'org_path'],
  ['activity_user_years', 'org_path'],
  ['question_banks', 'org_path'],
  ['pledges', 'org_path'],
  ['service_records', 'org_path'],
  ['service_activities', 'org_path'],
  ['volunteer_pairs', 'member_path'],
  ['training_enrollments', 'org_path'],
  ['training_attendance', 'org_path'],
];

/**
 * Renames and/or moves a unit in one batch. A move gives the unit the path `parent.path + id/`:
 * every path under the old one (units, depths, and each PATH_COLUMNS copy) is rewritten by
 * swapping the prefix. The first statement holds only while the unit still has the path it
 * was read with (a parallel move makes this null, nothing written). Null also when the name is
 * taken under the target parent ('name_taken').
 */
export async function moveOrgUnit(
  db: Db,
  actorId: string,
  unit: { id: string; path: string; depth: number; parentId: string | null; name: string },
  change: { name?: string | undefined; parent?: { id: string; path: string; depth: number } | undefined },
): Promise<'ok' | 'raced' | 'name_taken'> {
  const name = change.name ?? unit.name;
  const parent = change.parent && change.parent.id !== unit.parentId ? change.parent : undefined;
  const stmts: Stmt[] = [
    sql`UPDATE org_units SET name = ${name}, parent_id = ${parent?.id ?? unit.parentId} WHERE id = ${unit.id} AND path = ${unit.path}`,
    abortUnlessChanged(),
  ];
  if (parent) {
    const from = unit.path;
    const to = `${parent.path}${unit.id}/`;
    const delta = parent.depth + 1 - unit.depth;
    const swap = (col: string) => sql`${to} || substr(${sql.raw(col)}, ${from.length + 1})`;
    const under = (col: string) => sql`${sql.raw(col)} >= ${from} AND ${sql.raw(col)} < ${from + '~'}`;
    stmts.push(sql`UPDATE org_units SET path = ${swap('path')}, depth = depth + ${delta} WHERE ${under('path')}`);
    for (const [table, col] of PATH_COLUMNS) stmts.push(sql`UPDATE ${sql.raw(table)} SET ${sql.raw(col)} = ${swap(col)} WHERE ${under(col)}`);
  }
  stmts.push(
    auditInsert({
      actorId,
      action: parent ? 'org_unit.move' : 'org_unit.rename',
      entity: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      detail: { before: { name: unit.name, parentId: unit.parentId }, after: { name, parentId: parent?.id ?? unit.parentId } },
    }),
  );
  try {
    return (await guardedBatch(db, stmts)) ? 'ok' : 'raced';
  } catch (e) {
    if (isUniqueViolation(e)) return 'name_taken';
    throw e;
  }
}

/** Why a unit can't be archived: what is still in it (sub-units, people on its roster or member rows, campaigns not closed), or null. */
export async function archiveBlocker(db: Db, unitId: string): Promise<'children' | 'members' | 'campaigns' | null> {
  const [r] = await db.all<{ children: number; members: number; campaigns: number }>(sql`SELECT ${emptiness(unitId)}`);
  return r?.children ? 'children' : r?.members ? 'members' : r?.campaigns ? 'campaigns' : null;
}
const emptiness = (unitId: string) => sql`
  EXISTS (SELECT 1 FROM org_units c WHERE c.parent_id = ${unitId} AND c.archived_at IS NULL) AS children,
  (EXISTS (SELECT 1 FROM roster_entries r WHERE r.org_unit_id = ${unitId}) OR EXISTS (SELECT 1 FROM memberships m WHERE m.org_unit_id = ${unitId} AND m.role = 'member')) AS members,
  EXISTS (SELECT 1 FROM campaigns k WHERE k.org_unit_id = ${unitId} AND k.status <> 'closed') AS campaigns`;

/** Archives an empty unit: one conditional statement (emptiness re-checked in it, so an import racing it wins or loses whole) and its audit row. */
export async function archiveOrgUnit(db: Db, actorId: string, unit: { id: string; name: string }): Promise<boolean> {
  const done = await guardedBatch(db, [
    sql`UPDATE org_units SET archived_at = ${nowIso()} WHERE id = ${unit.id} AND archived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM org_units c WHERE c.parent_id = ${unit.id} AND c.archived_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.org_unit_id = ${unit.id})
        AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.org_unit_id = ${unit.id} AND m.role = 'member')
        AND NOT EXISTS (SELECT 1 FROM campaigns k WHERE k.org_unit_id = ${unit.id} AND k.status <> 'closed')`,
    abortUnlessChanged(),
    auditInsert({ actorId, action: 'org_unit.archive', entity: 'org_unit', entityId: unit.id, orgUnitId: unit.id, detail: { name: unit.name } }),
  ]);
  return !!done;
}

/** The units directly below a unit (archived ones left out), in tree order. */
export async function listChildUnits(db: Db, parentId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, parentId), isNull(orgUnits.archivedAt)))
    .orderBy(asc(orgUnits.path));
}
