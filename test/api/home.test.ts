import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';
import { chinaDay, addDays, chinaMidnight } from '../../shared/china-time';
import { player, right } from './quiz.fixtures';
import { book, exhibition, slot } from './exhibition.fixtures';

const dayAt = (day: string) => new Date(chinaMidnight(day) + 10 * 3600e3).toISOString();

// GET /me/home: the personal home page (issue #19 part 3).
describe('my home', () => {
  it('is for the signed-in only', async () => {
    expect((await client().get('/api/v1/me/home')).status).toBe(401);
  });

  it("shows today's points, the streak, the daily quiz to play or resume, and what waits for me", async () => {
    const { c, id: userId } = await player();
    const first = await c.get('/api/v1/me/home');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ day: chinaDay(), pointsToday: 0, streak: { days: 0, activeToday: false }, waiting: [] });
    // the demo's daily quiz, one attempt a day
    expect(first.body.quiz).toMatchObject({ campaign: { id: 'camp-quiz', slug: 'dangshi-daily' }, attemptsLeftToday: 1, activeAttemptId: null });

    // one right answer today: points, an active day, an attempt to resume
    const a = (await c.post('/api/v1/campaigns/camp-quiz/attempts', {})).body.attempt;
    await c.post(`/api/v1/attempts/${a.id}/answers`, { questionId: a.question.id, answer: await right(a.question.id) });
    // two days before today too (yesterday and the day before), and one long ago that does not join the run
    const today = chinaDay();
    for (const [i, d] of [addDays(today, -1), addDays(today, -2), addDays(today, -5)].entries()) {
      await env.DB.prepare("INSERT INTO activity_events (id, user_id, type, points, quantity, occurred_at, ref) VALUES (?, ?, 'quiz_answer', 1, 1, ?, ?)")
        .bind(`ev-home-${userId}-${i}`, userId, dayAt(d), `home-${userId}-${i}`)
        .run();
    }
    const home = (await c.get('/api/v1/me/home')).body;
    expect(home.pointsToday).toBe(2);
    expect(home.streak).toEqual({ days: 3, activeToday: true });
    expect(home.quiz).toMatchObject({ attemptsLeftToday: 0, activeAttemptId: a.id });

    // a booking to go to: on the list, with its ticket code
    const org = await signedIn(PHONES.rootOrganizer);
    const ex = await exhibition(org);
    const slotId = await slot(org, ex, 10, 2 * 86400e3);
    const booked = await book(c, ex, slotId);
    expect(booked.status).toBe(201);
    const waiting = (await c.get('/api/v1/me/home')).body.waiting;
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'booking', id: booked.body.booking.id, code: booked.body.booking.code, campaign: { id: ex } });
    // cancelled, it no longer waits
    await c.post(`/api/v1/bookings/${booked.body.booking.id}/cancel`, {});
    const after = (await c.get('/api/v1/me/home')).body.waiting;
    expect(after.filter((x: { kind: string }) => x.kind === 'booking')).toHaveLength(0);
  });

  it('lists my 1+1 records and works under review, and only mine', async () => {
    const member = await signedIn(PHONES.fgwMember);
    const home = (await member.get('/api/v1/me/home')).body;
    const pending = await env.DB.prepare("SELECT COUNT(*) n FROM service_records WHERE user_id = 'user-member-fgw' AND status = 'pending'").first<{
      n: number;
    }>();
    const records = home.waiting.filter((x: { kind: string }) => x.kind === 'record_review');
    expect(records.length).toBe(Math.min(3, pending!.n));
    const ids = records.map((x: { id: string }) => x.id);
    for (const id of ids) {
      expect(await env.DB.prepare('SELECT user_id u, status s FROM service_records WHERE id = ?').bind(id).first()).toEqual({
        u: 'user-member-fgw',
        s: 'pending',
      });
    }
    // a work under review
    await env.DB.prepare(
      "UPDATE contest_entries SET status = 'pending' WHERE id = (SELECT id FROM contest_entries WHERE user_id = 'user-member-fgw' LIMIT 1)",
    ).run();
    const mine = await env.DB.prepare("SELECT COUNT(*) n FROM contest_entries WHERE user_id = 'user-member-fgw' AND status = 'pending'").first<{ n: number }>();
    const entries = (await member.get('/api/v1/me/home')).body.waiting.filter((x: { kind: string }) => x.kind === 'entry_review');
    expect(entries.length).toBe(Math.min(3, mine!.n));
  });
});
