import { describe, expect, it } from 'vitest';
import { client, signedIn, inOneDay, PHONES, type Client } from '../helpers';

/*
 * The role × subtree matrix for campaigns: public, member, organizer of another subtree,
 * organizer of the subtree, organizer of the root, platform admin. The target is a
 * campaign of the fgw subtree.
 */
type Actor = 'public' | 'member' | 'otherOrganizer' | 'organizer' | 'rootOrganizer' | 'admin';
const actors: Record<Actor, () => Promise<Client>> = {
  public: async () => client(),
  member: () => signedIn(PHONES.fgwMember),
  otherOrganizer: async () => {
    // the jyj member, made organizer of the jyj subtree only
    const { env } = await import('cloudflare:workers');
    await env.DB.prepare("INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ('ms-jyj-org', 'user-member-jyj', 'jyj', '/root/jyj/', 'organizer', '2026-01-01T00:00:00Z')").run();
    return signedIn(PHONES.jyjMember);
  },
  organizer: () => signedIn(PHONES.fgwOrganizer),
  rootOrganizer: () => signedIn(PHONES.rootOrganizer),
  admin: () => signedIn(PHONES.admin),
};
const managers: Actor[] = ['organizer', 'rootOrganizer', 'admin'];
const expectFor = (a: Actor, ok: number) => (managers.includes(a) ? ok : a === 'public' ? 401 : 403);

async function freshDraft() {
  const org = await signedIn(PHONES.fgwOrganizer);
  return (await org.post('/api/v1/campaigns', { kind: 'contest', title: '矩阵测试', orgUnitId: 'fgw-b1', ...inOneDay() })).body.campaign as { id: string };
}

describe('campaigns authorization matrix', () => {
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: create in fgw subtree`, async () => {
      const c = await actors[actor]();
      const r = await c.post('/api/v1/campaigns', { kind: 'quiz', title: '权限', orgUnitId: 'fgw-b2', ...inOneDay() });
      expect(r.status).toBe(expectFor(actor, 201));
    });

    it(`${actor}: see, edit, publish and close an fgw campaign`, async () => {
      const d = await freshDraft();
      const c = await actors[actor]();
      // a draft is invisible (404) to anyone who may not manage it
      const seen = await c.get(`/api/v1/campaigns/${d.id}`);
      expect(seen.status).toBe(managers.includes(actor) ? 200 : 404);
      expect((await c.patch(`/api/v1/campaigns/${d.id}`, { title: '改' })).status).toBe(managers.includes(actor) ? 200 : 404);
      expect((await c.post(`/api/v1/campaigns/${d.id}/publish`)).status).toBe(managers.includes(actor) ? 200 : 404);
      if (!managers.includes(actor)) {
        // once published, outsiders see it but still may not change it
        await (await signedIn(PHONES.fgwOrganizer)).post(`/api/v1/campaigns/${d.id}/publish`);
        expect((await c.get(`/api/v1/campaigns/${d.id}`)).status).toBe(200);
        expect((await c.get(`/api/v1/campaigns/${d.id}`)).body.campaign.canManage).toBe(false);
        expect((await c.patch(`/api/v1/campaigns/${d.id}`, { title: '改' })).status).toBe(expectFor(actor, 200));
      }
      expect((await c.post(`/api/v1/campaigns/${d.id}/close`)).status).toBe(expectFor(actor, 200));
    });

    it(`${actor}: managed list shows only campaigns they manage`, async () => {
      await freshDraft();
      const c = await actors[actor]();
      const r = await c.get('/api/v1/campaigns?managed=true&limit=100');
      if (actor === 'public') return void expect(r.status).toBe(401);
      const drafts = r.body.items.filter((x: { status: string }) => x.status === 'draft');
      if (managers.includes(actor)) expect(drafts.length).toBeGreaterThan(0);
      else expect(drafts).toEqual([]);
      expect(r.body.items.every((x: { canManage: boolean }) => x.canManage)).toBe(true);
    });
  }

  it('an organizer cannot create a campaign in another subtree by naming its unit', async () => {
    const c = await signedIn(PHONES.fgwOrganizer);
    expect((await c.post('/api/v1/campaigns', { kind: 'quiz', title: 'x', orgUnitId: 'jyj', ...inOneDay() })).status).toBe(403);
    expect((await c.post('/api/v1/campaigns', { kind: 'quiz', title: 'x', orgUnitId: 'root', ...inOneDay() })).status).toBe(403);
  });
});
