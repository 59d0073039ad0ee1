import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, PHONES, registerUser, signedIn, type Client } from '../helpers';
import { snapshot } from './roles';

/*
 * Roles (API.md "People, roles and the member registry"): organizers appoint and remove
 * organizers of units below them, 检票员 and 审核员; each right is exactly as wide as it says.
 */

const iso = (ms: number) => new Date(ms).toISOString();
/** A campaign of fgw to create, from `startsAt` to a day from now (a day ago: already running). */
const fgwCampaign = (kind: string, title: string, startsAt = Date.now()) => ({
  kind,
  title,
  orgUnitId: 'fgw',
  startsAt: iso(startsAt),
  endsAt: iso(Date.now() + 864e5),
});
let ipN = 0;
const ip = () => `10.71.${ipN >> 8}.${ipN++ & 255}`;

async function userIdOf(phone: string) {
  return (await env.DB.prepare('SELECT id FROM users WHERE phone = ?').bind(phone).first<{ id: string }>())!.id;
}

/** A registered person on the roster of `unit` (the organizer imports them first, then they register). */
async function rosterPerson(org: Client, unit: string, name: string) {
  const phone = freshPhone();
  const r = await org.post(`/api/v1/org-units/${unit}/roster`, `姓名,手机号\n${name},${phone}\n`, { 'content-type': 'text/csv' });
  expect(r.status, r.text).toBe(200);
  const c = client({ ip: ip() });
  expect((await registerUser(c, { phone, name, password: 'role-pass-123' })).status).toBe(201);
  return { phone, id: await userIdOf(phone), c };
}

