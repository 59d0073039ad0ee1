import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, PHONES } from '../helpers';
import { exhibition, chinaAt, slot, visitor, book } from './exhibition.fixtures';

// Slots, bookings, check-in and no-shows; waiting lists (候补) are in exhibition-waitlist.test.ts.
describe('slots and bookings', () => {
  it('generates a schedule in China time and shows remaining seats', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const d = new Date(Date.now() + 8 * 3600e3 + 2 * 864e5).toISOString().slice(0, 10);
    const g = await org.post(`/api/v1/campaigns/${id}/slots`, {
      generate: {
        from: d,
        to: d,
        times: [
          { start: '09:00', end: '11:00' },
          { start: '14:00', end: '16:00' },
        ],
        capacity: 30,
      },
    });
    expect(g.body).toMatchObject({ created: 2, requested: 2 });
    const again = await org.post(`/api/v1/campaigns/${id}/slots`, { generate: { from: d, to: d, times: [{ start: '09:00', end: '11:00' }], capacity: 30 } });
    expect(again.body.created).toBe(0);
    const slots = (await client().get(`/api/v1/campaigns/${id}/slots`)).body.items;
    expect(slots[0]).toMatchObject({ startsAt: `${d}T01:00:00.000Z`, capacity: 30, remaining: 30 });
    expect(
      (await org.post(`/api/v1/campaigns/${id}/slots`, { generate: { from: d, to: d, times: [{ start: '25:00', end: '26:00' }], capacity: 1 } })).status,
    ).toBe(400);
    expect(
      (
        await (
          await signedIn(PHONES.fgwMember)
        ).post(`/api/v1/campaigns/${id}/slots`, { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 1e6).toISOString(), capacity: 3 })
      ).status,
    ).toBe(403);
  });

  it('never over-sells a slot: 30 people racing for 10 seats get exactly 10, the rest 409', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 10);
    const people = await Promise.all(Array.from({ length: 30 }, () => visitor()));
    const results = await Promise.all(people.map((c) => book(c, id, s)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(20);
    expect(results.find((r) => r.status === 409)!.body.error.message).toContain('已满');
    const row = await env.DB.prepare('SELECT booked FROM exhibition_slots WHERE id = ?').bind(s).first<{ booked: number }>();
    expect(row!.booked).toBe(10);
    const count = await env.DB.prepare("SELECT SUM(party_size) n FROM bookings WHERE slot_id = ? AND status = 'booked'").bind(s).first<{ n: number }>();
    expect(count!.n).toBe(10);
  });

  it('parties of 1–5, one booking a day, cancel frees the seats, tickets are unguessable codes with a QR', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const s = await slot(org, id, 6, chinaAt(1, 9));
    const c = await visitor();
    expect((await book(c, id, s, 0)).status).toBe(400);
    expect((await book(c, id, s, 6)).status).toBe(400);
    const b = await book(c, id, s, 4);
    expect(b.status).toBe(201);
    expect(b.body.booking.code).toMatch(/^[A-Z0-9]{12}$/);
    const s2 = await slot(org, id, 6, chinaAt(1, 14)); // the same day
    const again = await book(c, id, s2, 1);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('每人每天');
    expect((await book(await visitor(), id, s, 3)).status).toBe(409); // 4 + 3 > 6
    const qr = await c.get(`/api/v1/bookings/${b.body.booking.code}/qr.svg`);
    expect(qr.text).toContain('<svg');
    const mine = await c.get(`/api/v1/campaigns/${id}/bookings?mine=true`);
    expect(mine.body.items).toHaveLength(1);
    const everywhere = await c.get('/api/v1/me/bookings');
    expect(everywhere.body.items[0]).toMatchObject({ code: b.body.booking.code, campaign: { title: expect.stringContaining('展览测试') } });
    expect((await (await visitor()).post(`/api/v1/bookings/${b.body.booking.id}/cancel`)).status).toBe(403);
    expect((await c.post(`/api/v1/bookings/${b.body.booking.id}/cancel`)).body.booking.status).toBe('cancelled');
    expect((await c.post(`/api/v1/bookings/${b.body.booking.id}/cancel`)).status).toBe(409);
    expect((await client().get(`/api/v1/campaigns/${id}/slots`)).body.items.find((x: { id: string }) => x.id === s).remaining).toBe(6);
    expect((await book(c, id, s2, 2)).status).toBe(201); // the day is free again
  });

  it('refuses past, closed and unknown slots, and closed exhibitions; capacity never below bookings', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const past = await slot(org, id, 5, -3 * 3600e3, 3600e3);
    const c = await visitor();
    expect((await book(c, id, past)).status).toBe(409);
    const s = await slot(org, id, 5);
    await book(c, id, s, 3);
    expect((await org.patch(`/api/v1/slots/${s}`, { capacity: 2 })).status).toBe(409);
    expect((await org.patch(`/api/v1/slots/${s}`, { capacity: 4 })).body.slot.remaining).toBe(1);
    await org.patch(`/api/v1/slots/${s}`, { closed: true });
    expect((await book(await visitor(), id, s, 1)).status).toBe(409);
    expect((await book(c, id, 'nope')).status).toBe(404);
    await org.post(`/api/v1/campaigns/${id}/close`);
    expect((await book(await visitor(), id, s, 1)).status).toBe(409);
  });

  it('lets an organizer book a group for a branch', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const root = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(root);
    const s = await slot(root, id, 30);
    const g = await org.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'fgw-b1', size: 20 });
    expect(g.status).toBe(201);
    expect(g.body.booking).toMatchObject({ partySize: 20, group: true, orgUnitId: 'fgw-b1' });
    expect((await org.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'jyj-b1', size: 5 })).status).toBe(403);
    expect((await org.post(`/api/v1/campaigns/${id}/group-bookings`, { slotId: s, orgUnitId: 'fgw-b2', size: 11 })).status).toBe(409);
  });
});

