import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES, type Client, registerUser } from '../helpers';

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
    await registerUser(other, { phone: freshPhone(), password: 'secret-pass', name: '路人' });
    expect((await other.get(`/api/v1/campaigns/${f.id}/service-records?mine=true`)).body.items).toEqual([]);
    expect((await other.get(`/api/v1/campaigns/${f.id}/service-records`)).status).toBe(403);
    const mine = await (await signedIn(PHONES.fgwMember)).get(`/api/v1/campaigns/${f.id}/my-volunteer`);
    expect(mine.body.pairs[0].residentPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

/* 服务活动: an activity of the fgw unit in a campaign of the whole tree, with a signed-up fgw member. */
async function activityFixture() {
  const root = await signedIn(PHONES.rootOrganizer);
  const id = (await root.post('/api/v1/campaigns', { kind: 'volunteer', title: '矩阵服务活动', orgUnitId: 'root', startsAt: new Date(Date.now() - 864e5).toISOString(), endsAt: new Date(Date.now() + 864e5).toISOString() })).body.campaign.id as string;
  await root.post(`/api/v1/campaigns/${id}/publish`);
  const org = await signedIn(PHONES.fgwOrganizer);
  const body = { orgUnitId: 'fgw', title: '河道清洁', place: '滨江步道', startsAt: new Date(Date.now() + 3600e3).toISOString(), endsAt: new Date(Date.now() + 3 * 3600e3).toISOString(), capacity: 10 };
  const sa = (await org.post(`/api/v1/campaigns/${id}/service-activities`, body)).body.serviceActivity.id as string;
  const member = await signedIn(PHONES.fgwMember);
  await member.post(`/api/v1/service-activities/${sa}/signups`);
  return { id, sa, body };
}

describe('service activities authorization', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: create, edit, code, sign-up list and export, cancel of an fgw service activity`, async () => {
      const f = await activityFixture();
      const c = await actors[actor]();
      const want = (ok: number) => (manages(actor) ? ok : denied(actor));
      expect((await c.post(`/api/v1/campaigns/${f.id}/service-activities`, f.body)).status).toBe(want(201));
      expect((await c.patch(`/api/v1/service-activities/${f.sa}`, { title: '河道清洁（改）' })).status).toBe(want(200));
      const code = await c.get(`/api/v1/service-activities/${f.sa}/code`);
      expect(code.status).toBe(want(200));
      if (!manages(actor)) expect(code.text).not.toMatch(/"code":"\d{6}"/);
      const list = await c.get(`/api/v1/service-activities/${f.sa}/signups`);
      expect(list.status).toBe(want(200));
      if (!manages(actor)) expect(list.text).not.toContain('王晓燕');
      expect((await c.get(`/api/v1/service-activities/${f.sa}/signups/export`)).status).toBe(want(200));
      // everyone sees the activity itself, its counts and never a name
      const pub = await c.get(`/api/v1/campaigns/${f.id}/service-activities`);
      expect(pub.status).toBe(200);
      expect(pub.body.items.find((x: { id: string }) => x.id === f.sa)).toMatchObject({ signedUp: 1, canManage: manages(actor) });
      expect(pub.text).not.toContain('王晓燕');
      expect(pub.text).not.toMatch(/codeSecret|code_secret/);
      expect((await c.post(`/api/v1/service-activities/${f.sa}/cancel`)).status).toBe(want(200));
      const row = await env.DB.prepare('SELECT title, status FROM service_activities WHERE id = ?').bind(f.sa).first<{ title: string; status: string }>();
      expect(row).toEqual(manages(actor) ? { title: '河道清洁（改）', status: 'cancelled' } : { title: '河道清洁', status: 'open' });
    });
  }

  it('an organizer creates only inside their subtree and inside the campaign’s', async () => {
    const f = await activityFixture();
    const org = await signedIn(PHONES.fgwOrganizer);
    // the campaign's unit (root) by default: not theirs
    expect((await org.post(`/api/v1/campaigns/${f.id}/service-activities`, { ...f.body, orgUnitId: undefined })).status).toBe(403);
    expect((await org.post(`/api/v1/campaigns/${f.id}/service-activities`, { ...f.body, orgUnitId: 'jyj' })).status).toBe(403);
    const root = await signedIn(PHONES.rootOrganizer);
    const fgwCampaign = (await root.post('/api/v1/campaigns', { kind: 'volunteer', title: 'fgw的1+1', orgUnitId: 'fgw', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 864e5).toISOString() })).body.campaign.id as string;
    await root.post(`/api/v1/campaigns/${fgwCampaign}/publish`);
    const outside = await root.post(`/api/v1/campaigns/${fgwCampaign}/service-activities`, { ...f.body, orgUnitId: 'jyj' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.orgUnitId).toContain('范围');
  });

  it('participants see their own sign-up only; another’s check-in is not theirs to make', async () => {
    const f = await activityFixture();
    const other = await signedIn(PHONES.jyjMember);
    const seen = await other.get(`/api/v1/service-activities/${f.sa}`);
    expect(seen.body.serviceActivity).toMatchObject({ mine: null, signedUp: 1, canManage: false });
    const mine = await (await signedIn(PHONES.fgwMember)).get(`/api/v1/service-activities/${f.sa}`);
    expect(mine.body.serviceActivity.mine.status).toBe('signed_up');
    expect((await other.post(`/api/v1/service-activities/${f.sa}/check`, { code: '123456' })).status).toBe(403);
    expect((await client().post(`/api/v1/service-activities/${f.sa}/check`, { code: '123456' })).status).toBe(401);
    expect((await other.call('DELETE', `/api/v1/service-activities/${f.sa}/signups`)).status).toBe(409);
    expect(await env.DB.prepare("SELECT COUNT(*) n FROM service_signups WHERE activity_id = ? AND status = 'signed_up'").bind(f.sa).first('n')).toBe(1);
  });
});
