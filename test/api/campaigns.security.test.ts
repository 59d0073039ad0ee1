import { expect } from 'vitest';
import { signedIn, inOneDay, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, ROOT_MANAGERS, SIGNED_IN, roleMatrix } from './roles';

/* Campaigns of the fgw subtree, as every role: a draft (hidden from all but its managers) and a published one. */
async function setup() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const create = async () =>
    (await org.post('/api/v1/campaigns', { kind: 'contest', title: '矩阵测试', orgUnitId: 'fgw-b1', ...inOneDay() })).body.campaign.id as string;
  const draft = await create();
  const published = await create();
  await org.post(`/api/v1/campaigns/${published}/publish`);
  return { draft, published };
}
const create = (orgUnitId: string) => ({ kind: 'quiz', title: '权限', orgUnitId, ...inOneDay() });

roleMatrix('campaigns authorization matrix', {
  setup,
  operations: (f) => [
    { name: 'create in fgw', method: 'POST', path: '/api/v1/campaigns', body: create('fgw-b2'), allowed: FGW_MANAGERS, ok: 201 },
    { name: 'create in jyj', method: 'POST', path: '/api/v1/campaigns', body: create('jyj'), allowed: [...ROOT_MANAGERS, 'jyjOrganizer'], ok: 201 },
    { name: 'create at the root', method: 'POST', path: '/api/v1/campaigns', body: create('root'), allowed: ROOT_MANAGERS, ok: 201 },
    {
      name: 'managed list',
      method: 'GET',
      path: '/api/v1/campaigns?managed=true&limit=100',
      allowed: SIGNED_IN,
      ok: 200,
      check: (r, role) => {
        if (role === 'anonymous') return;
        // only campaigns they manage, the fgw draft among them exactly when they manage fgw
        expect(r.body.items.every((x: { canManage: boolean }) => x.canManage)).toBe(true);
        expect(r.body.items.some((x: { id: string }) => x.id === f.draft)).toBe(FGW_MANAGERS.includes(role));
      },
    },
    // a draft is invisible (404) to anyone who may not manage it, signed in or not
    { name: 'see the draft', method: 'GET', path: `/api/v1/campaigns/${f.draft}`, allowed: FGW_MANAGERS, ok: 200, denied: 404, anonymous: 404 },
    {
      name: 'edit the draft',
      method: 'PATCH',
      path: `/api/v1/campaigns/${f.draft}`,
      body: { title: '改' },
      allowed: FGW_MANAGERS,
      ok: 200,
      denied: 404,
      anonymous: 404,
    },
    { name: 'publish the draft', method: 'POST', path: `/api/v1/campaigns/${f.draft}/publish`, allowed: FGW_MANAGERS, ok: 200, denied: 404, anonymous: 404 },
    // once published, everyone sees it but only its managers may change it
    {
      name: 'see the published one',
      method: 'GET',
      path: `/api/v1/campaigns/${f.published}`,
      allowed: EVERYONE,
      ok: 200,
      check: (r, role) => expect(r.body.campaign.canManage).toBe(FGW_MANAGERS.includes(role)),
    },
    { name: 'edit the published one', method: 'PATCH', path: `/api/v1/campaigns/${f.published}`, body: { title: '改' }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'close it', method: 'POST', path: `/api/v1/campaigns/${f.published}/close`, allowed: FGW_MANAGERS, ok: 200 },
    // duplication: only who manages the campaign's unit; a draft source stays invisible to the rest
    {
      name: 'duplicate the published one',
      method: 'POST',
      path: `/api/v1/campaigns/${f.published}/duplicate`,
      body: { startsAt: new Date(Date.now() + 86400e3).toISOString() },
      allowed: FGW_MANAGERS,
      ok: 201,
      check: (r, _role, allowed) => allowed && expect(r.body.campaign.status).toBe('draft'),
    },
    {
      name: 'duplicate the draft',
      method: 'POST',
      path: `/api/v1/campaigns/${f.draft}/duplicate`,
      body: { startsAt: new Date().toISOString() },
      allowed: FGW_MANAGERS,
      ok: 201,
      denied: 404,
      anonymous: 404,
    },
    { name: 'templates', method: 'GET', path: '/api/v1/campaign-templates', allowed: EVERYONE, ok: 200 },
  ],
});
