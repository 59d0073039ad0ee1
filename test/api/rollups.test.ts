import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { createDb } from '../../db/client';
import { rollUpActivity, splitRange } from '../../db/queries/metrics';
import { runScheduled } from '../../workers/jobs/scheduled';
import { session, trainingCampaign } from './training.fixtures';

/*
 * Metrics read daily rollups for whole China days and raw events only at a range's edges and
 * above the watermark. Whatever has or hasn't been rolled up, the numbers must be the same.
 */

const db = () => createDb(env.DB);
const watermark = async () => (await env.DB.prepare("SELECT last_rowid w FROM rollup_state WHERE name = 'activity'").first<{ w: number }>())!.w;

async function seedEvents(prefix: string) {
  const members = (
    await env.DB.prepare(
      "SELECT user_id, org_unit_id, org_path FROM memberships WHERE org_path LIKE '/root/fgw/%' AND role = 'member' ORDER BY user_id LIMIT 12",
    ).all<{ user_id: string; org_unit_id: string; org_path: string }>()
  ).results;
  const stmts = [];
  // 3 weeks of activity in 2097, at hours that straddle the China/UTC day line
  for (let i = 0; i < 120; i++) {
    const m = members[(i * 7) % members.length]!;
    const at = new Date(Date.UTC(2097, 4, 1) + i * 4.3 * 3600_000).toISOString();
    const kind = i % 3 === 0 ? 'volunteer' : 'quiz';
    stmts.push(
      env.DB.prepare(
        "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, ?, ?, 'camp-quiz', ?, 'quiz_attempt', ?, 1, ?, ?)",
      ).bind(`${prefix}${i}`, m.user_id, m.org_unit_id, m.org_path, kind, (i % 5) + 1, at, `${prefix}${i}`),
    );
  }
  await env.DB.batch(stmts);
}

const RANGES = [
  'from=2097-05-01T00:00:00.000Z&to=2097-05-21T23:59:59.999Z', // partial days at both edges
  'from=2097-05-02T16:00:00.000Z&to=2097-05-09T15:59:59.999Z', // whole China days only
  'from=2097-05-03T05:00:00.000Z&to=2097-05-03T09:00:00.000Z', // inside one day
  'from=2097-05-01T00:00:00.000Z', // open end
];

/** The figures of a metrics answer, without when they were computed. */
const figures = ({ asOf: _asOf, ...body }: Record<string, any>) => body;

async function snapshot() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const out: unknown[] = [];
  for (const q of RANGES) {
    const r = await org.get(`/api/v1/org-units/fgw/metrics?${q}&series=day`);
    expect(r.status).toBe(200);
    out.push(figures(r.body));
  }
  return out;
}

