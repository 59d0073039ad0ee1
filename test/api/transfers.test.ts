import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, registerUser, signedIn, PHONES } from '../helpers';
import { addDays, chinaDay } from '../../shared/china-time';
import { createDb } from '../../db/client';
import { memberDays, membersAt } from '../../db/queries/people';

/* Membership periods, 组织关系转接, and moving, renaming and archiving units (issue #14 part 2). */

const yesterday = () => addDays(chinaDay(), -1);
/** The end of yesterday in China, as the metrics' `to`. */
const endOfYesterday = () => new Date(Date.parse(`${yesterday()}T23:59:59+08:00`)).toISOString();
const one = <T>(q: string, ...binds: unknown[]) =>
  env.DB.prepare(q)
    .bind(...binds)
    .first<T>();

describe('transfers keep history', () => {
  it('moves entry, member row and period in one batch; a past period still counts the member where they were', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const metrics = async (unit: string, past: boolean) =>
      (await org.get(`/api/v1/org-units/${unit}/metrics${past ? `?to=${encodeURIComponent(endOfYesterday())}` : ''}`)).body.members as number;
    const before = {
      b1: await metrics('fgw-b1', false),
      b1Past: await metrics('fgw-b1', true),
      b2: await metrics('fgw-b2', false),
      b2Past: await metrics('fgw-b2', true),
    };
    expect(before.b1Past).toBe(before.b1); // the periods agree with the member rows

    const r = await org.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m005', toOrgUnitId: 'fgw-b2', reason: '工作调动' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.transfer).toEqual({ rosterId: 'roster-user-m005', fromOrgUnitId: 'fgw-b1', toOrgUnitId: 'fgw-b2', day: chinaDay() });
    expect(r.body.member).toMatchObject({ orgUnitId: 'fgw-b2', orgUnitName: '第二党支部', registered: true });
    expect(await one("SELECT org_unit_id, org_path FROM memberships WHERE user_id = 'user-m005' AND role = 'member'")).toEqual({
      org_unit_id: 'fgw-b2',
      org_path: '/root/fgw/fgw-b2/',
    });
    const periods = await org.get('/api/v1/roster/roster-user-m005/periods');
    expect(periods.body.items).toEqual([
      expect.objectContaining({ orgUnitId: 'fgw-b1', toDay: chinaDay(), reason: 'backfill' }),
      expect.objectContaining({ orgUnitId: 'fgw-b2', fromDay: chinaDay(), toDay: null, reason: 'transfer', note: '工作调动' }),
    ]);
    const audit = await one<{ detail: string; actor_id: string }>(
      "SELECT detail, actor_id FROM audit_log WHERE action = 'roster.transfer' AND entity_id = 'roster-user-m005'",
    );
    expect(audit!.actor_id).toBe('user-org-fgw');
    expect(JSON.parse(audit!.detail)).toMatchObject({ from: { id: 'fgw-b1' }, to: { id: 'fgw-b2' }, reason: '工作调动' });

    // today: moved; yesterday (a past period): where they were then
    expect(await metrics('fgw-b1', false)).toBe(before.b1 - 1);
    expect(await metrics('fgw-b2', false)).toBe(before.b2 + 1);
    expect(await metrics('fgw-b1', true)).toBe(before.b1Past);
    expect(await metrics('fgw-b2', true)).toBe(before.b2Past);
    // the parent counts them either way
    const fgw = await org.get(`/api/v1/org-units/fgw/metrics?to=${encodeURIComponent(endOfYesterday())}`);
    expect(fgw.body.units.find((u: { orgUnitId: string }) => u.orgUnitId === 'fgw-b1').members).toBe(before.b1Past);

    // the query helper reports use: by day, and member-days over a range
    const db = createDb(env.DB);
    expect((await membersAt(db, '/root/fgw/fgw-b1/', yesterday())) - (await membersAt(db, '/root/fgw/fgw-b1/', chinaDay()))).toBe(1);
    expect(await membersAt(db, '/root/fgw/', chinaDay(), { post: 'secretary' })).toBeGreaterThanOrEqual(3);
    const days = await memberDays(db, '/root/fgw/fgw-b2/', addDays(chinaDay(), -1), chinaDay());
    const people = await membersAt(db, '/root/fgw/fgw-b2/', yesterday());
    expect(days).toBe(people * 2 + 1); // everyone both days, plus the newcomer's one
  });

  it('refuses the same unit (422), an entry of another unit, and a target outside the actor’s reach (403), changing nothing', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const same = await org.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m006', toOrgUnitId: 'fgw-b1', reason: '调动' });
    expect(same.status).toBe(422);
    expect(same.body.error.reason).toBe('transfer_same_unit');
    const outside = await org.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m006', toOrgUnitId: 'jyj-b1', reason: '调动' });
    expect(outside.status).toBe(403);
    expect(outside.body.error.reason).toBe('transfer_outside');
    expect(outside.body.error.fields.toOrgUnitId).toContain('共同的上级组织');
    const notHere = await org.post('/api/v1/org-units/fgw-b2/transfers', { rosterId: 'roster-user-m006', toOrgUnitId: 'fgw-b3', reason: '调动' });
    expect(notHere.status).toBe(400);
    expect(notHere.body.error.fields.rosterId).toBeTruthy();
    expect((await org.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m006', toOrgUnitId: 'fgw-b2', reason: '' })).status).toBe(400);
    expect(await one("SELECT org_unit_id FROM roster_entries WHERE id = 'roster-user-m006'")).toEqual({ org_unit_id: 'fgw-b1' });
    expect((await one<{ n: number }>("SELECT COUNT(*) AS n FROM membership_periods WHERE roster_id = 'roster-user-m006'"))!.n).toBe(1);

    // an organizer of a common ancestor moves across 机关党委
    const root = await signedIn(PHONES.rootOrganizer);
    const across = await root.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m006', toOrgUnitId: 'jyj-b1', reason: '交流任职' });
    expect(across.status).toBe(201);
  });

  it('two parallel transfers of one person: one wins, one period is open', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const [a, b] = await Promise.all([
      root.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m007', toOrgUnitId: 'fgw-b2', reason: '甲' }),
      root.post('/api/v1/org-units/fgw-b1/transfers', { rosterId: 'roster-user-m007', toOrgUnitId: 'fgw-b3', reason: '乙' }),
    ]);
    // the loser read the entry before or after the winner wrote: 409 (raced) or 400 (no longer in fgw-b1)
    expect([a.status, b.status].filter((s) => s !== 201).every((s) => s === 409 || s === 400)).toBe(true);
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1);
    expect((await one<{ n: number }>("SELECT COUNT(*) AS n FROM membership_periods WHERE roster_id = 'roster-user-m007' AND to_day IS NULL"))!.n).toBe(1);
  });

  it('a person listed before registering is counted once they register (their periods learn the account)', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const phone = freshPhone();
    await org.call('POST', '/api/v1/org-units/fgw-b3/roster', `姓名,手机号\n后注册,${phone}\n`, { 'content-type': 'text/csv' });
    const u = client({ ip: '10.77.0.1' });
    expect((await registerUser(u, { phone, name: '后注册', password: 'secret-pass' })).status).toBe(201);
    const period = await one<{ user_id: string }>(
      'SELECT p.user_id FROM membership_periods p JOIN roster_entries r ON r.id = p.roster_id WHERE r.phone = ?',
      phone,
    );
    expect(period!.user_id).toBe((await u.get('/api/v1/me')).body.user.id);
  });
});

