import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES, type Client } from '../helpers';
import { exhibition, chinaAt, slot, visitor, book } from './exhibition.fixtures';

const join = (c: Client, id: string, slotId: string, partySize = 1) =>
  c.post(`/api/v1/campaigns/${id}/slots/${slotId}/waitlist`, { partySize, name: '李四光', phone: '13712345678' });
const leave = (c: Client, entryId: string) => c.call('DELETE', `/api/v1/waitlist/${entryId}`);
const slotRow = (s: string) =>
  env.DB.prepare('SELECT capacity, booked FROM exhibition_slots WHERE id = ?').bind(s).first<{ capacity: number; booked: number }>();
const entryRow = (id: string) =>
  env.DB.prepare('SELECT status, booking_id FROM slot_waitlist WHERE id = ?').bind(id).first<{ status: string; booking_id: string | null }>();
const myEntry = async (c: Client, id: string) => (await c.get('/api/v1/me/waitlist')).body.items.find((e: { id: string }) => e.id === id);
async function mine(c: Client) {
  return (await c.get('/api/v1/me/bookings')).body.items as Array<{
    id: string;
    code: string;
    status: string;
    slotId: string;
    partySize: number;
    fromWaitlist: boolean;
  }>;
}

// Waiting lists (候补) of full slots; slots, bookings and check-in are in exhibition.test.ts.
describe('waiting lists (候补)', () => {
  it('joins a full slot with its place in line, refuses what it should in the user’s language, and leaves', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 3);
    const a = await visitor();
    expect((await book(a, id, s, 2)).status).toBe(201);
    const [b, c, d] = await Promise.all([visitor(), visitor(), visitor()]);
    // one seat left: a party of 1 books directly, a party of 2 may wait
    const direct = await join(b, id, s, 1);
    expect(direct.status).toBe(409);
    expect(direct.body.error.message).toContain('直接预约');
    const jb = await join(b, id, s, 2);
    expect(jb.status).toBe(201);
    expect(jb.body.entry).toMatchObject({ status: 'waiting', position: 1, partySize: 2, name: '李四光', phone: '13712345678', booking: null });
    expect((await book(c, id, s, 1)).status).toBe(201); // now full
    const jc = await join(c, id, s, 1);
    expect(jc.status).toBe(409);
    expect(jc.body.error.message).toContain('当天已有');
    const jd = await join(d, id, s, 1);
    expect(jd.body.entry.position).toBe(2);
    const again = await join(b, id, s, 1);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已在该时段的候补');
    const en = await client({ lang: 'en' });
    en.cookie = b.cookie;
    expect((await join(en, id, s, 1)).body.error.message).toContain('already on this slot’s waiting list');
    expect((await join(d, id, s, 0)).status).toBe(400);
    expect((await join(d, id, s, 6)).status).toBe(400);
    expect((await d.post(`/api/v1/campaigns/${id}/slots/${s}/waitlist`, { partySize: 1, name: '', phone: '123' })).status).toBe(400);
    expect((await join(client(), id, s, 1)).status).toBe(401);
    expect((await join(d, id, 'nope', 1)).status).toBe(404);
    // the public sees how many wait, never who
    const pub = (await client().get(`/api/v1/campaigns/${id}/slots`)).body.items.find((x: { id: string }) => x.id === s);
    expect(pub).toMatchObject({ remaining: 0, waiting: 2 });
    // someone else can neither see nor leave an entry; the holder can, once
    expect((await c.get(`/api/v1/waitlist/${jb.body.entry.id}`)).status).toBe(404);
    expect((await leave(c, jb.body.entry.id)).status).toBe(404);
    expect((await leave(client(), jb.body.entry.id)).status).toBe(401);
    const left = await leave(b, jb.body.entry.id);
    expect(left.status).toBe(200);
    expect(left.body.entry).toMatchObject({ status: 'cancelled', position: null });
    const twice = await leave(b, jb.body.entry.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已退出');
    expect((await myEntry(d, jd.body.entry.id)).position).toBe(1);
    expect((await client().get(`/api/v1/campaigns/${id}/slots`)).body.items.find((x: { id: string }) => x.id === s).waiting).toBe(1);
    // the one who left may join again, at the end of the line
    expect((await join(b, id, s, 2)).body.entry.position).toBe(2);
  });

  it('a cancellation books the first in line automatically: a real ticket marked 候补成功, the rest move up', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 2);
    const a = await visitor();
    const x = await visitor();
    const ab = (await book(a, id, s, 1)).body.booking;
    await book(x, id, s, 1);
    const [b, c, d] = [await visitor(), await visitor(), await visitor()];
    const eb = (await join(b, id, s)).body.entry;
    const ec = (await join(c, id, s)).body.entry;
    const ed = (await join(d, id, s)).body.entry;
    expect([eb.position, ec.position, ed.position]).toEqual([1, 2, 3]);
    expect((await a.post(`/api/v1/bookings/${ab.id}/cancel`)).body.booking.status).toBe('cancelled');
    const got = await myEntry(b, eb.id);
    expect(got).toMatchObject({ status: 'booked', position: null, booking: { status: 'booked', code: expect.stringMatching(/^[A-Z0-9]{12}$/) } });
    const tickets = await mine(b);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ code: got.booking.code, slotId: s, partySize: 1, status: 'booked', fromWaitlist: true });
    const ticket = await b.get(`/api/v1/bookings/${got.booking.code}`);
    expect(ticket.body.booking).toMatchObject({ fromWaitlist: true, name: '李四光' });
    expect((await mine(x))[0]!.fromWaitlist).toBe(false);
    expect((await myEntry(c, ec.id)).position).toBe(1);
    expect((await myEntry(d, ed.id)).position).toBe(2);
    expect(await slotRow(s)).toMatchObject({ capacity: 2, booked: 2 });
    // an entry that became a booking cannot be "left": the booking is cancelled instead, and its seat goes on down the line
    const no = await leave(b, eb.id);
    expect(no.status).toBe(409);
    expect(no.body.error.message).toContain('候补已成功');
    await b.post(`/api/v1/bookings/${got.booking.id}/cancel`);
    expect((await myEntry(c, ec.id)).status).toBe('booked');
    expect((await myEntry(d, ed.id)).position).toBe(1);
    expect(await slotRow(s)).toMatchObject({ booked: 2 });
    // staff cancelling frees seats the same way
    const cb = (await myEntry(c, ec.id)).booking;
    await org.post(`/api/v1/bookings/${cb.id}/cancel`);
    expect((await myEntry(d, ed.id)).status).toBe('booked');
  });

  it('passes over a party that does not fit without losing its place, exactly as the shared rule says', async () => {
    const { allocateSeats } = await import('../../shared/waitlist');
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 4);
    const a = await visitor();
    const x = await visitor();
    const ab = (await book(a, id, s, 2)).body.booking;
    const xb = (await book(x, id, s, 2)).body.booking;
    const people = [await visitor(), await visitor(), await visitor(), await visitor()];
    const sizes = [3, 1, 2, 1];
    const entries: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i++) entries.push((await join(people[i]!, id, s, sizes[i])).body.entry);
    // 2 seats free: the party of 3 waits on (first in line still), the 1 gets a seat, the 2 does not fit, the next 1 does
    const expected = allocateSeats(
      2,
      entries.map((e, i) => ({ id: e.id, partySize: sizes[i]!, holdsBookingThatDay: false })),
    );
    expect(expected.map((r) => entries.findIndex((e) => e.id === r.id))).toEqual([1, 3]);
    await a.post(`/api/v1/bookings/${ab.id}/cancel`);
    const after = await Promise.all(entries.map((e, i) => myEntry(people[i]!, e.id)));
    expect(after.map((e) => e.status)).toEqual(['waiting', 'booked', 'waiting', 'booked']);
    expect(after[0].position).toBe(1);
    expect(after[2].position).toBe(2);
    expect(await slotRow(s)).toMatchObject({ booked: 4 });
    // 2 more seats: the 3 still does not fit, the 2 behind it does
    await x.post(`/api/v1/bookings/${xb.id}/cancel`);
    expect((await myEntry(people[2]!, entries[2]!.id)).status).toBe('booked');
    expect(await myEntry(people[0]!, entries[0]!.id)).toMatchObject({ status: 'waiting', position: 1 });
    // a higher capacity gives the 3 its seats
    const raised = await org.patch(`/api/v1/slots/${s}`, { capacity: 7 });
    expect(raised.body).toMatchObject({ promoted: 1, slot: { booked: 7, remaining: 0, waiting: 0 } });
    expect((await myEntry(people[0]!, entries[0]!.id)).status).toBe('booked');
    const n = await env.DB.prepare("SELECT SUM(party_size) n FROM bookings WHERE slot_id = ? AND status = 'booked'").bind(s).first<{ n: number }>();
    expect(n!.n).toBe(7);
  });

  it('expires, instead of booking, an entry whose person meanwhile holds a booking that day; the seat goes to the next', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 1, chinaAt(1, 9));
    const s2 = await slot(org, id, 5, chinaAt(1, 11)); // the same day, two hours later
    const a = await visitor();
    const ab = (await book(a, id, s, 1)).body.booking;
    const b = await visitor();
    const c = await visitor();
    const eb = (await join(b, id, s)).body.entry;
    const ec = (await join(c, id, s)).body.entry;
    expect((await book(b, id, s2, 1)).status).toBe(201); // b books another slot that day meanwhile
    await a.post(`/api/v1/bookings/${ab.id}/cancel`);
    expect(await myEntry(b, eb.id)).toMatchObject({ status: 'expired', booking: null, position: null });
    expect((await myEntry(c, ec.id)).status).toBe('booked');
    const bs = await mine(b);
    expect(bs).toHaveLength(1);
    expect(bs[0]!.slotId).toBe(s2);
    expect((await leave(b, eb.id)).body.error.message).toContain('已失效');
  });

  it('raising the capacity or reopening a slot books the people waiting; a closed slot gives nothing away', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 1);
    const a = await visitor();
    const ab = (await book(a, id, s, 1)).body.booking;
    const b = await visitor();
    const c = await visitor();
    const eb = (await join(b, id, s, 2)).body.entry;
    const ec = (await join(c, id, s, 1)).body.entry;
    const up = await org.patch(`/api/v1/slots/${s}`, { capacity: 3 });
    expect(up.body).toMatchObject({ promoted: 1, slot: { capacity: 3, booked: 3, waiting: 1 } });
    expect((await myEntry(b, eb.id)).status).toBe('booked');
    expect((await myEntry(c, ec.id)).position).toBe(1);
    await org.patch(`/api/v1/slots/${s}`, { closed: true });
    await a.post(`/api/v1/bookings/${ab.id}/cancel`);
    expect((await myEntry(c, ec.id)).status).toBe('waiting');
    expect(await slotRow(s)).toMatchObject({ booked: 2 });
    expect((await join(await visitor(), id, s, 1)).status).toBe(409); // closed
    const reopened = await org.patch(`/api/v1/slots/${s}`, { closed: false });
    expect(reopened.body.promoted).toBe(1);
    expect((await myEntry(c, ec.id)).status).toBe('booked');
    expect(await slotRow(s)).toMatchObject({ booked: 3 });
  });

  it('past slots: no joining, and their waiting entries expire (lazily, then for good by the cron)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const past = await slot(org, id, 1, -3 * 3600e3, 3600e3);
    const p = await join(await visitor(), id, past);
    expect(p.status).toBe(409);
    expect(p.body.error.message).toContain('不能候补');
    const s = await slot(org, id, 1);
    const a = await visitor();
    const ab = (await book(a, id, s, 1)).body.booking;
    const b = await visitor();
    const eb = (await join(b, id, s)).body.entry;
    await env.DB.prepare('UPDATE exhibition_slots SET starts_at = ?, ends_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 2 * 3600e3).toISOString(), new Date(Date.now() - 1000).toISOString(), s)
      .run();
    expect((await myEntry(b, eb.id)).status).toBe('expired');
    await a.post(`/api/v1/bookings/${ab.id}/cancel`); // the seat of a slot that is over goes to no one
    expect(await entryRow(eb.id)).toMatchObject({ status: 'expired', booking_id: null });
    const c = await visitor();
    await env.DB.prepare(
      "INSERT INTO slot_waitlist (id, campaign_id, slot_id, user_id, name, phone, party_size, day, status, created_at) VALUES ('wl-old', ?, ?, 'user-member-jyj', '王五', '13700000000', 1, '2020-01-01', 'waiting', ?)",
    )
      .bind(id, s, new Date().toISOString())
      .run();
    const { runScheduled } = await import('../../workers/jobs/scheduled');
    await runScheduled(env, Date.now());
    expect((await entryRow('wl-old'))!.status).toBe('expired');
    void c;
  });

  it('never over-sells under parallel joins, cancels and capacity changes; every promoted entry has exactly one booking, in the order people joined', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 6);
    const holders = await Promise.all(Array.from({ length: 6 }, () => visitor()));
    const held = (await Promise.all(holders.map((h) => book(h, id, s, 1)))).map((r) => r.body.booking);
    expect(held.every(Boolean)).toBe(true);
    const waiters = await Promise.all(Array.from({ length: 24 }, () => visitor()));

    async function check() {
      const sl = (await slotRow(s))!;
      const sum = await env.DB.prepare("SELECT COALESCE(SUM(party_size), 0) n FROM bookings WHERE slot_id = ? AND status IN ('booked', 'checked_in')")
        .bind(s)
        .first<{ n: number }>();
      expect(sl.booked).toBeLessThanOrEqual(sl.capacity);
      expect(sum!.n).toBe(sl.booked);
      // each entry that got seats has exactly one booking, of its own person and party
      const { results: promoted } =
        await env.DB.prepare(`SELECT w.id, w.user_id, w.party_size, (SELECT COUNT(*) FROM bookings b WHERE b.id = w.booking_id AND b.user_id = w.user_id AND b.party_size = w.party_size AND b.slot_id = w.slot_id) n,
          (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = w.slot_id AND b.user_id = w.user_id) all_n FROM slot_waitlist w WHERE w.slot_id = ? AND w.status = 'booked'`)
          .bind(s)
          .all<{ n: number; all_n: number }>();
      for (const p of promoted) expect([p.n, p.all_n]).toEqual([1, 1]);
      // no seat is lost: nobody waits whose party fits the free seats
      const fits = await env.DB.prepare("SELECT COUNT(*) n FROM slot_waitlist WHERE slot_id = ? AND status = 'waiting' AND party_size <= ?")
        .bind(s, sl.capacity - sl.booked)
        .first<{ n: number }>();
      expect(fits!.n).toBe(0);
      return promoted.length;
    }

    // wave 1 (parties of 1): 12 join at once; then 12 more join while the 6 holders cancel, all at once
    const first = await Promise.all(waiters.slice(0, 12).map((w) => join(w, id, s, 1)));
    expect(first.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(first.map((r) => r.body.entry.position).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const results = await Promise.all([
      ...waiters.slice(12).map((w) => join(w, id, s, 1)),
      ...held.map((b, i) => holders[i]!.post(`/api/v1/bookings/${b.id}/cancel`)),
    ]);
    expect(results.slice(12).map((r) => r.status)).toEqual(Array(6).fill(200));
    // with 12 already waiting the slot never had a free seat: every late join waits too
    expect(results.slice(0, 12).map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(await check()).toBe(6);
    // the order they joined: the 6 seats went to the first 6 in line, and the line kept its order
    const order = async () =>
      (await env.DB.prepare('SELECT status FROM slot_waitlist WHERE slot_id = ? ORDER BY rowid').bind(s).all<{ status: string }>()).results.map(
        (r) => r.status,
      );
    expect(await order()).toEqual([...Array(6).fill('booked'), ...Array(18).fill('waiting')]);
    const positions = (await Promise.all(waiters.map(async (w) => (await w.get('/api/v1/me/waitlist')).body.items[0])))
      .filter((e) => e.status === 'waiting')
      .map((e) => e.position);
    expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));

    // wave 2, all at once: staff cancel the 6 promoted bookings, 12 more people join with parties of 2–4,
    // and the capacity goes up to 12 (twice: the second changes nothing)
    const { results: promotedRows } = await env.DB.prepare("SELECT w.booking_id FROM slot_waitlist w WHERE w.slot_id = ? AND w.status = 'booked'")
      .bind(s)
      .all<{ booking_id: string }>();
    const more = await Promise.all(Array.from({ length: 12 }, () => visitor()));
    const mixed = await Promise.all([
      ...promotedRows.map((r) => org.post(`/api/v1/bookings/${r.booking_id}/cancel`)),
      ...more.map((w, i) => join(w, id, s, (i % 3) + 2)),
      org.patch(`/api/v1/slots/${s}`, { capacity: 12 }),
      org.patch(`/api/v1/slots/${s}`, { capacity: 12 }),
    ]);
    expect(mixed.map((r) => r.status)).toEqual([...Array(6).fill(200), ...Array(12).fill(201), 200, 200]);
    await check();
    // 6 freed + 6 new seats went to the next 12 parties of 1 in line (all ahead of the bigger parties)
    const o2 = await order();
    expect(o2).toEqual([...Array(18).fill('booked'), ...Array(18).fill('waiting')]);
    expect(await slotRow(s)).toMatchObject({ capacity: 12, booked: 12 });
  });
});
