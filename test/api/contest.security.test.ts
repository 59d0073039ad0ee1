import { describe, expect, it } from 'vitest';
import { client, signedIn, fixture, inOneDay, PHONES } from '../helpers';
import { FGW_MANAGERS, roleMatrix } from './roles';

/* A contest of the fgw subtree with a pending work by the root organizer, as every role. */
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

roleMatrix('contest authorization matrix', {
  setup: fixtureContest,
  operations: ({ id, entry }) => [
    // the pending work and its image are invisible to outsiders (404 hides that it exists)
    { name: 'pending image', method: 'GET', path: entry.imageUrl, allowed: FGW_MANAGERS, ok: 200, denied: 404, anonymous: 404 },
    { name: 'pending work', method: 'GET', path: `/api/v1/entries/${entry.id}`, allowed: FGW_MANAGERS, ok: 200, denied: 404, anonymous: 404 },
    { name: 'review', method: 'POST', path: `/api/v1/entries/${entry.id}/review`, body: { decision: 'approve' }, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'flagged votes', method: 'GET', path: `/api/v1/campaigns/${id}/votes?flagged=true`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'discount votes',
      method: 'POST',
      path: `/api/v1/campaigns/${id}/votes/discount`,
      body: { ids: ['x'], reason: 'r' },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    // a judge from the contest's own subtree (outsiders come through judge-invites)
    { name: 'add a judge', method: 'POST', path: `/api/v1/campaigns/${id}/judges`, body: { phone: PHONES.fgwMember }, allowed: FGW_MANAGERS, ok: 201 },
    {
      name: 'judging round',
      method: 'POST',
      path: `/api/v1/campaigns/${id}/judging-rounds`,
      body: { name: '初评', criteria: [{ name: '艺术性', weight: 1, max: 10 }] },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    { name: 'results', method: 'GET', path: `/api/v1/campaigns/${id}/results`, allowed: FGW_MANAGERS, ok: 200, anonymous: 403 },
    { name: 'awards', method: 'POST', path: `/api/v1/campaigns/${id}/awards`, body: { mode: 'auto' }, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'publish results',
      method: 'POST',
      path: `/api/v1/campaigns/${id}/results/publish`,
      body: { published: true, force: true },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    { name: 'results 台账', method: 'GET', path: `/api/v1/campaigns/${id}/results.xlsx`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'entries 台账', method: 'GET', path: `/api/v1/campaigns/${id}/entries/export?format=csv`, allowed: FGW_MANAGERS, ok: 200 },
  ],
});

describe('contest judging', () => {
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
