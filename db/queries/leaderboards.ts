import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { activityEvents, campaigns, leaderboardEntries, leaderboards, memberships, orgUnits, users } from '../schema';
import type { Db } from '../client';
import { nowIso } from '../ids';
import { chunk, underPath, writeBatch, type Stmt } from './util';

export interface ScoreInput {
  key: string;
  name: string;
  orgUnitId: string | null;
  tiebreak: number;
  /** a figure, or SQL the batch evaluates when it reaches the statement (a sum recomputed from rows the same batch rewrote) */
  score: number | SQL;
  /** when the caller knows it, saves a lookup */ orgUnitName?: string | null;
  /** the person the entry is (kept in D1 only, never shown): how organizers' tools get from a board key back to a member */
  userId?: string | null;
  /** earned only if this holds when the batch reaches the statement (e.g. this batch's activity row exists) */
  when?: SQL;
}
export interface StoredScore {
  key: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  score: number;
  tiebreak: number;
  version: number;
}

export type ScoreMode = 'set' | 'add' | 'best';

/**
 * The statements that write scores to the durable record — `add` accumulates in SQL, so
 * parallel adds never lose an update; `best` keeps whichever of old and new ranks higher
 * (a participant's best attempt). The first `entries.length` return each row as it now
 * stands (none when the entry's `when` did not hold); a module runs them inside its own
 * batch so its write and the score land together.
 */
export function scoreStatements(db: Db, boardId: string, campaignId: string, mode: ScoreMode, entries: ScoreInput[]): Stmt[] {
  const now = nowIso();
  const better = sql`(excluded.score > score OR (excluded.score = score AND excluded.tiebreak < tiebreak))`;
  const pick = (col: 'score' | 'tiebreak') => {
    const c = sql.raw(col);
    return mode === 'add' ? sql`${c} + excluded.${c}` : mode === 'best' ? sql`CASE WHEN ${better} THEN excluded.${c} ELSE ${c} END` : sql`excluded.${c}`;
  };
  const stmts: Stmt[] = entries.map(
    (e) => sql`
    INSERT INTO leaderboard_entries (board_id, key, score, tiebreak, name, org_unit_id, user_id, version, updated_at)
    SELECT ${boardId}, ${e.key}, ${e.score}, ${e.tiebreak}, ${e.name}, ${e.orgUnitId}, ${e.userId ?? null}, 1, ${now}
    WHERE ${e.when ?? sql`1`} -- (a WHERE also lets SQLite parse the upsert after a SELECT)
    ON CONFLICT (board_id, key) DO UPDATE SET
      score = ${pick('score')}, tiebreak = ${pick('tiebreak')}, name = excluded.name,
      org_unit_id = COALESCE(excluded.org_unit_id, org_unit_id), user_id = COALESCE(excluded.user_id, user_id),
      version = version + 1, updated_at = excluded.updated_at
    RETURNING *`,
  );
  stmts.push(
    db
      .insert(leaderboards)
      .values({ boardId, campaignId, updatedAt: now })
      .onConflictDoUpdate({ target: leaderboards.boardId, set: { updatedAt: now } }),
  );
  return stmts;
}

/**
 * For a batch: moves an entry's score by `delta` only if the statement just before it changed
 * a row (a vote this very batch discounted), returning the row for the board's object.
 */
export function shiftScoreIfChanged(boardId: string, key: SQL | string, delta: number): SQL {
  return sql`UPDATE leaderboard_entries SET score = score + ${delta}, version = version + 1, updated_at = ${nowIso()}
             WHERE board_id = ${boardId} AND key = ${key} AND changes() = 1 RETURNING *`;
}

/** The rows score statements returned (in batch order), with unit names (looked up only where the caller did not know them). */
export async function storedScores(db: Db, entries: Array<Pick<ScoreInput, 'orgUnitId' | 'orgUnitName'>>, results: D1Result[]): Promise<StoredScore[]> {
  // only score statements return rows (RETURNING *); the board's `leaderboards` row returns none
  const rows = results.flatMap((r) => (r.results ?? []) as Array<Record<string, unknown>>).filter((r) => 'key' in r && 'version' in r);
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
    orgUnitName: r.org_unit_id ? (names.get(r.org_unit_id as string) ?? null) : null,
    score: r.score as number,
    tiebreak: r.tiebreak as number,
    version: r.version as number,
  }));
}

