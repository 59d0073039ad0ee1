import { describe, expect, it } from 'vitest';
import { client, signedIn, PHONES, type Client } from '../helpers';

/* The role × subtree matrix for the org tree: target is the fgw subtree. */
type Actor = 'public' | 'member' | 'otherOrganizer' | 'organizer' | 'rootOrganizer' | 'admin';
const actors: Record<Actor, () => Promise<Client>> = {
  public: async () => client(),
  member: () => signedIn(PHONES.fgwMember),
  otherOrganizer: async () => {
    const { env } = await import('cloudflare:workers');
    await env.DB.prepare("INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ('ms-jyj-org', 'user-member-jyj', 'jyj', '/root/jyj/', 'organizer', '2026-01-01T00:00:00Z')").run();
    return signedIn(PHONES.jyjMember);
  },
  organizer: () => signedIn(PHONES.fgwOrganizer),
  rootOrganizer: () => signedIn(PHONES.rootOrganizer),
  admin: () => signedIn(PHONES.admin),
};
const allowed = (a: Actor) => ['organizer', 'rootOrganizer', 'admin'].includes(a);
const denied = (a: Actor) => (a === 'public' ? 401 : 403);

describe('org tree authorization matrix', () => {
  let n = 0;
  for (const actor of Object.keys(actors) as Actor[]) {
    it(`${actor}: add a unit, import a roster, read roster and metrics in fgw`, async () => {
      const c = await actors[actor]();
      const add = await c.post('/api/v1/org-units', { parentId: 'fgw-b1', name: `矩阵小组${actor}${n++}`, kind: 'branch' });
      expect(add.status).toBe(allowed(actor) ? 201 : denied(actor));
      const roster = await c.call('POST', '/api/v1/org-units/fgw-b1/roster?dryRun=true', '姓名,手机号\n张三,13655550001\n', { 'content-type': 'text/csv' });
      expect(roster.status).toBe(allowed(actor) ? 200 : denied(actor));
      expect((await c.get('/api/v1/org-units/fgw-b1/roster')).status).toBe(allowed(actor) ? 200 : denied(actor));
      expect((await c.get('/api/v1/org-units/fgw/metrics')).status).toBe(allowed(actor) ? 200 : denied(actor));
      expect((await c.get('/api/v1/org-units/fgw/todo')).status).toBe(allowed(actor) ? 200 : denied(actor));
    });
  }

  it('the fgw organizer cannot reach above or beside the subtree', async () => {
    const c = await signedIn(PHONES.fgwOrganizer);
    expect((await c.get('/api/v1/org-units/root/metrics')).status).toBe(403);
    expect((await c.get('/api/v1/org-units/jyj/metrics')).status).toBe(403);
    expect((await c.get('/api/v1/org-units/root/todo')).status).toBe(403);
    expect((await c.post('/api/v1/org-units', { parentId: 'root', name: '越权', kind: 'party_committee' })).status).toBe(403);
    expect((await c.call('POST', '/api/v1/org-units/jyj-b1/roster', '姓名,手机号\n张三,13655550002\n', { 'content-type': 'text/csv' })).status).toBe(403);
  });

  it('a member sees only their own account and activity', async () => {
    const c = await signedIn(PHONES.fgwMember);
    const me = await c.get('/api/v1/me');
    expect(me.body.memberships.every((m: { role: string }) => m.role === 'member')).toBe(true);
    const act = await c.get('/api/v1/me/activity?limit=100');
    expect(act.status).toBe(200);
  });
});
