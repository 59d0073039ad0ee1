import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { utils, write } from '@e965/xlsx';
import { client, signedIn, PHONES, registerUser } from '../helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const csv = (text: string) => ({ 'content-type': 'text/csv; charset=utf-8', body: text });
const rosterCount = async (unit: string) =>
  (await env.DB.prepare('SELECT COUNT(*) n FROM roster_entries WHERE org_unit_id = ?').bind(unit).first<{ n: number }>())!.n;

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), '名册');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('org tree', () => {
  it('lists the tree publicly with direct and subtree member counts', async () => {
    const r = await client().get('/api/v1/org-units');
    expect(r.status).toBe(200);
    const byId = new Map(r.body.items.map((u: { id: string }) => [u.id, u]));
    const root = byId.get('root') as { parentId: null; subtreeMemberCount: number; kind: string };
    expect(root).toMatchObject({ parentId: null, name: '市直机关工委', kind: 'committee' });
    expect(root.subtreeMemberCount).toBeGreaterThanOrEqual(200);
    const fgw = byId.get('fgw') as { subtreeMemberCount: number };
    const fgwBranches = r.body.items.filter((u: { parentId: string }) => u.parentId === 'fgw');
    expect(fgw.subtreeMemberCount).toBe(fgwBranches.reduce((s: number, u: { memberCount: number }) => s + u.memberCount, 0));
    expect(r.body.items.filter((u: { kind: string }) => u.kind === 'party_committee').length).toBeGreaterThanOrEqual(3);
  });

  it('lets an organizer add a unit under their subtree, audit-logged; duplicates are 409', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const r = await org.post('/api/v1/org-units', { parentId: 'fgw-b1', name: '第一党小组', kind: 'branch' });
    expect(r.status).toBe(201);
    expect(r.body.orgUnit).toMatchObject({ parentId: 'fgw-b1', name: '第一党小组', memberCount: 0 });
    const row = await env.DB.prepare('SELECT path FROM org_units WHERE id = ?').bind(r.body.orgUnit.id).first<{ path: string }>();
    expect(row!.path).toBe(`/root/fgw/fgw-b1/${r.body.orgUnit.id}/`);
    const audit = await env.DB.prepare("SELECT actor_id FROM audit_log WHERE action = 'org_unit.create' AND entity_id = ?")
      .bind(r.body.orgUnit.id)
      .first<{ actor_id: string }>();
    expect(audit!.actor_id).toBe('user-org-fgw');
    const dup = await org.post('/api/v1/org-units', { parentId: 'fgw-b1', name: '第一党小组', kind: 'branch' });
    expect(dup.status).toBe(409);
    const bad = await org.post('/api/v1/org-units', { parentId: 'nope', name: 'x', kind: 'club' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['kind']);
    const missingParent = await org.post('/api/v1/org-units', { parentId: 'nope', name: 'x', kind: 'branch' });
    expect(missingParent.status).toBe(400);
    expect(missingParent.body.error.fields.parentId).toBeTruthy();
  });
});

