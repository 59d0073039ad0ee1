import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { leaderboardEntries, leaderboards, memberships, orgUnits } from '../schema';
import type { Db } from '../client';
import { nowIso } from '../ids';
import { chunk, underPath, writeBatch, type Stmt } from './util';

export interface ScoreInput { key: string; name: string; orgUnitId: string | null; score: number; tiebreak: number; /** when the caller knows it, saves a lookup */ orgUnitName?: string | null }
export interface StoredScore extends ScoreInput { version: number; orgUnitName: string | null }

export type ScoreMode = 'set' | 'add' | 'best';

/**
 * The statements that write scores to the durable record — `add` accumulates in SQL, so
 * parallel adds never lose an update; `best` keeps whichever of old and new ranks higher
 * (a participant's best attempt). The first `entries.length` return each row as it now
 * stands; a module may run them inside its own batch so its write and the score land together.
 */
export function scoreStatements(db: Db, boardId: string, campaignId: string, mode: ScoreMode, entries: ScoreInput[]): Stmt[] {
  const now = nowIso();
  const better = sql`(excluded.score > ${leaderboardEntries.score} OR (excluded.score = ${leaderboardEntries.score} AND excluded.tiebreak < ${leaderboardEntries.tiebreak}))`;
  const pick = (add: SQL, col: typeof leaderboardEntries.score | typeof leaderboardEntries.tiebreak, ex: SQL) =>
    mode === 'add' ? add : mode === 'best' ? sql`CASE WHEN ${better} THEN ${ex} ELSE ${col} END` : ex;
  const stmts: Stmt[] = entries.map((e) =>
    db
      .insert(leaderboardEntries)
      .values({ boardId, key: e.key, score: e.score, tiebreak: e.tiebreak, name: e.name, orgUnitId: e.orgUnitId, version: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: [leaderboardEntries.boardId, leaderboardEntries.key],
        set: {
          score: pick(sql`${leaderboardEntries.score} + excluded.score`, leaderboardEntries.score, sql`excluded.score`),
          tiebreak: pick(sql`${leaderboardEntries.tiebreak} + excluded.tiebreak`, leaderboardEntries.tiebreak, sql`excluded.tiebreak`),
          name: sql`excluded.name`,
          orgUnitId: sql`COALESCE(excluded.org_unit_id, ${leaderboardEntries.orgUnitId})`,
          version: sql`${leaderboardEntries.version} + 1`,
          updatedAt: now,
        },
      })
      .returning(),
  );
  stmts.push(db.insert(leaderboards).values({ boardId, campaignId, updatedAt: now }).onConflictDoUpdate({ target: leaderboards.boardId, set: { updatedAt: now } }));
  return stmts;
}

/** The rows `scoreStatements` returned, with unit names (looked up only where the caller did not know them). */
export async function storedScores(db: Db, entries: ScoreInput[], results: D1Result[]): Promise<StoredScore[]> {
  const rows = results.slice(0, entries.length).map((r) => (r.results as Array<Record<string, unknown>>)[0]!);
  const names = new Map<string, string>();
  for (const e of entries) if (e.orgUnitId && e.orgUnitName) names.set(e.orgUnitId, e.orgUnitName);
  const unitIds = [...new Set(rows.map((r) => r.org_unit_id as string | null).filter((x): x is string => !!x && !names.has(x)))];
  for (const ids of chunk(unitIds, 90)) {
    for (const u of await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids))) names.set(u.id, u.name);
  }
  return rows.map((r) => ({
    key: r.key as string,
    name: r.name as string,
    orgUnitId: (r.org_unit_id as string | null) ?? null,
    orgUnitName: r.org_unit_id ? names.get(r.org_unit_id as string) ?? null : null,
    score: r.score as number,
    tiebreak: r.tiebreak as number,
    version: r.version as number,
  }));
}

