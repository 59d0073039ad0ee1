import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { readBatch } from './util';
import { memberIdsAtSql } from './people';
import { CHINA_DAY_SQL, rollupSql, unrollSql } from '../rollup-sql';
import { chinaDay, chinaMidnight, addDays } from '../../shared/china-time';

/*
 * Member-activity metrics read the daily rollups (activity_daily, activity_user_days) for the
 * whole China days of a range, and raw activity_events only for what rollups cannot answer:
 * the partial days at the range's edges (at most a day each) and the tail not yet rolled up
 * (rowid above the watermark; the cron folds it every 5 minutes). Both raw reads are bounded
 * by an index, so a city's five years cost the same as a week. Definitions: shared/metrics.ts.
 */

export interface MetricsRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** How a range splits: whole China days [firstDay, lastDay] ↔ instants [fullFrom, fullTo). */
export interface RangeSplit {
  from: string | null;
  to: string | null;
  firstDay: string;
  lastDay: string;
  /** ISO instants bounding the whole days; null = unbounded */
  fullFrom: string | null;
  fullTo: string | null;
  /** no whole day inside the range: everything is read raw */
  empty: boolean;
}

/** Pure: which whole China days lie inside [from, to] (both inclusive instants). */
export function splitRange(range: MetricsRange): RangeSplit {
  const from = range.from ? Date.parse(range.from) : null;
  const to = range.to ? Date.parse(range.to) : null;
  let firstDay = '0000-01-01';
  let fullFrom: number | null = null;
  if (from !== null) {
    const d = chinaDay(from);
    firstDay = chinaMidnight(d) === from ? d : addDays(d, 1);
    fullFrom = chinaMidnight(firstDay);
  }
  let lastDay = '9999-12-31';
  let fullTo: number | null = null;
  if (to !== null) {
    // the day containing `to` is whole only when `to` is its last millisecond
    const d = chinaDay(to);
    const end = chinaMidnight(addDays(d, 1));
    lastDay = end - 1 === to ? d : addDays(d, -1);
    fullTo = chinaMidnight(addDays(lastDay, 1));
  }
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    firstDay,
    lastDay,
    fullFrom: iso(fullFrom),
    fullTo: iso(fullTo),
    empty: firstDay > lastDay,
  };
}

/** `col` under the path expression (a bound value or a column of an outer query). */
const under = (col: string, p: SQL) => sql`${sql.raw(col)} >= ${p} AND ${sql.raw(col)} < ${p} || '~'`;
const watermark = sql`(SELECT last_rowid FROM rollup_state WHERE name = 'activity')`;

/**
 * The raw events rollups cannot answer, as `e`: edges of the range, and the tail above the
 * watermark (a rowid range). The edges are at most a day each: with the subtree's depth known
 * they seek the time index, not the path (at the root every path matches).
 */
function rawParts(p: SQL, r: RangeSplit, cols: SQL, extra: SQL = sql`1`, depth?: number): SQL[] {
  const h = keyHint(depth, 1, WHOLE_DAYS);
  const at = sql.raw(`${h.time}e.occurred_at`);
  const inRange = (lo: string | null, hi: string | null, hiOpen: boolean) =>
    sql.join([lo ? sql`${at} >= ${lo}` : sql`1`, hi ? (hiOpen ? sql`${at} < ${hi}` : sql`${at} <= ${hi}`) : sql`1`], sql` AND `);
  const base = sql`${under(`${h.path}e.org_path`, p)} AND ${extra}`;
  if (r.empty) return [sql`SELECT ${cols} FROM activity_events e WHERE ${base} AND ${inRange(r.from, r.to, false)}`];
  const parts: SQL[] = [
    // the tail is the newest few minutes: seek it by rowid; `+` keeps SQLite off the path and
    // time indexes, which it would otherwise pick (at the root the path index is every event)
    sql`SELECT ${cols} FROM activity_events e WHERE e.rowid > ${watermark} AND ${under('+e.org_path', p)} AND ${extra}
      AND ${r.fullFrom ? sql`+e.occurred_at >= ${r.fullFrom}` : sql`1`} AND ${r.fullTo ? sql`+e.occurred_at < ${r.fullTo}` : sql`1`}`,
  ];
  if (r.from && r.fullFrom && r.from < r.fullFrom)
    parts.push(sql`SELECT ${cols} FROM activity_events e WHERE ${base} AND ${inRange(r.from, r.fullFrom, true)}`);
  if (r.to && r.fullTo && r.fullTo <= r.to) parts.push(sql`SELECT ${cols} FROM activity_events e WHERE ${base} AND ${inRange(r.fullTo, r.to, false)}`);
  return parts;
}

