import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';

type Item = { id: string; canManage: boolean; counts?: { participants: number; pending: number } };

const one = async (sql: string, ...binds: string[]) =>
  Number(
    Object.values(
      (await env.DB.prepare(sql)
        .bind(...binds)
        .first())!,
    )[0],
  );

/** The counts worked out here from the tables, independently of the query under test. */
async function expected(id: string) {
  const participants = await one('SELECT COUNT(DISTINCT user_id) FROM activity_events WHERE campaign_id = ?', id);
  const pending =
    (await one("SELECT COUNT(*) FROM contest_entries WHERE campaign_id = ? AND status = 'pending'", id)) +
    (await one("SELECT COUNT(*) FROM pledges WHERE campaign_id = ? AND status = 'receipt_submitted'", id)) +
    (await one('SELECT COUNT(*) FROM quiz_attempts WHERE campaign_id = ? AND flags > 0 AND review IS NULL', id)) +
    (await one("SELECT COUNT(*) FROM service_records WHERE campaign_id = ? AND status = 'pending'", id));
  return { participants, pending };
}

describe('the console campaign list (counts)', () => {
  it('gives organizers participants and pending work per managed campaign, matching the tables', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.get('/api/v1/campaigns?managed=true&limit=100');
    expect(r.status).toBe(200);
    const items = r.body.items as Item[];
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const c of items) expect(c.counts, c.id).toEqual(await expected(c.id));
    // the demo has people in every kind and work waiting in the drive and 1+1 campaigns
    const byId = new Map(items.map((c) => [c.id, c]));
    expect(byId.get('camp-quiz')!.counts!.participants).toBeGreaterThan(10);
    expect(byId.get('camp-drive')!.counts!.pending).toBeGreaterThan(0);
    expect(byId.get('camp-volunteer')!.counts!.pending).toBeGreaterThan(0);
  });

  it('counts a work waiting for review as pending at once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const before = ((await org.get('/api/v1/campaigns?managed=true&kind=contest')).body.items as Item[]).find((c) => c.id === 'camp-contest')!;
    // an approved work goes back to review (as a fresh submission would wait there)
    await env.DB.prepare(
      "UPDATE contest_entries SET status = 'pending' WHERE id = (SELECT id FROM contest_entries WHERE campaign_id = 'camp-contest' AND status = 'approved' LIMIT 1)",
    ).run();
    const after = ((await org.get('/api/v1/campaigns?managed=true&kind=contest')).body.items as Item[]).find((c) => c.id === 'camp-contest')!;
    expect(after.counts!.pending).toBe(before.counts!.pending + 1);
  });

  it('shows no counts to the public, nor on campaigns the viewer does not manage', async () => {
    const pub = await client().get('/api/v1/campaigns?limit=100');
    expect((pub.body.items as Item[]).some((c) => 'counts' in c)).toBe(false);
    const member = await signedIn(PHONES.fgwMember);
    const seen = (await member.get('/api/v1/campaigns?limit=100')).body.items as Item[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((c) => 'counts' in c)).toBe(false);
    // a unit's organizer: counts exactly on what they manage
    const fgw = await signedIn(PHONES.fgwOrganizer);
    for (const c of (await fgw.get('/api/v1/campaigns?limit=100')).body.items as Item[]) expect('counts' in c).toBe(c.canManage);
  });
});

describe('GET /auth/session', () => {
  it('answers a signed-out visitor 200 with null (never a 401), and the signed-in with what /me says', async () => {
    const anon = await client().get('/api/v1/auth/session');
    expect(anon.status).toBe(200);
    expect(anon.body).toEqual({ me: null });
    const c = await signedIn(PHONES.fgwOrganizer);
    const s = await c.get('/api/v1/auth/session');
    expect(s.status).toBe(200);
    expect(s.body.me).toEqual((await c.get('/api/v1/me')).body);
    expect(s.body.me.user.phone).toBe(PHONES.fgwOrganizer);
  });
});

describe('the list by year (the console 年历)', () => {
  it('keeps the campaigns running at some time in a China-time year, and refuses a malformed year', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const quiz = (await org.get('/api/v1/campaigns/camp-quiz')).body.campaign;
    const year = Number(new Date(Date.parse(quiz.startsAt) + 8 * 3600e3).toISOString().slice(0, 4));
    const inYear = (await org.get(`/api/v1/campaigns?managed=true&year=${year}&limit=100`)).body.items.map((c: Item) => c.id);
    expect(inYear).toContain('camp-quiz');
    expect((await org.get('/api/v1/campaigns?managed=true&year=2090')).body.items).toEqual([]);
    // a campaign from 31 Dec 20:00 to 1 Jan 02:00 (UTC) is the 1st of January in China only: the next year
    const edge = await org.post('/api/v1/campaigns', {
      kind: 'quiz',
      title: '跨年答题',
      orgUnitId: 'fgw',
      startsAt: '2030-12-31T17:00:00.000Z',
      endsAt: '2030-12-31T18:00:00.000Z',
    });
    expect(edge.status).toBe(201);
    const ids = async (y: number) => (await org.get(`/api/v1/campaigns?managed=true&year=${y}`)).body.items.map((c: Item) => c.id);
    expect(await ids(2031)).toContain(edge.body.campaign.id);
    expect(await ids(2030)).not.toContain(edge.body.campaign.id);
    const bad = await org.get('/api/v1/campaigns?year=26');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['year']);
  });
});
