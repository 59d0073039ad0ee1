import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { REASONS, type Reason } from '../../shared/errors';
import { client, signedIn, freshPhone, registerUser, PHONES, type Client, type Res } from '../helpers';

/*
 * Every reason the front ends branch on (shared/errors.ts REASONS) is what the server says
 * for that refusal: each case below makes the refusal happen for real and reads the envelope.
 */

const seen = new Set<Reason>();
function refused(r: Res, status: number, reason: Reason) {
  expect(r.status, r.text.slice(0, 300)).toBe(status);
  expect(r.body.error.reason, r.text.slice(0, 300)).toBe(reason);
  expect(r.body.error.message).toBeTruthy();
  seen.add(reason);
}

let ipN = 0;
async function newUser(name = '理由测试'): Promise<Client> {
  const c = client({ ip: `10.92.${ipN >> 8}.${ipN++ & 255}` });
  const r = await registerUser(c, { phone: freshPhone(), name, password: 'reason-pass-1' });
  expect(r.status).toBe(201);
  return c;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('refusals name their rule in error.reason', () => {
  it('accounts: a registered phone → already_registered', async () => {
    // a demo member's phone: the code proves the phone, and the account is already there
    refused(await registerUser(client({ ip: '10.93.0.2' }), { phone: PHONES.jyjMember, name: '乙', password: 'reason-pass-1' }), 409, 'already_registered');
  });

  it('exhibition: slot_full, outside_slot, already_checked_in, booking_cancelled, other_exhibition', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const now = Date.now();
    const slot = async (startsAt: number, endsAt: number, capacity: number) => {
      const r = await org.post('/api/v1/campaigns/camp-exhibition/slots', { startsAt: iso(startsAt), endsAt: iso(endsAt), capacity });
      expect(r.status, r.text).toBe(201);
      return r.body.slot.id as string;
    };
    const book = async (c: Client, slotId: string, partySize = 1) =>
      c.post('/api/v1/campaigns/camp-exhibition/bookings', { slotId, partySize, name: '参观者', phone: freshPhone(), acceptedNotice: true });

    const small = await slot(now + 3 * 86400e3, now + 3 * 86400e3 + 3600e3, 1);
    const later = await book(await newUser(), small);
    expect(later.status).toBe(201);
    refused(await book(await newUser(), small), 409, 'slot_full');

    const checkIn = (code: string) => org.post(`/api/v1/bookings/${code}/check-in`, { campaignId: 'camp-exhibition' });
    refused(await checkIn(later.body.booking.code), 409, 'outside_slot');

    const open = await slot(now - 10 * 60e3, now + 3600e3, 10);
    const visitor = await newUser();
    const ticket = await book(visitor, open);
    expect(ticket.status).toBe(201);
    expect((await checkIn(ticket.body.booking.code)).status).toBe(200);
    refused(await checkIn(ticket.body.booking.code), 409, 'already_checked_in');

    const other = await newUser();
    const gone = await book(other, open);
    expect((await other.post(`/api/v1/bookings/${gone.body.booking.id}/cancel`)).status).toBe(200);
    refused(await checkIn(gone.body.booking.code), 409, 'booking_cancelled');

    refused(await checkIn('ZZZZZZZZ'), 404, 'other_exhibition');
  });

  it('1+1: a member whose places are taken → cap_reached; a wrong check-in code → code_invalid', async () => {
    const member = await signedIn(PHONES.jyjMember);
    const invite = await member.post('/api/v1/campaigns/camp-volunteer/invites');
    expect(invite.status).toBe(200);
    const pair = () =>
      client({ ip: `10.94.0.${ipN++ & 255}` }).post('/api/v1/campaigns/camp-volunteer/pairs', {
        code: invite.body.code,
        name: '群众',
        phone: freshPhone(),
        consent: true,
      });
    // the demo campaign allows one resident per member: the second is refused whatever the first did
    await pair();
    refused(await pair(), 422, 'cap_reached');

    const org = await signedIn(PHONES.rootOrganizer);
    const now = Date.now();
    const made = await org.post('/api/v1/campaigns/camp-volunteer/service-activities', {
      title: '理由测试活动',
      place: '社区',
      startsAt: iso(now - 10 * 60e3),
      endsAt: iso(now + 3600e3),
      capacity: 5,
    });
    expect(made.status, made.text).toBe(201);
    const id = made.body.serviceActivity.id as string;
    const volunteer = await signedIn(PHONES.fgwMember);
    expect((await volunteer.post(`/api/v1/service-activities/${id}/signups`)).status).toBe(201);
    const shown = (await org.get(`/api/v1/service-activities/${id}/code`)).body.code as string;
    const wrong = String((Number(shown) + 500_000) % 1_000_000).padStart(6, '0');
    refused(await volunteer.post(`/api/v1/service-activities/${id}/check`, { code: wrong }), 400, 'code_invalid');
  });

  it('training: a check-in outside the session’s window → outside_session', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const made = await org.post('/api/v1/campaigns', {
      kind: 'training',
      title: '理由测试培训',
      orgUnitId: 'root',
      startsAt: iso(Date.now() - 864e5),
      endsAt: iso(Date.now() + 864e5),
    });
    const id = made.body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    await org.post(`/api/v1/campaigns/${id}/enrollments`, { rosterIds: ['roster-user-member-fgw'] });
    const s = await org.post(`/api/v1/campaigns/${id}/sessions`, {
      title: '党课',
      startsAt: iso(Date.now() + 3 * 3600e3),
      endsAt: iso(Date.now() + 4 * 3600e3),
    });
    const code = (await org.get(`/api/v1/sessions/${s.body.session.id}/code`)).body.code as string;
    refused(await (await signedIn(PHONES.fgwMember)).post(`/api/v1/sessions/${s.body.session.id}/check-in`, { code }), 409, 'outside_session');
  });

  it('contest: vote_again, vote_limit, judge_conflict and judging_incomplete', async () => {
    const gallery = (await client().get('/api/v1/campaigns/camp-contest/entries?limit=20')).body.items as Array<{ id: string }>;
    expect(gallery.length).toBeGreaterThan(5);
    const voter = await newUser();
    expect((await voter.post(`/api/v1/entries/${gallery[0]!.id}/votes`)).status).toBe(201);
    refused(await voter.post(`/api/v1/entries/${gallery[0]!.id}/votes`), 409, 'vote_again');
    // the demo contest gives 5 votes a day
    for (const e of gallery.slice(1, 5)) expect((await voter.post(`/api/v1/entries/${e.id}/votes`)).status).toBe(201);
    refused(await voter.post(`/api/v1/entries/${gallery[5]!.id}/votes`), 429, 'vote_limit');

    const org = await signedIn(PHONES.rootOrganizer);
    expect((await org.post('/api/v1/campaigns/camp-contest/judges', { phone: PHONES.fgwMember })).status).toBe(201);
    const round = await org.post('/api/v1/campaigns/camp-contest/judging-rounds', { name: '复评', criteria: [{ name: '艺术性', weight: 100, max: 10 }] });
    expect(round.status, round.text).toBe(201);
    const judge = await signedIn(PHONES.fgwMember);
    const mine = (await judge.get('/api/v1/judging/assignments')).body.items.filter((a: { roundStatus: string }) => a.roundStatus === 'open');
    expect(mine.length).toBeGreaterThan(0);
    const entryId = mine[0].entryId as string;
    expect((await judge.post(`/api/v1/entries/${entryId}/conflict`)).status).toBe(204);
    refused(await judge.post(`/api/v1/entries/${entryId}/scores`, { criteria: { 艺术性: 8 } }), 409, 'judge_conflict');
    // the demo works are not fully scored: publishing the results, or carrying the top N, warns first
    refused(await org.post('/api/v1/campaigns/camp-contest/results/publish', { published: true }), 409, 'judging_incomplete');
    refused(
      await org.post('/api/v1/campaigns/camp-contest/judging-rounds', {
        name: '终评',
        criteria: [{ name: '艺术性', weight: 1, max: 10 }],
        entries: { topN: 3 },
      }),
      409,
      'judging_incomplete',
    );
  });

  it('quiz: quiz_active, quiz_not_current, quiz_not_served and quiz_finished', async () => {
    const player = await newUser();
    const start = () => player.post('/api/v1/campaigns/camp-quiz/attempts', {});
    const first = await start();
    expect(first.status, first.text).toBe(201);
    const again = await start();
    refused(again, 409, 'quiz_active');
    expect(again.body.attempt.id).toBe(first.body.attempt.id);

    let a = first.body.attempt;
    refused(await player.post(`/api/v1/attempts/${a.id}/answers`, { questionId: 'not-this-one', answer: 'A' }), 409, 'quiz_not_current');
    const shaped = (q: { type: string }) => (q.type === 'judge' ? true : q.type === 'multiple' ? ['A', 'B'] : q.type === 'blank' ? '答' : 'A');
    let q = a.question as { id: string; type: string };
    for (let i = 0; i < a.total; i++) {
      const r = await player.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q.id, answer: shaped(q) });
      expect(r.status, r.text).toBe(200);
      if (r.body.finished) break;
      // the next question is not served yet: answering it is refused until asked for
      if (i === 0) {
        const q2 = (await env.DB.prepare('SELECT json_extract(question_ids, ?) id FROM quiz_attempts WHERE id = ?').bind('$[1]', a.id).first<{ id: string }>())!
          .id;
        refused(await player.post(`/api/v1/attempts/${a.id}/answers`, { questionId: q2, answer: 'A' }), 409, 'quiz_not_served');
      }
      q = (await player.post(`/api/v1/attempts/${a.id}/next`, {})).body.question;
    }
    const last = q.id;
    a = (await player.get(`/api/v1/attempts/${a.id}`)).body.attempt;
    expect(a.status).toBe('finished');
    refused(await player.post(`/api/v1/attempts/${a.id}/answers`, { questionId: last, answer: shaped(q) }), 409, 'quiz_finished');
  });

  it('covers every reason the clients may branch on', () => {
    expect([...seen].sort()).toEqual([...REASONS].sort());
  });
});
