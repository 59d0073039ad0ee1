import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { utils, write } from '@e965/xlsx';
import { client, signedIn, freshPhone, inOneDay, PHONES, type Client, registerUser } from '../helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function answerOf(questionId: string) {
  const r = await env.DB.prepare('SELECT type, answer, options FROM questions WHERE id = ?').bind(questionId).first<{ type: string; answer: string; options: string }>();
  return { type: r!.type, answer: JSON.parse(r!.answer), options: JSON.parse(r!.options) as Array<{ key: string }> };
}
/** The right answer in the shape a participant sends. */
async function right(questionId: string) {
  const q = await answerOf(questionId);
  return q.type === 'blank' ? q.answer[0] : q.answer;
}
async function wrong(questionId: string) {
  const q = await answerOf(questionId);
  if (q.type === 'judge') return !q.answer;
  if (q.type === 'blank') return '完全不对的答案';
  if (q.type === 'single') return q.options.find((o) => o.key !== q.answer)!.key;
  // a strict subset of the right keys is wrong (multiple answers have at least two keys, and may be all options)
  return [q.answer[0]];
}

let n = 0;
async function quiz(org: Client, settings: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: `测试答题${n++}`, orgUnitId: 'root', ...inOneDay(), settings: { bankIds: ['bank-demo'], ...settings }, ...over });
  expect(r.status).toBe(201);
  const id = r.body.campaign.id as string;
  expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
  return id;
}
async function player() {
  const c = client({ ip: `10.50.${n % 200}.${Math.floor(Math.random() * 200)}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, password: 'secret-pass', name: `选手${phone.slice(-4)}` });
  expect(r.status).toBe(201);
  return { c, id: r.body.user.id as string };
}
/** Every string in a participant-facing body, to check that no answer key leaks. */
const noAnswers = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"answer"\s*:/);
  expect(text).not.toMatch(/"explanation"\s*:/);
};

describe('question banks', () => {
  it('creates a bank, adds each type, rejects duplicates and bad answers; answers only for organizers', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const bank = await org.post('/api/v1/question-banks', { title: '发改业务题库', orgUnitId: 'fgw' });
    expect(bank.status).toBe(201);
    const id = bank.body.bank.id;
    const add = (q: Record<string, unknown>) => org.post(`/api/v1/question-banks/${id}/questions`, q);
    expect((await add({ type: 'single', stem: '“十四五”规划纲要的全称中包括哪一年远景目标？', options: [{ key: 'A', text: '2030年' }, { key: 'B', text: '2035年' }], answer: 'B', tags: ['规划'], difficulty: 2 })).status).toBe(201);
    expect((await add({ type: 'multiple', stem: '新发展理念包括？', options: [{ key: 'A', text: '创新' }, { key: 'B', text: '协调' }, { key: 'C', text: '垄断' }], answer: ['B', 'A'] })).status).toBe(201);
    expect((await add({ type: 'judge', stem: '发展是第一要务。', answer: true })).status).toBe(201);
    const blank = await add({ type: 'blank', stem: '新发展理念是创新、协调、绿色、开放、____。', answer: ['共享', '共享发展'] });
    expect(blank.status).toBe(201);
    expect(blank.body.question.answer).toEqual(['共享', '共享发展']);
    const dup = await add({ type: 'judge', stem: '  发展是第一要务！ ', answer: false });
    expect(dup.status).toBe(409);
    const bad = await add({ type: 'single', stem: '错误答案的题', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }], answer: 'C' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.answer).toBeTruthy();
    const list = await org.get(`/api/v1/question-banks/${id}/questions`);
    expect(list.body.items).toHaveLength(4);
    expect(list.body.items.find((q: { type: string }) => q.type === 'multiple').answer).toEqual(['A', 'B']);
    expect((await client().get(`/api/v1/question-banks/${id}/questions`)).status).toBe(401);
    expect((await (await signedIn(PHONES.fgwMember)).get(`/api/v1/question-banks/${id}/questions`)).status).toBe(403);
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/question-banks/${id}/questions`, { type: 'judge', stem: 'x', answer: true })).status).toBe(403);
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
    utils.book_append_sheet(wb, utils.aoa_to_sheet([
      ['type', 'stem', 'A', 'B', 'C', 'answer', 'explanation', 'tags', 'difficulty'],
      ['single', 'xlsx 单选题', '一', '二', '三', 'C', '', 'x', 3],
      ['judge', 'xlsx 判断题', '', '', '', '×', '', '', ''],
      ['multiple', 'xlsx 多选只有一个答案', '一', '二', '', 'A', '', '', ''],
    ]), 'Sheet1');
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

