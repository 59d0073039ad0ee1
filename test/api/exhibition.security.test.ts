import { expect } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, registerUser, PHONES } from '../helpers';
import { EVERYONE, FGW_MANAGERS, SIGNED_IN, roleMatrix } from './roles';

/* An exhibition of the fgw subtree with a booking and a full slot with someone waiting (候补), as every role. */
async function fixture() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const id = (
    await org.post('/api/v1/campaigns', {
      kind: 'exhibition',
      title: '矩阵展览',
      orgUnitId: 'fgw',
      startsAt: new Date(Date.now() - 864e5).toISOString(),
      endsAt: new Date(Date.now() + 864e5).toISOString(),
    })
  ).body.campaign.id as string;
  await org.post(`/api/v1/campaigns/${id}/publish`);
  const startsAt = new Date(Date.now() - 60e3).toISOString();
  await org.post(`/api/v1/campaigns/${id}/slots`, { startsAt, endsAt: new Date(Date.now() + 3600e3).toISOString(), capacity: 50 });
  const slot = (await client().get(`/api/v1/campaigns/${id}/slots`)).body.items[0].id as string;
  const v = client({ ip: `10.95.0.${Math.floor(Math.random() * 250)}` });
  await registerUser(v, { phone: freshPhone(), password: 'secret-pass', name: '观众' });
  const booking = (await v.post(`/api/v1/campaigns/${id}/bookings`, { slotId: slot, partySize: 1, name: '观众', phone: '13912345678' })).body.booking;
  // a full slot with someone on its waiting list (候补)
  const fullAt = new Date(Date.now() + 2 * 3600e3).toISOString();
  await org.post(`/api/v1/campaigns/${id}/slots`, { startsAt: fullAt, endsAt: new Date(Date.now() + 3 * 3600e3).toISOString(), capacity: 1 });
  const full = (await client().get(`/api/v1/campaigns/${id}/slots`)).body.items.find((s: { startsAt: string }) => s.startsAt === fullAt).id as string;
  const w = client({ ip: `10.95.1.${Math.floor(Math.random() * 250)}` });
  await registerUser(w, { phone: freshPhone(), password: 'secret-pass', name: '候补人' });
  await w.post(`/api/v1/campaigns/${id}/bookings`, { slotId: full, partySize: 1, name: '候补人', phone: '13912345678' });
  const x = client({ ip: `10.95.2.${Math.floor(Math.random() * 250)}` });
  await registerUser(x, { phone: freshPhone(), password: 'secret-pass', name: '欧阳排队' });
  const entry = (await x.post(`/api/v1/campaigns/${id}/slots/${full}/waitlist`, { partySize: 2, name: '欧阳排队', phone: '13987654321' })).body.entry;
  return { id, slot, booking, full, entry };
}

const hidden = /欧阳|13987654321/;
const later = (h: number) => new Date(Date.now() + h * 3600e3).toISOString();

roleMatrix('exhibitions authorization matrix', {
  setup: fixture,
  operations: (f) => [
    {
      name: 'add a slot',
      method: 'POST',
      path: `/api/v1/campaigns/${f.id}/slots`,
      body: { startsAt: later(24), endsAt: later(25), capacity: 5 },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    { name: 'edit a slot', method: 'PATCH', path: `/api/v1/slots/${f.slot}`, body: { capacity: 60 }, allowed: FGW_MANAGERS, ok: 200 },
    {
      name: 'group booking',
      method: 'POST',
      path: `/api/v1/campaigns/${f.id}/group-bookings`,
      body: { slotId: f.slot, orgUnitId: 'fgw-b1', size: 2 },
      allowed: FGW_MANAGERS,
      ok: 201,
    },
    { name: 'bookings', method: 'GET', path: `/api/v1/campaigns/${f.id}/bookings`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'visit statistics', method: 'GET', path: `/api/v1/campaigns/${f.id}/visit-stats`, allowed: FGW_MANAGERS, ok: 200 },
    { name: 'check-in', method: 'POST', path: `/api/v1/bookings/${f.booking.code}/check-in`, body: { campaignId: f.id }, allowed: FGW_MANAGERS, ok: 200 },
    // someone else's booking: only staff may see it
    { name: 'another’s booking', method: 'GET', path: `/api/v1/bookings/${f.booking.code}`, allowed: FGW_MANAGERS, ok: 200, denied: 404 },
    {
      // 候补: everyone sees how many wait, never who
      name: 'slots',
      method: 'GET',
      path: `/api/v1/campaigns/${f.id}/slots`,
      allowed: EVERYONE,
      ok: 200,
      check: (r) => {
        expect(r.body.items.find((s: { id: string }) => s.id === f.full).waiting).toBe(1);
        expect(r.text).not.toMatch(hidden);
      },
    },
    {
      name: 'waiting list',
      method: 'GET',
      path: `/api/v1/slots/${f.full}/waitlist`,
      allowed: FGW_MANAGERS,
      ok: 200,
      check: (r, _role, allowed) => {
        if (allowed) expect(r.body.items[0]).toMatchObject({ id: f.entry.id, name: '欧阳排队', phone: '13987654321', position: 1 });
        else expect(r.text).not.toMatch(hidden);
      },
    },
    {
      name: 'another’s entry',
      method: 'GET',
      path: `/api/v1/waitlist/${f.entry.id}`,
      allowed: FGW_MANAGERS,
      ok: 200,
      denied: 404,
      check: (r, _role, allowed) => allowed || expect(r.text).not.toMatch(hidden),
    },
    { name: 'my entries', method: 'GET', path: '/api/v1/me/waitlist', allowed: SIGNED_IN, ok: 200, check: (r) => expect(r.text).not.toMatch(hidden) },
    // a cross-site write is refused before anything changes, whoever sends it
    {
      name: 'cross-site removal',
      method: 'DELETE',
      path: `/api/v1/waitlist/${f.entry.id}`,
      headers: { origin: 'https://evil.example' },
      allowed: [],
      anonymous: 403,
    },
    { name: 'take another off the list', method: 'DELETE', path: `/api/v1/waitlist/${f.entry.id}`, allowed: FGW_MANAGERS, ok: 200, denied: 404 },
  ],
  after: async (f, role) => {
    const still = await env.DB.prepare('SELECT status FROM slot_waitlist WHERE id = ?').bind(f.entry.id).first<{ status: string }>();
    expect(still!.status).toBe(FGW_MANAGERS.includes(role) ? 'cancelled' : 'waiting');
  },
});
