import { describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, registerUser, signedIn, PHONES, type Client } from '../helpers';
import { exhibition, slot, book, chinaAt } from './exhibition.fixtures';
import { player, quiz } from './quiz.fixtures';
import { session, trainingCampaign } from './training.fixtures';
import { volunteer } from './volunteer.fixtures';
import { createDb } from '../../db/client';
import { JOBS, runScheduled } from '../../workers/jobs/scheduled';

/** The cron's two message jobs, run as the cron runs them (each registered in JOBS). */
const runNotificationJobs = (_db: unknown, at: number) =>
  runScheduled(
    env,
    at,
    JOBS.filter((j) => j.name === 'remind-sessions' || j.name === 'purge-notifications'),
  );
import { fixture, inOneDay } from '../helpers';

/** A fresh member with their phone (the texts go to the account's phone). */
let k = 0;
async function person(lang = 'zh-CN') {
  const c = client({ lang, ip: `10.61.${k % 250}.${Math.floor(k++ / 250) % 250}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, password: 'secret-pass', name: `消息测试${k}` });
  if (r.status !== 201) throw new Error(`register ${phone}: ${r.status} ${r.text}`);
  return Object.assign(c, { phone });
}
const notes = async (c: Client, q = '') =>
  (await c.get(`/api/v1/me/notifications${q}`)).body as {
    items: Array<{ id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null }>;
    unread: number;
    nextCursor: string | null;
  };
const texts = (phone: string) =>
  env.DB.prepare(`SELECT code FROM dev_outbox WHERE phone = ? AND purpose = 'notice' ORDER BY sent_at`)
    .bind(phone)
    .all<{ code: string }>()
    .then((r) => r.results.map((x) => x.code));
const joinWaitlist = (c: Client, id: string, s: string) =>
  c.post(`/api/v1/campaigns/${id}/slots/${s}/waitlist`, { partySize: 1, name: '李四光', phone: '13712345678' });

/** A full one-seat slot with `waiting` people on its list; returns the holder's booking id too. */
async function fullSlotWithWaiting(org: Client, waiting: Client[]) {
  const id = await exhibition(org);
  const s = await slot(org, id, 1);
  const holder = await person();
  const held = (await book(holder, id, s)).body.booking;
  for (const w of waiting) expect((await joinWaitlist(w, id, s)).status).toBe(201);
  return { id, s, holder, held };
}

describe('消息中心: notifications', () => {
  it('a cancellation that books the first in line tells them (候补成功) in their message centre, in their language; a text only where they agreed', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const agreed = await person();
    const silent = await person('en');
    expect((await agreed.call('PUT', '/api/v1/me/preferences', { smsNotify: true })).body).toEqual({ smsNotify: true });
    expect((await silent.get('/api/v1/me/preferences')).body).toEqual({ smsNotify: false });
    const { holder, held } = await fullSlotWithWaiting(org, [agreed]);
    expect((await notes(agreed)).unread).toBe(0);
    expect((await holder.post(`/api/v1/bookings/${held.id}/cancel`)).status).toBe(200);
    const box = await notes(agreed);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({ kind: 'waitlist_booked', title: '候补成功', readAt: null });
    const ticket = (await agreed.get('/api/v1/me/bookings')).body.items[0];
    expect(box.items[0]!.link).toBe(`/my-bookings/${ticket.code}`);
    expect(box.items[0]!.body).toContain('展览测试');
    // the text goes after the batch (waitUntil): wait for it
    await vi.waitFor(async () => expect(await texts(agreed.phone)).toHaveLength(1));
    expect((await texts(agreed.phone))[0]).toContain('候补成功');

    // the organizer frees a seat of another full slot: the one who did not agree gets the message, no text
    const other = await fullSlotWithWaiting(org, [silent]);
    expect((await org.patch(`/api/v1/slots/${other.s}`, { capacity: 2 })).body.promoted).toBe(1);
    const en = await notes(silent, '?unread=1');
    expect(en.items).toHaveLength(1);
    expect(en.items[0]).toMatchObject({ kind: 'waitlist_booked', title: 'Waiting list: you are booked' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await texts(silent.phone)).toEqual([]);
    // nobody else was told
    expect((await notes(holder)).items.filter((n) => n.kind === 'waitlist_booked')).toEqual([]);
  });

  it('marks read by id (own only) or all; unread=1 and limit=0 read the badge; pages by cursor', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const a = await person();
    const b = await person();
    // three 候补成功 messages for a
    for (let i = 0; i < 3; i++) {
      const f = await fullSlotWithWaiting(org, [a]);
      await f.holder.post(`/api/v1/bookings/${f.held.id}/cancel`);
    }
    const all = await notes(a);
    expect(all.unread).toBe(3);
    const badge = await notes(a, '?unread=1&limit=0');
    expect(badge).toEqual({ items: [], unread: 3, nextCursor: null });
    const p1 = await notes(a, '?limit=2');
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).toBeTruthy();
    const p2 = await notes(a, `?limit=2&cursor=${p1.nextCursor}`);
    expect(p2.items.map((x) => x.id)).toEqual([all.items[2]!.id]);
    expect(p2.nextCursor).toBeNull();
    // b cannot mark a's message, nor see it
    expect((await b.post('/api/v1/me/notifications/read', { ids: [all.items[0]!.id] })).body).toEqual({ marked: 0, unread: 0 });
    expect((await notes(b)).items).toEqual([]);
    expect((await notes(a)).unread).toBe(3);
    const one = await a.post('/api/v1/me/notifications/read', { ids: [all.items[0]!.id] });
    expect(one.body).toEqual({ marked: 1, unread: 2 });
    expect((await a.post('/api/v1/me/notifications/read', { ids: [all.items[0]!.id] })).body.marked).toBe(0);
    expect((await notes(a, '?unread=1')).items.map((x) => x.id)).toEqual(all.items.slice(1).map((x) => x.id));
    expect((await a.post('/api/v1/me/notifications/read', { all: true })).body).toEqual({ marked: 2, unread: 0 });
    expect((await notes(a)).items.every((x) => x.readAt !== null)).toBe(true);
    // bad input: 400, nothing changes
    for (const bad of [{}, { ids: [] }, { all: false }, { ids: ['x'], all: true }, { ids: 'x' }]) {
      const r = await a.post('/api/v1/me/notifications/read', bad);
      expect(r.status).toBe(400);
    }
    expect((await a.get('/api/v1/me/notifications?limit=101')).status).toBe(400);
    expect((await a.get('/api/v1/me/notifications?unread=yes')).status).toBe(400);
    expect((await a.call('PUT', '/api/v1/me/preferences', { smsNotify: 'yes' })).status).toBe(400);
    // deleting the account (PIPL) takes the messages with it
    expect((await b.call('DELETE', '/api/v1/me', { password: 'secret-pass' })).status).toBeLessThan(300);
    expect((await a.call('DELETE', '/api/v1/me', { password: 'secret-pass' })).status).toBeLessThan(300);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM notifications WHERE id = ?').bind(all.items[0]!.id).first<{ n: number }>())!.n).toBe(0);
    // signed out: 401
    expect((await client().get('/api/v1/me/notifications')).status).toBe(401);
    expect((await client().post('/api/v1/me/notifications/read', { all: true })).status).toBe(401);
  });

  it('tells a member their service record was approved or rejected (with the reason), once, in the same batch as the decision', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    const member = await signedIn(PHONES.fgwMember);
    await member.call('PUT', '/api/v1/me/preferences', { smsNotify: true });
    const day = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    const a = (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: day, hours: 2, description: '社区垃圾分类宣传' })).body.record.id;
    const b = (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: day, hours: 1, description: '陪伴老人' })).body.record.id;
    expect((await org.post(`/api/v1/service-records/${a}/approve`)).status).toBe(200);
    expect((await org.post(`/api/v1/service-records/${a}/approve`)).status).toBe(409);
    expect((await org.post(`/api/v1/service-records/${b}/reject`, { reason: '请补充服务地点' })).status).toBe(200);
    const mine = (await notes(member)).items.filter((n) => n.kind.startsWith('record_'));
    expect(mine.map((n) => n.kind)).toEqual(['record_rejected', 'record_approved']);
    expect(mine[0]!.body).toContain('原因：请补充服务地点');
    expect(mine[1]!).toMatchObject({ title: '服务记录已通过', link: expect.stringContaining('/volunteer') });
    expect(mine[1]!.body).toContain('2 小时');
    await vi.waitFor(async () => expect((await texts(PHONES.fgwMember)).filter((t) => t.includes('服务记录'))).toHaveLength(2));
  });

  it('tells an author their work was approved or rejected, and each judge of a round how many works are theirs', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: '消息测试书画大赛', orgUnitId: 'root', ...inOneDay() });
    const id = r.body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const author = await person();
    const submit = async (title: string) => {
      const f = new FormData();
      for (const [key, val] of Object.entries({ title, category: '书法', authorName: '李文华' })) f.set(key, val);
      f.set('image', new File([fixture('small.png')], 'w.png', { type: 'image/png' }));
      const res = await author.post(`/api/v1/campaigns/${id}/entries`, f);
      expect(res.status).toBe(201);
      return res.body.entry.id as string;
    };
    const w1 = await submit('春江花月夜');
    const w2 = await submit('兰亭序临本');
    expect((await org.post(`/api/v1/entries/${w1}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await org.post(`/api/v1/entries/${w2}/review`, { decision: 'reject', reason: '图片不清晰' })).status).toBe(200);
    const told = (await notes(author)).items;
    expect(told.map((n) => n.kind)).toEqual(['entry_rejected', 'entry_approved']);
    expect(told[0]!.body).toContain('《兰亭序临本》');
    expect(told[0]!.body).toContain('图片不清晰');
    // the author did not agree to texts: none
    await new Promise((res) => setTimeout(res, 200));
    expect(await texts(author.phone)).toEqual([]);
    // judges: random assignment of one work to 2 of 3 judges — the two drawn are told, the third is not
    const panel = ['user-m001', 'user-m021', 'user-m041'];
    for (const u of panel) expect((await org.post(`/api/v1/campaigns/${id}/judges`, { userId: u })).status).toBe(201);
    const round = await org.post(`/api/v1/campaigns/${id}/judging-rounds`, {
      name: '初评',
      criteria: [{ name: '艺术性', weight: 1, max: 100 }],
      assignment: 'random',
      judgesPerEntry: 2,
      quorum: 2,
    });
    expect(round.status).toBe(201);
    const drawn = (
      await env.DB.prepare('SELECT judge_id FROM judge_assignments WHERE round_id = ?').bind(round.body.round.id).all<{ judge_id: string }>()
    ).results.map((x) => x.judge_id);
    expect(drawn).toHaveLength(2);
    const rows = (
      await env.DB.prepare(`SELECT user_id, params, link FROM notifications WHERE kind = 'judge_assigned'`).all<{
        user_id: string;
        params: string;
        link: string;
      }>()
    ).results;
    expect(rows.map((x) => x.user_id).sort()).toEqual([...drawn].sort());
    expect(JSON.parse(rows[0]!.params)).toMatchObject({ title: '消息测试书画大赛', round: '初评', works: 1 });
    expect(rows[0]!.link).toBe('/console/judging');
  });

  it('tells each person on a published 入围 list (once, even when the list is published again)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await quiz(org, { mode: 'round', questionsPerAttempt: 2, minAnswerMs: 0 });
    const now = Date.now();
    const s1 = (
      await org.post(`/api/v1/campaigns/${id}/stages`, {
        name: '初赛',
        startsAt: new Date(now - 3600e3).toISOString(),
        endsAt: new Date(now + 3600e3).toISOString(),
        advancement: { rule: 'top', n: 1 },
      })
    ).body.stage.id;
    await org.post(`/api/v1/campaigns/${id}/stages`, {
      name: '决赛',
      startsAt: new Date(now - 60e3).toISOString(),
      endsAt: new Date(now + 7200e3).toISOString(),
    });
    const [p1, p2] = [await player(), await player()];
    await org.post(`/api/v1/campaigns/${id}/leaderboard/scores`, {
      mode: 'set',
      stage: s1,
      entries: [
        { key: p1.id, name: 'p1', score: 10 },
        { key: p2.id, name: 'p2', score: 5 },
      ],
    });
    expect((await org.post(`/api/v1/campaigns/${id}/stages/${s1}/advance?dryRun=true`)).status).toBe(200);
    expect((await notes(p1.c)).items).toEqual([]);
    expect((await org.post(`/api/v1/campaigns/${id}/stages/${s1}/advance`)).status).toBe(200);
    expect((await org.post(`/api/v1/campaigns/${id}/stages/${s1}/advance`)).status).toBe(200);
    const box = await notes(p1.c);
    expect(box.items).toHaveLength(1);
    expect(box.items[0]).toMatchObject({ kind: 'stage_admitted', title: '恭喜入围', link: expect.stringContaining('/quiz') });
    expect(box.items[0]!.body).toContain('决赛');
    expect((await notes(p2.c)).items).toEqual([]);
  });

  it('the cron tells enrolled people of a session tomorrow once, however often (or concurrently) it runs; it purges old read messages only', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await trainingCampaign(org);
    expect((await org.post(`/api/v1/campaigns/${id}/enrollments`, { orgUnitIds: ['fgw-b1'] })).status).toBe(200);
    const start = chinaAt(1, 9) / 60e3;
    const s = await session(org, id, start, start + 120);
    await session(org, id, start + 24 * 60, start + 25 * 60); // the day after tomorrow: not yet
    const db = createDb(env.DB);
    await Promise.all([runNotificationJobs(db, Date.now()), runNotificationJobs(db, Date.now())]);
    await runNotificationJobs(db, Date.now());
    const member = await signedIn(PHONES.fgwMember);
    const reminders = (await notes(member)).items.filter((n) => n.kind === 'session_tomorrow');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!).toMatchObject({ title: '明日培训提醒', link: expect.stringContaining('/training') });
    expect(reminders[0]!.body).toContain('09:00');
    expect(reminders[0]!.body).toContain('机关三楼会议室');
    const enrolled = (await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM roster_entries r JOIN training_enrollments e ON e.roster_id = r.id WHERE e.campaign_id = ? AND r.user_id IS NOT NULL`,
    )
      .bind(id)
      .first<{ n: number }>())!.n;
    const sent = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM notifications WHERE dedupe_key = ?`).bind(`session:${s.id}`).first<{ n: number }>())!.n;
    expect(sent).toBe(enrolled);
    // purge: a read message older than 180 days goes; an old unread one and a recent read one stay
    const old = new Date(Date.now() - 200 * 864e5).toISOString();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO notifications (id, user_id, kind, params, created_at, read_at) VALUES ('n-old-read', 'user-member-fgw', 'entry_approved', '{}', ?, ?)`,
      ).bind(old, old),
      env.DB.prepare(
        `INSERT INTO notifications (id, user_id, kind, params, created_at, read_at) VALUES ('n-old-unread', 'user-member-fgw', 'entry_approved', '{}', ?, NULL)`,
      ).bind(old),
      env.DB.prepare(
        `INSERT INTO notifications (id, user_id, kind, params, created_at, read_at) VALUES ('n-new-read', 'user-member-fgw', 'entry_approved', '{}', ?, ?)`,
      ).bind(old, new Date().toISOString()),
    ]);
    await runNotificationJobs(db, Date.now());
    const left = (await env.DB.prepare(`SELECT id FROM notifications WHERE id LIKE 'n-%' ORDER BY id`).all<{ id: string }>()).results.map((x) => x.id);
    expect(left).toEqual(['n-new-read', 'n-old-unread']);
  });
});