/** Writes scores to the durable record in one batch and returns each row as it now stands, with its version. */
export async function upsertScores(db: Db, boardId: string, campaignId: string, mode: ScoreMode, entries: ScoreInput[]): Promise<StoredScore[]> {
  return storedScores(db, entries, await writeBatch(db, scoreStatements(db, boardId, campaignId, mode, entries)));
}

/** One page of the durable record (by key), with unit names: what an object rebuilds from. */
export async function scoresPage(db: Db, table: 'live' | 'frozen', boardId: string, afterKey: string, limit: number) {
  const t = table === 'live' ? 'leaderboard_entries' : 'leaderboard_frozen';
  const version = table === 'live' ? sql.raw('e.version') : sql.raw('1');
  const res = await db.all<{ key: string; score: number; tiebreak: number; name: string; org_unit_id: string | null; unit_name: string | null; version: number }>(sql`
    SELECT e.key, e.score, e.tiebreak, e.name, e.org_unit_id, u.name AS unit_name, ${version} AS version
    FROM ${sql.raw(t)} e LEFT JOIN org_units u ON u.id = e.org_unit_id
    WHERE e.board_id = ${boardId} AND e.key > ${afterKey}
    ORDER BY e.key LIMIT ${limit}`);
  return res;
}

export async function boardState(db: Db, boardId: string) {
  return db.query.leaderboards.findFirst({ where: eq(leaderboards.boardId, boardId) });
}

/** Snapshots the durable record at a freeze (one batch) so a rebuilt object shows the same frozen board. */
export async function freezeBoard(db: Db, boardId: string, campaignId: string, frozen: boolean) {
  const now = nowIso();
  await writeBatch(db, [
    sql`DELETE FROM leaderboard_frozen WHERE board_id = ${boardId}`,
    ...(frozen
      ? [sql`INSERT INTO leaderboard_frozen (board_id, key, score, tiebreak, name, org_unit_id)
             SELECT board_id, key, score, tiebreak, name, org_unit_id FROM leaderboard_entries WHERE board_id = ${boardId}`]
      : []),
    db
      .insert(leaderboards)
      .values({ boardId, campaignId, frozenAt: frozen ? now : null, updatedAt: now })
      .onConflictDoUpdate({ target: leaderboards.boardId, set: { frozenAt: frozen ? now : null, updatedAt: now } }),
  ]);
  return frozen ? now : null;
}

/**
 * The units an org board ranks: every unit of the campaign's subtree that has registered
 * members, with that count (the denominator of `average` and `participation`).
 */
export async function rankedUnits(db: Db, orgPath: string) {
  return db
    .select({ orgUnitId: orgUnits.id, name: orgUnits.name, members: sql<number>`COUNT(DISTINCT ${memberships.userId})` })
    .from(memberships)
    .innerJoin(orgUnits, eq(orgUnits.id, memberships.orgUnitId))
    .where(and(underPath(memberships.orgPath, orgPath), eq(memberships.role, 'member')))
    .groupBy(orgUnits.id, orgUnits.name);
}

/** The member unit of each user key (for scores sent without an orgUnitId). */
export async function memberUnits(db: Db, userIds: string[]) {
  const out = new Map<string, string>();
  for (const ids of chunk(userIds, 90)) {
    const rows = await db
      .select({ userId: memberships.userId, orgUnitId: memberships.orgUnitId })
      .from(memberships)
      .where(and(inArray(memberships.userId, ids), eq(memberships.role, 'member')));
    for (const r of rows) if (!out.has(r.userId)) out.set(r.userId, r.orgUnitId);
  }
  return out;
}

/** Units by id with their paths, to check that imported scores stay inside the campaign's subtree. */
export async function unitsById(db: Db, ids: string[]) {
  const out = new Map<string, { path: string; name: string }>();
  for (const part of chunk(ids, 90)) {
    for (const u of await db.select({ id: orgUnits.id, path: orgUnits.path, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, part))) {
      out.set(u.id, { path: u.path, name: u.name });
    }
  }
  return out;
}