describe('check-in and no-shows', () => {
  it('已入场 once, 重复入场 409, 非本展览 404, 不在预约时段 409; staff of another exhibition cannot', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org);
    const other = await exhibition(org);
    // the slot began up to 10 minutes ago, but never before China midnight: 已入场 today counts
    // the bookings of today's China date, and CI may run just after 16:00 UTC
    const sinceChinaMidnight = (Date.now() + 8 * 3600e3) % 86_400e3;
    const now = await slot(org, id, 10, -Math.min(10 * 60e3, sinceChinaMidnight), 3600e3);
    const later = await slot(org, id, 10, 5 * 3600e3);
    const c = await visitor();
    const b = (await book(c, id, now, 2)).body.booking;
    const b2 = (await book(await visitor(), id, later, 1)).body.booking;
    const ok = await org.post(`/api/v1/bookings/${b.code}/check-in`, { campaignId: id });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ result: 'checked_in', insideToday: 2 });
    const again = await org.post(`/api/v1/bookings/${b.code}/check-in`, { campaignId: id });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('重复入场');
    expect(again.body.outcome).toBe('duplicate');
    const wrong = await org.post(`/api/v1/bookings/${b2.code}/check-in`, { campaignId: other });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toContain('非本展览');
    const early = await org.post(`/api/v1/bookings/${b2.code}/check-in`, { campaignId: id });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('不在预约时段');
    expect((await org.post('/api/v1/bookings/ZZZZZZZZZZZZ/check-in', { campaignId: id })).status).toBe(404);
    // an organizer of another subtree is not staff of this exhibition
    const fgw = await signedIn(PHONES.fgwOrganizer);
    expect((await fgw.post(`/api/v1/bookings/${b2.code}/check-in`, {})).status).toBe(403);
    expect((await c.post(`/api/v1/bookings/${b2.code}/check-in`, {})).status).toBe(403);
    const ev = await env.DB.prepare("SELECT quantity FROM activity_events WHERE type = 'exhibition_visit' AND ref = ?")
      .bind(b.id)
      .first<{ quantity: number }>();
    expect(ev!.quantity).toBe(2);
  });

  it('marks no-shows after the slot and blocks repeat no-shows for a while, saying why', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await exhibition(org, { noShowLimit: 2, noShowWindowDays: 30, noShowBlockDays: 7 });
    const c = await visitor();
    for (let i = 0; i < 2; i++) {
      const s = await slot(org, id, 5, (i + 1) * 24 * 3600e3);
      await book(c, id, s, 1);
      // the clock moves past the slot: its end is set back in time, as the cron would find it
      await env.DB.prepare('UPDATE exhibition_slots SET starts_at = ?, ends_at = ? WHERE id = ?')
        .bind(new Date(Date.now() - 3 * 3600e3).toISOString(), new Date(Date.now() - (3 - i) * 3600e3 + 1).toISOString(), s)
        .run();
    }
    const { runScheduled } = await import('../../workers/jobs/scheduled');
    await runScheduled(env, Date.now());
    const mine = await c.get(`/api/v1/campaigns/${id}/bookings?mine=true`);
    expect(mine.body.items.every((b: { status: string }) => b.status === 'no_show')).toBe(true);
    const s3 = await slot(org, id, 5, 3 * 24 * 3600e3);
    const blocked = await book(c, id, s3, 1);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/2 次预约未到场.*\d{4}-\d{2}-\d{2}/);
    expect((await book(await visitor(), id, s3, 1)).status).toBe(201);
  });

  it('reports visitor statistics and exports bookings for organizers only', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const stats = await org.get('/api/v1/campaigns/hanmo-exhibition/visit-stats');
    expect(stats.status).toBe(200);
    expect(stats.body.checkedIn).toBeGreaterThan(0);
    expect(stats.body.noShows).toBeGreaterThan(0);
    expect(stats.body.booked).toBeGreaterThan(stats.body.checkedIn);
    expect(stats.body.byDay.length).toBeGreaterThan(3);
    expect(stats.body.byOrgUnit.filter((u: { orgUnitId: string | null }) => u.orgUnitId).length).toBeGreaterThan(3);
    expect((await org.get('/api/v1/campaigns/hanmo-exhibition/bookings/export')).headers.get('content-type')).toContain('spreadsheetml');
    expect((await (await signedIn(PHONES.fgwMember)).get('/api/v1/campaigns/hanmo-exhibition/visit-stats')).status).toBe(403);
    const slots = await client().get('/api/v1/campaigns/hanmo-exhibition/slots');
    expect(slots.body.items.length).toBeGreaterThan(150);
    const gallery = (await client().get('/api/v1/campaigns/hanmo-exhibition')).body.campaign.settings.galleryCampaignId;
    expect(gallery).toBe('camp-contest');
  });
});