describe('playing', () => {
  it('daily: one question at a time without its answer, points with a daily cap, one attempt a day', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'daily', questionsPerAttempt: 5, pointsPerCorrect: 3, dailyPointsCap: 7, minAnswerMs: 0 });
    const { c, id: userId } = await player();
    const start = await c.post(`/api/v1/campaigns/${id}/attempts`, {});
    expect(start.status).toBe(201);
    const a = start.body.attempt;
    expect(a).toMatchObject({ index: 0, total: 5, status: 'active', mode: 'daily' });
    expect(Date.parse(a.deadline)).toBeGreaterThan(Date.now());
    noAnswers(start.body);
    const again = await c.post(`/api/v1/campaigns/${id}/attempts`, {});
    expect(again.status).toBe(409);
    expect(again.body.attempt.id).toBe(a.id);
    noAnswers(again.body);

    let q = a.question;
    const seen = new Set<string>();
    let last;
    for (let i = 0; i < 5; i++) {
      seen.add(q.id);
      last = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await right(q.id) });
      expect(last.status).toBe(200);
      expect(last.body.correct).toBe(true);
      if (last.body.next) { noAnswers(last.body.next); q = last.body.next.question; }
    }
    expect(seen.size).toBe(5);
    expect(last!.body).toMatchObject({ finished: true, next: null, score: 5, points: 7 });
    const points = await env.DB.prepare("SELECT SUM(points) p, COUNT(*) n FROM activity_events WHERE user_id = ? AND campaign_id = ? AND type = 'quiz_answer'").bind(userId, id).first<{ p: number; n: number }>();
    expect(points).toEqual({ p: 7, n: 5 });
    const board = await c.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(board.body).toMatchObject({ rank: 1, score: 7 });
    const limited = await c.post(`/api/v1/campaigns/${id}/attempts`, {});
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('明天');
    const result = await c.get(`/api/v1/attempts/${a.id}`);
    expect(result.body.result).toMatchObject({ score: 5, correct: 5, total: 5, rank: 1 });
    expect(result.body.result.questions).toHaveLength(5);
    expect(result.body.result.questions[0].correctAnswer).toBeDefined();
  });

  it('challenge: questions until the first wrong answer; the score is the streak', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'challenge', minAnswerMs: 0, revealAnswers: false });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    expect(a.total).toBeGreaterThanOrEqual(60);
    let q = a.question;
    for (let i = 0; i < 3; i++) q = (await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await right(q.id) })).body.next.question;
    const end = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await wrong(q.id) });
    expect(end.body).toMatchObject({ correct: false, finished: true, score: 3, next: null });
    expect(end.body.correctAnswer).toBeUndefined();
    const result = await c.get(`/api/v1/attempts/${a.id}`);
    expect(result.body.result.questions).toHaveLength(4); // never the questions after the miss
    noAnswers(result.body);
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(3);
  });

  it('round: late answers count as wrong, ranks by correct answers then seconds used, keeps the best attempt', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, secondsPerQuestion: 20, attemptsPerDay: 2, minAnswerMs: 0 });
    const { c, id: userId } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    let r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    expect(r.body.correct).toBe(true);
    // the clock runs out on the second question (moved back in time, as a slow network would)
    await env.DB.prepare('UPDATE quiz_attempts SET deadline = ? WHERE id = ?').bind(Date.now() - 5000, a.id).run();
    const q2 = r.body.next.question;
    r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q2.id, answer: await right(q2.id) });
    expect(r.body).toMatchObject({ correct: false, late: true });
    const q3 = r.body.next.question;
    r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q3.id, answer: await right(q3.id) });
    expect(r.body).toMatchObject({ finished: true, score: 2 });
    let me = await c.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(me.body.score).toBe(2);

    // a worse second attempt does not replace the best
    const b = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    let q = b.question;
    for (let i = 0; i < 3; i++) {
      const x = await c.post(`/api/v1/attempts/${b.id}/answers`, { questionId: q.id, answer: await wrong(q.id) });
      q = x.body.next?.question;
    }
    me = await c.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(me.body.score).toBe(2);
    const tiebreak = await env.DB.prepare('SELECT tiebreak FROM leaderboard_entries WHERE board_id = ? AND user_id = ?').bind(`${id}:main`, userId).first<{ tiebreak: number }>();
    expect(tiebreak!.tiebreak).toBeGreaterThanOrEqual(0);
    expect((await c.post(`/api/v1/campaigns/${id}/attempts`, {})).status).toBe(429);
  });

  it('moves on when the clock ran out unanswered, and ends an attempt abandoned for longer than it could last', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, secondsPerQuestion: 20, attemptsPerDay: 3, minAnswerMs: 0 });
    const { c, id: userId } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    // the first question's time ran out a little while ago (the phone slept)
    await env.DB.prepare('UPDATE quiz_attempts SET deadline = ? WHERE id = ?').bind(Date.now() - 5000, a.id).run();
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.activeAttemptId).toBe(a.id);
    const resumed = await c.get(`/api/v1/attempts/${a.id}`);
    expect(resumed.body.attempt).toMatchObject({ status: 'active', index: 1 });
    expect(Date.parse(resumed.body.attempt.deadline)).toBeGreaterThan(Date.now() + 15000);
    const late = await env.DB.prepare('SELECT correct, late FROM quiz_answers WHERE attempt_id = ? AND idx = 0').bind(a.id).first();
    expect(late).toEqual({ correct: 0, late: 1 });
    // abandoned for longer than the remaining questions could take: over, ranked with what was answered
    await env.DB.prepare('UPDATE quiz_attempts SET deadline = ? WHERE id = ?').bind(Date.now() - 3600e3, a.id).run();
    const [over, again] = await Promise.all([c.get(`/api/v1/attempts/${a.id}`), c.get(`/api/v1/attempts/${a.id}`)]);
    expect(over.body.attempt.status).toBe('finished');
    expect(again.body.attempt.status).toBe('finished');
    expect(over.body.result).toMatchObject({ score: 0, total: 3 });
    // ended once (by whichever request won), and ranked in the same batch
    const ended = await env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE ref = ? AND type = 'quiz_attempt'").bind(a.id).first<{ n: number }>();
    expect(ended!.n).toBe(1);
    expect(await env.DB.prepare('SELECT score, version FROM leaderboard_entries WHERE board_id = ? AND user_id = ?').bind(`${id}:main`, userId).first()).toEqual({ score: 0, version: 1 });
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.activeAttemptId).toBeNull();
  });

  it('rejects wrong shapes (400), other questions and replays (409), others’ attempts (404)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, minAnswerMs: 0 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    const q = a.question;
    const shapes: Record<string, unknown> = { single: ['A'], multiple: 'A', judge: 'true', blank: true };
    const badShape = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: shapes[q.type] });
    expect(badShape.status).toBe(400);
    const other = await env.DB.prepare("SELECT id FROM questions WHERE bank_id = 'bank-demo' AND id <> ? LIMIT 1").bind(q.id).first<{ id: string }>();
    expect((await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: other!.id, answer: true })).status).toBe(409);
    const ok = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await right(q.id) });
    expect(ok.status).toBe(200);
    const replay = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await right(q.id) });
    expect(replay.status).toBe(409);
    const { c: stranger } = await player();
    expect((await stranger.post(`/api/v1/attempts/${a.id}/answers`, { questionId: ok.body.next.question.id, answer: true })).status).toBe(404);
    expect((await stranger.get(`/api/v1/attempts/${a.id}`)).status).toBe(404);
    expect((await client().post(`/api/v1/campaigns/${id}/attempts`, {})).status).toBe(401);
  });

  it('counts a double submission of the same answer exactly once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'daily', questionsPerAttempt: 3, pointsPerCorrect: 1, minAnswerMs: 0 });
    const { c, id: userId } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    const body = { questionId: a.question.id, answer: await right(a.question.id) };
    const results = await Promise.all(Array.from({ length: 8 }, () => c.post(`/api/v1/attempts/${a.id}/answers`, body)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const rows = await env.DB.prepare('SELECT COUNT(*) n FROM quiz_answers WHERE attempt_id = ?').bind(a.id).first<{ n: number }>();
    expect(rows!.n).toBe(1);
    const att = await env.DB.prepare('SELECT current, correct, points FROM quiz_attempts WHERE id = ?').bind(a.id).first();
    expect(att).toEqual({ current: 1, correct: 1, points: 1 });
    const ev = await env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE user_id = ? AND type = 'quiz_answer'").bind(userId).first<{ n: number }>();
    expect(ev!.n).toBe(1);
    // the board's points are written in the answer's own batch: added once, on both the record and the board
    const entry = await env.DB.prepare('SELECT score, version FROM leaderboard_entries WHERE board_id = ? AND user_id = ?').bind(`${id}:main`, userId).first();
    expect(entry).toEqual({ score: 1, version: 1 });
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(1);
  });

  it('starts by slug as well as id; a draft is 404 to participants and 409 (not open) to its organizers', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const slug = `slug-quiz-${n++}`;
    await quiz(org, { mode: 'round', questionsPerAttempt: 2 }, { slug });
    const { c } = await player();
    const bySlug = await c.post(`/api/v1/campaigns/${slug}/attempts`, {});
    expect(bySlug.status).toBe(201);
    expect(bySlug.body.attempt.question.id).toBeTruthy();
    const draft = await org.post('/api/v1/campaigns', { kind: 'quiz', title: '草稿答题', orgUnitId: 'root', ...inOneDay(), settings: { bankIds: ['bank-demo'] } });
    expect((await c.post(`/api/v1/campaigns/${draft.body.campaign.id}/attempts`, {})).status).toBe(404);
    expect((await org.post(`/api/v1/campaigns/${draft.body.campaign.id}/attempts`, {})).status).toBe(409);
    expect((await c.post('/api/v1/campaigns/no-such-quiz/attempts', {})).status).toBe(404);
  });

  it('starts one attempt under parallel starts', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, attemptsPerDay: 5 });
    const { c, id: userId } = await player();
    const results = await Promise.all(Array.from({ length: 6 }, () => c.post(`/api/v1/campaigns/${id}/attempts`, {})));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const rows = await env.DB.prepare("SELECT COUNT(*) n FROM quiz_attempts WHERE user_id = ? AND status = 'active'").bind(userId).first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it('flags answers faster than a person could read, for organizers to review, and reports question statistics', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 2, minAnswerMs: 60_000 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    const r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: r.body.next.question.id, answer: await wrong(r.body.next.question.id) });
    const flagged = await org.get(`/api/v1/campaigns/${id}/attempts?flagged=true`);
    expect(flagged.body.items).toHaveLength(1);
    expect(flagged.body.items[0]).toMatchObject({ id: a.id, flags: 2, correct: 1 });
    const stats = await org.get(`/api/v1/campaigns/${id}/quiz-stats`);
    expect(stats.body.items).toHaveLength(2);
    expect(stats.body.items.map((s: { correctRate: number }) => s.correctRate).sort()).toEqual([0, 1]);
    expect((await c.get(`/api/v1/campaigns/${id}/quiz-stats`)).status).toBe(403);
    const xlsx = await org.get(`/api/v1/campaigns/${id}/attempts/export`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('organizers review flagged attempts once: cleared, or disqualified — points back, the board worked out again or the entry removed', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    // every answer is "too fast" here, so every attempt is flagged
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 2, secondsPerQuestion: 60, attemptsPerDay: 3, minAnswerMs: 60_000, pointsPerCorrect: 1 });
    const { c, id: userId } = await player();
    const play = async (pick: (qid: string) => Promise<unknown>) => {
      const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
      let q = a.question;
      while (q) q = (await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await pick(q.id) })).body.next?.question;
      return a.id as string;
    };
    const good = await play(right);
    const poor = await play(wrong);
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(2);
    const todoBefore = ((await org.get('/api/v1/org-units/root/todo')).body.items as Array<{ what: string; campaignId: string; count: number }>).find((x) => x.what === 'attempts_flagged' && x.campaignId === id);
    expect(todoBefore?.count).toBe(2);

    // the participant may not review; a disqualification needs a reason
    expect((await c.post(`/api/v1/attempts/${good}/review`, { decision: 'cleared' })).status).toBe(403);
    // an organizer of a unit below the campaign's may not either
    expect((await (await signedIn(PHONES.fgwOrganizer)).post(`/api/v1/attempts/${good}/review`, { decision: 'cleared' })).status).toBe(403);
    expect((await client().post(`/api/v1/attempts/${good}/review`, { decision: 'cleared' })).status).toBe(401);
    const noReason = await org.post(`/api/v1/attempts/${good}/review`, { decision: 'disqualified' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeTruthy();

    // disqualified: the best that is left (the poor attempt) is on the board now
    const dq = await org.post(`/api/v1/attempts/${good}/review`, { decision: 'disqualified', reason: '两题均在1秒内作答，疑似作弊' });
    expect(dq.status).toBe(200);
    expect(dq.body.board).toEqual({ score: expect.any(Number), removed: false });
    const poorScore = (await env.DB.prepare('SELECT score FROM quiz_attempts WHERE id = ?').bind(poor).first<{ score: number }>())!.score;
    expect(dq.body.board.score).toBe(poorScore);
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(poorScore);
    const back = await env.DB.prepare("SELECT points FROM activity_events WHERE type = 'quiz_disqualified' AND ref = ?").bind(good).first<{ points: number }>();
    const earned = (await env.DB.prepare('SELECT points FROM quiz_attempts WHERE id = ?').bind(good).first<{ points: number }>())!.points;
    expect(back!.points).toBe(-earned);
    // once only
    expect((await org.post(`/api/v1/attempts/${good}/review`, { decision: 'cleared' })).status).toBe(409);

    // the last one disqualified too: nothing left to rank, the entry leaves the board
    const gone = await org.post(`/api/v1/attempts/${poor}/review`, { decision: 'disqualified', reason: '同上' });
    expect(gone.body.board).toEqual({ score: null, removed: true });
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.rank).toBeNull();
    expect(await env.DB.prepare('SELECT 1 FROM leaderboard_entries WHERE board_id = ? AND user_id = ?').bind(`${id}:main`, userId).first()).toBeNull();
    const todoAfter = ((await org.get('/api/v1/org-units/root/todo')).body.items as Array<{ what: string; campaignId: string }>).find((x) => x.what === 'attempts_flagged' && x.campaignId === id);
    expect(todoAfter).toBeUndefined();
  });

  it('a cleared flag changes nothing on the board; a daily quiz disqualification takes that attempt\'s points off the total', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'daily', questionsPerAttempt: 2, attemptsPerDay: 2, minAnswerMs: 60_000, pointsPerCorrect: 1, dailyPointsCap: 10, pointsForFinish: 0 });
    const { c } = await player();
    const ids: string[] = [];
    for (let k = 0; k < 2; k++) {
      const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
      let q = a.question;
      while (q) q = (await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: await right(q.id) })).body.next?.question;
      ids.push(a.id);
    }
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(4);
    const cleared = await org.post(`/api/v1/attempts/${ids[0]}/review`, { decision: 'cleared' });
    expect(cleared.body).toEqual({ attempt: { id: ids[0], review: 'cleared' }, board: null });
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(4);
    const dq = await org.post(`/api/v1/attempts/${ids[1]}/review`, { decision: 'disqualified', reason: '复核未通过' });
    expect(dq.body.board).toEqual({ score: 2, removed: false });
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(2);
  });

  it('keeps members-only quizzes to members of the subtree and refuses closed quizzes', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    // the unit's own bank: another unit's (even the parent's) is refused (bank_outside)
    const bankId = (await org.post('/api/v1/question-banks', { title: '发改内部题库', orgUnitId: 'fgw' })).body.bank.id;
    await org.post(`/api/v1/question-banks/${bankId}/questions`, { type: 'judge', stem: '发改内部测验题', answer: true });
    const r = await org.post('/api/v1/campaigns', { kind: 'quiz', title: '发改内部测验', orgUnitId: 'fgw', ...inOneDay(), settings: { audience: 'members', questionsPerAttempt: 1, bankIds: [bankId] } });
    const id = r.body.campaign.id;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const { c } = await player();
    const outsider = await c.post(`/api/v1/campaigns/${id}/attempts`, {});
    expect(outsider.status).toBe(403);
    expect((await (await signedIn(PHONES.jyjMember)).post(`/api/v1/campaigns/${id}/attempts`, {})).status).toBe(403);
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/attempts`, {})).status).toBe(201);
    await org.post(`/api/v1/campaigns/${id}/close`);
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/attempts`, {})).status).toBe(409);
  });
});

