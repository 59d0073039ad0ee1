import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, registerUser, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, roleMatrix } from './roles';

/* "1+1": a record and a pair of an fgw member in a campaign of the whole tree, as every role. */
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

async function fixture() {
  const root = await signedIn(PHONES.rootOrganizer);
  const id = (
    await root.post('/api/v1/campaigns', {
      kind: 'volunteer',
      title: '矩阵1+1',
      orgUnitId: 'root',
      startsAt: new Date(Date.now() - 864e5).toISOString(),
      endsAt: new Date(Date.now() + 864e5).toISOString(),
    })
  ).body.campaign.id as string;
  await root.post(`/api/v1/campaigns/${id}/publish`);
  const member = await signedIn(PHONES.fgwMember);
  const record = (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 1, description: '社区服务' })).body.record.id as string;
  const code = (await member.post(`/api/v1/campaigns/${id}/invites`)).body.code as string;
  const pair = (await client({ ip: '10.74.0.9' }).post(`/api/v1/campaigns/${id}/pairs`, { code, name: '赵大妈', phone: freshPhone(), consent: true })).body.pair
    .id as string;
  return { id, record, pair };
}

roleMatrix('"1+1" authorization matrix', {
  setup: fixture,
  operations: (f) => [
    { name: 'pairs', method: 'GET', path: `/api/v1/campaigns/${f.id}/pairs?orgUnitId=fgw`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'pairs export', method: 'GET', path: `/api/v1/campaigns/${f.id}/pairs/export?orgUnitId=fgw`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'bulk review',
      method: 'POST',
      path: `/api/v1/campaigns/${f.id}/service-records/review`,
      body: { ids: [f.record], decision: 'reject', reason: '测试' },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    // already rejected above by a manager
    { name: 'approve', method: 'POST', path: `/api/v1/service-records/${f.record}/approve`, allowed: FGW_MANAGERS, ok: 409 },
    { name: 'unlink', method: 'POST', path: `/api/v1/pairs/${f.pair}/unlink`, body: { reason: '测试' }, allowed: FGW_MANAGERS, ok: 200 },
    {
      // public totals for everyone, the per-unit breakdown only for managers
      name: 'statistics',
      method: 'GET',
      path: `/api/v1/campaigns/${f.id}/volunteer-stats?orgUnitId=fgw`,
      allowed: EVERYONE,
      ok: 200,
      check: (r, role) => expect('byUnit' in r.body).toBe(FGW_MANAGERS.includes(role)),
    },
  ],
});

describe('"1+1" records and residents', () => {
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
  const id = (
    await root.post('/api/v1/campaigns', {
      kind: 'volunteer',
      title: '矩阵服务活动',
      orgUnitId: 'root',
      startsAt: new Date(Date.now() - 864e5).toISOString(),
      endsAt: new Date(Date.now() + 864e5).toISOString(),
    })
  ).body.campaign.id as string;
  await root.post(`/api/v1/campaigns/${id}/publish`);
  const org = await signedIn(PHONES.fgwOrganizer);
  const body = {
    orgUnitId: 'fgw',
    title: '河道清洁',
    place: '滨江步道',
    startsAt: new Date(Date.now() + 3600e3).toISOString(),
    endsAt: new Date(Date.now() + 3 * 3600e3).toISOString(),
    capacity: 10,
  };
  const sa = (await org.post(`/api/v1/campaigns/${id}/service-activities`, body)).body.serviceActivity.id as string;
  const member = await signedIn(PHONES.fgwMember);
  await member.post(`/api/v1/service-activities/${sa}/signups`);
  return { id, sa, body };
}

roleMatrix('service activities authorization', {
  setup: activityFixture,
  operations: (f) => [
    { name: 'create', method: 'POST', path: `/api/v1/campaigns/${f.id}/service-activities`, body: f.body, allowed: FGW_MANAGERS, ok: 201 },
    { name: 'edit', method: 'PATCH', path: `/api/v1/service-activities/${f.sa}`, body: { title: '河道清洁（改）' }, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'check-in code',
      method: 'GET',
      path: `/api/v1/service-activities/${f.sa}/code`,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => allowed || expect(r.text).not.toMatch(/"code":"\d{6}"/),
    },
    {
      name: 'sign-ups',
      method: 'GET',
      path: `/api/v1/service-activities/${f.sa}/signups`,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => allowed || expect(r.text).not.toContain('王晓燕'),
    },
    { name: 'sign-ups export', method: 'GET', path: `/api/v1/service-activities/${f.sa}/signups/export`, allowed: FGW_MANAGERS, ok: 200 },
    {
      // everyone sees the activity itself, its counts and never a name
      name: 'activities',
      method: 'GET',
      path: `/api/v1/campaigns/${f.id}/service-activities`,
      allowed: EVERYONE,
      ok: 200,
      check: (r, role) => {
        expect(r.body.items.find((x: { id: string }) => x.id === f.sa)).toMatchObject({ signedUp: 1, canManage: FGW_MANAGERS.includes(role) });
        expect(r.text).not.toContain('王晓燕');
        expect(r.text).not.toMatch(/codeSecret|code_secret/);
      },
    },
    { name: 'cancel', method: 'POST', path: `/api/v1/service-activities/${f.sa}/cancel`, allowed: FGW_MANAGERS, ok: 200 },
  ],
  after: async (f, role) => {
    const row = await env.DB.prepare('SELECT title, status FROM service_activities WHERE id = ?').bind(f.sa).first<{ title: string; status: string }>();
    expect(row).toEqual(FGW_MANAGERS.includes(role) ? { title: '河道清洁（改）', status: 'cancelled' } : { title: '河道清洁', status: 'open' });
  },
});

describe('service activities: subtrees and participants', () => {
  it('an organizer creates only inside their subtree and inside the campaign’s', async () => {
    const f = await activityFixture();
    const org = await signedIn(PHONES.fgwOrganizer);
    // the campaign's unit (root) by default: not theirs
    expect((await org.post(`/api/v1/campaigns/${f.id}/service-activities`, { ...f.body, orgUnitId: undefined })).status).toBe(403);
    expect((await org.post(`/api/v1/campaigns/${f.id}/service-activities`, { ...f.body, orgUnitId: 'jyj' })).status).toBe(403);
    const root = await signedIn(PHONES.rootOrganizer);
    const fgwCampaign = (
      await root.post('/api/v1/campaigns', {
        kind: 'volunteer',
        title: 'fgw的1+1',
        orgUnitId: 'fgw',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 864e5).toISOString(),
      })
    ).body.campaign.id as string;
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
