import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { signedIn, PHONES } from '../helpers';
import { right, quiz, player, noAnswers, served } from './quiz.fixtures';

const questionAt = async (attemptId: string, idx: number) =>
  (await env.DB.prepare('SELECT json_extract(question_ids, ?) id FROM quiz_attempts WHERE id = ?').bind(`$[${idx}]`, attemptId).first<{ id: string }>())!.id;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The clock of a question starts when the player asks for it (POST /attempts/{id}/next), and an
// interrupted attempt is resumed the same day (GET /campaigns/{id}/attempts/active), API.md.
describe('the next question on request', () => {
  it('answers with feedback only; the next clock starts at /next, not while the explanation is read', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, secondsPerQuestion: 20, minAnswerMs: 0 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    expect(a.served).toBe(true);
    const r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    expect(r.status).toBe(200);
    expect(r.body.next).toEqual({ index: 1 });
    expect(r.body.explanation).toBeDefined();
    expect(JSON.stringify(r.body)).not.toContain('deadline');

    // the second question was not served: answering it now is refused, and changes nothing
    const q2 = await questionAt(a.id, 1);
    const early = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q2, answer: await right(q2) });
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('quiz_not_served');
    expect(await env.DB.prepare('SELECT COUNT(*) n FROM quiz_answers WHERE attempt_id = ?').bind(a.id).first()).toEqual({ n: 1 });
    // nor is the question after it the current one
    const q3 = await questionAt(a.id, 2);
    expect((await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q3, answer: await right(q3) })).body.error.reason).toBe('quiz_not_current');
    const waiting = (await c.get(`/api/v1/attempts/${a.id}`)).body.attempt;
    expect(waiting).toMatchObject({ index: 1, served: false, question: null, deadline: null });

    // reading takes a while: the clock starts at /next, with the question's whole time
    await sleep(1200);
    const asked = Date.now();
    const n = await c.post(`/api/v1/attempts/${a.id}/next`, {});
    expect(n.status).toBe(200);
    noAnswers(n.body);
    expect(n.body).toMatchObject({ index: 1, total: 3, question: { id: q2 } });
    expect(Date.parse(n.body.deadline)).toBeGreaterThanOrEqual(asked + 20_000);
    // asking again (a double tap, a reload) returns the same question and deadline
    const again = await Promise.all([1, 2, 3, 4].map(() => c.post(`/api/v1/attempts/${a.id}/next`, {})));
    for (const x of again) expect(x.body).toEqual(n.body);
    const ok = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q2, answer: await right(q2) });
    expect(ok.body).toMatchObject({ correct: true, late: false });
  });

  it('parallel asks between questions start one clock', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 2, secondsPerQuestion: 30, minAnswerMs: 0 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    const all = await Promise.all(Array.from({ length: 6 }, () => c.post(`/api/v1/attempts/${a.id}/next`, {})));
    expect(all.every((x) => x.status === 200)).toBe(true);
    expect(new Set(all.map((x) => x.body.deadline)).size).toBe(1);
    const row = await env.DB.prepare('SELECT deadline, served FROM quiz_attempts WHERE id = ?').bind(a.id).first<{ deadline: number; served: number }>();
    expect(row).toEqual({ deadline: Date.parse(all[0]!.body.deadline), served: 1 });
  });

  it('after the last answer there is no next question', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 1, minAnswerMs: 0 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    const r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    expect(r.body).toMatchObject({ finished: true, next: null });
    const n = await c.post(`/api/v1/attempts/${a.id}/next`, {});
    expect(n.status).toBe(409);
    expect(n.body.error.reason).toBe('quiz_finished');
  });
});

describe('resuming an interrupted attempt', () => {
  it('nothing to resume → null; a question still on its clock comes back with the same deadline, never a fresh one', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, secondsPerQuestion: 20, minAnswerMs: 0 });
    const { c } = await player();
    expect((await c.get(`/api/v1/campaigns/${id}/attempts/active`)).body).toEqual({ attempt: null });
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    await sleep(50);
    const back = await c.get(`/api/v1/campaigns/${id}/attempts/active`);
    expect(back.status).toBe(200);
    expect(back.body.attempt).toMatchObject({ id: a.id, index: 0, served: true, question: { id: a.question.id }, deadline: a.deadline });
    noAnswers(back.body);
    expect((await c.post(`/api/v1/attempts/${a.id}/next`, {})).body.deadline).toBe(a.deadline);
  });

  it('a question whose clock ran out while away counts as timed out; the rest are still to play, each with a fresh clock when asked for', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'daily', questionsPerAttempt: 3, secondsPerQuestion: 20, minAnswerMs: 0, pointsPerCorrect: 1 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    const q1 = a.question.id;
    // a phone call: the question's clock ran out long ago, the same day
    await env.DB.prepare('UPDATE quiz_attempts SET shown_at = ?, deadline = ? WHERE id = ?')
      .bind(Date.now() - 600_000, Date.now() - 580_000, a.id)
      .run();
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.activeAttemptId).toBe(a.id);
    const back = await c.get(`/api/v1/campaigns/${id}/attempts/active`);
    expect(back.body.attempt).toMatchObject({ id: a.id, status: 'active', index: 1, served: false, question: null });
    expect(
      await env.DB.prepare('SELECT idx, correct, late FROM quiz_answers WHERE attempt_id = ?')
        .bind(a.id)
        .all()
        .then((r) => r.results),
    ).toEqual([{ idx: 0, correct: 0, late: 1 }]);
    // no second look at the run-out question: answering it now is refused, and /next serves the one after
    expect((await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q1, answer: await right(q1) })).status).toBe(409);
    const asked = Date.now();
    const n = await c.post(`/api/v1/attempts/${a.id}/next`, {});
    expect(n.body.index).toBe(1);
    expect(n.body.question.id).not.toBe(q1);
    expect(Date.parse(n.body.deadline)).toBeGreaterThanOrEqual(asked + 20_000);
    const ok = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: n.body.question.id, answer: await right(n.body.question.id) });
    expect(ok.body).toMatchObject({ correct: true, score: 1, next: { index: 2 } });
  });

  it('not the next day: an attempt left from yesterday is over, and the lobby links to its result', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, attemptsPerDay: 1, minAnswerMs: 0 });
    const { c } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    // waiting between questions since yesterday
    await env.DB.prepare("UPDATE quiz_attempts SET day = '2020-01-01' WHERE id = ?").bind(a.id).run();
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.activeAttemptId).toBeNull();
    expect((await c.get(`/api/v1/campaigns/${id}/attempts/active`)).body).toEqual({ attempt: null });
    const row = await env.DB.prepare('SELECT status, score FROM quiz_attempts WHERE id = ?').bind(a.id).first();
    expect(row).toEqual({ status: 'finished', score: 1 });
    expect((await c.post(`/api/v1/attempts/${a.id}/next`, {})).body.error.reason).toBe('quiz_finished');
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.lastAttemptId).toBe(a.id);
  });

  it("the lobby links to the last result once the day's attempts are used up", async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 1, attemptsPerDay: 1, minAnswerMs: 0 });
    const { c } = await player();
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.lastAttemptId).toBeNull();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    const lobby = (await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body;
    expect(lobby).toMatchObject({ attemptsLeftToday: 0, activeAttemptId: null, lastAttemptId: a.id });
    // another's attempt is nobody else's to resume or serve
    const { c: other } = await player();
    expect((await other.post(`/api/v1/attempts/${a.id}/next`, {})).status).toBe(404);
    expect(await served(other, a.id)).toBeUndefined();
  });
});
