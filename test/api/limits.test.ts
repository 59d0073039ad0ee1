import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { chinaDay } from '../../shared/i18n';
import { client, signedIn, freshPhone, registerUser, PHONES, type Client } from '../helpers';

/* Per-account limits (issue 12, item 9): bookings, waiting lists, group bookings, schedules. */

let n = 0;
async function exhibition(org: Client, settings: Record<string, unknown> = {}, orgUnitId = 'root', days = 60) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'exhibition',
    title: `限额展览${n++}`,
    orgUnitId,
    startsAt: new Date(Date.now() - 864e5).toISOString(),
    endsAt: new Date(Date.now() + days * 864e5).toISOString(),
    settings: { venue: '文化馆', ...settings },
  });
  expect(r.status).toBe(201);
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
/** A slot `days` China days from today at 10:00–12:00 China time. */
async function slotOn(org: Client, id: string, days: number, capacity: number) {
  const day = chinaDay(Date.now() + days * 864e5);
  const startsAt = new Date(`${day}T10:00:00+08:00`).toISOString();
  const r = await org.post(`/api/v1/campaigns/${id}/slots`, { startsAt, endsAt: new Date(`${day}T12:00:00+08:00`).toISOString(), capacity });
  expect(r.status).toBe(201);
  return r.body.slot.id as string;
}
async function visitor() {
  const i = n++;
  const c = client({ ip: `10.77.${i % 250}.${(Math.floor(i / 250) % 250) + 1}` });
  const r = await registerUser(c, { phone: freshPhone(), password: 'secret-pass-1', name: `观众${i}` });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${r.text}`);
  return c;
}
const book = (c: Client, id: string, slotId: string, partySize = 1) =>
  c.post(`/api/v1/campaigns/${id}/bookings`, { slotId, partySize, name: '张三明', phone: '13912345678' });

describe('bookings per account', () => {
  it('holds one account to bookingsPerPerson upcoming visits, a day at a time (125 seats were 25 days × 5)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const slots: string[] = [];
    for (let d = 1; d <= 5; d++) slots.push(await slotOn(org, id, d, 50));
    const v = await visitor();
    for (let i = 0; i < 3; i++) expect((await book(v, id, slots[i]!, 5)).status).toBe(201);
    const fourth = await book(v, id, slots[3]!, 5);
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.reason).toBe('booking_limit');
    // nothing was taken by the refused booking
    const list = await client().get(`/api/v1/campaigns/${id}/slots`);
    expect(list.body.items.find((s: { id: string }) => s.id === slots[3]).booked).toBe(0);
    // a cancelled booking frees a place under the cap
    const mine = await v.get(`/api/v1/campaigns/${id}/bookings?mine=true`);
    expect((await v.post(`/api/v1/bookings/${mine.body.items[0].id}/cancel`)).status).toBe(200);
    expect((await book(v, id, slots[3]!, 1)).status).toBe(201);
  });

  it('holds under parallel requests on different days', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { bookingsPerPerson: 2 });
    const slots: string[] = [];
    for (let d = 1; d <= 8; d++) slots.push(await slotOn(org, id, d, 50));
    const v = await visitor();
    const res = await Promise.all(slots.map((s) => book(v, id, s, 1)));
    expect(res.filter((r) => r.status === 201)).toHaveLength(2);
    expect(res.filter((r) => r.status === 409 && r.body.error.reason === 'booking_limit')).toHaveLength(6);
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM bookings WHERE campaign_id = ? AND status = 'booked'").bind(id).first<{ n: number }>();
    expect(row!.n).toBe(2);
  });

  it('holds an account to as many waiting-list entries, also in parallel', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { bookingsPerPerson: 2 });
    const full: string[] = [];
    for (let d = 1; d <= 6; d++) {
      const s = await slotOn(org, id, d, 1);
      expect((await book(await visitor(), id, s, 1)).status).toBe(201);
      full.push(s);
    }
    const v = await visitor();
    const res = await Promise.all(
      full.map((s) => v.post(`/api/v1/campaigns/${id}/slots/${s}/waitlist`, { partySize: 1, name: '候补人', phone: '13912345678' })),
    );
    expect(res.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = res.filter((r) => r.status === 409);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.body.error.reason).toBe('waitlist_limit');
  });

  it('passes over a waiting entry whose person already holds the cap when seats free up', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { bookingsPerPerson: 1 });
    const a = await slotOn(org, id, 1, 1);
    const b = await slotOn(org, id, 2, 5);
    const holder = await visitor();
    expect((await book(holder, id, a, 1)).status).toBe(201);
    const v = await visitor();
    expect((await v.post(`/api/v1/campaigns/${id}/slots/${a}/waitlist`, { partySize: 1, name: '候补人', phone: '13912345678' })).status).toBe(201);
    expect((await book(v, id, b, 1)).status).toBe(201);
    // the holder cancels: v already holds 1 upcoming visit (the cap), so v is not booked into a
    const mine = await holder.get(`/api/v1/campaigns/${id}/bookings?mine=true`);
    expect((await holder.post(`/api/v1/bookings/${mine.body.items[0].id}/cancel`)).status).toBe(200);
    const row = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM bookings b JOIN exhibition_slots s ON s.id = b.slot_id WHERE b.campaign_id = ? AND b.status = 'booked' AND s.id = ?",
    )
      .bind(id, a)
      .first<{ n: number }>();
    expect(row!.n).toBe(0);
  });
});

describe('group bookings', () => {
  it('refuses a unit outside a members-only exhibition’s subtree, sizes over the setting or the slot, and books all or nothing', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    // a members-only exhibition of 教育局: fgw's organizer manages fgw-b1, which it is not for
    const jyj = await exhibition(root, { audience: 'members' }, 'jyj');
    const js = await slotOn(root, jyj, 1, 50);
    const other = await fgwOrg.post(`/api/v1/campaigns/${jyj}/group-bookings`, { slotId: js, orgUnitId: 'fgw-b1', size: 2 });
    expect(other.status).toBe(403);
    expect(other.body.error.reason).toBe('group_not_open');
    // the root organizer may book for a branch inside the exhibition's subtree
    expect((await root.post(`/api/v1/campaigns/${jyj}/group-bookings`, { slotId: js, orgUnitId: 'jyj-b1', size: 2 })).status).toBe(201);

    const id = await exhibition(root, { groupSizeMax: 30 });
    const s = await slotOn(root, id, 1, 40);
    const big = await fgwOrg.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'fgw-b1', size: 31 });
    expect(big.status).toBe(400);
    expect(big.body.error.reason).toBe('group_size');
    const small = await exhibition(root);
    const ss = await slotOn(root, small, 1, 10);
    expect((await fgwOrg.post(`/api/v1/campaigns/${small}/group-bookings`, { slotId: ss, orgUnitId: 'fgw-b1', size: 11 })).status).toBe(400);
    // the default setting is 100 a call
    const wide = await slotOn(root, small, 2, 1000);
    expect((await fgwOrg.post(`/api/v1/campaigns/${small}/group-bookings`, { slotId: wide, orgUnitId: 'fgw-b1', size: 101 })).status).toBe(400);
    // all or nothing: 30 of 40 taken, a group of 20 is refused whole
    expect((await fgwOrg.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'fgw-b1', size: 30 })).status).toBe(201);
    expect((await fgwOrg.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'fgw-b2', size: 20 })).status).toBe(409);
    const list = await client().get(`/api/v1/campaigns/${id}/slots`);
    expect(list.body.items.find((x: { id: string }) => x.id === s).booked).toBe(30);
    // a member is no organizer
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'fgw-b1', size: 2 })).status).toBe(403);
  });
});

describe('slot schedules', () => {
  it('refuses a schedule over two years, outside the campaign or over the slot bound before building it', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const today = chinaDay(Date.now());
    const times = [{ start: '09:00', end: '10:00' }];
    const centuries = await org.post(`/api/v1/campaigns/${id}/slots`, { generate: { from: today, to: '2226-12-31', times, capacity: 5 } });
    expect(centuries.status).toBe(400);
    expect(centuries.body.error.reason).toBe('schedule_too_long');
    const later = await org.post(`/api/v1/campaigns/${id}/slots`, { generate: { from: today, to: chinaDay(Date.now() + 90 * 864e5), times, capacity: 5 } });
    expect(later.status).toBe(400);
    expect(later.body.error.reason).toBe('schedule_outside_campaign');
    const dense = Array.from({ length: 24 }, (_, h) => ({ start: `${String(h).padStart(2, '0')}:00`, end: `${String(h).padStart(2, '0')}:30` }));
    const many = await org.post(`/api/v1/campaigns/${id}/slots`, {
      generate: { from: today, to: chinaDay(Date.now() + 20 * 864e5), times: dense, capacity: 5 },
    });
    expect(many.status).toBe(400);
    expect(many.body.error.reason).toBe('too_many_slots');
    const backwards = await org.post(`/api/v1/campaigns/${id}/slots`, { generate: { from: chinaDay(Date.now() + 5 * 864e5), to: today, times, capacity: 5 } });
    expect(backwards.status).toBe(400);
    const none = await env.DB.prepare('SELECT COUNT(*) AS n FROM exhibition_slots WHERE campaign_id = ?').bind(id).first<{ n: number }>();
    expect(none!.n).toBe(0);
    const ok = await org.post(`/api/v1/campaigns/${id}/slots`, {
      generate: { from: chinaDay(Date.now() + 864e5), to: chinaDay(Date.now() + 10 * 864e5), weekdays: [1, 3, 5], times, capacity: 5 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.created).toBe(ok.body.requested);
  });
});

describe('gallery views', () => {
  const views = async (id: string) => (await env.DB.prepare('SELECT views FROM contest_entries WHERE id = ?').bind(id).first<{ views: number }>())!.views;
  it('counts one view per viewer (account, or address when anonymous) per work per day, also in parallel', async () => {
    const entry = (await env.DB.prepare("SELECT id FROM contest_entries WHERE status = 'approved' ORDER BY id LIMIT 1").first<{ id: string }>())!.id;
    const before = await views(entry);
    const anon = client({ ip: '10.66.0.1' });
    const first = await Promise.all(Array.from({ length: 5 }, () => anon.post(`/api/v1/entries/${entry}/views`)));
    for (const r of first) expect(r.status).toBe(204);
    expect(await views(entry)).toBe(before + 1);
    await client({ ip: '10.66.0.2' }).post(`/api/v1/entries/${entry}/views`);
    expect(await views(entry)).toBe(before + 2);
    const member = await signedIn(PHONES.fgwMember, { ip: '10.66.0.1' });
    await member.post(`/api/v1/entries/${entry}/views`);
    await member.post(`/api/v1/entries/${entry}/views`);
    expect(await views(entry)).toBe(before + 3);
    // no address is kept, only a hash
    const keys = await env.DB.prepare('SELECT viewer_key FROM contest_views WHERE entry_id = ?').bind(entry).all<{ viewer_key: string }>();
    expect(keys.results).toHaveLength(3);
    for (const k of keys.results) expect(k.viewer_key).not.toMatch(/10\.66|user-/);
  });
});

async function volunteer(org: Client, settings: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'volunteer',
    title: `1+1限额${n++}`,
    orgUnitId: 'root',
    startsAt: new Date(Date.now() - 20 * 864e5).toISOString(),
    endsAt: new Date(Date.now() + 864e5).toISOString(),
    settings,
  });
  const id = r.body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  return id;
}
const dayAgo = (d: number) => chinaDay(Date.now() - d * 864e5);

describe('service records per member', () => {
  it('caps the records of a day (also in parallel) and the records awaiting review', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org, { maxHoursPerDay: 24, recordsPerDay: 2, pendingRecordsMax: 4 });
    const member = await signedIn(PHONES.fgwMember);
    const report = (date: string) => member.post(`/api/v1/campaigns/${id}/service-records`, { date, hours: 1, description: '社区服务' });
    const day = await Promise.all(Array.from({ length: 6 }, () => report(dayAgo(1))));
    expect(day.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = day.filter((r) => r.status !== 201);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body.error.reason).toBe('records_limit');
    }
    expect((await report(dayAgo(2))).status).toBe(201);
    expect((await report(dayAgo(3))).status).toBe(201);
    const pending = await report(dayAgo(4));
    expect(pending.status).toBe(422);
    expect(pending.body.error.reason).toBe('records_limit');
    expect(pending.body.error.message).toContain('4');
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM service_records WHERE campaign_id = ? AND status = 'pending'").bind(id).first<{ n: number }>();
    expect(row!.n).toBe(4);
  });

  it('refuses dates before the campaign and in the future', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    const member = await signedIn(PHONES.fgwMember);
    const before = await member.post(`/api/v1/campaigns/${id}/service-records`, { date: dayAgo(30), hours: 1, description: '太早' });
    expect(before.status).toBe(400);
    expect(before.body.error.fields.date).toBeTruthy();
    expect(
      (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: chinaDay(Date.now() + 2 * 864e5), hours: 1, description: '未来' })).status,
    ).toBe(400);
  });
});

describe('"1+1": a resident registered twice', () => {
  const resident = (code: string, phone: string) => ({ code, name: '赵大妈', phone, consent: true });
  it('hears already_registered (409) even through a member at the cap; a new resident over the cap hears cap_reached (422)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    const codeA = (await (await signedIn(PHONES.jyjMember)).post(`/api/v1/campaigns/${id}/invites`)).body.code;
    const codeB = (await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/invites`)).body.code;
    const anon = client({ ip: '10.66.1.1' });
    const phone = freshPhone();
    expect((await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(codeA, phone))).status).toBe(201);
    // the same resident through the same member, who is at the cap (1): the phone wins
    const again = await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(codeA, phone));
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('already_registered');
    // through a member with room: also already registered
    const other = await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(codeB, phone));
    expect(other.status).toBe(409);
    expect(other.body.error.reason).toBe('already_registered');
    // a new resident through the member at the cap
    const over = await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(codeA, freshPhone()));
    expect(over.status).toBe(422);
    expect(over.body.error.reason).toBe('cap_reached');
  });
});
