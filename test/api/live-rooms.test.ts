import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { PHONES, signedIn } from '../helpers';
import { answerOf, player, right, wrong } from './quiz.fixtures';
import { openLive } from './live.fixtures';
import type { LiveState } from '../../shared/live-room';
import { settleStaleRooms } from '../../workers/api/lib/live-rooms';
import { createDb } from '../../db/client';

/*
 * Live rooms (现场竞赛) end to end inside workerd: the Worker's routes, the QuizRoom object
 * with real hibernatable WebSockets, D1 and the board. The host drives the room over its socket.
 */

async function newRoom(seconds = 20, count = 3) {
  const org = await signedIn(PHONES.rootOrganizer);
  const r = await org.post('/api/v1/campaigns/camp-quiz/rooms', { title: '决赛现场', bankId: 'bank-demo', count, secondsPerQuestion: seconds });
  expect(r.status).toBe(201);
  return { org, room: r.body.room as { id: string; pin: string; joinUrl: string; screenUrl: string } };
}

describe('live rooms', () => {
  it('creates a room with a six-digit PIN that the public finds', async () => {
    const { room } = await newRoom();
    expect(room.pin).toMatch(/^\d{6}$/);
    expect(room.joinUrl).toMatch(new RegExp(`/live/${room.pin}$`));
    const found = await (await signedIn(PHONES.fgwMember)).get(`/api/v1/rooms/${room.pin}`);
    expect(found.status).toBe(200);
    expect(found.body.room).toMatchObject({ id: room.id, title: '决赛现场', phase: 'lobby', players: 0 });
    const row = await env.DB.prepare('SELECT pin, status, question_ids FROM quiz_rooms WHERE id = ?')
      .bind(room.id)
      .first<{ pin: string; status: string; question_ids: string }>();
    expect(row).toMatchObject({ pin: room.pin, status: 'open' });
    expect(JSON.parse(row!.question_ids)).toHaveLength(3);
  });

  it('refuses bad input with a clear 400 and a PIN that names no open room with 404', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const none = await org.post('/api/v1/campaigns/camp-quiz/rooms', { title: 'x', secondsPerQuestion: 20 });
    expect(none.status).toBe(400);
    const both = await org.post('/api/v1/campaigns/camp-quiz/rooms', { title: 'x', bankId: 'bank-demo', questionIds: ['q1'] });
    expect(both.status).toBe(400);
    const secs = await org.post('/api/v1/campaigns/camp-quiz/rooms', { title: 'x', bankId: 'bank-demo', secondsPerQuestion: 2 });
    expect(secs.status).toBe(400);
    expect(secs.body.error.fields.secondsPerQuestion).toBeTruthy();
    const ghost = await org.post('/api/v1/campaigns/camp-quiz/rooms', { title: 'x', questionIds: ['no-such-question'] });
    expect(ghost.status).toBe(400);
    expect(ghost.body.error.fields.questionIds).toBeTruthy();
    expect((await org.get('/api/v1/rooms/000000')).status).toBe(404);
  });

  it('plays two players through the host: no answer before the reveal, one answer a question, scores by speed, results on the board', async () => {
    const { org, room } = await newRoom(20, 2);
    const a = await player();
    // a member of 第一党支部: their unit plays as a team on the screen
    const b = { c: await signedIn(PHONES.fgwMember), id: 'user-member-fgw' };
    const host = await openLive(`/api/v1/rooms/${room.id}/live`, org);
    host.send({ type: 'join', role: 'host' });
    expect((await host.state()).role).toBe('host');
    const screen = await openLive(`/api/v1/rooms/${room.id}/live`, null, { origin: null });
    screen.send({ type: 'join', role: 'screen' });
    await screen.state();
    const pa = await openLive(`/api/v1/rooms/${room.id}/live`, a.c);
    const pb = await openLive(`/api/v1/rooms/${room.id}/live`, b.c);
    pa.send({ type: 'join', role: 'player' });
    pb.send({ type: 'join', role: 'player' });
    await host.state((s) => s.players === 2);
    // phones see the lobby's count too, within a second of the screen
    await pa.state((s) => s.phase === 'lobby' && s.players === 2, 2000);

    host.send({ type: 'start' });
    const q0 = await pa.state((s) => s.phase === 'question' && s.index === 0);
    await pb.state((s) => s.phase === 'question' && s.index === 0);
    // the question never travels with its answer; deadlines are sent, not durations
    expect(JSON.stringify(q0)).not.toMatch(/"answer"|correctAnswer/);
    expect(Date.parse(q0.deadline!)).toBeGreaterThan(Date.parse(q0.now));
    const qid = q0.question!.id;

    pa.send({ type: 'answer', questionId: qid, answer: await right(qid) });
    expect(await pa.next((m) => m.type === 'answered')).toMatchObject({ accepted: true });
    pa.send({ type: 'answer', questionId: qid, answer: await wrong(qid) });
    expect(await pa.next((m) => m.type === 'answered')).toMatchObject({ accepted: false, reason: 'again' });
    // the screen learns how many answered, within a second
    await screen.state((s) => s.phase === 'question' && s.answered === 1, 1000);
    // until the reveal, a phone shows neither right/wrong nor the points (neighbours learn nothing):
    // as a phone coming back mid-question sees it
    const midway = await openLive(`/api/v1/rooms/${room.id}/live`, a.c);
    midway.send({ type: 'join', role: 'player' });
    const mid = await midway.state((s) => s.phase === 'question');
    expect(mid.you).toMatchObject({ score: 0, correct: null, answered: true });
    midway.close();
    await new Promise((r) => setTimeout(r, 300));
    // the counts are for the 大屏: a hall of phones is not sent one per answer (only phases reach them)
    expect(pb.messages.filter((m) => m.type === 'state' && m.phase === 'question' && (m.answered ?? 0) > 0)).toEqual([]);
    pb.send({ type: 'answer', questionId: qid, answer: await right(qid) });
    expect(await pb.next((m) => m.type === 'answered')).toMatchObject({ accepted: true });

    // everyone answered: the room reveals by itself
    const revealA = await pa.state((s) => s.phase === 'reveal' && s.index === 0);
    const revealB = await pb.state((s) => s.phase === 'reveal' && s.index === 0);
    expect(revealA.correctAnswer).toEqual((await answerOf(qid)).answer);
    expect(revealA.you!.correct).toBe(true);
    expect(revealA.you!.score).toBeGreaterThan(500);
    expect(revealA.you!.score).toBeLessThanOrEqual(1000);
    // the faster right answer scores more and ranks first
    expect(revealA.you!.score).toBeGreaterThan(revealB.you!.score);
    expect(revealA.you!.rank).toBe(1);
    expect(revealB.you!.rank).toBe(2);
    expect(revealA.top).toHaveLength(2);
    expect(Object.values(revealA.distribution!).reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(2);

    // an answer after the reveal is late
    pb.send({ type: 'answer', questionId: qid, answer: await right(qid) });
    expect(await pb.next((m) => m.type === 'answered')).toMatchObject({ accepted: false, reason: 'late' });

    host.send({ type: 'next' });
    const q1 = await pa.state((s) => s.phase === 'question' && s.index === 1);
    const q1id = q1.question!.id;
    // a player who drops and comes back with the same session keeps the score
    const scoreBefore = revealA.you!.score;
    pa.close();
    const pa2 = await openLive(`/api/v1/rooms/${room.id}/live`, a.c);
    pa2.send({ type: 'join', role: 'player' });
    const back = await pa2.state((s) => s.phase === 'question' && s.index === 1);
    expect(back.you!.score).toBe(scoreBefore);
    expect(back.players).toBe(2);
    pa2.send({ type: 'answer', questionId: q1id, answer: await wrong(q1id) });
    expect(await pa2.next((m) => m.type === 'answered')).toMatchObject({ accepted: true });
    host.send({ type: 'reveal' });
    const r1 = await pa2.state((s) => s.phase === 'reveal' && s.index === 1);
    expect(r1.you).toMatchObject({ correct: false, score: scoreBefore });
    expect(r1.teams![0]).toMatchObject({ rank: 1, name: '第一党支部', players: 1 });

    host.send({ type: 'end' });
    const ended = await screen.state((s) => s.phase === 'ended');
    expect(ended.top![0]!.score).toBe(scoreBefore);
    // the host's end is written by the first results read: ranking, board and activity
    const res = await org.get(`/api/v1/rooms/${room.id}/results`);
    expect(res.status).toBe(200);
    expect(res.body.players).toBe(2);
    expect(res.body.room.status).toBe('ended');
    expect(res.body.questions[0]).toMatchObject({ id: qid, answered: 2, correct: 2 });
    expect(res.body.top[0]).toMatchObject({ rank: 1, score: scoreBefore });
    const results = await env.DB.prepare('SELECT user_id, rank, score FROM quiz_room_results WHERE room_id = ? ORDER BY rank')
      .bind(room.id)
      .all<{ user_id: string; rank: number; score: number }>();
    expect(results.results.map((r) => r.user_id)).toEqual([a.id, b.id]);
    const events = await env.DB.prepare("SELECT COUNT(*) AS n FROM activity_events WHERE campaign_id = 'camp-quiz' AND kind = 'quiz' AND ref LIKE ?")
      .bind(`room:${room.id}:%`)
      .first<{ n: number }>();
    expect(events!.n).toBe(2);
    const board = await org.get(`/api/v1/campaigns/camp-quiz/leaderboard?stage=room-${room.id}`);
    expect(board.status).toBe(200);
    expect(board.body.entries.map((e: { score: number }) => e.score)).toEqual([scoreBefore, revealB.you!.score]);
    // settling again changes nothing
    await org.get(`/api/v1/rooms/${room.id}/results`);
    const again = await env.DB.prepare('SELECT COUNT(*) AS n FROM activity_events WHERE ref LIKE ?').bind(`room:${room.id}:%`).first<{ n: number }>();
    expect(again!.n).toBe(2);
    // a PIN of an ended room names nothing
    expect((await org.get(`/api/v1/rooms/${room.pin}`)).status).toBe(404);
    const xlsx = await org.get(`/api/v1/rooms/${room.id}/results?format=csv`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.text).toContain('名次');
    for (const s of [host, screen, pa2, pb]) s.close();
  });

  it('lets only the organizer host, only a signed-in same-site player play, and anyone watch', async () => {
    const { room } = await newRoom();
    const member = await signedIn(PHONES.fgwMember);
    const fake = await openLive(`/api/v1/rooms/${room.id}/live`, member);
    fake.send({ type: 'join', role: 'host' });
    expect(await fake.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_allowed' });
    fake.send({ type: 'start' });
    expect(await fake.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_allowed' });
    const anon = await openLive(`/api/v1/rooms/${room.id}/live`, null);
    anon.send({ type: 'join', role: 'player' });
    expect(await anon.next((m) => m.type === 'error')).toMatchObject({ reason: 'sign_in' });
    // another site's page with the member's cookie is only a spectator
    const foreign = await openLive(`/api/v1/rooms/${room.id}/live`, member, { origin: 'https://evil.example' });
    foreign.send({ type: 'join', role: 'player' });
    expect(await foreign.next((m) => m.type === 'error')).toMatchObject({ reason: 'sign_in' });
    const org = await signedIn(PHONES.rootOrganizer);
    const foreignHost = await openLive(`/api/v1/rooms/${room.id}/live`, org, { origin: 'https://evil.example' });
    foreignHost.send({ type: 'join', role: 'host' });
    expect(await foreignHost.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_allowed' });
    anon.send({ type: 'join', role: 'screen' });
    expect((await anon.state()).phase).toBe('lobby');
    // nothing started
    expect((await member.get(`/api/v1/rooms/${room.pin}`)).body.room.phase).toBe('lobby');
    for (const s of [fake, anon, foreign, foreignHost]) s.close();
  });

  it('refuses an answer after the deadline, and the clock reveals by itself', async () => {
    const { org, room } = await newRoom(5, 1);
    const a = await player();
    const b = await player();
    const pa = await openLive(`/api/v1/rooms/${room.id}/live`, a.c);
    const pb = await openLive(`/api/v1/rooms/${room.id}/live`, b.c);
    pa.send({ type: 'join', role: 'player' });
    pb.send({ type: 'join', role: 'player' });
    await pa.state((s) => s.players === 2);
    expect((await org.post(`/api/v1/rooms/${room.id}/host`, { command: 'start' })).body).toMatchObject({ phase: 'question', index: 0 });
    const q = await pa.state((s: LiveState) => s.phase === 'question');
    pb.send({ type: 'answer', questionId: q.question!.id, answer: await right(q.question!.id) });
    await pb.next((m) => m.type === 'answered');
    const wait = Date.parse(q.deadline!) - Date.parse(q.now) + 500;
    await new Promise((r) => setTimeout(r, wait));
    pa.send({ type: 'answer', questionId: q.question!.id, answer: await right(q.question!.id) });
    expect(await pa.next((m) => m.type === 'answered')).toMatchObject({ accepted: false, reason: 'late' });
    await pa.state((s) => s.phase === 'reveal', 3000);
    const end = await org.post(`/api/v1/rooms/${room.id}/host`, { command: 'end' });
    expect(end.body.phase).toBe('ended');
    const row = await env.DB.prepare('SELECT status FROM quiz_rooms WHERE id = ?').bind(room.id).first<{ status: string }>();
    expect(row!.status).toBe('ended');
    pa.close();
    pb.close();
  }, 20_000);

  it('the cron writes a room the host ended over the socket when nobody read its results', async () => {
    const { org, room } = await newRoom(20, 1);
    const a = await player();
    const host = await openLive(`/api/v1/rooms/${room.id}/live`, org);
    host.send({ type: 'join', role: 'host' });
    await host.state();
    const pa = await openLive(`/api/v1/rooms/${room.id}/live`, a.c);
    pa.send({ type: 'join', role: 'player' });
    await host.state((s) => s.players === 1);
    host.send({ type: 'start' });
    const q = await pa.state((s) => s.phase === 'question');
    pa.send({ type: 'answer', questionId: q.question!.id, answer: await right(q.question!.id) });
    await pa.state((s) => s.phase === 'reveal');
    host.send({ type: 'end' });
    await pa.state((s) => s.phase === 'ended');
    const before = await env.DB.prepare('SELECT status FROM quiz_rooms WHERE id = ?').bind(room.id).first<{ status: string }>();
    expect(before!.status).toBe('open');
    await settleStaleRooms(env, createDb(env.DB), Date.now() + 120_000);
    const row = await env.DB.prepare('SELECT status FROM quiz_rooms WHERE id = ?').bind(room.id).first<{ status: string }>();
    expect(row!.status).toBe('ended');
    const result = await env.DB.prepare('SELECT user_id, rank FROM quiz_room_results WHERE room_id = ?')
      .bind(room.id)
      .first<{ user_id: string; rank: number }>();
    expect(result).toEqual({ user_id: a.id, rank: 1 });
    host.close();
    pa.close();
  });
});
