import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, fixture, inOneDay, PHONES, type Client } from '../helpers';

/* Role × subtree matrix for contests of the fgw subtree. */
type Actor = 'public' | 'member' | 'otherOrganizer' | 'organizer' | 'rootOrganizer' | 'admin';
const actors: Record<Actor, () => Promise<Client>> = {
  public: async () => client(),
  member: () => signedIn(PHONES.fgwMember),
  otherOrganizer: async () => {
    await env.DB.prepare("INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ('ms-jyj-org', 'user-member-jyj', 'jyj', '/root/jyj/', 'organizer', '2026-01-01T00:00:00Z')").run();
    return signedIn(PHONES.jyjMember);
  },
  organizer: () => signedIn(PHONES.fgwOrganizer),
  rootOrganizer: () => signedIn(PHONES.rootOrganizer),
  admin: () => signedIn(PHONES.admin),
};
const manages = (a: Actor) => ['organizer', 'rootOrganizer', 'admin'].includes(a);
const denied = (a: Actor) => (a === 'public' ? 401 : 403);

async function fixtureContest() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const id = (await org.post('/api/v1/campaigns', { kind: 'contest', title: '矩阵大赛', orgUnitId: 'fgw', ...inOneDay() })).body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  const f = new FormData();
  for (const [k, v] of Object.entries({ title: '待审作品', category: '书法', authorName: '张三明' })) f.set(k, v);
  f.set('image', new File([fixture('calligraphy.jpg')], 'a.jpg'));
  const author = await signedIn(PHONES.rootOrganizer);
  const entry = (await author.post(`/api/v1/campaigns/${id}/entries`, f)).body.entry;
  return { id, entry };
}

describe('contest authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: review, pending media, votes review, judges, rounds, results`, async () => {
      const { id, entry } = await fixtureContest();
      const c = await actors[actor]();
      const want = (ok: number) => (manages(actor) ? ok : denied(actor));
      // the pending work and its image are invisible to outsiders (404 hides that it exists)
      const media = await c.get(entry.imageUrl);
      expect(media.status).toBe(manages(actor) || actor === 'rootOrganizer' ? 200 : 404);
      expect((await c.get(`/api/v1/entries/${entry.id}`)).status).toBe(manages(actor) ? 200 : 404);
      expect((await c.post(`/api/v1/entries/${entry.id}/review`, { decision: 'approve' })).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${id}/votes?flagged=true`)).status).toBe(want(200));
      expect((await c.post(`/api/v1/campaigns/${id}/votes/discount`, { ids: ['x'], reason: 'r' })).status).toBe(want(200));
      // a judge from the contest's own subtree (outsiders come through judge-invites)
      expect((await c.post(`/api/v1/campaigns/${id}/judges`, { phone: PHONES.fgwMember })).status).toBe(want(201));
      expect((await c.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '初评', criteria: [{ name: '艺术性', weight: 1, max: 10 }] })).status).toBe(want(201));
      expect((await c.get(`/api/v1/campaigns/${id}/results`)).status).toBe(manages(actor) ? 200 : 403);
      expect((await c.post(`/api/v1/campaigns/${id}/awards`, { mode: 'auto' })).status).toBe(want(200));
    });
  }

  it('judges see only their own assignments and score only those', async () => {
    const { id, entry } = await fixtureContest();
    const org = await signedIn(PHONES.fgwOrganizer);
    await org.post(`/api/v1/entries/${entry.id}/review`, { decision: 'approve' });
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/entries/${entry.id}/scores`, { criteria: { 艺术性: 5 } })).status).toBe(403);
    await org.post(`/api/v1/campaigns/${id}/judges`, { phone: PHONES.fgwMember });
    await org.post(`/api/v1/campaigns/${id}/judging-rounds`, { name: '初评', criteria: [{ name: '艺术性', weight: 1, max: 10 }] });
    const judge = await signedIn(PHONES.fgwMember);
    expect((await judge.get('/api/v1/judging/assignments')).body.items.map((a: { entryId: string }) => a.entryId)).toContain(entry.id);
    expect((await judge.post(`/api/v1/entries/${entry.id}/scores`, { criteria: { 艺术性: 5 } })).status).toBe(200);
    expect((await (await signedIn(PHONES.jyjMember)).get('/api/v1/judging/assignments')).body.items).toEqual([]);
    expect((await client().get('/api/v1/judging/assignments')).status).toBe(401);
  });
});
