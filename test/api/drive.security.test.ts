import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, inOneDay, PHONES, type Client } from '../helpers';

/* Role × subtree matrix for drives: a pledge that counts for fgw-b1 in a root drive. */
type Actor = 'public' | 'member' | 'otherOrganizer' | 'organizer' | 'rootOrganizer' | 'admin';
const actors: Record<Actor, () => Promise<Client>> = {
  public: async () => client(),
  member: () => signedIn(PHONES.jyjMember),
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

async function fixture() {
  const root = await signedIn(PHONES.rootOrganizer);
  const id = (await root.post('/api/v1/campaigns', { kind: 'drive', title: '矩阵募捐', orgUnitId: 'root', ...inOneDay(), settings: { charity: { name: '示例', licenseNo: 'X', projectUrl: 'https://example.org/x' } } })).body.campaign.id as string;
  await root.post(`/api/v1/campaigns/${id}/publish`);
  const make = async () => (await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/pledges`, { amount: 100, message: '留言' }, { 'idempotency-key': `k${Math.random()}` })).body.pledge.id as string;
  return { id, a: await make(), b: await make() };
}

describe('drives authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: verify, reject, moderate, queue, report, receipt of an fgw pledge`, async () => {
      const f = await fixture();
      const c = await actors[actor]();
      const want = (ok: number) => (manages(actor) ? ok : denied(actor));
      expect((await c.post(`/api/v1/pledges/${f.a}/verify`, { amount: 100 })).status).toBe(want(200));
      expect((await c.post(`/api/v1/pledges/${f.b}/reject`, { reason: '测试' })).status).toBe(want(200));
      expect((await c.post(`/api/v1/pledges/${f.a}/message`, { visible: true })).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${f.id}/drive-report?orgUnitId=fgw`)).status).toBe(want(200));
      const queue = await c.get(`/api/v1/campaigns/${f.id}/pledges`);
      if (actor === 'public') expect(queue.status).toBe(401);
      else if (actor === 'member') expect(queue.status).toBe(403);
      else expect(queue.body.items.length).toBe(manages(actor) ? 2 : 0);
      // public reads stay public
      expect((await c.get(`/api/v1/campaigns/${f.id}/progress`)).status).toBe(200);
      expect((await c.get(`/api/v1/campaigns/${f.id}/donors`)).status).toBe(200);
    });
  }
});