const dayOf = sql.raw(CHINA_DAY_SQL('e.occurred_at'));

/** Pure: the whole China months (`YYYY-MM`) inside [firstDay, lastDay] and the ragged days around them; null = no whole month. */
export function splitMonths(firstDay: string, lastDay: string): { fromMonth: string; toMonth: string; edges: Array<[string, string]> } | null {
  const next = (m: string) =>
    m.endsWith('-12') ? `${pad4(Number(m.slice(0, 4)) + 1)}-01` : `${m.slice(0, 5)}${String(Number(m.slice(5)) + 1).padStart(2, '0')}`;
  const prev = (m: string) =>
    m.endsWith('-01') ? `${pad4(Number(m.slice(0, 4)) - 1)}-12` : `${m.slice(0, 5)}${String(Number(m.slice(5)) - 1).padStart(2, '0')}`;
  const fromMonth = firstDay.endsWith('-01') ? firstDay.slice(0, 7) : next(firstDay.slice(0, 7));
  // lastDay closes its month when the day after it is a 1st (Dec 31 needs no date arithmetic: 9999-12-31 is "no end")
  const monthEnd = lastDay.endsWith('-12-31') || addDays(lastDay, 1).endsWith('-01');
  const toMonth = monthEnd ? lastDay.slice(0, 7) : prev(lastDay.slice(0, 7));
  if (fromMonth > toMonth) return null;
  const edges: Array<[string, string]> = [];
  if (firstDay < `${fromMonth}-01`) edges.push([firstDay, addDays(`${fromMonth}-01`, -1)]);
  if (!monthEnd) edges.push([`${next(toMonth)}-01`, lastDay]);
  return { fromMonth, toMonth, edges };
}
const pad4 = (y: number) => String(y).padStart(4, '0');

/**
 * Which key a rollup read seeks by. Both rollups have a path-first key (good for a small
 * subtree over years) and a day-first covering index (good for the whole tree over weeks);
 * SQLite cannot tell which range is narrower (no histogram in D1), so we tell it: with the
 * subtree's depth known, a subtree at depth d holds roughly 1/30^d of the rows (30 units per
 * level in the city) and the range `span` of `whole` periods the fraction span/whole. The
 * unary `+` takes a column out of index selection. depth undefined: SQLite chooses.
 */
function keyHint(depth: number | undefined, span: number, whole: number): { path: string; time: string } {
  if (depth === undefined) return { path: '', time: '' };
  return span * 30 ** depth < whole ? { path: '+', time: '' } : { path: '', time: '+' };
}
const daysBetween = (a: string, b: string) => Math.round((chinaMidnight(b) - chinaMidnight(a)) / 86_400_000) + 1;
/** Nominal history for the hint: five years of days / months. */
const WHOLE_DAYS = 1826;
const WHOLE_MONTHS = 60;
const WHOLE_YEARS = 5;

/**
 * The depth of the subtree `p` names when it is one bound path ('/root/' → 0, '/root/fgw/' → 1),
 * so callers that pass `sql\`${path}\`` (the report's figures) get the key hint too; undefined
 * for a column of an outer query.
 */
function depthOf(p: SQL): number | undefined {
  const bound = p.queryChunks.filter((c): c is string => typeof c === 'string');
  return bound.length === 1 && bound[0]!.startsWith('/') ? bound[0]!.split('/').filter(Boolean).length - 1 : undefined;
}

