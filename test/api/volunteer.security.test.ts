import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES, type Client } from '../helpers';

/* Role × subtree matrix for "1+1": a record and a pair of a member of the fgw subtree. */
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
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

async function fixture() {
  const root = await signedIn(PHONES.rootOrganizer);
  const id = (await root.post('/api/v1/campaigns', { kind: 'volunteer', title: '矩阵1+1', orgUnitId: 'root', startsAt: new Date(Date.now() - 864e5).toISOString(), endsAt: new Date(Date.now() + 864e5).toISOString() })).body.campaign.id as string;
  await root.post(`/api/v1/campaigns/${id}/publish`);
  const member = await signedIn(PHONES.fgwMember);
  const record = (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 1, description: '社区服务' })).body.record.id as string;
  const code = (await member.post(`/api/v1/campaigns/${id}/invites`)).body.code as string;
  const pair = (await client({ ip: '10.74.0.9' }).post(`/api/v1/campaigns/${id}/pairs`, { code, name: '赵大妈', phone: freshPhone(), consent: true })).body.pair.id as string;
  return { id, record, pair };
}

describe('"1+1" authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: approve, reject, bulk review, unlink, pairs list and export of an fgw member`, async () => {
      const f = await fixture();
      const c = await actors[actor]();
      const want = (ok: number) => (manages(actor) ? ok : denied(actor));
      expect((await c.get(`/api/v1/campaigns/${f.id}/pairs?orgUnitId=fgw`)).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${f.id}/pairs/export?orgUnitId=fgw`)).status).toBe(want(200));
      expect((await c.post(`/api/v1/campaigns/${f.id}/service-records/review`, { ids: [f.record], decision: 'reject', reason: '测试' })).status).toBe(want(200));
      const approve = await c.post(`/api/v1/service-records/${f.record}/approve`);
      expect(approve.status).toBe(manages(actor) ? 409 : denied(actor)); // already rejected above by a manager
      expect((await c.post(`/api/v1/pairs/${f.pair}/unlink`, { reason: '测试' })).status).toBe(want(200));
      const stats = await c.get(`/api/v1/campaigns/${f.id}/volunteer-stats?orgUnitId=fgw`);
      expect(stats.status).toBe(200);
      expect('byUnit' in stats.body).toBe(manages(actor));
    });
  }

  it('members see only their own records; a resident’s phone is never shown in full to the member', async () => {
    const f = await fixture();
    const other = client({ ip: '10.74.1.1' });
    await other.post('/api/v1/auth/register', { phone: freshPhone(), password: 'secret-pass', name: '路人' });
    expect((await other.get(`/api/v1/campaigns/${f.id}/service-records?mine=true`)).body.items).toEqual([]);
    expect((await other.get(`/api/v1/campaigns/${f.id}/service-records`)).status).toBe(403);
    const mine = await (await signedIn(PHONES.fgwMember)).get(`/api/v1/campaigns/${f.id}/my-volunteer`);
    expect(mine.body.pairs[0].residentPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});