describe('roster import', () => {
  it('imports CSV with BOM, keeps good rows, reports bad rows with row numbers, links existing accounts', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const before = await rosterCount('fgw-b3');
    // 13900000001 already has an account (a demo member of another unit, but not on any
    // roster of fgw-b3): it is on fgw-b1's roster, so that row is reported, not moved.
    const { body, ...h } = csv('\uFEFF姓名,手机号\n赵建国,13611110001\n钱秀英,138 1111 0002\n孙伟,12345\n,13611110004\n李娜,13611110001\n周敏,13900000001\n');
    const r = await org.call('POST', '/api/v1/org-units/fgw-b3/roster', body, h);
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(2);
    expect(r.body.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 6, 7]);
    expect(r.body.errors[0].message).toContain('12345');
    expect(r.body.errors[2].message).toContain('第 2 行');
    expect(r.body.errors[3].message).toContain('另一个组织');
    expect(await rosterCount('fgw-b3')).toBe(before + 2);
    // importing the same file again creates nothing new
    const again = await org.call('POST', '/api/v1/org-units/fgw-b3/roster', body, h);
    expect(again.body.created).toBe(0);
    expect(await rosterCount('fgw-b3')).toBe(before + 2);
  });

  it('links phones that already have an account: they become members at once', async () => {
    const phone = '13622220001';
    const user = client();
    await registerUser(user, { phone, password: 'secret-pass', name: '已注册' });
    expect((await user.get('/api/v1/me')).body.memberships).toEqual([]);
    const org = await signedIn(PHONES.fgwOrganizer);
    const { body, ...h } = csv(`name,phone\n已注册,${phone}\n新成员,13622220002\n`);
    const r = await org.call('POST', '/api/v1/org-units/fgw-b2/roster', body, h);
    expect(r.body).toMatchObject({ created: 2, linked: 1, errors: [] });
    expect((await user.get('/api/v1/me')).body.memberships).toEqual([expect.objectContaining({ orgUnitId: 'fgw-b2', role: 'member' })]);
  });

  it('imports an .xlsx roster and previews with dryRun without writing', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const file = xlsx([
      ['序号', '姓名', '手机号'],
      [1, '吴海燕', '13633330001'],
      [2, '郑磊', 13633330002],
      [3, '王芳', 'abc'],
    ]);
    const before = await rosterCount('jyj-b2');
    const dry = await org.call('POST', '/api/v1/org-units/jyj-b2/roster?dryRun=true', file, { 'content-type': XLSX });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ created: 2, dryRun: true });
    expect(dry.body.errors).toEqual([{ row: 4, message: expect.stringContaining('abc') }]);
    expect(await rosterCount('jyj-b2')).toBe(before);
    const real = await org.call('POST', '/api/v1/org-units/jyj-b2/roster', file, { 'content-type': XLSX });
    expect(real.body).toMatchObject({ created: 2, dryRun: false });
    expect(await rosterCount('jyj-b2')).toBe(before + 2);
  });

  it('rejects a wrong header, broken encoding, a fake .xlsx, an empty file and 50,000 rows, writing nothing', async () => {
    const org = await signedIn(PHONES.rootOrganizer, { lang: 'en' });
    const before = await rosterCount('czj-b1');
    const post = (body: string | Uint8Array, type: string) => org.call('POST', '/api/v1/org-units/czj-b1/roster', body, { 'content-type': type });

    let r = await post('名字,电话号\n张三,13644440001\n', 'text/csv');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('header');

    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x0a]); // 姓名,手机号 in GBK
    r = await post(gbk, 'text/csv');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('UTF-8');

    r = await post(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), XLSX);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('.xlsx');

    r = await post('not a spreadsheet at all', XLSX);
    expect(r.status).toBe(400);

    r = await post('', 'text/csv');
    expect(r.status).toBe(400);

    const big = '姓名,手机号\n' + Array.from({ length: 50000 }, (_, i) => `成员${i},136${String(50000000 + i)}`).join('\n');
    r = await post(big, 'text/csv');
    expect(r.status).toBe(413);
    expect(r.body.error.message).toContain('20000');
    expect(await rosterCount('czj-b1')).toBe(before);
  });

  it('lists a roster with masked phones for its organizer', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const r = await org.get('/api/v1/org-units/fgw-b1/roster?limit=5');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(5);
    expect(r.body.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(r.body.nextCursor).toBeTruthy();
  });
});

