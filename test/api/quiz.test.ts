import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, inOneDay, PHONES } from '../helpers';
import { right, wrong, quiz, player, noAnswers, seq, served, answerThenNext } from './quiz.fixtures';

// Playing a quiz; banks, stages and the demo quizzes are in quiz-organizing.test.ts.
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
      if (last.body.next) {
        // the reply is feedback only: the next question comes when asked for
        expect(last.body.next).toEqual({ index: i + 1 });
        const n = await c.post(`/api/v1/attempts/${a.id}/next`, {});
        expect(n.status).toBe(200);
        noAnswers(n.body);
        q = n.body.question;
      }
    }
    expect(seen.size).toBe(5);
    expect(last!.body).toMatchObject({ finished: true, next: null, score: 5, points: 7 });
    const points = await env.DB.prepare("SELECT SUM(points) p, COUNT(*) n FROM activity_events WHERE user_id = ? AND campaign_id = ? AND type = 'quiz_answer'")
      .bind(userId, id)
      .first<{ p: number; n: number }>();
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
    for (let i = 0; i < 3; i++) q = (await answerThenNext(c, a.id, q.id, await right(q.id))).next;
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
    let { reply: r, next: q2 } = await answerThenNext(c, a.id, a.question.id, await right(a.question.id));
    expect(r.body.correct).toBe(true);
    // the clock runs out on the second question (moved back in time, as a slow network would)
    await env.DB.prepare('UPDATE quiz_attempts SET deadline = ? WHERE id = ?')
      .bind(Date.now() - 5000, a.id)
      .run();
    ({ reply: r, next: q2 } = await answerThenNext(c, a.id, q2.id, await right(q2.id)));
    expect(r.body).toMatchObject({ correct: false, late: true });
    const q3 = q2;
    r = await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q3.id, answer: await right(q3.id) });
    expect(r.body).toMatchObject({ finished: true, score: 2 });
    let me = await c.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(me.body.score).toBe(2);

    // a worse second attempt does not replace the best
    const b = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    let q = b.question;
    for (let i = 0; i < 3; i++) q = (await answerThenNext(c, b.id, q.id, await wrong(q.id))).next;
    me = await c.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(me.body.score).toBe(2);
    const tiebreak = await env.DB.prepare('SELECT tiebreak FROM leaderboard_entries WHERE board_id = ? AND user_id = ?')
      .bind(`${id}:main`, userId)
      .first<{ tiebreak: number }>();
    expect(tiebreak!.tiebreak).toBeGreaterThanOrEqual(0);
    expect((await c.post(`/api/v1/campaigns/${id}/attempts`, {})).status).toBe(429);
  });

  it('counts a question whose clock ran out unanswered as timed out, and ends an attempt left from an earlier day', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 3, secondsPerQuestion: 20, attemptsPerDay: 3, minAnswerMs: 0 });
    const { c, id: userId } = await player();
    const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
    // the first question's time ran out a little while ago (the phone slept)
    await env.DB.prepare('UPDATE quiz_attempts SET deadline = ? WHERE id = ?')
      .bind(Date.now() - 5000, a.id)
      .run();
    expect((await c.get(`/api/v1/campaigns/${id}/quiz/me`)).body.activeAttemptId).toBe(a.id);
    const resumed = await c.get(`/api/v1/attempts/${a.id}`);
    // moved on, but the next question waits to be asked for: no clock runs yet
    expect(resumed.body.attempt).toMatchObject({ status: 'active', index: 1, served: false, question: null, deadline: null });
    const late = await env.DB.prepare('SELECT correct, late FROM quiz_answers WHERE attempt_id = ? AND idx = 0').bind(a.id).first();
    expect(late).toEqual({ correct: 0, late: 1 });
    const next = await c.post(`/api/v1/attempts/${a.id}/next`, {});
    expect(next.body.index).toBe(1);
    expect(Date.parse(next.body.deadline)).toBeGreaterThan(Date.now() + 15000);
    // left until the next China day: over, ranked with what was answered
    await env.DB.prepare("UPDATE quiz_attempts SET day = '2020-01-01', deadline = ? WHERE id = ?")
      .bind(Date.now() - 3600e3, a.id)
      .run();
    const [over, again] = await Promise.all([c.get(`/api/v1/attempts/${a.id}`), c.get(`/api/v1/attempts/${a.id}`)]);
    expect(over.body.attempt.status).toBe('finished');
    expect(again.body.attempt.status).toBe('finished');
    expect(over.body.result).toMatchObject({ score: 0, total: 3 });
    // ended once (by whichever request won), and ranked in the same batch
    const ended = await env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE ref = ? AND type = 'quiz_attempt'").bind(a.id).first<{ n: number }>();
    expect(ended!.n).toBe(1);
    expect(
      await env.DB.prepare('SELECT score, version FROM leaderboard_entries WHERE board_id = ? AND user_id = ?').bind(`${id}:main`, userId).first(),
    ).toEqual({ score: 0, version: 1 });
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
    expect((await stranger.post(`/api/v1/attempts/${a.id}/next`, {})).status).toBe(404);
    const q2 = await served(c, a.id);
    expect((await stranger.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q2.id, answer: true })).status).toBe(404);
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
    const slug = `slug-quiz-${seq()}`;
    await quiz(org, { mode: 'round', questionsPerAttempt: 2 }, { slug });
    const { c } = await player();
    const bySlug = await c.post(`/api/v1/campaigns/${slug}/attempts`, {});
    expect(bySlug.status).toBe(201);
    expect(bySlug.body.attempt.question.id).toBeTruthy();
    const draft = await org.post('/api/v1/campaigns', {
      kind: 'quiz',
      title: '草稿答题',
      orgUnitId: 'root',
      ...inOneDay(),
      settings: { bankIds: ['bank-demo'] },
    });
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
    const { next: q2 } = await answerThenNext(c, a.id, a.question.id, await right(a.question.id));
    await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q2.id, answer: await wrong(q2.id) });
    const flagged = await org.get(`/api/v1/campaigns/${id}/attempts?flagged=true`);
    expect(flagged.body.items).toHaveLength(1);
    expect(flagged.body.items[0]).toMatchObject({ id: a.id, flags: 2, correct: 1 });
    const stats = await org.get(`/api/v1/campaigns/${id}/quiz-stats`);
    expect(stats.body.items).toHaveLength(2);
    expect(stats.body.items.map((s: { correctRate: number }) => s.correctRate).sort()).toEqual([0, 1]);
    // one wrong answer says nothing about the question: no 可能有问题 before enough answers came in
    expect(stats.body.items.every((s: { suspect: boolean }) => s.suspect === false)).toBe(true);
    expect(stats.body.minAnswers).toBeGreaterThan(1);
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
      while (q) q = (await answerThenNext(c, a.id, q.id, await pick(q.id))).next;
      return a.id as string;
    };
    const good = await play(right);
    const poor = await play(wrong);
    expect((await c.get(`/api/v1/campaigns/${id}/leaderboard/me`)).body.score).toBe(2);
    const todoBefore = ((await org.get('/api/v1/org-units/root/todo')).body.items as Array<{ what: string; campaignId: string; count: number }>).find(
      (x) => x.what === 'attempts_flagged' && x.campaignId === id,
    );
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
    const todoAfter = ((await org.get('/api/v1/org-units/root/todo')).body.items as Array<{ what: string; campaignId: string }>).find(
      (x) => x.what === 'attempts_flagged' && x.campaignId === id,
    );
    expect(todoAfter).toBeUndefined();
  });

  it("a cleared flag changes nothing on the board; a daily quiz disqualification takes that attempt's points off the total", async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, {
      mode: 'daily',
      questionsPerAttempt: 2,
      attemptsPerDay: 2,
      minAnswerMs: 60_000,
      pointsPerCorrect: 1,
      dailyPointsCap: 10,
      pointsForFinish: 0,
    });
    const { c } = await player();
    const ids: string[] = [];
    for (let k = 0; k < 2; k++) {
      const a = (await c.post(`/api/v1/campaigns/${id}/attempts`, {})).body.attempt;
      let q = a.question;
      while (q) q = (await answerThenNext(c, a.id, q.id, await right(q.id))).next;
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
    const r = await org.post('/api/v1/campaigns', {
      kind: 'quiz',
      title: '发改内部测验',
      orgUnitId: 'fgw',
      ...inOneDay(),
      settings: { audience: 'members', questionsPerAttempt: 1, bankIds: [bankId] },
    });
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