/** One page of the durable record (by key), with unit names: what an object rebuilds from. */
export async function scoresPage(db: Db, table: 'live' | 'frozen', boardId: string, afterKey: string, limit: number) {
  const t = table === 'live' ? 'leaderboard_entries' : 'leaderboard_frozen';
  const version = table === 'live' ? sql.raw('e.version') : sql.raw('1');
  const res = await db.all<{
    key: string;
    score: number;
    tiebreak: number;
    name: string;
    org_unit_id: string | null;
    unit_name: string | null;
    version: number;
  }>(sql`
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
      ? [
          sql`INSERT INTO leaderboard_frozen (board_id, key, score, tiebreak, name, org_unit_id)
             SELECT board_id, key, score, tiebreak, name, org_unit_id FROM leaderboard_entries WHERE board_id = ${boardId}`,
        ]
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

/** The people behind board keys (organizers' tools: who advances to the next stage). */
export async function usersOfKeys(db: Db, boardId: string, keys: string[]) {
  const out = new Map<string, string>();
  for (const part of chunk(keys, 90)) {
    const rows = await db
      .select({ key: leaderboardEntries.key, userId: leaderboardEntries.userId })
      .from(leaderboardEntries)
      .where(and(eq(leaderboardEntries.boardId, boardId), inArray(leaderboardEntries.key, part)));
    for (const r of rows) if (r.userId) out.set(r.key, r.userId);
  }
  return out;
}

/** Which of these strings are ids of registered people (an import keyed by member id must not show them). */
export async function userIdsAmong(db: Db, ids: string[]) {
  const out = new Set<string>();
  for (const part of chunk(ids, 90)) for (const u of await db.select({ id: users.id }).from(users).where(inArray(users.id, part))) out.add(u.id);
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

/**
 * The units `level` levels below `orgPath` with the members of their whole subtree (unit
 * boards by level), and the path of every unit under `orgPath` (to roll totals up).
 */
export async function levelUnits(db: Db, orgPath: string, level: number) {
  const depth = orgPath.split('/').filter(Boolean).length - 1 + level;
  const [units, paths] = await db.batch([
    db
      .select({
        orgUnitId: orgUnits.id,
        name: orgUnits.name,
        members: sql<number>`(SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.org_path >= ${orgUnits.path} AND m.org_path < ${orgUnits.path} || '~' AND m.role = 'member')`,
      })
      .from(orgUnits)
      .where(and(underPath(orgUnits.path, orgPath), eq(orgUnits.depth, depth))),
    db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(underPath(orgUnits.path, orgPath)),
  ]);
  return { depth, units, paths: new Map(paths.map((p) => [p.id, p.path])) };
}

/**
 * Points a subtree's members earned across the platform's campaigns (activity events, by
 * the unit each was earned in) between two instants, per campaign; and its members.
 */
export async function unitPoints(db: Db, path: string, fromAt: string | null, toAt: string | null) {
  const [byCampaign, members] = await db.batch([
    db
      .select({
        campaignId: activityEvents.campaignId,
        title: campaigns.title,
        kind: campaigns.kind,
        points: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)`,
        participants: sql<number>`COUNT(DISTINCT ${activityEvents.userId})`,
      })
      .from(activityEvents)
      .innerJoin(campaigns, eq(campaigns.id, activityEvents.campaignId))
      .where(
        and(
          underPath(activityEvents.orgPath, path),
          fromAt ? sql`${activityEvents.occurredAt} >= ${fromAt}` : undefined,
          toAt ? sql`${activityEvents.occurredAt} < ${toAt}` : undefined,
          sql`${activityEvents.points} <> 0`,
        ),
      )
      .groupBy(activityEvents.campaignId, campaigns.title, campaigns.kind)
      .orderBy(sql`3 DESC`),
    db
      .select({ n: sql<number>`COUNT(DISTINCT ${memberships.userId})` })
      .from(memberships)
      .where(and(underPath(memberships.orgPath, path), eq(memberships.role, 'member'))),
  ]);
  return { byCampaign: byCampaign.map((r) => ({ ...r, campaignId: r.campaignId! })), members: members[0]?.n ?? 0 };
}
