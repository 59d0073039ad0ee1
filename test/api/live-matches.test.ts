import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { player, quiz, right } from './quiz.fixtures';
import { PHONES, signedIn } from '../helpers';
import { openLive } from './live.fixtures';
import { matchmakerStub } from '../../workers/api/lib/live-rooms';

/* 双人对战 / 四人赛: the matchmaker pairs players, the match plays itself, points within the daily cap. */

describe('matches', () => {
  it('pairs two players, plays the same questions to both, ends by itself and gives match points once', async () => {
    const a = await player();
    const b = await player();
    const ta = await a.c.post('/api/v1/campaigns/camp-quiz/matches', { size: 2 });
    expect(ta.status).toBe(202);
    expect(ta.body.ticket).toMatchObject({ status: 'waiting', matchId: null, size: 2 });
    const tb = await b.c.post('/api/v1/campaigns/camp-quiz/matches', { size: 2 });
    expect(tb.body.ticket.status).toBe('matched');
    const matchId = tb.body.ticket.matchId as string;
    const polled = await a.c.get(`/api/v1/campaigns/camp-quiz/matches/${ta.body.ticket.id}`);
    expect(polled.body.ticket).toMatchObject({ status: 'matched', matchId });
    // someone else's ticket is not theirs to read
    expect((await b.c.get(`/api/v1/campaigns/camp-quiz/matches/${ta.body.ticket.id}`)).status).toBe(404);

    const outsider = await player();
    const intruder = await openLive(`/api/v1/matches/${matchId}/live`, outsider.c);
    intruder.send({ type: 'join', role: 'player' });
    expect(await intruder.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_allowed' });
    intruder.send({ type: 'join', role: 'host' });
    expect(await intruder.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_allowed' });

    const pa = await openLive(`/api/v1/matches/${matchId}/live`, a.c);
    const pb = await openLive(`/api/v1/matches/${matchId}/live`, b.c);
    pa.send({ type: 'join', role: 'player' });
    pb.send({ type: 'join', role: 'player' });
    // everyone is in: it starts at once
    let total = 0;
    for (let i = 0; ; i++) {
      const qa = await pa.state((s) => s.phase === 'question' && s.index === i, 6000);
      const qb = await pb.state((s) => s.phase === 'question' && s.index === i, 6000);
      expect(qb.question!.id).toBe(qa.question!.id);
      total = qa.total;
      const id = qa.question!.id;
      pa.send({ type: 'answer', questionId: id, answer: await right(id) });
      await new Promise((r) => setTimeout(r, 50));
      pb.send({ type: 'answer', questionId: id, answer: await right(id) });
      await pa.state((s) => s.phase === 'reveal' && s.index === i);
      if (i + 1 >= total) break;
    }
    const ended = await pa.state((s) => s.phase === 'ended', 6000);
    expect(ended.you!.rank).toBe(1);
    const res = await a.c.get(`/api/v1/matches/${matchId}`);
    expect(res.status).toBe(200);
    expect(res.body.match.status).toBe('ended');
    expect(res.body.players.map((p: { points: number; you: boolean }) => [p.points, p.you])).toEqual([
      [2, true],
      [1, false],
    ]);
    // the other player's name is masked; one's own is not
    expect(res.body.players[1].name).toContain('*');
    expect(res.body.players[0].name).not.toContain('*');
    const events = await env.DB.prepare('SELECT user_id, points FROM activity_events WHERE ref LIKE ? ORDER BY points DESC')
      .bind(`match:${matchId}:%`)
      .all<{ user_id: string; points: number }>();
    expect(events.results).toEqual([
      { user_id: a.id, points: 2 },
      { user_id: b.id, points: 1 },
    ]);
    // the other player's read settles nothing a second time
    await b.c.get(`/api/v1/matches/${matchId}`);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM activity_events WHERE ref LIKE ?').bind(`match:${matchId}:%`).first<{ n: number }>())!.n).toBe(2);
    for (const s of [pa, pb, intruder]) s.close();
  }, 30_000);

  it('says timeout after 30 s without a partner', async () => {
    const a = await player();
    const t = await a.c.post('/api/v1/campaigns/camp-quiz/matches', { size: 4 });
    expect(t.body.ticket.status).toBe('waiting');
    // the matchmaker's clock, moved on: what the ticket says 31 s later
    const later = await matchmakerStub(env, 'camp-quiz').poll(t.body.ticket.id, a.id, Date.now() + 31_000);
    expect(later).toMatchObject({ status: 'timeout', matchId: null });
    expect((await a.c.get(`/api/v1/campaigns/camp-quiz/matches/${t.body.ticket.id}`)).body.ticket.status).toBe('timeout');
  });

  it('refuses a size other than 2 or 4, the public, and non-members of a members-only quiz', async () => {
    const a = await player();
    const bad = await a.c.post('/api/v1/campaigns/camp-quiz/matches', { size: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.size).toBeTruthy();
    const { client } = await import('../helpers');
    expect((await client().post('/api/v1/campaigns/camp-quiz/matches', { size: 2 })).status).toBe(401);
    // a quiz for members only is played by members only
    const members = await quiz(await signedIn(PHONES.rootOrganizer), { audience: 'members' });
    const refused = await a.c.post(`/api/v1/campaigns/${members}/matches`, { size: 2 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe('quiz_members_only');
    expect((await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${members}/matches`, { size: 2 })).status).toBe(202);
  });
});
