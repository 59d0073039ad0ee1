import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { participationRate } from '../../shared/metrics';

/*
 * 概览's custom ranges and previous-period comparison (issue #16 parts 6b, 7): bounds given as
 * China days mean the whole China day whatever zone the client is in; `compare=previous`
 * adds the same headline figures over the period of equal length just before. Events sit in
 * 2096, where the demo data has nothing.
 */
async function seed() {
  const ms = (
    await env.DB.prepare(
      "SELECT user_id, org_unit_id, org_path FROM memberships WHERE org_path LIKE '/root/fgw/%' AND role = 'member' ORDER BY user_id LIMIT 2",
    ).all<{ user_id: string; org_unit_id: string; org_path: string }>()
  ).results;
  const [a, b] = ms as [(typeof ms)[0], (typeof ms)[0]];
  const ev = (id: string, m: typeof a, at: string, points: number) =>
    env.DB.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, ?, ?, 'camp-quiz', 'quiz', 'quiz_attempt', ?, 5, ?, ?)",
    ).bind(id, m.user_id, m.org_unit_id, m.org_path, points, at, id);
  await env.DB.batch([
    // 2096-03-01 in China runs from 2096-02-29T16:00Z to 2096-03-01T16:00Z
    ev('mc1', a, '2096-02-29T16:30:00.000Z', 4), // China 03-01 00:30: in
    ev('mc2', b, '2096-03-01T15:59:00.000Z', 6), // China 03-01 23:59: in
    ev('mc3', a, '2096-03-01T16:00:00.000Z', 100), // China 03-02 00:00: out
    ev('mc4', a, '2096-02-29T15:00:00.000Z', 1), // China 02-29 23:00: the previous day
  ]);
}

const metrics = (c: Awaited<ReturnType<typeof signedIn>>, q: string) => c.get(`/api/v1/org-units/fgw/metrics?${q}`);

describe('metrics over custom China-date ranges, compared with the previous period', () => {
  it('reads a bare date as the whole China day, whatever offset another client writes', async () => {
    await seed();
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const day = await metrics(fgw, 'from=2096-03-01&to=2096-03-01');
    expect(day.status).toBe(200);
    expect(day.body.points).toBe(10);
    expect(day.body.activeMembers).toBe(2);
    // the same day written as instants in two zones
    const utc = await metrics(fgw, `from=${encodeURIComponent('2096-02-29T16:00:00.000Z')}&to=${encodeURIComponent('2096-03-01T15:59:59.999Z')}`);
    const east = await metrics(fgw, `from=${encodeURIComponent('2096-03-01T00:00:00+08:00')}&to=${encodeURIComponent('2096-03-01T23:59:59.999+08:00')}`);
    expect(utc.body.points).toBe(10);
    expect(east.body.points).toBe(10);
    // the day series names China days
    const series = await metrics(fgw, 'from=2096-02-29&to=2096-03-02&series=day');
    expect(series.body.series.map((p: { at: string; points: number }) => [p.at, p.points])).toEqual([
      ['2096-02-29', 1],
      ['2096-03-01', 10],
      ['2096-03-02', 100],
    ]);
  });

  it('adds the previous period of equal length with compare=previous', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const r = await metrics(fgw, 'from=2096-03-02&to=2096-03-02&compare=previous');
    expect(r.status).toBe(200);
    expect(r.body.points).toBe(100);
    // the day before, 00:00 to 23:59:59.999 China time
    expect(r.body.previous).toMatchObject({ from: '2096-02-29T16:00:00.000Z', to: '2096-03-01T15:59:59.999Z', points: 10, activeMembers: 2 });
    expect(r.body.previous.members).toBe(r.body.members);
    expect(r.body.previous.participationRate).toBe(participationRate(2, r.body.members));
    const two = await metrics(fgw, 'from=2096-03-01&to=2096-03-02&compare=previous');
    expect(two.body.previous).toMatchObject({ from: '2096-02-27T16:00:00.000Z', to: '2096-02-29T15:59:59.999Z', points: 1, activeMembers: 1 });
    // without compare the response is as before
    expect((await metrics(fgw, 'from=2096-03-01&to=2096-03-02')).body.previous).toBeUndefined();
  });

  it('refuses ranges that make no sense with a 400 in the envelope', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const cases: Array<[string, string]> = [
      ['from=2096-03-02&to=2096-03-01', 'to'],
      [`from=${encodeURIComponent('2096-03-02T00:00:00+08:00')}&to=2096-03-01`, 'to'],
      ['from=2096-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['to=2096-13-01', 'to'],
      ['from=2080-01-01&to=2096-01-01', 'from'],
      ['compare=previous', 'from'],
      ['from=2096-03-01&compare=next', 'compare'],
    ];
    for (const [q, field] of cases) {
      const r = await metrics(fgw, q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe('validation_failed');
      expect(r.body.error.fields[field], q).toBeTruthy();
    }
    const zh = await fgw.get('/api/v1/org-units/fgw/metrics?from=2080-01-01&to=2096-01-01');
    expect(zh.body.error.message).toContain('3660');
  });
});