describe('moving, renaming and archiving units', () => {
  it('moves a unit with its subtree: paths, depths and every org_path copy in one batch', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const unit = (await root.post('/api/v1/org-units', { parentId: 'fgw', name: '待迁移党总支', kind: 'general_branch' })).body.orgUnit;
    const child = (await root.post('/api/v1/org-units', { parentId: unit.id, name: '待迁移支部', kind: 'branch' })).body.orgUnit;
    const phone = freshPhone();
    await root.call('POST', `/api/v1/org-units/${child.id}/roster`, `姓名,手机号\n随迁,${phone}\n`, { 'content-type': 'text/csv' });
    await env.DB.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, type, points, occurred_at) VALUES ('mv-ev', NULL, ?, ?, 'quiz_attempt', 3, ?)",
    )
      .bind(child.id, `/root/fgw/${unit.id}/${child.id}/`, new Date().toISOString())
      .run();

    const r = await root.patch(`/api/v1/org-units/${unit.id}`, { parentId: 'jyj', name: '已迁移党总支' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.orgUnit).toMatchObject({ parentId: 'jyj', name: '已迁移党总支' });
    const newPath = `/root/jyj/${unit.id}/${child.id}/`;
    expect(await one('SELECT path, depth FROM org_units WHERE id = ?', child.id)).toEqual({ path: newPath, depth: 3 });
    expect(await one('SELECT org_path FROM membership_periods p JOIN roster_entries r ON r.id = p.roster_id WHERE r.phone = ?', phone)).toEqual({
      org_path: newPath,
    });
    expect(await one("SELECT org_path FROM activity_events WHERE id = 'mv-ev'")).toEqual({ org_path: newPath });
    expect((await one<{ n: number }>("SELECT COUNT(*) AS n FROM org_units WHERE path LIKE '/root/fgw/' || ? || '%'", unit.id))!.n).toBe(0);
    expect((await one<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'org_unit.move' AND entity_id = ?", unit.id))!.detail).toContain('jyj');
    // the jyj subtree's registry and metrics now hold them
    expect((await root.get(`/api/v1/org-units/jyj/members?q=${phone}`)).body.items).toHaveLength(1);
  });

  it('refuses moving the root, a unit under itself, outside the actor’s reach, and a taken name', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    const a = (await root.post('/api/v1/org-units', { parentId: 'fgw', name: '甲党总支', kind: 'general_branch' })).body.orgUnit;
    const b = (await root.post('/api/v1/org-units', { parentId: a.id, name: '乙支部', kind: 'branch' })).body.orgUnit;
    const rootMove = await root.patch('/api/v1/org-units/root', { parentId: 'fgw' });
    expect([rootMove.status, rootMove.body.error.reason]).toEqual([422, 'unit_move_root']);
    const cycle = await root.patch(`/api/v1/org-units/${a.id}`, { parentId: b.id });
    expect([cycle.status, cycle.body.error.reason]).toEqual([422, 'unit_move_cycle']);
    expect((await root.patch(`/api/v1/org-units/${a.id}`, { parentId: a.id })).status).toBe(422);
    const outside = await fgwOrg.patch(`/api/v1/org-units/${a.id}`, { parentId: 'jyj' });
    expect([outside.status, outside.body.error.reason]).toEqual([403, 'unit_move_outside']);
    const taken = await root.patch(`/api/v1/org-units/${a.id}`, { name: '第一党支部' });
    expect(taken.status).toBe(409);
    expect(await one('SELECT name, parent_id FROM org_units WHERE id = ?', a.id)).toEqual({ name: '甲党总支', parent_id: 'fgw' });
    const renamed = await fgwOrg.patch(`/api/v1/org-units/${b.id}`, { name: '乙党支部' });
    expect(renamed.body.orgUnit.name).toBe('乙党支部');
  });

  it('archives an empty unit (gone from the tree), and says why a unit that is not empty stays', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const u = (await org.post('/api/v1/org-units', { parentId: 'fgw', name: '临时党支部', kind: 'branch' })).body.orgUnit;
    const sub = (await org.post('/api/v1/org-units', { parentId: u.id, name: '临时小组', kind: 'branch' })).body.orgUnit;
    const withChild = await org.post(`/api/v1/org-units/${u.id}/archive`);
    expect([withChild.status, withChild.body.error.reason]).toEqual([409, 'unit_has_children']);
    await org.call('POST', `/api/v1/org-units/${sub.id}/roster`, `姓名,手机号\n临时,${freshPhone()}\n`, { 'content-type': 'text/csv' });
    const withMembers = await org.post(`/api/v1/org-units/${sub.id}/archive`);
    expect([withMembers.status, withMembers.body.error.reason]).toEqual([409, 'unit_has_members']);
    const rosterId = (await org.get(`/api/v1/org-units/${sub.id}/members`)).body.items[0].rosterId;
    expect((await org.post(`/api/v1/org-units/${sub.id}/transfers`, { rosterId, toOrgUnitId: 'fgw-b1', reason: '撤销小组' })).status).toBe(201);
    expect((await org.post(`/api/v1/org-units/${sub.id}/archive`)).status).toBe(200);
    expect((await org.post(`/api/v1/org-units/${u.id}/archive`)).status).toBe(200);
    const tree = await client().get('/api/v1/org-units');
    expect(tree.body.items.some((x: { id: string }) => x.id === u.id || x.id === sub.id)).toBe(false);
    // archived: not a target, not a parent, not there
    expect((await org.post('/api/v1/org-units/fgw-b1/transfers', { rosterId, toOrgUnitId: sub.id, reason: '回' })).status).toBe(400);
    expect((await org.post('/api/v1/org-units', { parentId: u.id, name: '新', kind: 'branch' })).status).toBe(400);
    expect((await org.post(`/api/v1/org-units/${u.id}/archive`)).status).toBe(404);
    const rootArchive = await (await signedIn(PHONES.rootOrganizer)).post('/api/v1/org-units/root/archive');
    expect([rootArchive.status, rootArchive.body.error.reason]).toEqual([422, 'unit_archive_root']);
    const live = await org.post('/api/v1/org-units/fgw/archive');
    expect(live.status).toBe(409);
  });
});
