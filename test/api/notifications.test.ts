import { describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, registerUser, signedIn, PHONES, type Client } from '../helpers';
import { exhibition, slot, book } from './exhibition.fixtures';

/** A fresh member with their phone (the texts go to the account's phone). */
let k = 0;
async function person(lang = 'zh-CN') {
  const c = client({ lang, ip: `10.61.${k % 250}.${Math.floor(k++ / 250) % 250}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, password: 'secret-pass', name: `消息测试${k}` });
  if (r.status !== 201) throw new Error(`register ${phone}: ${r.status} ${r.text}`);
  return Object.assign(c, { phone });
}
const notes = async (c: Client, q = '') => (await c.get(`/api/v1/me/notifications${q}`)).body as { items: Array<{ id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null }>; unread: number; nextCursor: string | null };
const texts = (phone: string) => env.DB.prepare(`SELECT code FROM dev_outbox WHERE phone = ? AND purpose = 'notice' ORDER BY sent_at`).bind(phone).all<{ code: string }>().then((r) => r.results.map((x) => x.code));
const joinWaitlist = (c: Client, id: string, s: string) => c.post(`/api/v1/campaigns/${id}/slots/${s}/waitlist`, { partySize: 1, name: '李四光', phone: '13712345678' });

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
    // signed out: 401
    expect((await client().get('/api/v1/me/notifications')).status).toBe(401);
    expect((await client().post('/api/v1/me/notifications/read', { all: true })).status).toBe(401);
  });
});