/** Rows (day, kind, events, points) of everything under `p` (a subtree at `depth`, when known) in the range. */
export function eventsSource(p: SQL, r: RangeSplit, depth: number | undefined = depthOf(p)): SQL {
  const parts = rawParts(p, r, sql`${dayOf} AS day, COALESCE(e.kind, '') AS kind, 1 AS events, e.points AS points`, sql`1`, depth);
  if (!r.empty) {
    const h = keyHint(depth, daysBetween(r.firstDay, r.lastDay), WHOLE_DAYS);
    parts.unshift(sql`SELECT d.day, d.kind, d.events, d.points FROM activity_daily d
      WHERE ${under(`${h.path}d.org_path`, p)} AND ${sql.raw(`${h.time}d.day`)} >= ${r.firstDay} AND ${sql.raw(`${h.time}d.day`)} <= ${r.lastDay}`);
  }
  return sql.join(parts, sql` UNION ALL `);
}

/** Member-day rows (day, kind, user_id) of [first, last]. */
function userDays(p: SQL, first: string, last: string, depth: number | undefined): SQL {
  const h = keyHint(depth, daysBetween(first, last), WHOLE_DAYS);
  return sql`SELECT u.day, u.kind, u.user_id FROM activity_user_days u
    WHERE ${under(`${h.path}u.org_path`, p)} AND ${sql.raw(`${h.time}u.day`)} >= ${first} AND ${sql.raw(`${h.time}u.day`)} <= ${last}`;
}

/** Pure: the whole China years (`YYYY`) inside [firstDay, lastDay] and the days around them; null = no whole year. */
export function splitYears(firstDay: string, lastDay: string): { fromYear: string; toYear: string; edges: Array<[string, string]> } | null {
  const y = (day: string) => Number(day.slice(0, 4));
  const fromYear = firstDay.endsWith('-01-01') ? y(firstDay) : y(firstDay) + 1;
  const toYear = lastDay.endsWith('-12-31') ? y(lastDay) : y(lastDay) - 1;
  if (fromYear > toYear) return null;
  const edges: Array<[string, string]> = [];
  if (!firstDay.endsWith('-01-01')) edges.push([firstDay, `${pad4(fromYear - 1)}-12-31`]);
  if (!lastDay.endsWith('-12-31')) edges.push([`${pad4(toYear + 1)}-01-01`, lastDay]);
  return { fromYear: pad4(fromYear), toYear: pad4(toYear), edges };
}

/** Member rows of [first, last] from the coarsest rollup that answers each part: whole months, then member-days for the ragged days. */
function monthsAndDays(p: SQL, first: string, last: string, depth: number | undefined): SQL {
  const months = splitMonths(first, last);
  if (!months) return userDays(p, first, last, depth);
  const span = Math.max(1, Math.round(daysBetween(`${months.fromMonth}-01`, `${months.toMonth}-28`) / 30.4));
  const h = keyHint(depth, span, WHOLE_MONTHS);
  const rolled = [
    sql`SELECT m.month AS day, m.kind, m.user_id FROM activity_user_months m
      WHERE ${under(`${h.path}m.org_path`, p)} AND ${sql.raw(`${h.time}m.month`)} >= ${months.fromMonth} AND ${sql.raw(`${h.time}m.month`)} <= ${months.toMonth}`,
    ...months.edges.map(([a, b]) => userDays(p, a, b, depth)),
  ];
  // one term of the caller's UNION ALL: D1 allows at most 5 terms in a compound SELECT (a subquery counts afresh)
  return sql`SELECT * FROM (${sql.join(rolled, sql` UNION ALL `)})`;
}

/**
 * Rows (day, kind, user_id) of every member active under `p` in the range (repeats allowed).
 * Whole years come from activity_user_years (their `day` is then the year, `YYYY`), whole
 * months around them from activity_user_months (`YYYY-MM`), the ragged days from
 * activity_user_days; `byDay` keeps every row a day (for a series).
 */