async function auditCount(action: string) {
  return (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').bind(action).first<{ n: number }>())!.n;
}

describe('appointing and removing roles', () => {
  it('an organizer appoints a 检票员 from their roster; listed with the full phone, audited, and once only', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const before = await auditCount('role.appoint');
    const r = await org.post('/api/v1/org-units/fgw/roles', { phone: PHONES.fgwMember, role: 'gate_staff' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.holder).toMatchObject({ name: '王晓燕', phone: PHONES.fgwMember, orgUnitId: 'fgw', role: 'gate_staff' });
    const list = await org.get('/api/v1/org-units/fgw/roles');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ userId: r.body.holder.userId, role: 'gate_staff', orgUnitName: '市发展和改革委员会机关党委' }),
    );
    expect(list.body.items).toContainEqual(expect.objectContaining({ role: 'organizer', phone: PHONES.fgwOrganizer }));
    expect(await auditCount('role.appoint')).toBe(before + 1);
    const row = await env.DB.prepare("SELECT actor_id, org_unit_id, detail FROM audit_log WHERE action = 'role.appoint' ORDER BY at DESC LIMIT 1").first<{
      actor_id: string;
      org_unit_id: string;
      detail: string;
    }>();
    expect(row).toMatchObject({ actor_id: 'user-org-fgw', org_unit_id: 'fgw' });
    expect(JSON.parse(row!.detail)).toMatchObject({ role: 'gate_staff', name: '王晓燕' });
    // again: 409, nothing written
    const snap = await snapshot();
    const again = await org.post('/api/v1/org-units/fgw/roles', { phone: PHONES.fgwMember, role: 'gate_staff' });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('role_held');
    expect(await snapshot()).toBe(snap);
  });

  it('someone not on a roster of the subtree, or not registered, is refused naming the field; nothing changes', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const snap = await snapshot();
    for (const phone of [freshPhone(), PHONES.jyjMember]) {
      const r = await org.post('/api/v1/org-units/fgw-b1/roles', { phone, role: 'reviewer' });
      expect(r.status, r.text).toBe(422);
      expect(r.body.error.reason).toBe('role_not_on_roster');
      expect(r.body.error.fields.phone).toMatch(/名册/);
    }
    expect(await snapshot()).toBe(snap);
    const phone = freshPhone();
    await org.post('/api/v1/org-units/fgw-b1/roster', `姓名,手机号\n未注册者,${phone}\n`, { 'content-type': 'text/csv' });
    const r = await org.post('/api/v1/org-units/fgw-b1/roles', { phone, role: 'reviewer' });
    expect(r.status).toBe(422);
    expect(r.body.error.reason).toBe('role_not_registered');
    expect(r.body.error.message).toContain('未注册者');
    const en = await signedIn(PHONES.fgwOrganizer, { lang: 'en' });
    expect((await en.post('/api/v1/org-units/fgw-b1/roles', { phone, role: 'reviewer' })).body.error.message).toMatch(/not registered/);
    const bad = await org.post('/api/v1/org-units/fgw-b1/roles', { phone, role: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.role).toBeTruthy();
  });

  it('organizers of a unit are appointed by the parent’s organizers, not by themselves', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const p = await rosterPerson(fgw, 'fgw-b1', '支部书记');
    const ok = await fgw.post('/api/v1/org-units/fgw-b1/roles', { phone: p.phone, role: 'organizer' });
    expect(ok.status, ok.text).toBe(201);
    // the new organizer manages fgw-b1 at once, and cannot make a peer of fgw
    expect((await p.c.get('/api/v1/org-units/fgw-b1/roles')).status).toBe(200);
    expect((await p.c.get('/api/v1/org-units/fgw/roles')).status).toBe(403);
    expect((await fgw.post('/api/v1/org-units/fgw/roles', { phone: p.phone, role: 'organizer' })).status).toBe(403);
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.post('/api/v1/org-units/fgw/roles', { phone: p.phone, role: 'organizer' })).status).toBe(201);
    // removal: the same people; then the rights are gone with the next request
    expect((await fgw.call('DELETE', `/api/v1/org-units/fgw-b1/roles/${p.id}/organizer`)).status).toBe(204);
    expect((await root.call('DELETE', `/api/v1/org-units/fgw/roles/${p.id}/organizer`)).status).toBe(204);
    expect((await p.c.get('/api/v1/org-units/fgw-b1/roles')).status).toBe(403);
    const gone = await fgw.call('DELETE', `/api/v1/org-units/fgw-b1/roles/${p.id}/organizer`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.reason).toBe('role_missing');
    expect(await auditCount('role.remove')).toBeGreaterThanOrEqual(2);
  });

  it('the last organizer of the root cannot be removed, even by two organizers removing each other at once', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const p = await rosterPerson(root, 'jyj-b1', '新任管理员');
    expect((await root.post('/api/v1/org-units/root/roles', { phone: p.phone, role: 'organizer' })).status).toBe(201);
    // leave only organizers at the root: the admin's membership goes for this test
    await env.DB.prepare("DELETE FROM memberships WHERE org_unit_id = 'root' AND role = 'admin'").run();
    const me = await userIdOf(PHONES.rootOrganizer);
    const [a, b] = await Promise.all([
      root.call('DELETE', `/api/v1/org-units/root/roles/${p.id}/organizer`),
      p.c.call('DELETE', `/api/v1/org-units/root/roles/${me}/organizer`),
    ]);
    // one goes through; the other finds itself the last (409) or, if it read its rights after
    // the first removal, no longer an organizer (403): either way one organizer stays
    expect([a.status, b.status].filter((s) => s === 204)).toHaveLength(1);
    expect([a.status, b.status].filter((s) => s === 409 || s === 403)).toHaveLength(1);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM memberships WHERE org_unit_id = 'root' AND role IN ('organizer', 'admin')").first<{
      n: number;
    }>();
    expect(left!.n).toBe(1);
    // the one left cannot remove themselves either; nothing changes
    const last = a.status === 204 ? root : p.c;
    const lastId = a.status === 204 ? me : p.id;
    const snap = await snapshot();
    const refused = await last.call('DELETE', `/api/v1/org-units/root/roles/${lastId}/organizer`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('role_last_organizer');
    expect(await snapshot()).toBe(snap);
  });
});

