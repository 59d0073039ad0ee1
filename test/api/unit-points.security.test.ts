import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { FGW_MANAGERS, roleMatrix } from './roles';

roleMatrix('unit points authorization matrix', {
  setup: async () => ({}),
  operations: () => [
    {
      name: 'points of a unit',
      method: 'GET',
      path: '/api/v1/org-units/fgw/points',
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (res, _role, allowed) => {
        if (allowed) expect(res.body.orgUnitId).toBe('fgw');
      },
    },
  ],
});

describe('a unit’s points across its campaigns', () => {
  it('adds up every campaign of the subtree, per campaign, for any period (China days)', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const sum = async (from?: string, to?: string) =>
      (await env.DB.prepare(
        `SELECT COALESCE(SUM(points), 0) AS p FROM activity_events WHERE org_path LIKE '/root/fgw/%' AND campaign_id IS NOT NULL
       AND occurred_at >= ? AND occurred_at < ?`,
      )
        .bind(from ?? '', to ?? '9999')
        .first<{ p: number }>())!.p;
    const all = await org.get('/api/v1/org-units/fgw/points');
    expect(all.status).toBe(200);
    expect(all.body.points).toBe(await sum());
    expect(all.body.points).toBeGreaterThan(0);
    expect(all.body.campaigns.reduce((s: number, x: { points: number }) => s + x.points, 0)).toBe(all.body.points);
    expect(all.body.averagePerMember).toBe(Math.round((all.body.points / all.body.members) * 100) / 100);
    // a week of China days: from 00:00 +08:00 of the first to the end of the last
    const day = (n: number) => new Date(Date.now() + 8 * 3600e3 - n * 864e5).toISOString().slice(0, 10);
    const week = await org.get(`/api/v1/org-units/fgw/points?from=${day(7)}&to=${day(1)}`);
    expect(week.body.points).toBe(
      await sum(new Date(`${day(7)}T00:00:00+08:00`).toISOString(), new Date(Date.parse(`${day(1)}T00:00:00+08:00`) + 864e5).toISOString()),
    );
    expect(week.body.points).toBeLessThan(all.body.points);
    expect((await org.get('/api/v1/org-units/fgw/points?from=2026-03-01&to=2026-02-01')).status).toBe(400);
    expect((await org.get('/api/v1/org-units/nope/points')).status).toBe(404);
  });
});