export function usersSource(p: SQL, r: RangeSplit, more: { depth?: number | undefined; byDay?: boolean } = {}): SQL {
  if (!('depth' in more)) more = { ...more, depth: depthOf(p) };
  const parts = rawParts(p, r, sql`${dayOf} AS day, COALESCE(e.kind, '') AS kind, e.user_id AS user_id`, sql`e.user_id IS NOT NULL`, more.depth);
  if (!r.empty) {
    const years = splitYears(r.firstDay, r.lastDay);
    if (more.byDay) parts.unshift(userDays(p, r.firstDay, r.lastDay, more.depth));
    else if (!years) parts.unshift(monthsAndDays(p, r.firstDay, r.lastDay, more.depth));
    else {
      const h = keyHint(more.depth, Number(years.toYear) - Number(years.fromYear) + 1, WHOLE_YEARS);
      const rolled = [
        sql`SELECT y.year AS day, y.kind, y.user_id FROM activity_user_years y
          WHERE ${under(`${h.path}y.org_path`, p)} AND ${sql.raw(`${h.time}y.year`)} >= ${years.fromYear} AND ${sql.raw(`${h.time}y.year`)} <= ${years.toYear}`,
        ...years.edges.map(([a, b]) => monthsAndDays(p, a, b, more.depth)),
      ];
      parts.unshift(sql`SELECT * FROM (${sql.join(rolled, sql` UNION ALL `)})`);
    }
  }
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * Who the metrics count as members under `p`. Today's figures use the member rows
 * (`memberships`); a period that ended before today (`asOfDay`, the China day of its end)
 * counts the people who were in the subtree at the end of that day, from the membership
 * periods (db/queries/people.ts), so a member transferred since counts where they were then.
 */
function membersUnder(p: SQL, asOfDay: string | undefined): SQL {
  return asOfDay
    ? memberIdsAtSql(p, asOfDay, { registered: true })
    : sql`SELECT m.user_id AS uid FROM memberships m WHERE ${under('m.org_path', p)} AND m.role = 'member'`;
}
/**
 * How many distinct members (`members`, as `uid`) appear in `users` (as `user_id`): the
 * INTERSECT of the two sets, each read and sorted once. `user_id IN (members)` inside a
 * subquery correlated with an outer unit is re-run by SQLite for every row, and a join of the
 * two subqueries is a nested loop (no index on either): 60–70 s for the 30 committees below
 * the city's root, against well under a second this way.
 */
const activeAmong = (users: SQL, members: SQL) => sql`SELECT COUNT(*) FROM (SELECT s.user_id FROM (${users}) s INTERSECT SELECT uid FROM (${members}))`;
const memberCount = (p: SQL, asOfDay: string | undefined) => sql`SELECT COUNT(DISTINCT uid) AS n FROM (${membersUnder(p, asOfDay)})`;

/**
 * Member-activity metrics of a subtree; definitions in shared/metrics.ts. With `unitId` also
 * each unit directly below (the same definitions over its own subtree), and with `series` the
 * activity by China day or week (Monday) for a trend.
 */
export async function subtreeMetrics(
  db: Db,
  path: string,
  range: MetricsRange,
  more: { unitId?: string; series?: 'day' | 'week'; rawOnly?: boolean; asOfDay?: string } = {},
) {
  // rawOnly: the naive scan of every event, for the bench's comparison
  const r = more.rawOnly ? { ...splitRange(range), empty: true } : splitRange(range);
  const P = sql`${path}`;
  const C = sql.raw('c.path');
  // '/root/' is depth 0; the units listed below it are one deeper
  const depth = more.rawOnly ? undefined : path.split('/').filter(Boolean).length - 1;
  const child = depth === undefined ? undefined : depth + 1;
  const bucket = more.series === 'week' ? sql.raw(`date(s.day, 'weekday 0', '-6 days')`) : sql.raw('s.day');
  const all = await readBatch(db, [
    memberCount(P, more.asOfDay),
    sql`SELECT COALESCE(SUM(s.points), 0) AS points FROM (${eventsSource(P, r, depth)}) s`,
    sql`SELECT (${activeAmong(usersSource(P, r, { depth }), membersUnder(P, more.asOfDay))}) AS active`,
    sql`SELECT s.kind, SUM(s.events) AS events, COALESCE(SUM(s.points), 0) AS points FROM (${eventsSource(P, r, depth)}) s GROUP BY s.kind`,
    sql`SELECT s.kind, COUNT(DISTINCT s.user_id) AS active FROM (${usersSource(P, r, { depth })}) s GROUP BY s.kind`,
    sql`
      SELECT c.id, c.name, c.kind,
        (${memberCount(C, more.asOfDay)}) AS members,
        (${activeAmong(usersSource(C, r, { depth: child }), membersUnder(C, more.asOfDay))}) AS active,
        (SELECT COALESCE(SUM(s.points), 0) FROM (${eventsSource(C, r, child)}) s) AS points
      FROM org_units c WHERE c.parent_id = ${more.unitId ?? ''} ORDER BY c.path`,
    more.series
      ? sql`SELECT ${bucket} AS at, SUM(s.events) AS events, COALESCE(SUM(s.points), 0) AS points FROM (${eventsSource(P, r, depth)}) s GROUP BY 1 ORDER BY 1`
      : sql`SELECT '' AS at, 0 AS events, 0 AS points WHERE 0`,
    more.series
      ? sql`SELECT ${bucket} AS at, COUNT(DISTINCT s.user_id) AS active FROM (${usersSource(P, r, { depth, byDay: true })}) s WHERE s.user_id IN (${membersUnder(P, more.asOfDay)}) GROUP BY 1 ORDER BY 1`
      : sql`SELECT '' AS at, 0 AS active WHERE 0`,
  ]);
  type Row<T> = T[];
  const [members, points, active, kindSums, kindUsers, units, seriesSums, seriesUsers] = all as [
    Row<{ n: number }>,
    Row<{ points: number }>,
    Row<{ active: number }>,
    Row<{ kind: string; events: number; points: number }>,
    Row<{ kind: string; active: number }>,
    Row<{ id: string; name: string; kind: string; members: number; active: number; points: number }>,
    Row<{ at: string; events: number; points: number }>,
    Row<{ at: string; active: number }>,
  ];
  const kindActive = new Map(kindUsers.map((k) => [k.kind, k.active]));
  const dayActive = new Map(seriesUsers.map((s) => [s.at, s.active]));
  return {
    members: members[0]?.n ?? 0,
    activeMembers: active[0]?.active ?? 0,
    points: points[0]?.points ?? 0,
    byKind: Object.fromEntries(kindSums.map((k) => [k.kind || 'other', { events: k.events, activeMembers: kindActive.get(k.kind) ?? 0, points: k.points }])),
    units: units.map((u) => ({ orgUnitId: u.id, name: u.name, kind: u.kind, members: u.members, activeMembers: u.active, points: u.points })),
    series: seriesSums.map((s) => ({ at: s.at, events: s.events, activeMembers: dayActive.get(s.at) ?? 0, points: s.points })),
  };
}

/**
 * Folds new activity events into the daily rollups (cron, every 5 minutes; seed scripts run
 * the same SQL). One batch, so the watermark and the rows it covers move together.
 * Returns the watermark after the run.
 */
export async function rollUpActivity(db: Db, limit = 50_000): Promise<number> {
  const out = await readBatch(db, [...rollupSql(limit).map((s) => sql.raw(s)), sql`SELECT last_rowid AS w FROM rollup_state WHERE name = 'activity'`]);
  return Number(out.at(-1)?.[0]?.w ?? 0);
}

/**
 * Statements that take the events matching `filter` back out of the rollups; put them in the
 * same batch as the DELETE of those events, before it (see unrollSql in db/rollup-sql.ts).
 */
export function unrollStatements(filter: SQL): SQL[] {
  const MARK = '\u0001filter\u0001';
  return unrollSql(MARK).map((s) =>
    sql.join(
      s.split(MARK).map((part) => sql.raw(part)),
      filter,
    ),
  );
}
