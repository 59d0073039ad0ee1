import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES, type Client } from '../helpers';

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
  await v.post('/api/v1/auth/register', { phone: freshPhone(), password: 'secret-pass', name: '观众' });
  const booking = (await v.post(`/api/v1/campaigns/${id}/bookings`, { slotId: slot, partySize: 1, name: '观众', phone: '13912345678' })).body.booking;
  return { id, slot, booking };
}

describe('exhibitions authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: slots, group booking, bookings list, check-in, cancel, statistics`, async () => {
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
    });
  }
});
