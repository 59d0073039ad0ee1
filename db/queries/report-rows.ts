import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { readBatch } from './util';
import { addDays, chinaMidnight } from '../../shared/china-time';
import type { FigureGroup } from '../../shared/report';
import type { LedgerRow } from '../../shared/report-rows';

/*
 * The rows behind the report's figures (db/queries/report.ts), group by group, for a subtree
 * and a China-date range, with the same period rules: training — credited register rows of
 * sessions starting in the period, under the person's unit; quiz — the quiz activity events
 * of the subtree's members in the period, one row per person, unit and campaign; contest —
 * works received in the period by the subtree's contests, not rejected; exhibition — parties
 * checked in during the period at the subtree's exhibitions; volunteer — "1+1" pairs made in
 * the period and still in place (under the member's unit) and approved service records dated
 * in the period; drive — pledges verified in the period for the subtree's drives.
 *
 * Each list is keyset-paged on a unique sort key (oldest first, as a 台账 reads), so the
 * workbook streams any length a page at a time and the drill-down pages with a cursor.
 * Rows come back as stored (codes, fen, the donor's name and anonymity); shared/report-rows.ts
 * turns them into the reader's words.
 */

export interface Period {
  from: string;
  to: string;
}
/** The sort key of a row: its values in order, the cursor of the next page. */
export type LedgerKey = string[];
export interface LedgerPage {
  rows: LedgerRow[];
  next: LedgerKey | null;
}

/** Keys per group: how many parts a cursor of that group has. */
export const KEY_PARTS: Record<FigureGroup, number> = { training: 3, quiz: 3, contest: 2, exhibition: 2, volunteer: 2, drive: 2 };

const under = (col: string, p: string) => sql`${sql.raw(col)} >= ${p} AND ${sql.raw(col)} < ${p + '~'}`;
/** A China-date range as the instants it spans: [from 00:00, day after `to` 00:00) in China. */
const instants = (p: Period) => ({ from: new Date(chinaMidnight(p.from)).toISOString(), to: new Date(chinaMidnight(addDays(p.to, 1))).toISOString() });
const chinaDate = (col: string) => sql.raw(`date(${col}, '+8 hours')`);

/** `(k1, k2…) > (cursor…)` on the key expressions, or nothing on the first page. */
function after(keys: string[], cursor: LedgerKey | null): SQL {
  if (!cursor) return sql``;
  return sql`AND (${sql.raw(keys.join(', '))}) > (${sql.join(
    cursor.map((k) => sql`${k}`),
    sql`, `,
  )})`;
}
const keyCols = (keys: string[]) => sql.raw(keys.map((k, i) => `${k} AS k${i}`).join(', '));
const orderBy = (keys: string[]) => sql.raw(keys.join(', '));

