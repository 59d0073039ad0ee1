import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { auditInsert } from './activity';
import { abortUnlessChanged, guardedBatch, type Stmt } from './util';
import { chinaDay } from '../../shared/china-time';
import type { MemberCategory, MemberStatus, PartyPost } from '../../shared/people';

/* The member registry: roster entries with their registry fields, across a subtree. */

export interface RegistryFilter {
  category?: MemberCategory | undefined;
  post?: PartyPost | undefined;
  status?: MemberStatus | undefined;
  /** part of a name or a phone */
  q?: string | undefined;
}

export interface RegistryRow {
  rosterId: string;
  userId: string | null;
  name: string;
  phone: string;
  orgUnitId: string;
  orgUnitName: string;
  orgPath: string;
  category: MemberCategory;
  posts: PartyPost[];
  status: MemberStatus;
  joinedPartyOn: string | null;
  postSince: string | null;
}

/** A registry row as the API gives it (phones in full: only organizers of the person's subtree read the registry). */
export const memberDto = ({ orgPath: _p, ...r }: RegistryRow) => ({ ...r, registered: !!r.userId });

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(path: string, f: RegistryFilter): SQL {
  const conds: SQL[] = [sql`u.path >= ${path} AND u.path < ${path} || '~'`];
  if (f.category) conds.push(sql`r.category = ${f.category}`);
  if (f.status) conds.push(sql`r.status = ${f.status}`);
  if (f.post) conds.push(sql`EXISTS (SELECT 1 FROM json_each(r.posts) j WHERE j.value = ${f.post})`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    conds.push(sql`(r.name LIKE ${like} ESCAPE '\\' OR r.phone LIKE ${like} ESCAPE '\\')`);
  }
  return sql.join(conds, sql` AND `);
}

type RawRow = Omit<RegistryRow, 'posts'> & { posts: string };
const SELECT_ROW = sql`SELECT r.id AS rosterId, r.user_id AS userId, r.name, r.phone, r.org_unit_id AS orgUnitId, u.name AS orgUnitName, u.path AS orgPath,
  r.category, r.posts, r.status, r.joined_party_on AS joinedPartyOn, r.post_since AS postSince
  FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id`;
const parsed = (r: RawRow): RegistryRow => ({ ...r, posts: JSON.parse(r.posts || '[]') as PartyPost[] });

/** The cursor of a registry page: the (unit path, roster id) of its last row. Paths hold '/', so it is its own base64, checked on the way back. */
export const registryCursor = (r: { orgPath: string; rosterId: string }) => btoa(`${r.orgPath}|${r.rosterId}`).replace(/=+$/, '');
export function decodeRegistryCursor(c: string | undefined): { path: string; id: string } | null {
  if (!c) return null;
  try {
    const [path, id, ...rest] = atob(c).split('|');
    return path && id && !rest.length && /^\/[0-9A-Za-z_/-]{1,400}$/.test(path) && /^[0-9A-Za-z_-]{1,64}$/.test(id) ? { path, id } : null;
  } catch {
    return null;
  }
}

/** One page of the registry of a subtree, in tree order (unit by unit), `limit + 1` rows read. */
export async function listRegistry(db: Db, path: string, f: RegistryFilter, limit: number, after: { path: string; id: string } | null): Promise<RegistryRow[]> {
  const rows = await db.all<RawRow>(sql`${SELECT_ROW} WHERE ${where(path, f)} ${after ? sql`AND (u.path, r.id) > (${after.path}, ${after.id})` : sql``}
    ORDER BY u.path, r.id LIMIT ${limit + 1}`);
  return rows.map(parsed);
}

/** Counts for the registry screen's chips: everyone in the subtree, by category, post and status. */
export async function registryCounts(db: Db, path: string) {
  const w = where(path, {});
  const [totals, cats, sts, posts] = await Promise.all([
    db.all<{ total: number; registered: number }>(
      sql`SELECT COUNT(*) AS total, COUNT(r.user_id) AS registered FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE ${w}`,
    ),
    db.all<{ k: string; n: number }>(
      sql`SELECT r.category AS k, COUNT(*) AS n FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE ${w} GROUP BY 1`,
    ),
    db.all<{ k: string; n: number }>(
      sql`SELECT r.status AS k, COUNT(*) AS n FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE ${w} GROUP BY 1`,
    ),
    db.all<{ k: string; n: number }>(
      sql`SELECT j.value AS k, COUNT(*) AS n FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id, json_each(r.posts) j WHERE ${w} GROUP BY 1`,
    ),
  ]);
  const rec = (rows: Array<{ k: string; n: number }>) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
  return { total: totals[0]?.total ?? 0, registered: totals[0]?.registered ?? 0, byCategory: rec(cats), byPost: rec(posts), byStatus: rec(sts) };
}