describe('narrow roles', () => {
  it('a 检票员 checks visitors in at the unit’s exhibitions and nothing else of the console', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const staff = await rosterPerson(org, 'fgw-b2', '检票员甲');
    expect((await org.post('/api/v1/org-units/fgw/roles', { phone: staff.phone, role: 'gate_staff' })).status).toBe(201);
    const id = (await org.post('/api/v1/campaigns', fgwCampaign('exhibition', '检票测试展', Date.now() - 864e5))).body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    await org.post(`/api/v1/campaigns/${id}/slots`, { startsAt: iso(Date.now() - 60e3), endsAt: iso(Date.now() + 3600e3), capacity: 20 });
    const slot = (await client().get(`/api/v1/campaigns/${id}/slots`)).body.items[0].id as string;
    const visitor = client({ ip: ip() });
    await registerUser(visitor, { phone: freshPhone(), name: '参观者', password: 'visit-pass-1' });
    const booking = (await visitor.post(`/api/v1/campaigns/${id}/bookings`, { slotId: slot, partySize: 1, name: '参观者', phone: '13912340000' })).body.booking;
    const me = (await staff.c.get('/api/v1/me')).body;
    expect(me.memberships).toContainEqual(expect.objectContaining({ orgUnitId: 'fgw', role: 'gate_staff' }));
    expect((await staff.c.get(`/api/v1/bookings/${booking.code}`)).status).toBe(200);
    const r = await staff.c.post(`/api/v1/bookings/${booking.code}/check-in`, { campaignId: id });
    expect(r.status, r.text).toBe(200);
    expect(r.body.outcome).toBe('checked_in');
    // nothing else: bookings list, statistics, slots, campaigns, the org tree
    expect((await staff.c.get(`/api/v1/campaigns/${id}/bookings`)).status).toBe(403);
    expect(
      (await staff.c.post(`/api/v1/campaigns/${id}/slots`, { startsAt: iso(Date.now() + 864e5), endsAt: iso(Date.now() + 865e5), capacity: 1 })).status,
    ).toBe(403);
    expect((await staff.c.patch(`/api/v1/campaigns/${id}`, { title: '改名' })).status).toBe(403);
    expect((await staff.c.post('/api/v1/campaigns', fgwCampaign('exhibition', '越权'))).status).toBe(403);
    expect((await staff.c.get('/api/v1/org-units/fgw/metrics')).status).toBe(403);
    expect((await staff.c.post(`/api/v1/bookings/${booking.id}/cancel`)).status).not.toBe(200);
    // and not at the root's exhibition, above their unit
    const rootBooking = await env.DB.prepare("SELECT code FROM bookings WHERE campaign_id = 'camp-exhibition' LIMIT 1").first<{ code: string }>();
    expect((await staff.c.post(`/api/v1/bookings/${rootBooking!.code}/check-in`, { campaignId: 'camp-exhibition' })).status).toBe(403);
  });

  it('a 审核员 approves service records and contest entries in their subtree, and cannot create campaigns', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const reviewer = await rosterPerson(org, 'fgw-b1', '审核员乙');
    expect((await org.post('/api/v1/org-units/fgw/roles', { phone: reviewer.phone, role: 'reviewer' })).status).toBe(201);
    const member = await signedIn(PHONES.fgwMember);
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    const rec = await member.post('/api/v1/campaigns/camp-volunteer/service-records', { date: today, hours: 1, description: '社区服务' });
    expect(rec.status, rec.text).toBe(201);
    const queue = await reviewer.c.get('/api/v1/campaigns/camp-volunteer/service-records?status=pending');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(rec.body.record.id);
    const ok = await reviewer.c.post(`/api/v1/service-records/${rec.body.record.id}/approve`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.record.status).toBe('approved');
    // a jyj member's record is outside their subtree
    const jyj = await signedIn(PHONES.jyjMember);
    const other = await jyj.post('/api/v1/campaigns/camp-volunteer/service-records', { date: today, hours: 1, description: '社区服务' });
    expect((await reviewer.c.post(`/api/v1/service-records/${other.body.record.id}/approve`)).status).toBe(403);
    // contest entries of a contest of their unit
    const cid = (await org.post('/api/v1/campaigns', fgwCampaign('contest', '审核测试赛', Date.now() - 864e5))).body.campaign.id as string;
    expect((await org.post(`/api/v1/campaigns/${cid}/publish`)).status).toBe(200);
    const entry = await env.DB.prepare("SELECT * FROM contest_entries WHERE campaign_id = 'camp-contest' LIMIT 1").first<Record<string, unknown>>();
    const entryId = `rev-entry-${Date.now()}`;
    await env.DB.prepare(
      "INSERT INTO contest_entries (id, campaign_id, user_id, org_unit_id, upload_id, category, title, description, author_name, status, image_key, content_type, width, height, bytes, sha256, created_at) VALUES (?, ?, 'user-member-fgw', 'fgw-b1', ?, ?, '待审作品', '', '王晓燕', 'pending', ?, 'image/jpeg', 10, 10, 100, ?, ?)",
    )
      .bind(entryId, cid, `up-${entryId}`, entry!.category, `k-${entryId}`, `sha-${entryId}`, iso(Date.now()))
      .run();
    const list = await reviewer.c.get(`/api/v1/campaigns/${cid}/entries?status=pending`);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(entryId);
    const reviewed = await reviewer.c.post(`/api/v1/entries/${entryId}/review`, { decision: 'approve' });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect((await reviewer.c.post('/api/v1/entries/' + String(entry!.id) + '/review', { decision: 'reject', reason: '越权' })).status).toBe(403);
    // organizer-only things stay closed
    expect((await reviewer.c.post('/api/v1/campaigns', fgwCampaign('quiz', '越权'))).status).toBe(403);
    expect((await reviewer.c.get('/api/v1/org-units/fgw/roles')).status).toBe(403);
    expect((await reviewer.c.get('/api/v1/campaigns/camp-volunteer/service-records/export')).status).toBe(403);
  });
});
