import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES, type Client, registerUser } from '../helpers';

/* Role × subtree matrix for an exhibition of the fgw subtree. */
type Actor = 'public' | 'member' | 'otherOrganizer' | 'organizer' | 'rootOrganizer' | 'admin';
const actors: Record<Actor, () => Promise<Client>> = {
  public: async () => client(),
  member: () => signedIn(PHONES.fgwMember),
  otherOrganizer: async () => {
    await env.DB.prepare("INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ('ms-jyj-org', 'user-member-jyj', 'jyj', '/root/jyj/', 'organizer', '2026-01-01T00:00:00Z')").run();
    return signedIn(PHONES.jyjMember);
  },
  organizer: () => signedIn(PHONES.fgwOrganizer),
  rootOrganizer: () => signedIn(PHONES.rootOrganizer),
  admin: () => signedIn(PHONES.admin),
};
const manages = (a: Actor) => ['organizer', 'rootOrganizer', 'admin'].includes(a);
const denied = (a: Actor) => (a === 'public' ? 401 : 403);

async function fixture() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const id = (await org.post('/api/v1/campaigns', { kind: 'exhibition', title: '矩阵展览', orgUnitId: 'fgw', startsAt: new Date(Date.now() - 864e5).toISOString(), endsAt: new Date(Date.now() + 864e5).toISOString() })).body.campaign.id as string;
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

describe('exhibitions authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: slots, group booking, bookings list, check-in, cancel, statistics, waiting lists`, async () => {
      const f = await fixture();
      const c = await actors[actor]();
      const want = (ok: number) => (manages(actor) ? ok : denied(actor));
      expect((await c.post(`/api/v1/campaigns/${f.id}/slots`, { startsAt: new Date(Date.now() + 864e5).toISOString(), endsAt: new Date(Date.now() + 864e5 + 3600e3).toISOString(), capacity: 5 })).status).toBe(want(201));
      expect((await c.patch(`/api/v1/slots/${f.slot}`, { capacity: 60 })).status).toBe(want(200));
      expect((await c.post(`/api/v1/campaigns/${f.id}/group-bookings`, { slotId: f.slot, orgUnitId: 'fgw-b1', size: 2 })).status).toBe(want(201));
      expect((await c.get(`/api/v1/campaigns/${f.id}/bookings`)).status).toBe(want(200));
      expect((await c.get(`/api/v1/campaigns/${f.id}/visit-stats`)).status).toBe(want(200));
      expect((await c.post(`/api/v1/bookings/${f.booking.code}/check-in`, { campaignId: f.id })).status).toBe(want(200));
      // someone else's booking: only staff may see or cancel it
      expect((await c.get(`/api/v1/bookings/${f.booking.code}`)).status).toBe(actor === 'public' ? 401 : manages(actor) ? 200 : 404);
      expect((await c.get(`/api/v1/campaigns/${f.id}/slots`)).status).toBe(200);
      // 候补: everyone sees how many wait, never who; only the exhibition's organizers see the list
      const slots = await c.get(`/api/v1/campaigns/${f.id}/slots`);
      expect(slots.body.items.find((s: { id: string }) => s.id === f.full).waiting).toBe(1);
      expect(slots.text).not.toMatch(/欧阳|13987654321/);
      const list = await c.get(`/api/v1/slots/${f.full}/waitlist`);
      expect(list.status).toBe(want(200));
      if (manages(actor)) expect(list.body.items[0]).toMatchObject({ id: f.entry.id, name: '欧阳排队', phone: '13987654321', position: 1 });
      else expect(list.text).not.toMatch(/欧阳|13987654321/);
      // someone else's entry: hidden from all but staff, and only staff may take it off the list
      const other = actor === 'public' ? 401 : manages(actor) ? 200 : 404;
      const seen = await c.get(`/api/v1/waitlist/${f.entry.id}`);
      expect(seen.status).toBe(other);
      if (!manages(actor)) expect(seen.text).not.toMatch(/欧阳|13987654321/);
      expect((await c.get('/api/v1/me/waitlist')).text).not.toMatch(/欧阳|13987654321/);
      expect((await c.call('DELETE', `/api/v1/waitlist/${f.entry.id}`)).status).toBe(other);
      const still = await env.DB.prepare('SELECT status FROM slot_waitlist WHERE id = ?').bind(f.entry.id).first<{ status: string }>();
      expect(still!.status).toBe(manages(actor) ? 'cancelled' : 'waiting');
      // a cross-site write is refused before anything changes
      if (actor !== 'public') expect((await c.call('DELETE', `/api/v1/waitlist/${f.entry.id}`, undefined, { origin: 'https://evil.example' })).status).toBe(403);
    });
  }
});