export async function getRegistryEntry(db: Db, rosterId: string): Promise<RegistryRow | null> {
  const [r] = await db.all<RawRow>(sql`${SELECT_ROW} WHERE r.id = ${rosterId}`);
  return r ? parsed(r) : null;
}

export interface RegistryPatch {
  name?: string | undefined;
  category?: MemberCategory | undefined;
  posts?: PartyPost[] | undefined;
  postSince?: string | null | undefined;
  status?: MemberStatus | undefined;
  joinedPartyOn?: string | null | undefined;
}
const COLUMN: Record<keyof RegistryPatch, string> = {
  name: 'name',
  category: 'category',
  posts: 'posts',
  postSince: 'post_since',
  status: 'status',
  joinedPartyOn: 'joined_party_on',
};

/**
 * Edits an entry's registry fields with its audit row (what changed, before and after) in
 * one batch. The update holds only while the entry is still in the unit it was read in (a
 * transfer in between makes it `null`: the caller reads it again). Returns the changed fields.
 */
export async function patchRegistryEntry(db: Db, actorId: string, before: RegistryRow, patch: RegistryPatch): Promise<Array<keyof RegistryPatch> | null> {
  const changed = (Object.keys(COLUMN) as Array<keyof RegistryPatch>).filter(
    (k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
  );
  if (!changed.length) return [];
  const sets = sql.join(
    changed.map((k) => sql`${sql.raw(COLUMN[k])} = ${k === 'posts' ? JSON.stringify(patch.posts) : patch[k]}`),
    sql`, `,
  );
  const pick = (o: RegistryPatch | RegistryRow) => Object.fromEntries(changed.map((k) => [k, o[k]]));
  const done = await guardedBatch(db, [
    sql`UPDATE roster_entries SET ${sets} WHERE id = ${before.rosterId} AND org_unit_id = ${before.orgUnitId}`,
    abortUnlessChanged(),
    auditInsert({
      actorId,
      action: 'roster.update',
      entity: 'roster_entry',
      entityId: before.rosterId,
      orgUnitId: before.orgUnitId,
      detail: { before: pick(before), after: pick(patch) },
    }),
  ]);
  return done ? changed : null;
}

/**
 * 组织关系转接: moves a person on the registry to another unit in one batch — the roster
 * entry, their member row (when they have an account), the open period closed today and a
 * new one opened, and the audit row. Only while the entry is still in `from` (else null: a
 * parallel transfer won). Returns the China day the move counts from.
 */
export async function transferMember(
  db: Db,
  actorId: string,
  entry: RegistryRow,
  to: { id: string; path: string; name: string },
  note: string,
): Promise<string | null> {
  const day = chinaDay();
  const now = nowIso();
  const stmts: Stmt[] = [
    sql`UPDATE roster_entries SET org_unit_id = ${to.id} WHERE id = ${entry.rosterId} AND org_unit_id = ${entry.orgUnitId}`,
    abortUnlessChanged(),
  ];
  if (entry.userId) {
    // the member row follows; if they were somehow a member of the target already, the old row goes
    stmts.push(
      sql`UPDATE OR IGNORE memberships SET org_unit_id = ${to.id}, org_path = ${to.path} WHERE user_id = ${entry.userId} AND org_unit_id = ${entry.orgUnitId} AND role = 'member'`,
      sql`DELETE FROM memberships WHERE user_id = ${entry.userId} AND org_unit_id = ${entry.orgUnitId} AND role = 'member'`,
    );
  }
  stmts.push(
    sql`UPDATE membership_periods SET to_day = ${day} WHERE roster_id = ${entry.rosterId} AND to_day IS NULL`,
    sql`INSERT INTO membership_periods (id, roster_id, user_id, org_unit_id, org_path, from_day, to_day, reason, note, created_at)
        VALUES (${newId()}, ${entry.rosterId}, ${entry.userId}, ${to.id}, ${to.path}, ${day}, NULL, 'transfer', ${note}, ${now})`,
    auditInsert({
      actorId,
      action: 'roster.transfer',
      entity: 'roster_entry',
      entityId: entry.rosterId,
      orgUnitId: entry.orgUnitId,
      detail: { name: entry.name, from: { id: entry.orgUnitId, name: entry.orgUnitName }, to: { id: to.id, name: to.name }, reason: note, day },
    }),
  );
  return (await guardedBatch(db, stmts)) ? day : null;
}

/** The periods of one registry entry, oldest first: where they were, from when to when. */
export async function periodsOf(db: Db, rosterId: string) {
  return db.all<{ orgUnitId: string; orgUnitName: string | null; fromDay: string; toDay: string | null; reason: string; note: string | null }>(sql`
    SELECT p.org_unit_id AS orgUnitId, u.name AS orgUnitName, p.from_day AS fromDay, p.to_day AS toDay, p.reason, p.note
    FROM membership_periods p LEFT JOIN org_units u ON u.id = p.org_unit_id WHERE p.roster_id = ${rosterId} ORDER BY p.from_day, p.created_at`);
}
