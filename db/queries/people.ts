import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { MemberCategory, MemberStatus, PartyPost } from '../../shared/people';

/*
 * Who belonged where, when: answers from membership_periods (db/schema/org.ts). The rule,
 * used by metrics for a past period and by report figures: a person counts in a subtree on
 * China day D when one of their periods there has from_day <= D and (to_day is null or
 * D < to_day) — where they were at the end of D. A transfer on day T closes the old period
 * with to_day = T and opens the new one with from_day = T, so on T they count in the new unit
 * only, and every day has each person in exactly one unit.
 */

export interface PeopleFilter {
  category?: MemberCategory | readonly MemberCategory[] | undefined;
  post?: PartyPost | readonly PartyPost[] | undefined;
  status?: MemberStatus | readonly MemberStatus[] | undefined;
  /** only people with an account (the metrics' `members`: registered membership) */
  registered?: boolean | undefined;
}

const list = <T>(x: T | readonly T[] | undefined): readonly T[] => (x === undefined ? [] : Array.isArray(x) ? (x as readonly T[]) : [x as T]);

/**
 * The registry fields filter, on the roster entry `r` joined to a period. Category, posts and
 * status are today's (the registry keeps no history of them): "书记 in the subtree on D" is
 * who is a 书记 now and was in the subtree on D.
 */
function registryFilter(f: PeopleFilter): SQL {
  const conds: SQL[] = [];
  const cats = list(f.category);
  if (cats.length)
    conds.push(
      sql`r.category IN (${sql.join(
        cats.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  const posts = list(f.post);
  if (posts.length)
    conds.push(
      sql`EXISTS (SELECT 1 FROM json_each(r.posts) j WHERE j.value IN (${sql.join(
        posts.map((p) => sql`${p}`),
        sql`, `,
      )}))`,
    );
  const sts = list(f.status);
  if (sts.length)
    conds.push(
      sql`r.status IN (${sql.join(
        sts.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  // a registry filter needs a roster entry; a member without one (roster_id null) has no category
  if (conds.length) conds.unshift(sql`r.id IS NOT NULL`);
  if (f.registered) conds.push(sql`COALESCE(p.user_id, r.user_id) IS NOT NULL`);
  return conds.length ? sql.join(conds, sql` AND `) : sql`1`;
}

/** A period `p` under the subtree `pathExpr` (a bound path, or a column of the outer query) covering day `day`. */
function covers(pathExpr: SQL, day: string): SQL {
  return sql`p.org_path >= ${pathExpr} AND p.org_path < ${pathExpr} || '~' AND p.from_day <= ${day} AND (p.to_day IS NULL OR p.to_day > ${day})`;
}

/**
 * The user ids of the registered people in the subtree on day `day`, as a subquery: metrics
 * count activity of these people. `pathExpr` may be a column (each unit below) or a value.
 */
export function memberIdsAtSql(pathExpr: SQL, day: string, f: PeopleFilter = {}): SQL {
  return sql`SELECT COALESCE(p.user_id, r.user_id) AS uid FROM membership_periods p LEFT JOIN roster_entries r ON r.id = p.roster_id
    WHERE ${covers(pathExpr, day)} AND COALESCE(p.user_id, r.user_id) IS NOT NULL AND ${registryFilter(f)}`;
}

/** How many people (registered or only listed, unless `registered`) were in the subtree at `path` on China day `day`. */
export function membersAtSql(pathExpr: SQL, day: string, f: PeopleFilter = {}): SQL {
  return sql`(SELECT COUNT(DISTINCT COALESCE(p.roster_id, 'u:' || p.user_id)) FROM membership_periods p LEFT JOIN roster_entries r ON r.id = p.roster_id
    WHERE ${covers(pathExpr, day)} AND ${registryFilter(f)})`;
}

/** Members of subtree `path` on China day `day` (YYYY-MM-DD), optionally by category/post/status or only the registered. */
export async function membersAt(db: Db, path: string, day: string, f: PeopleFilter = {}): Promise<number> {
  const r = (await db.all<{ n: number }>(sql`SELECT ${membersAtSql(sql`${path}`, day, f)} AS n`))[0];
  return r?.n ?? 0;
}

/**
 * Member-days of subtree `path` over the China days `from`..`to` (both inclusive): the sum
 * over people of the days they were there — the denominator of per-member-day figures
 * (日均积分), which a transfer in the middle of the period splits between the two units.
 */
export async function memberDays(db: Db, path: string, from: string, to: string, f: PeopleFilter = {}): Promise<number> {
  // overlap of [from_day, to_day) with [from, to + 1 day)
  const [r] = await db.all<{ n: number }>(sql`
    SELECT COALESCE(SUM(MAX(0, julianday(MIN(COALESCE(p.to_day, date(${to}, '+1 day')), date(${to}, '+1 day'))) - julianday(MAX(p.from_day, ${from})))), 0) AS n
    FROM membership_periods p LEFT JOIN roster_entries r ON r.id = p.roster_id
    WHERE p.org_path >= ${path} AND p.org_path < ${path} || '~' AND p.from_day <= ${to} AND (p.to_day IS NULL OR p.to_day > ${from}) AND ${registryFilter(f)}`);
  return Math.round(r?.n ?? 0);
}
