import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createDb } from '../../db/client';
import { rollUpActivity, splitMonths, splitRange, splitYears, subtreeMetrics } from '../../db/queries/metrics';

/*
 * Distinct active members over long ranges read whole China months from activity_user_months
 * and member-days only for the ragged edges. Whatever the split, the numbers must equal the
 * naive scan of raw events — across a month boundary, at the China/UTC day line, and for a
 * member transferred mid-period (events keep the path of where they happened; a past period
 * counts members from the membership periods).
 */

const db = () => createDb(env.DB);

let seeded: Promise<{ other: { id: string; path: string } }> | undefined;
/** Seeds once per file (storage is shared by the tests of a file) and folds the rollups. */
const seed = () =>
  (seeded ??= seedOnce().then(async (x) => {
    await rollUpActivity(db());
    return x;
  }));

async function seedOnce() {
  const members = (
    await env.DB.prepare(
      "SELECT user_id, org_unit_id, org_path FROM memberships WHERE org_path LIKE '/root/fgw/%' AND role = 'member' ORDER BY user_id LIMIT 10",
    ).all<{ user_id: string; org_unit_id: string; org_path: string }>()
  ).results;
  const other = (await env.DB.prepare("SELECT id, path FROM org_units WHERE path NOT LIKE '/root/fgw/%' AND depth = 1 ORDER BY id LIMIT 1").first<{
    id: string;
    path: string;
  }>())!;
  const moved = members[0]!;
  // the transfer: in fgw until 2097-05-15, in `other` from then on
  await env.DB.batch([
    env.DB.prepare("UPDATE membership_periods SET from_day = '2090-01-01' WHERE user_id = ?").bind(moved.user_id),
    env.DB.prepare("UPDATE membership_periods SET to_day = '2097-05-15' WHERE user_id = ? AND to_day IS NULL").bind(moved.user_id),
    env.DB.prepare(
      "INSERT INTO membership_periods (id, roster_id, user_id, org_unit_id, org_path, from_day, to_day, reason, created_at) SELECT 'mp-moved', roster_id, user_id, ?, ?, '2097-05-15', NULL, 'transfer', '2097-05-15T00:00:00.000Z' FROM membership_periods WHERE user_id = ? AND to_day = '2097-05-15'",
    ).bind(other.id, other.path, moved.user_id),
  ]);
  const stmts = [];
  // 2097-04-20 … 2097-06-12 every 7.3 hours: both sides of two month boundaries, some at 16:00–24:00 UTC (the next China day)
  for (let i = 0; i < 175; i++) {
    const atMs = Date.UTC(2097, 3, 20) + i * 7.3 * 3600_000;
    const m = members[(i * 3) % members.length]!;
    const after = m === moved && atMs >= Date.parse('2097-05-14T16:00:00.000Z');
    const unit = after ? { id: other.id, path: other.path } : { id: m.org_unit_id, path: m.org_path };
    const kind = i % 4 === 0 ? 'volunteer' : 'quiz';
    stmts.push(
      env.DB.prepare(
        "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, ?, ?, 'camp-quiz', ?, 'quiz_attempt', ?, 1, ?, ?)",
      ).bind(`mo${i}`, m.user_id, unit.id, unit.path, kind, (i % 4) + 1, new Date(atMs).toISOString(), `mo${i}`),
    );
  }
  // and every 12 days from 2096-10 to 2098-01, outside April–June 2097: whole years and the months and days around them
  for (let i = 0; i < 40; i++) {
    const atMs = Date.UTC(2096, 9, 1, 10) + i * 12 * 864e5;
    if (atMs >= Date.UTC(2097, 2, 31, 16) && atMs < Date.UTC(2097, 5, 30, 16)) continue;
    const m = members[(i * 7) % members.length]!;
    const after = m === moved && atMs >= Date.parse('2097-05-14T16:00:00.000Z');
    const unit = after ? { id: other.id, path: other.path } : { id: m.org_unit_id, path: m.org_path };
    stmts.push(
      env.DB.prepare(
        "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, ?, ?, 'camp-quiz', 'quiz', 'quiz_attempt', 2, 1, ?, ?)",
      ).bind(`yr${i}`, m.user_id, unit.id, unit.path, new Date(atMs).toISOString(), `yr${i}`),
    );
  }
  await env.DB.batch(stmts);
  return { other };
}

const RANGES: Array<{ from?: string; to?: string }> = [
  { from: '2097-04-30T16:00:00.000Z', to: '2097-05-31T15:59:59.999Z' }, // exactly May (China)
  { from: '2097-04-30T16:00:00.000Z', to: '2097-06-30T15:59:59.999Z' }, // May and June, June partly empty
  { from: '2097-04-24T16:00:00.000Z', to: '2097-06-05T15:59:59.999Z' }, // ragged days on both sides of May
  { from: '2097-04-25T03:00:00.000Z', to: '2097-06-05T11:00:00.000Z' }, // ragged days and partial days
  { from: '2097-05-10T16:00:00.000Z', to: '2097-05-20T15:59:59.999Z' }, // no whole month
  { from: '2096-12-31T16:00:00.000Z', to: '2097-12-31T15:59:59.999Z' }, // exactly 2097 (China)
  { from: '2096-11-14T16:00:00.000Z', to: '2098-01-20T15:59:59.999Z' }, // ragged days, months, the whole of 2097, a month, days
  { from: '2096-11-15T03:00:00.000Z', to: '2098-01-20T11:00:00.000Z' }, // the same with partial days
  { from: '2097-04-30T16:00:00.000Z' }, // open end
  {},
];