describe('stages', () => {
  async function staged(org: Client, rule: Record<string, unknown>) {
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 2, minAnswerMs: 0 });
    const now = Date.now();
    const s1 = await org.post(`/api/v1/campaigns/${id}/stages`, { name: '初赛', startsAt: new Date(now - 3600e3).toISOString(), endsAt: new Date(now + 3600e3).toISOString(), advancement: rule });
    expect(s1.status).toBe(201);
    const s2 = await org.post(`/api/v1/campaigns/${id}/stages`, { name: '决赛', startsAt: new Date(now - 60e3).toISOString(), endsAt: new Date(now + 7200e3).toISOString(), settings: { questionsPerAttempt: 1 } });
    expect(s2.body.stage.ord).toBe(2);
    return { id, s1: s1.body.stage.id as string, s2: s2.body.stage.id as string };
  }
  const scores = (org: Client, id: string, stage: string, entries: Array<[string, number, number, string?]>) =>
    org.post(`/api/v1/campaigns/${id}/leaderboard/scores`, { mode: 'set', stage, entries: entries.map(([key, score, tiebreak, orgUnitId]) => ({ key, name: key, score, tiebreak, ...(orgUnitId ? { orgUnitId } : {}) })) });

  it('advances the top N with ties at the cut, previews before publishing, admits only those to the next stage', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { id, s1, s2 } = await staged(org, { rule: 'top', n: 2 });
    const p1 = await player();
    const p2 = await player();
    const p3 = await player();
    const p4 = await player();
    await scores(org, id, s1, [[p1.id, 10, 30], [p2.id, 8, 20], [p3.id, 8, 20], [p4.id, 8, 25]]);
    const preview = await org.post(`/api/v1/campaigns/${id}/stages/${s1}/advance?dryRun=true`);
    expect(preview.status).toBe(200);
    // ties share a rank; within a tie the board's order is by board key (a keyed hash), not user id
    const byRank = (l: Array<[string, number]>) => [...l].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    expect(byRank(preview.body.advanced.map((e: { userId: string; rank: number }) => [e.userId, e.rank]))).toEqual(byRank([[p1.id, 1], [p2.id, 2], [p3.id, 2]]));
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
    await scores(org, t.id, t.s1, [['a', 9, 0], ['b', 7, 0], ['c', 6.5, 0]]);
    expect((await org.post(`/api/v1/campaigns/${t.id}/stages/${t.s1}/advance?dryRun=true`)).body.advanced.map((e: { userId: string }) => e.userId)).toEqual(['a', 'b']);
    const u = await staged(org, { rule: 'top_per_unit', n: 1 });
    await scores(org, u.id, u.s1, [['x1', 9, 0, 'fgw-b1'], ['x2', 8, 0, 'fgw-b1'], ['y1', 5, 0, 'jyj-b1'], ['y2', 5, 0, 'jyj-b1'], ['z1', 1, 0, 'czj-b1']]);
    const per = await org.post(`/api/v1/campaigns/${u.id}/stages/${u.s1}/advance?dryRun=true`);
    expect(per.body.advanced.map((e: { userId: string }) => e.userId).sort()).toEqual(['x1', 'y1', 'y2', 'z1']);
  });

  it('lets only organizers manage stages, with clear errors', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const { id, s1 } = await staged(org, { rule: 'top', n: 1 });
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/campaigns/${id}/stages/${s1}/advance`)).status).toBe(403);
    expect((await member.post(`/api/v1/campaigns/${id}/stages`, { name: 'x', ...inOneDay() })).status).toBe(403);
    const bad = await org.post(`/api/v1/campaigns/${id}/stages`, { name: '复赛', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z', settings: { bankIds: ['nope'] }, advancement: { rule: 'top' } });
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