describe('metrics', () => {
  it('computes members, active members, participation and points of a subtree from activity events', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const from = '2099-01-01T00:00:00.000Z';
    const to = '2099-12-31T00:00:00.000Z';
    const empty = await org.get(`/api/v1/org-units/fgw/metrics?from=${from}&to=${to}`);
    expect(empty.status).toBe(200);
    const members = empty.body.members;
    expect(empty.body).toMatchObject({ orgUnitId: 'fgw', activeMembers: 0, participationRate: 0, points: 0, byKind: {} });
    const expected = (await env.DB.prepare("SELECT COUNT(DISTINCT user_id) n FROM memberships WHERE org_path LIKE '/root/fgw/%' AND role = 'member'").first<{
      n: number;
    }>())!.n;
    expect(members).toBe(expected);

    // Two members act (one twice); someone outside the subtree acts too and must not count.
    const ins = (id: string, user: string, unit: string, path: string, points: number, kind: string) =>
      env.DB.prepare(
        "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, ?, ?, 'camp-quiz', ?, 'quiz_attempt', ?, 1, '2099-06-01T00:00:00.000Z', ?)",
      ).bind(id, user, unit, path, kind, points, id);
    await env.DB.batch([
      ins('m1', 'user-member-fgw', 'fgw-b1', '/root/fgw/fgw-b1/', 3, 'quiz'),
      ins('m2', 'user-member-fgw', 'fgw-b1', '/root/fgw/fgw-b1/', 2, 'quiz'),
      ins('m3', 'user-m000', 'fgw-b1', '/root/fgw/fgw-b1/', 4, 'volunteer'),
      ins('m4', 'user-member-jyj', 'jyj-b1', '/root/jyj/jyj-b1/', 50, 'quiz'),
    ]);
    const r = await org.get(`/api/v1/org-units/fgw/metrics?from=${from}&to=${to}`);
    expect(r.body).toMatchObject({ members, activeMembers: 2, points: 9 });
    expect(r.body.participationRate).toBeCloseTo(2 / members, 4);
    expect(r.body.byKind.quiz).toEqual({ events: 2, activeMembers: 1, points: 5 });
    expect(r.body.byKind.volunteer).toEqual({ events: 1, activeMembers: 1, points: 4 });
    const branch = await org.get(`/api/v1/org-units/fgw-b2/metrics?from=${from}&to=${to}`);
    expect(branch.body.points).toBe(0);

    // each unit directly below, over its own subtree: which 党支部 lag behind
    const b1 = r.body.units.find((u: { orgUnitId: string }) => u.orgUnitId === 'fgw-b1');
    const b1Members = (await env.DB.prepare(
      "SELECT COUNT(DISTINCT user_id) n FROM memberships WHERE org_path LIKE '/root/fgw/fgw-b1/%' AND role = 'member'",
    ).first<{ n: number }>())!.n;
    expect(b1).toMatchObject({ name: expect.any(String), members: b1Members, activeMembers: 2, points: 9 });
    expect(b1.participationRate).toBeCloseTo(2 / b1Members, 4);
    const children = (await env.DB.prepare("SELECT id FROM org_units WHERE parent_id = 'fgw' ORDER BY path").all<{ id: string }>()).results.map((x) => x.id);
    expect(r.body.units.map((u: { orgUnitId: string }) => u.orgUnitId)).toEqual(children);
    expect(r.body.units.filter((u: { orgUnitId: string }) => u.orgUnitId !== 'fgw-b1').every((u: { points: number }) => u.points === 0)).toBe(true);
    expect(r.body.series).toBeUndefined();
  });

  it('draws a trend by China day or week, with the quiet days as zeros, and exports the table', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const ins = (id: string, user: string, at: string, points: number) =>
      env.DB.prepare(
        "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES (?, ?, 'fgw-b2', '/root/fgw/fgw-b2/', 'camp-quiz', 'quiz', 'quiz_attempt', ?, 1, ?, ?)",
      ).bind(id, user, points, at, id);
    const member = (await env.DB.prepare("SELECT user_id FROM memberships WHERE org_unit_id = 'fgw-b2' AND role = 'member' LIMIT 1").first<{
      user_id: string;
    }>())!.user_id;
    await env.DB.batch([
      // 2098-03-03 is a Monday; 23:30 UTC on the 2nd is already the 3rd in China
      ins('t1', member, '2098-03-02T23:30:00.000Z', 2),
      ins('t2', member, '2098-03-03T10:00:00.000Z', 3),
      ins('t3', 'user-m000', '2098-03-05T01:00:00.000Z', 1),
      ins('t4', member, '2098-03-10T01:00:00.000Z', 5),
    ]);
    const q = 'from=2098-03-02T16:00:00.000Z&to=2098-03-11T15:59:59.000Z';
    const days = await org.get(`/api/v1/org-units/fgw-b2/metrics?${q}&series=day`);
    expect(days.status).toBe(200);
    expect(days.body.series.map((p: { at: string }) => p.at)).toEqual(['03', '04', '05', '06', '07', '08', '09', '10', '11'].map((d) => `2098-03-${d}`));
    expect(days.body.series[0]).toEqual({ at: '2098-03-03', events: 2, activeMembers: 1, points: 5 });
    expect(days.body.series[1]).toEqual({ at: '2098-03-04', events: 0, activeMembers: 0, points: 0 });
    expect(days.body.series[7]).toMatchObject({ at: '2098-03-10', events: 1, points: 5 });
    const weeks = await org.get(`/api/v1/org-units/fgw-b2/metrics?${q}&series=week`);
    expect(weeks.body.series).toEqual([
      { at: '2098-03-03', events: 3, activeMembers: 1, points: 6 },
      { at: '2098-03-10', events: 1, activeMembers: 1, points: 5 },
    ]);
    expect((await org.get(`/api/v1/org-units/fgw-b2/metrics?${q}&series=month`)).status).toBe(400);

    const csv = await org.get(`/api/v1/org-units/fgw/metrics/export?${q}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.text as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"组织","党员人数","活跃人数","参与率","积分","统计期间"');
    expect(lines[1]).toMatch(/（合计）","\d+","\d+","[\d.]+%","11","2098-03-03 至 2098-03-11"$/);
    expect(lines.some((l) => l.includes('"11"') && !l.includes('合计'))).toBe(true);
    const xlsx = await org.get(`/api/v1/org-units/fgw/metrics/export?${q}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await (await signedIn(PHONES.fgwMember)).get('/api/v1/org-units/fgw/metrics/export')).status).toBe(403);
  });

  it('validates the period', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    expect((await org.get('/api/v1/org-units/fgw/metrics?from=yesterday')).status).toBe(400);
    const r = await org.get('/api/v1/org-units/fgw/metrics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(r.status).toBe(400);
    expect(r.body.error.fields.to).toBeTruthy();
  });
});

