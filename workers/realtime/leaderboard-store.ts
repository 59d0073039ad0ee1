import { ANONYMOUS_NAME, isAnonymousKey } from '../../shared/board-key';
import { maskName } from '../../shared/mask';
import { assignRanks, type BoardEntry } from '../../shared/ranking';
import type { Audience } from './leaderboard-types';
import { OrderStatistic } from './order-statistic';

/**
 * A leaderboard Durable Object's own SQLite (leaderboard.ts): its tables, reading a page of
 * rows in ranking order, building the in-memory index, and how a row is shown to a reader.
 */

export type Row = { key: string; score: number; tiebreak: number; name: string; org_unit_id: string | null; org_unit_name: string | null };

/** `entries` the live board, `frozen` its copy while frozen, `units` running totals per unit, `meta` small state. */
export const BOARD_SCHEMA = `
      CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, score REAL NOT NULL, tiebreak REAL NOT NULL, name TEXT NOT NULL,
        org_unit_id TEXT, org_unit_name TEXT, version INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS entries_rank ON entries (score DESC, tiebreak ASC, key ASC);
      CREATE TABLE IF NOT EXISTS frozen (key TEXT PRIMARY KEY, score REAL NOT NULL, tiebreak REAL NOT NULL, name TEXT NOT NULL,
        org_unit_id TEXT, org_unit_name TEXT);
      CREATE INDEX IF NOT EXISTS frozen_rank ON frozen (score DESC, tiebreak ASC, key ASC);
      CREATE TABLE IF NOT EXISTS units (org_unit_id TEXT PRIMARY KEY, sum REAL NOT NULL, participants INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);`;

export function presentEntry(r: Row & { rank: number }, audience: Audience, self?: string, mask = true): BoardEntry {
  // Anonymous giving shows the public no unit (a small unit would name the donor) and the
  // name 爱心人士 as it is; its key was derived apart from the donor's, so it links to nobody.
  if (audience === 'public' && isAnonymousKey(r.key))
    return { rank: r.rank, key: r.key, name: ANONYMOUS_NAME, orgUnitId: null, orgUnitName: null, score: r.score };
  const name = !mask || audience === 'organizer' || r.key === self ? r.name : maskName(r.name);
  return { rank: r.rank, key: r.key, name, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name, score: r.score };
}

/** Rows at positions [offset, offset+limit): seek to the pair at `offset` through the index, then read in order. */
export function pageRows(sql: SqlStorage, view: 'live' | 'frozen', os: OrderStatistic, offset: number, limit: number): Array<Row & { rank: number }> {
  const at = os.at(offset);
  if (!at || limit <= 0) return [];
  const table = view === 'frozen' ? 'frozen' : 'entries';
  const aheadCount = os.countAhead(at);
  const cols = 'key, score, tiebreak, name, org_unit_id, org_unit_name';
  const rows = sql
    .exec<Row>(`SELECT ${cols} FROM ${table} WHERE score = ? AND tiebreak = ? ORDER BY key LIMIT ? OFFSET ?`, at.score, at.tiebreak, limit, offset - aheadCount)
    .toArray();
  if (rows.length < limit) {
    rows.push(
      ...sql
        .exec<Row>(`SELECT ${cols} FROM ${table} WHERE score = ? AND tiebreak > ? ORDER BY tiebreak, key LIMIT ?`, at.score, at.tiebreak, limit - rows.length)
        .toArray(),
    );
  }
  if (rows.length < limit) {
    rows.push(
      ...sql.exec<Row>(`SELECT ${cols} FROM ${table} WHERE score < ? ORDER BY score DESC, tiebreak, key LIMIT ?`, at.score, limit - rows.length).toArray(),
    );
  }
  return assignRanks(rows, aheadCount + 1, offset);
}

/** The in-memory index of one table's (score, tiebreak) pairs, read in ranking order. */
export function loadIndex(sql: SqlStorage, table: 'entries' | 'frozen'): OrderStatistic {
  const n = sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).one().n;
  const s = new Float64Array(n);
  const t = new Float64Array(n);
  let i = 0;
  for (const r of sql.exec<{ score: number; tiebreak: number }>(`SELECT score, tiebreak FROM ${table} ORDER BY score DESC, tiebreak ASC`)) {
    s[i] = r.score;
    t[i++] = r.tiebreak;
  }
  return OrderStatistic.fromSorted(s, t);
}
