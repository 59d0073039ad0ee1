import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, inOneDay, PHONES, type Client } from '../helpers';

/* Role × subtree matrix for the quiz module: banks and campaigns of the fgw subtree. */
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

async function fixture() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const bank = (await org.post('/api/v1/question-banks', { title: '矩阵题库', orgUnitId: 'fgw' })).body.bank.id as string;
  const q = (await org.post(`/api/v1/question-banks/${bank}/questions`, { type: 'judge', stem: `矩阵判断题${Math.random()}`, answer: true })).body.question.id as string;
  const camp = (await org.post('/api/v1/campaigns', { kind: 'quiz', title: '矩阵答题', orgUnitId: 'fgw', ...inOneDay(), settings: { bankIds: [bank], mode: 'round', questionsPerAttempt: 1 } })).body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${camp}/publish`);
  const now = Date.now();
  const stage = (await org.post(`/api/v1/campaigns/${camp}/stages`, { name: '初赛', startsAt: new Date(now - 1000).toISOString(), endsAt: new Date(now + 3600e3).toISOString(), advancement: { rule: 'top', n: 1 } })).body.stage.id as string;
  await org.post(`/api/v1/campaigns/${camp}/stages`, { name: '决赛', startsAt: new Date(now + 7200e3).toISOString(), endsAt: new Date(now + 9000e3).toISOString() });
  return { bank, q, camp, stage };
}

describe('quiz authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: banks, questions, stages, advancement, statistics and exports of the fgw subtree`, async () => {
      const f = await fixture();
      const c = await actors[actor]();
      const want = (ok: number) => (manages(actor) ? ok : denied(actor));
      expect((await c.post('/api/v1/question-banks', { title: 'x', orgUnitId: 'fgw-b1' })).status).toBe(want(201));
      expect((await c.get(`/api/v1/question-banks/${f.bank}/questions`)).status).toBe(want(200));
      expect((await c.post(`/api/v1/question-banks/${f.bank}/questions`, { type: 'judge', stem: `新题${actor}`, answer: false })).status).toBe(want(201));
      expect((await c.call('POST', `/api/v1/question-banks/${f.bank}/import?dryRun=true`, '题型,题干,答案\n判断,导入题,对\n', { 'content-type': 'text/csv' })).status).toBe(want(200));
      expect((await c.get(`/api/v1/question-banks/${f.bank}/export`)).status).toBe(want(200));
      expect((await c.patch(`/api/v1/questions/${f.q}`, { type: 'judge', stem: `改过的题${actor}`, answer: false })).status).toBe(want(200));
      expect((await c.post(`/api/v1/campaigns/${f.camp}/stages`, { name: '复赛', ...inOneDay() })).status).toBe(want(201));
      expect((await c.post(`/api/v1/campaigns/${f.camp}/stages/${f.stage}/advance?dryRun=true`)).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${f.camp}/quiz-stats`)).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${f.camp}/attempts`)).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${f.camp}/attempts/export`)).status).toBe(want(200));
    });
  }

  it('participants never see answers before answering, and organizers only of their own subtree see banks', async () => {
    const f = await fixture();
    const member = await signedIn(PHONES.fgwMember);
    const start = await member.post(`/api/v1/campaigns/${f.camp}/attempts`, {});
    expect(start.status).toBe(201);
    expect(JSON.stringify(start.body)).not.toContain('"answer"');
    const mine = await (await signedIn(PHONES.fgwOrganizer)).get('/api/v1/question-banks');
    expect(mine.body.items.every((b: { orgUnitId: string }) => b.orgUnitId.startsWith('fgw'))).toBe(true);
    const member2 = await signedIn(PHONES.jyjMember);
    expect((await member2.get('/api/v1/question-banks')).body.items).toEqual([]);
    // another participant cannot read or answer this attempt
    expect((await member2.get(`/api/v1/attempts/${start.body.attempt.id}`)).status).toBe(404);
    // the organizer of the campaign can read it (to review flagged attempts)
    expect((await (await signedIn(PHONES.fgwOrganizer)).get(`/api/v1/attempts/${start.body.attempt.id}`)).status).toBe(200);
  });
});
