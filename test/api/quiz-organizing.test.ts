import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { utils, write } from '@e965/xlsx';
import { client, signedIn, inOneDay, PHONES, type Client } from '../helpers';
import { XLSX, quiz, player } from './quiz.fixtures';

// What organizers set up: question banks, stages (入围) and the demo quizzes; playing is in quiz.test.ts.

/** Options A, B, C… with these texts. */
const options = (...texts: string[]) => texts.map((text, i) => ({ key: 'ABCDEF'[i]!, text }));

describe('question banks', () => {
  it('creates a bank, adds each type, rejects duplicates and bad answers; answers only for organizers', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const bank = await org.post('/api/v1/question-banks', { title: '发改业务题库', orgUnitId: 'fgw' });
    expect(bank.status).toBe(201);
    const id = bank.body.bank.id;
    const add = (q: Record<string, unknown>) => org.post(`/api/v1/question-banks/${id}/questions`, q);
    expect(
      (
        await add({
          type: 'single',
          stem: '“十四五”规划纲要的全称中包括哪一年远景目标？',
          options: options('2030年', '2035年'),
          answer: 'B',
          tags: ['规划'],
          difficulty: 2,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add({
          type: 'multiple',
          stem: '新发展理念包括？',
          options: options('创新', '协调', '垄断'),
          answer: ['B', 'A'],
        })
      ).status,
    ).toBe(201);
    expect((await add({ type: 'judge', stem: '发展是第一要务。', answer: true })).status).toBe(201);
    const blank = await add({ type: 'blank', stem: '新发展理念是创新、协调、绿色、开放、____。', answer: ['共享', '共享发展'] });
    expect(blank.status).toBe(201);
    expect(blank.body.question.answer).toEqual(['共享', '共享发展']);
    const dup = await add({ type: 'judge', stem: '  发展是第一要务！ ', answer: false });
    expect(dup.status).toBe(409);
    const bad = await add({
      type: 'single',
      stem: '错误答案的题',
      options: options('甲', '乙'),
      answer: 'C',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.answer).toBeTruthy();
    const list = await org.get(`/api/v1/question-banks/${id}/questions`);
    expect(list.body.items).toHaveLength(4);
    expect(list.body.items.find((q: { type: string }) => q.type === 'multiple').answer).toEqual(['A', 'B']);
    expect((await client().get(`/api/v1/question-banks/${id}/questions`)).status).toBe(401);
    expect((await (await signedIn(PHONES.fgwMember)).get(`/api/v1/question-banks/${id}/questions`)).status).toBe(403);
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/question-banks/${id}/questions`, { type: 'judge', stem: 'x', answer: true })).status).toBe(
      403,
    );
    const mine = await org.get('/api/v1/question-banks');
    expect(mine.body.items.find((b: { id: string }) => b.id === id).questionCount).toBe(4);
    expect((await org.get(`/api/v1/question-banks/${id}`)).body.bank).toMatchObject({ id, title: '发改业务题库', questionCount: 4 });
    expect((await (await signedIn(PHONES.jyjMember)).get(`/api/v1/question-banks/${id}`)).status).toBe(403);
  });

  it('imports an organizer’s spreadsheet as it is: CSV and xlsx, letters, 对/错, √/×, keeping good rows and reporting bad ones', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = (await org.post('/api/v1/question-banks', { title: '导入测试', orgUnitId: 'root' })).body.bank.id;
    const csv = [
      '\uFEFF题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度',
      '单选,党的根本宗旨是什么？,全心全意为人民服务,发展经济,,,A,见党章,党章,易',
      '多选,以下属于四项基本原则的有,坚持社会主义道路,坚持人民民主专政,坚持多党轮流执政,,A、B,,党章,中',
      '判断,预备期为一年。,,,,,√,,党章,1',
      '判断,预备党员有选举权。,,,,,错误,,党章,2',
      '填空,党的组织原则是____。,,,,,民主集中制|民主集中,,党章,难',
      '问答,这是什么题型？,,,,,A,,,',
      '单选,答案不在选项里,甲,乙,,,E,,,',
      '判断,答案写成了也许,,,,,也许,,,',
      '单选,党的根本宗旨是什么？,全心全意为人民服务,发展经济,,,A,,,',
      '单选,难度写错,甲,乙,,,A,,,很难很难',
    ].join('\n');
    const dry = await org.call('POST', `/api/v1/question-banks/${id}/import?dryRun=true`, csv, { 'content-type': 'text/csv' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ imported: 5, dryRun: true });
    expect(dry.body.errors.map((e: { row: number }) => e.row)).toEqual([7, 8, 9, 10, 11]);
    expect(dry.body.errors[0].message).toContain('问答');
    expect(dry.body.errors[3].message).toContain('第 2 行');
    const real = await org.call('POST', `/api/v1/question-banks/${id}/import`, csv, { 'content-type': 'text/csv' });
    expect(real.body.imported).toBe(5);
    const again = await org.call('POST', `/api/v1/question-banks/${id}/import`, csv, { 'content-type': 'text/csv' });
    expect(again.body).toMatchObject({ imported: 0, duplicates: 5 });

    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['type', 'stem', 'A', 'B', 'C', 'answer', 'explanation', 'tags', 'difficulty'],
        ['single', 'xlsx 单选题', '一', '二', '三', 'C', '', 'x', 3],
        ['judge', 'xlsx 判断题', '', '', '', '×', '', '', ''],
        ['multiple', 'xlsx 多选只有一个答案', '一', '二', '', 'A', '', '', ''],
      ]),
      'Sheet1',
    );
    const file = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const x = await org.call('POST', `/api/v1/question-banks/${id}/import`, file, { 'content-type': XLSX });
    expect(x.body.imported).toBe(2);
    expect(x.body.errors).toEqual([{ row: 4, message: expect.stringContaining('两个') }]);

    const list = await org.get(`/api/v1/question-banks/${id}/questions?limit=100`);
    const byStem = Object.fromEntries(list.body.items.map((q: { stem: string; answer: unknown }) => [q.stem, q.answer]));
    expect(byStem['预备期为一年。']).toBe(true);
    expect(byStem['预备党员有选举权。']).toBe(false);
    expect(byStem.以下属于四项基本原则的有).toEqual(['A', 'B']);
    expect(byStem['xlsx 判断题']).toBe(false);

    const bad = await org.call('POST', `/api/v1/question-banks/${id}/import`, '名字,内容\n1,2\n', { 'content-type': 'text/csv' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('题型');

    const exported = await org.get(`/api/v1/question-banks/${id}/export?format=csv`);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.text).toContain('民主集中制|民主集中');
    // an export imports back into a new bank unchanged
    const copy = (await org.post('/api/v1/question-banks', { title: '导出再导入', orgUnitId: 'root' })).body.bank.id;
    const back = await org.call('POST', `/api/v1/question-banks/${copy}/import`, exported.text, { 'content-type': 'text/csv' });
    expect(back.body).toMatchObject({ imported: 7, errors: [] });
    const tpl = await client().get('/api/v1/question-banks/template?format=csv');
    expect(tpl.text).toContain('"题型","题干","选项A"');
  });
});

describe('stages', () => {
  async function staged(org: Client, rule: Record<string, unknown>) {
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 2, minAnswerMs: 0 });
    const now = Date.now();
    const s1 = await org.post(`/api/v1/campaigns/${id}/stages`, {
      name: '初赛',
      startsAt: new Date(now - 3600e3).toISOString(),
      endsAt: new Date(now + 3600e3).toISOString(),
      advancement: rule,
    });
    expect(s1.status).toBe(201);
    const s2 = await org.post(`/api/v1/campaigns/${id}/stages`, {
      name: '决赛',
      startsAt: new Date(now - 60e3).toISOString(),
      endsAt: new Date(now + 7200e3).toISOString(),
      settings: { questionsPerAttempt: 1 },
    });
    expect(s2.body.stage.ord).toBe(2);
    return { id, s1: s1.body.stage.id as string, s2: s2.body.stage.id as string };
  }
  const scores = (org: Client, id: string, stage: string, entries: Array<[string, number, number, string?]>) =>
    org.post(`/api/v1/campaigns/${id}/leaderboard/scores`, {
      mode: 'set',
      stage,
      entries: entries.map(([key, score, tiebreak, orgUnitId]) => ({ key, name: key, score, tiebreak, ...(orgUnitId ? { orgUnitId } : {}) })),
    });

  it('advances the top N with ties at the cut, previews before publishing, admits only those to the next stage', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { id, s1, s2 } = await staged(org, { rule: 'top', n: 2 });
    const p1 = await player();
    const p2 = await player();
    const p3 = await player();
    const p4 = await player();
    await scores(org, id, s1, [
      [p1.id, 10, 30],
      [p2.id, 8, 20],
      [p3.id, 8, 20],
      [p4.id, 8, 25],
    ]);
    const preview = await org.post(`/api/v1/campaigns/${id}/stages/${s1}/advance?dryRun=true`);
    expect(preview.status).toBe(200);
    // ties share a rank; within a tie the board's order is by board key (a keyed hash), not user id
    const byRank = (l: Array<[string, number]>) => [...l].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    expect(byRank(preview.body.advanced.map((e: { userId: string; rank: number }) => [e.userId, e.rank]))).toEqual(
      byRank([
        [p1.id, 1],
        [p2.id, 2],
        [p3.id, 2],
      ]),
    );
    expect(preview.body.dryRun).toBe(true);
    // nothing published yet: nobody may start the final
    expect((await p1.c.post(`/api/v1/campaigns/${id}/attempts`, { stageId: s2 })).status).toBe(403);
    const published = await org.post(`/api/v1/campaigns/${id}/stages/${s1}/advance`);
    expect(published.body.advanced).toHaveLength(3);
    const list = await org.get(`/api/v1/campaigns/${id}/stages/${s1 === s2 ? s1 : s2}/admissions`);
    expect(list.body.items).toHaveLength(3);
    expect((await p3.c.post(`/api/v1/campaigns/${id}/attempts`, { stageId: s2 })).status).toBe(201);
    const denied = await p4.c.post(`/api/v1/campaigns/${id}/attempts`, { stageId: s2 });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('入围');
    // the final has its own board
    const final = await org.get(`/api/v1/campaigns/${id}/leaderboard?stage=${s2}`);
    expect(final.body.total).toBe(0);
    expect((await org.post(`/api/v1/campaigns/${id}/stages/${s2}/advance`)).status).toBe(409);
  });

  it('advances by score threshold and top N per unit', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const t = await staged(org, { rule: 'threshold', score: 7 });
    await scores(org, t.id, t.s1, [
      ['a', 9, 0],
      ['b', 7, 0],
      ['c', 6.5, 0],
    ]);
    expect((await org.post(`/api/v1/campaigns/${t.id}/stages/${t.s1}/advance?dryRun=true`)).body.advanced.map((e: { userId: string }) => e.userId)).toEqual([
      'a',
      'b',
    ]);
    const u = await staged(org, { rule: 'top_per_unit', n: 1 });
    await scores(org, u.id, u.s1, [
      ['x1', 9, 0, 'fgw-b1'],
      ['x2', 8, 0, 'fgw-b1'],
      ['y1', 5, 0, 'jyj-b1'],
      ['y2', 5, 0, 'jyj-b1'],
      ['z1', 1, 0, 'czj-b1'],
    ]);
    const per = await org.post(`/api/v1/campaigns/${u.id}/stages/${u.s1}/advance?dryRun=true`);
    expect(per.body.advanced.map((e: { userId: string }) => e.userId).sort()).toEqual(['x1', 'y1', 'y2', 'z1']);
  });

  it('lets only organizers manage stages, with clear errors', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { id, s1 } = await staged(org, { rule: 'top', n: 1 });
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/campaigns/${id}/stages/${s1}/advance`)).status).toBe(403);
    expect((await member.post(`/api/v1/campaigns/${id}/stages`, { name: 'x', ...inOneDay() })).status).toBe(403);
    const bad = await org.post(`/api/v1/campaigns/${id}/stages`, {
      name: '复赛',
      startsAt: '2026-02-01T00:00:00Z',
      endsAt: '2026-01-01T00:00:00Z',
      settings: { bankIds: ['nope'] },
      advancement: { rule: 'top' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields['advancement.n']).toBeTruthy();
    // an override can be set and removed again (the stage then follows the campaign)
    await org.patch(`/api/v1/campaigns/${id}/stages/${s1}`, { settings: { secondsPerQuestion: 25, attemptsTotal: 3 } });
    let own = (await org.get(`/api/v1/campaigns/${id}/stages`)).body.items[0];
    expect(own.settings).toMatchObject({ secondsPerQuestion: 25, attemptsTotal: 3 });
    await org.patch(`/api/v1/campaigns/${id}/stages/${s1}`, { settings: { secondsPerQuestion: null, attemptsTotal: 'inherit' } });
    own = (await org.get(`/api/v1/campaigns/${id}/stages`)).body.items[0];
    expect(own.settings).toEqual({});
    const pub = await client().get(`/api/v1/campaigns/${id}/stages`);
    expect(pub.body.items).toHaveLength(2);
    expect(pub.body.items[0].advancement).toBeUndefined();
  });
});

describe('demo quizzes', () => {
  it('has a bank of ≥60 questions of all four types, a daily quiz and a two-stage round contest', async () => {
    const types = await env.DB.prepare("SELECT type, COUNT(*) n FROM questions WHERE bank_id = 'bank-demo' GROUP BY type").all<{ type: string; n: number }>();
    expect(types.results.map((r) => r.type).sort()).toEqual(['blank', 'judge', 'multiple', 'single']);
    expect(types.results.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(60);
    const daily = await client().get('/api/v1/campaigns/dangshi-daily');
    expect(daily.body.campaign.settings.mode).toBe('daily');
    const contest = await client().get('/api/v1/campaigns/dangshi-contest');
    expect(contest.body.campaign.settings.mode).toBe('round');
    expect((await client().get('/api/v1/campaigns/dangshi-contest/stages')).body.items.map((s: { name: string }) => s.name)).toEqual(['初赛', '决赛']);
    const member = await signedIn(PHONES.jyjMember);
    const lobby = await member.get('/api/v1/campaigns/dangshi-contest/quiz/me');
    expect(lobby.body).toMatchObject({ stage: { name: '初赛' }, attemptsLeftToday: 2, admitted: true });
    const start = await member.post('/api/v1/campaigns/dangshi-contest/attempts', {});
    expect(start.status).toBe(201);
    expect(start.body.attempt.total).toBe(10);
  });
});