describe('activity rollups', () => {
  it('splits a range into whole China days and raw edges', () => {
    expect(splitRange({ from: '2097-05-02T16:00:00.000Z', to: '2097-05-09T15:59:59.999Z' })).toMatchObject({
      firstDay: '2097-05-03',
      lastDay: '2097-05-09',
      empty: false,
    });
    expect(splitRange({ from: '2097-05-02T17:00:00.000Z', to: '2097-05-09T15:00:00.000Z' })).toMatchObject({
      firstDay: '2097-05-04',
      lastDay: '2097-05-08',
      fullFrom: '2097-05-03T16:00:00.000Z',
      fullTo: '2097-05-08T16:00:00.000Z',
    });
    expect(splitRange({ from: '2097-05-03T05:00:00.000Z', to: '2097-05-03T09:00:00.000Z' }).empty).toBe(true);
    expect(splitRange({})).toMatchObject({ firstDay: '0000-01-01', lastDay: '9999-12-31', fullFrom: null, fullTo: null });
  });

  it('gives the same metrics before, during and after the rollup, and never counts an event twice', async () => {
    await seedEvents('a');
    const raw = await snapshot();
    // drain in small steps: every intermediate state must agree
    let w = await rollUpActivity(db(), 37);
    expect(await snapshot()).toEqual(raw);
    while (w < (await env.DB.prepare('SELECT MAX(rowid) m FROM activity_events').first<{ m: number }>())!.m) w = await rollUpActivity(db(), 37);
    expect(await snapshot()).toEqual(raw);
    // running again folds nothing new
    await rollUpActivity(db());
    expect(await snapshot()).toEqual(raw);
    const totals = await env.DB.prepare("SELECT SUM(events) n, SUM(points) p FROM activity_daily WHERE day LIKE '2097-%'").first<{ n: number; p: number }>();
    expect(totals).toEqual({ n: 120, p: (120 / 5) * 15 });
  });

  it('reads rolled-up days from the rollups and only the edges raw', async () => {
    await seedEvents('b');
    await rollUpActivity(db());
    const org = await signedIn(PHONES.fgwOrganizer);
    const whole = 'from=2097-05-02T16:00:00.000Z&to=2097-05-09T15:59:59.999Z';
    const before = figures((await org.get(`/api/v1/org-units/fgw/metrics?${whole}`)).body);
    expect(before.points).toBeGreaterThan(0);
    // were the raw rows of whole days read, removing them would change the answer: it doesn't
    await env.DB.prepare("DELETE FROM activity_events WHERE occurred_at >= '2097-05-02T16:00:00.000Z' AND occurred_at < '2097-05-09T16:00:00.000Z'").run();
    expect(figures((await org.get(`/api/v1/org-units/fgw/metrics?${whole}`)).body)).toEqual(before);
    // a range that starts mid-day reads that day's part raw: now gone, so it counts less
    const edge = 'from=2097-05-03T05:00:00.000Z&to=2097-05-09T15:59:59.999Z';
    expect((await org.get(`/api/v1/org-units/fgw/metrics?${edge}`)).body.points).toBeLessThan(before.points);
  });

  it('folds new events on the cron', async () => {
    await seedEvents('c');
    await runScheduled(env, Date.now());
    expect(await watermark()).toBe((await env.DB.prepare('SELECT MAX(rowid) m FROM activity_events').first<{ m: number }>())!.m);
  });

  it('takes back a training register correction that was already rolled up (present → absent leaves no hours, no active member)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: ['roster-user-member-fgw'] })).status).toBe(200);
    const s = await session(org, id, -120, -60);
    const mark = (status: string) => org.post(`/api/v1/sessions/${s.id}/attendance`, { entries: [{ rosterId: 'roster-user-member-fgw', status }] });
    const rolled = async () => ({
      daily: (await env.DB.prepare('SELECT COALESCE(SUM(events), 0) n, COALESCE(SUM(quantity), 0) q FROM activity_daily WHERE campaign_id = ?')
        .bind(id)
        .first<{ n: number; q: number }>())!,
      days: (await env.DB.prepare("SELECT COUNT(*) n FROM activity_user_days WHERE user_id = 'user-member-fgw' AND kind = 'training'").first<{ n: number }>())!
        .n,
      months: (await env.DB.prepare("SELECT COUNT(*) n FROM activity_user_months WHERE user_id = 'user-member-fgw' AND kind = 'training'").first<{
        n: number;
      }>())!.n,
    });
    const before = await rolled();
    expect((await mark('present')).status).toBe(200);
    await rollUpActivity(db());
    const credited = await rolled();
    expect(credited.daily).toEqual({ n: before.daily.n + 1, q: before.daily.q + 60 });
    expect(credited.days).toBeGreaterThan(before.days);
    expect((await mark('absent')).status).toBe(200);
    await rollUpActivity(db());
    expect(await rolled()).toEqual(before);
    // and crediting again folds in once more, exactly
    expect((await mark('late')).status).toBe(200);
    await rollUpActivity(db());
    expect(await rolled()).toEqual(credited);
  });
});