describe('to-do', () => {
  it('lists what waits under a subtree: works to review, receipts to verify, flagged attempts, drafts — and only there', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    // two works wait for review (the demo's are all reviewed)
    const entry = (id: string) =>
      env.DB.prepare(
        "INSERT INTO contest_entries (id, campaign_id, user_id, upload_id, category, title, author_name, status, image_key, content_type, width, height, bytes, sha256, created_at) VALUES (?, 'camp-contest', 'user-member-fgw', ?, '摄影', '待审作品', '王晓燕', 'pending', 'x', 'image/jpeg', 1, 1, 1, ?, '2026-01-01T00:00:00Z')",
      ).bind(id, id, id);
    await env.DB.batch([entry('todo-e1'), entry('todo-e2')]);
    const all = (await root.get('/api/v1/org-units/root/todo')).body.items as Array<{ what: string; campaignId: string; count: number }>;
    const count = (what: string, campaignId: string) => all.find((x) => x.what === what && x.campaignId === campaignId)?.count;
    const pendingEntries = (await env.DB.prepare("SELECT COUNT(*) n FROM contest_entries WHERE campaign_id = 'camp-contest' AND status = 'pending'").first<{
      n: number;
    }>())!.n;
    const receipts = (await env.DB.prepare("SELECT COUNT(*) n FROM pledges WHERE campaign_id = 'camp-drive' AND status = 'receipt_submitted'").first<{
      n: number;
    }>())!.n;
    expect(pendingEntries).toBeGreaterThan(0);
    expect(count('entries_pending', 'camp-contest')).toBe(pendingEntries);
    expect(count('receipts_pending', 'camp-drive')).toBe(receipts);
    expect(count('draft', 'camp-quiz-draft')).toBe(1);

    // a flagged attempt of this week shows; an old one does not
    const ins = (id: string, startedAt: string) =>
      env.DB.prepare(
        "INSERT INTO quiz_attempts (id, campaign_id, stage_id, user_id, status, mode, day, question_ids, current, shown_at, deadline, correct, score, ms_used, points, flags, started_at) VALUES (?, 'camp-quiz', 'main', 'user-member-fgw', 'finished', 'daily', '2026-01-01', '[]', 0, 0, 0, 0, 0, 0, 0, 2, ?)",
      ).bind(id, startedAt);
    await env.DB.batch([ins('todo-fresh', new Date().toISOString()), ins('todo-old', '2020-01-01T00:00:00.000Z')]);
    const flagged = ((await root.get('/api/v1/org-units/root/todo')).body.items as typeof all).find(
      (x) => x.what === 'attempts_flagged' && x.campaignId === 'camp-quiz',
    );
    expect(flagged?.count).toBe(1 + (count('attempts_flagged', 'camp-quiz') ?? 0));

    // the fgw organizer sees fgw's draft, not the root's campaigns
    const fgw = (await (await signedIn(PHONES.fgwOrganizer)).get('/api/v1/org-units/fgw/todo')).body.items as typeof all;
    expect(fgw.map((x) => x.campaignId)).toContain('camp-quiz-draft');
    expect(fgw.some((x) => ['camp-contest', 'camp-drive', 'camp-quiz'].includes(x.campaignId))).toBe(false);
  });
});