function statement(group: FigureGroup, path: string, period: Period, cursor: LedgerKey | null, n: number): SQL {
  const t = instants(period);
  const inRange = (col: string) => sql`${sql.raw(col)} >= ${t.from} AND ${sql.raw(col)} < ${t.to}`;
  switch (group) {
    case 'training': {
      // a category left out of the stored settings is the contract's default (settingsOf): rotation
      const keys = ['s.starts_at', 'a.session_id', 'a.roster_id'];
      return sql`SELECT ${chinaDate('s.starts_at')} AS date, s.title AS session, c.title AS campaign, COALESCE(json_extract(c.settings, '$.category'), 'rotation') AS category,
          COALESCE(r.name, us.name) AS member, u.name AS unit, a.status, a.mode, a.hours, ${keyCols(keys)}
        FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN campaigns c ON c.id = a.campaign_id
        LEFT JOIN roster_entries r ON r.id = a.roster_id LEFT JOIN users us ON us.id = a.user_id LEFT JOIN org_units u ON u.id = a.org_unit_id
        WHERE ${under('a.org_path', path)} AND a.status IN ('present', 'late') AND a.hours > 0 AND ${inRange('s.starts_at')} ${after(keys, cursor)}
        ORDER BY ${orderBy(keys)} LIMIT ${n}`;
    }
    case 'quiz': {
      // one row per person, unit and campaign: a member transferred in the period has a row in each unit
      const keys = ['e.org_path', 'e.user_id', "COALESCE(e.campaign_id, '')"];
      return sql`SELECT us.name AS member, MAX(u.name) AS unit, MAX(c.title) AS campaign, COUNT(*) AS answers, COALESCE(SUM(e.points), 0) AS points,
          EXISTS (SELECT 1 FROM stage_admissions sa JOIN quiz_stages st ON st.id = sa.stage_id
            WHERE st.campaign_id = e.campaign_id AND sa.user_id = e.user_id AND ${inRange('sa.created_at')}) AS advanced, ${keyCols(keys)}
        FROM activity_events e LEFT JOIN users us ON us.id = e.user_id LEFT JOIN org_units u ON u.id = e.org_unit_id LEFT JOIN campaigns c ON c.id = e.campaign_id
        WHERE ${under('e.org_path', path)} AND e.kind = 'quiz' AND e.user_id IS NOT NULL AND ${inRange('e.occurred_at')} ${after(keys, cursor)}
        GROUP BY ${orderBy(keys)} ORDER BY ${orderBy(keys)} LIMIT ${n}`;
    }
    case 'contest': {
      const keys = ['e.created_at', 'e.id'];
      return sql`SELECT e.serial, e.title, e.author_name AS author, u.name AS unit, c.title AS campaign, e.category, e.status, ${chinaDate('e.created_at')} AS date, ${keyCols(keys)}
        FROM contest_entries e JOIN campaigns c ON c.id = e.campaign_id LEFT JOIN org_units u ON u.id = e.org_unit_id
        WHERE ${under('c.org_path', path)} AND e.status <> 'rejected' AND ${inRange('e.created_at')} ${after(keys, cursor)}
        ORDER BY ${orderBy(keys)} LIMIT ${n}`;
    }
    case 'exhibition': {
      const keys = ['b.checked_in_at', 'b.id'];
      return sql`SELECT ${chinaDate('b.checked_in_at')} AS date, c.title AS exhibition, u.name AS unit, CASE WHEN b.is_group THEN 'group' ELSE 'single' END AS type,
          b.party_size AS visitors, ${keyCols(keys)}
        FROM bookings b JOIN campaigns c ON c.id = b.campaign_id LEFT JOIN org_units u ON u.id = b.org_unit_id
        WHERE ${under('c.org_path', path)} AND b.status = 'checked_in' AND ${inRange('b.checked_in_at')} ${after(keys, cursor)}
        ORDER BY ${orderBy(keys)} LIMIT ${n}`;
    }
    case 'volunteer': {
      // pairs by the China day they were made, records by their service date: one (day, id) order
      const pairDay = "date(v.created_at, '+8 hours')";
      return sql`SELECT * FROM (
          SELECT ${sql.raw(pairDay)} AS date, 'pair' AS type, c.title AS campaign, us.name AS member, u.name AS unit, NULL AS hours, ${sql.raw(pairDay)} AS k0, v.id AS k1
          FROM volunteer_pairs v LEFT JOIN users us ON us.id = v.member_id LEFT JOIN org_units u ON u.id = v.member_unit_id LEFT JOIN campaigns c ON c.id = v.campaign_id
          WHERE ${under('v.member_path', path)} AND v.unlinked_at IS NULL AND ${inRange('v.created_at')} ${after([pairDay, 'v.id'], cursor)}
          UNION ALL
          SELECT r.date AS date, 'record' AS type, c.title AS campaign, us.name AS member, u.name AS unit, r.hours, r.date AS k0, r.id AS k1
          FROM service_records r LEFT JOIN users us ON us.id = r.user_id LEFT JOIN org_units u ON u.id = r.org_unit_id LEFT JOIN campaigns c ON c.id = r.campaign_id
          WHERE ${under('r.org_path', path)} AND r.status = 'approved' AND r.date >= ${period.from} AND r.date <= ${period.to} ${after(['r.date', 'r.id'], cursor)}
        ) ORDER BY k0, k1 LIMIT ${n}`;
    }
    case 'drive': {
      const keys = ['pl.verified_at', 'pl.id'];
      return sql`SELECT ${chinaDate('pl.verified_at')} AS date, c.title AS campaign, COALESCE(pl.verified_amount, pl.amount) AS amountFen,
          pl.display_name AS donorName, pl.anonymous, ${keyCols(keys)}
        FROM pledges pl JOIN campaigns c ON c.id = pl.campaign_id
        WHERE ${under('c.org_path', path)} AND pl.status = 'verified' AND ${inRange('pl.verified_at')} ${after(keys, cursor)}
        ORDER BY ${orderBy(keys)} LIMIT ${n}`;
    }
  }
}

/** Up to `limit` rows of a group after `cursor`, and the cursor of the next page (null at the end). */
export async function ledgerPage(db: Db, group: FigureGroup, path: string, period: Period, cursor: LedgerKey | null, limit: number): Promise<LedgerPage> {
  const [found = []] = await readBatch(db, [statement(group, path, period, cursor, limit + 1)]);
  const parts = KEY_PARTS[group];
  const keyOf = (r: Record<string, unknown>) => Array.from({ length: parts }, (_, i) => String(r[`k${i}`] ?? ''));
  const shown = found.slice(0, limit);
  const rows = shown.map((r) => {
    const row: LedgerRow = {};
    for (const [k, v] of Object.entries(r)) if (!/^k\d$/.test(k)) row[k] = typeof v === 'number' || typeof v === 'string' ? v : v == null ? null : String(v);
    return row;
  });
  const last = shown[shown.length - 1];
  return { rows, next: found.length > limit && last ? keyOf(last) : null };
}

/** Every row of a group, a page at a time (the workbook's sheets): memory stays one page. */
export async function* ledgerPages(db: Db, group: FigureGroup, path: string, period: Period, size: number): AsyncGenerator<LedgerRow[]> {
  for (let cursor: LedgerKey | null = null; ; ) {
    const page = await ledgerPage(db, group, path, period, cursor, size);
    yield page.rows;
    if (!page.next) return;
    cursor = page.next;
  }
}
