import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, inOneDay, PHONES, type Client } from '../helpers';

/* Role × subtree matrix for a board of the fgw subtree. */
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

async function fgwBoard(hidden = false) {
  const org = await signedIn(PHONES.fgwOrganizer);
  const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: '权限看板', orgUnitId: 'fgw', ...inOneDay(), settings: { leaderboard: { hidden } } });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  await org.post(`/api/v1/campaigns/${id}/leaderboard/scores`, { mode: 'set', entries: [{ key: 'k1', name: '张三明', score: 5 }] });
  return id;
}

describe('leaderboards authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: read, write scores, freeze, export; names masked unless managing`, async () => {
      const id = await fgwBoard();
      const c = await actors[actor]();
      const read = await c.get(`/api/v1/campaigns/${id}/leaderboard`);
      expect(read.status).toBe(200);
      expect(read.body.entries[0].name).toBe(manages(actor) ? '张三明' : '张*明');
      const scores = await c.post(`/api/v1/campaigns/${id}/leaderboard/scores`, { mode: 'add', entries: [{ key: 'k1', name: '张三明', score: 1 }] });
      expect(scores.status).toBe(manages(actor) ? 200 : denied(actor));
      expect((await c.post(`/api/v1/campaigns/${id}/leaderboard/freeze`)).status).toBe(manages(actor) ? 200 : denied(actor));
      expect((await c.post(`/api/v1/campaigns/${id}/leaderboard/unfreeze`)).status).toBe(manages(actor) ? 200 : denied(actor));
      const exp = await c.get(`/api/v1/campaigns/${id}/leaderboard/export?format=csv`);
      expect(exp.status).toBe(manages(actor) ? 200 : denied(actor));
      if (manages(actor)) expect(exp.text).toContain('张三明');
    });

    it(`${actor}: a hidden board`, async () => {
      const id = await fgwBoard(true);
      const c = await actors[actor]();
      expect((await c.get(`/api/v1/campaigns/${id}/leaderboard`)).status).toBe(manages(actor) ? 200 : 404);
      // (an allowed live stream never ends, so only the refusal is read here; leaderboards.test.ts reads streams)
      if (!manages(actor)) expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/live`, { accept: 'text/event-stream' })).status).toBe(404);
    });
  }

  it('a draft campaign’s board is invisible to the public', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: '草稿看板', orgUnitId: 'fgw', ...inOneDay() });
    expect((await client().get(`/api/v1/campaigns/${r.body.campaign.id}/leaderboard`)).status).toBe(404);
    expect((await org.get(`/api/v1/campaigns/${r.body.campaign.id}/leaderboard`)).status).toBe(200);
  });
});