describe('monthly member rollup', () => {
  it('splits whole days into whole months and ragged edges', () => {
    expect(splitMonths('2097-05-01', '2097-05-31')).toEqual({ fromMonth: '2097-05', toMonth: '2097-05', edges: [] });
    expect(splitMonths('2097-04-25', '2097-06-05')).toEqual({
      fromMonth: '2097-05',
      toMonth: '2097-05',
      edges: [
        ['2097-04-25', '2097-04-30'],
        ['2097-06-01', '2097-06-05'],
      ],
    });
    expect(splitMonths('2096-12-02', '2098-01-31')).toEqual({ fromMonth: '2097-01', toMonth: '2098-01', edges: [['2096-12-02', '2096-12-31']] });
    expect(splitMonths('2096-02-01', '2096-02-29')).toEqual({ fromMonth: '2096-02', toMonth: '2096-02', edges: [] });
    expect(splitMonths('2097-05-10', '2097-05-20')).toBeNull();
    expect(splitMonths('2097-05-02', '2097-06-30')).toEqual({ fromMonth: '2097-06', toMonth: '2097-06', edges: [['2097-05-02', '2097-05-31']] });
    const all = splitRange({});
    expect(splitMonths(all.firstDay, all.lastDay)).toEqual({ fromMonth: '0000-01', toMonth: '9999-12', edges: [] });
  });

  it('gives the raw scan’s numbers for every range, subtree, series and past period', async () => {
    const { other } = await seed();
    const months = await env.DB.prepare("SELECT COUNT(*) n, SUM(events) e FROM activity_user_months WHERE month BETWEEN '2097-04' AND '2097-06'").first<{
      n: number;
      e: number;
    }>();
    expect(months!.e).toBe(175);
    for (const path of ['/root/', '/root/fgw/', other.path]) {
      for (const range of RANGES) {
        for (const more of [
          {},
          { series: 'day' as const },
          { series: 'week' as const, asOfDay: '2097-05-31' },
          { asOfDay: '2097-05-10' },
          { asOfDay: '2097-06-30' },
        ]) {
          const rolled = await subtreeMetrics(db(), path, range, more);
          const raw = await subtreeMetrics(db(), path, range, { ...more, rawOnly: true });
          expect(rolled, `${path} ${JSON.stringify(range)} ${JSON.stringify(more)}`).toEqual(raw);
        }
      }
    }
    const may = await subtreeMetrics(db(), '/root/fgw/', RANGES[0]!, {});
    expect(may.activeMembers).toBeGreaterThan(0);
  });

  it('splits whole China years from the months and days around them', () => {
    expect(splitYears('2097-01-01', '2097-12-31')).toEqual({ fromYear: '2097', toYear: '2097', edges: [] });
    expect(splitYears('2096-11-15', '2098-01-20')).toEqual({
      fromYear: '2097',
      toYear: '2097',
      edges: [
        ['2096-11-15', '2096-12-31'],
        ['2098-01-01', '2098-01-20'],
      ],
    });
    expect(splitYears('2097-01-02', '2097-12-31')).toBeNull();
    expect(splitYears('2096-03-01', '2097-11-30')).toBeNull();
    expect(splitYears('0000-01-01', '9999-12-31')).toEqual({ fromYear: '0000', toYear: '9999', edges: [] });
  });

  it('reads whole years from the year rollup, not from months or member-days', async () => {
    await seed();
    const y2097 = { from: '2096-12-31T16:00:00.000Z', to: '2097-12-31T15:59:59.999Z' };
    const before = await subtreeMetrics(db(), '/root/', y2097, {});
    expect(before.activeMembers).toBeGreaterThan(0);
    await env.DB.prepare("DELETE FROM activity_user_months WHERE month LIKE '2097-%' AND month NOT IN ('2097-05')").run();
    expect(await subtreeMetrics(db(), '/root/', y2097, {})).toEqual(before);
    await env.DB.prepare("DELETE FROM activity_user_years WHERE year = '2097'").run();
    expect((await subtreeMetrics(db(), '/root/', y2097, {})).activeMembers).toBe(0);
  });

  it('reads whole months from the month rollup, not from member-days', async () => {
    await seed();
    const may = RANGES[0]!;
    const before = await subtreeMetrics(db(), '/root/fgw/', may, {});
    // were May's member-days read, removing them would change the answer: it doesn't
    await env.DB.prepare("DELETE FROM activity_user_days WHERE day LIKE '2097-05-%'").run();
    expect(await subtreeMetrics(db(), '/root/fgw/', may, {})).toEqual(before);
    await env.DB.prepare("DELETE FROM activity_user_months WHERE month = '2097-05'").run();
    expect((await subtreeMetrics(db(), '/root/fgw/', may, {})).activeMembers).toBe(0);
  });
});
