import { describe, expect, it } from 'vitest';
import { signedIn, inOneDay, PHONES } from '../helpers';
import { FGW_MANAGERS, roleMatrix } from './roles';

/* The quiz module's banks and campaigns of the fgw subtree, as every role. */
async function fixture() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const bank = (await org.post('/api/v1/question-banks', { title: '矩阵题库', orgUnitId: 'fgw' })).body.bank.id as string;
  const q = (await org.post(`/api/v1/question-banks/${bank}/questions`, { type: 'judge', stem: `矩阵判断题${Math.random()}`, answer: true })).body.question
    .id as string;
  const camp = (
    await org.post('/api/v1/campaigns', {
      kind: 'quiz',
      title: '矩阵答题',
      orgUnitId: 'fgw',
      ...inOneDay(),
      settings: { bankIds: [bank], mode: 'round', questionsPerAttempt: 1 },
    })
  ).body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${camp}/publish`);
  const now = Date.now();
  const stage = (
    await org.post(`/api/v1/campaigns/${camp}/stages`, {
      name: '初赛',
      startsAt: new Date(now - 1000).toISOString(),
      endsAt: new Date(now + 3600e3).toISOString(),
      advancement: { rule: 'top', n: 1 },
    })
  ).body.stage.id as string;
  await org.post(`/api/v1/campaigns/${camp}/stages`, {
    name: '决赛',
    startsAt: new Date(now + 7200e3).toISOString(),
    endsAt: new Date(now + 9000e3).toISOString(),
  });
  return { bank, q, camp, stage };
}

roleMatrix('quiz authorization matrix', {
  setup: fixture,
  operations: (f) => [
    { name: 'create a bank', method: 'POST', path: '/api/v1/question-banks', body: { title: 'x', orgUnitId: 'fgw-b1' }, allowed: FGW_MANAGERS, ok: 201 },
    { name: 'questions', method: 'GET', path: `/api/v1/question-banks/${f.bank}/questions`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'add a question',
      method: 'POST',
      path: `/api/v1/question-banks/${f.bank}/questions`,
      body: { type: 'judge', stem: `新题${Math.random()}`, answer: false },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    {
      name: 'import (dry run)',
      method: 'POST',
      path: `/api/v1/question-banks/${f.bank}/import?dryRun=true`,
      body: '题型,题干,答案\n判断,导入题,对\n',
      headers: { 'content-type': 'text/csv' },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    { name: 'export the bank', method: 'GET', path: `/api/v1/question-banks/${f.bank}/export`, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'edit a question',
      method: 'PATCH',
      path: `/api/v1/questions/${f.q}`,
      body: { type: 'judge', stem: `改过的题${Math.random()}`, answer: false },
      allowed: FGW_MANAGERS,
      ok: 200,
    },
    { name: 'add a stage', method: 'POST', path: `/api/v1/campaigns/${f.camp}/stages`, body: { name: '复赛', ...inOneDay() }, allowed: FGW_MANAGERS, ok: 201 },
    { name: 'advance (dry run)', method: 'POST', path: `/api/v1/campaigns/${f.camp}/stages/${f.stage}/advance?dryRun=true`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'statistics', method: 'GET', path: `/api/v1/campaigns/${f.camp}/quiz-stats`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'attempts', method: 'GET', path: `/api/v1/campaigns/${f.camp}/attempts`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'attempts export', method: 'GET', path: `/api/v1/campaigns/${f.camp}/attempts/export`, allowed: FGW_MANAGERS, ok: 200 },
  ],
});

describe('quiz participants', () => {
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
