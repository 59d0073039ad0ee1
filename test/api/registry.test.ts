import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { utils, write } from '@e965/xlsx';
import { freshPhone, signedIn, PHONES, type Client } from '../helpers';
import { chinaDay, addDays } from '../../shared/china-time';

/* The member registry (issue #14 part 1): registry columns in the roster import, the list with filters, edits, counts, export. */

const CSV = { 'content-type': 'text/csv' };
const importCsv = (c: Client, unit: string, text: string, dryRun = false) =>
  c.call('POST', `/api/v1/org-units/${unit}/roster${dryRun ? '?dryRun=true' : ''}`, text, CSV);
const entryOf = (phone: string) => env.DB.prepare('SELECT * FROM roster_entries WHERE phone = ?').bind(phone).first<Record<string, string>>();
const audits = (action: string, entityId: string) =>
  env.DB.prepare('SELECT actor_id, detail FROM audit_log WHERE action = ? AND entity_id = ? ORDER BY at')
    .bind(action, entityId)
    .all<{ actor_id: string; detail: string }>()
    .then((r) => r.results);

describe('roster import with registry columns', () => {
  it('reads categories, 、-separated posts, statuses and dates as Excel writes them; reports bad rows naming the column', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const [a, b, c, d, e, f] = [freshPhone(), freshPhone(), freshPhone(), freshPhone(), freshPhone(), freshPhone()];
    const tomorrow = addDays(chinaDay(), 1);
    const sheet = [
      '姓名,手机号,人员类别,党内职务,任职日期,状态,入党日期',
      `郭书记,${a},正式党员,书记、组织委员,2021/6/15,在职,1998年7月1日`,
      `何预备,${b},预备党员,,,流入,2026.6.28`,
      `罗老同志,${c},正式党员,,,离退休,23559`,
      `未知类,${d},团员,,,,`,
      `未知职务,${e},正式党员,书记、主任,,,`,
      `明天入党,${f},正式党员,,,,${tomorrow}`,
    ].join('\n');
    const preview = await importCsv(org, 'fgw-b1', sheet, true);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ created: 3, updated: 0, dryRun: true });
    expect(await entryOf(a)).toBeNull();
    const r = await importCsv(org, 'fgw-b1', sheet);
    expect(r.body).toMatchObject({ created: 3, updated: 0 });
    expect(r.body.errors.map((x: { row: number; message: string }) => [x.row, x.message])).toEqual([
      [5, '“人员类别”列的“团员”不是可识别的填写内容。'],
      [6, '“党内职务”列的“主任”不是可识别的填写内容。'],
      [7, `“入党日期”列的日期 ${tomorrow} 晚于今天。`],
    ]);
    expect(await entryOf(a)).toMatchObject({
      category: 'full',
      posts: '["secretary","organization"]',
      post_since: '2021-06-15',
      status: 'active',
      joined_party_on: '1998-07-01',
    });
    expect(await entryOf(b)).toMatchObject({ category: 'probationary', posts: '[]', status: 'mobile_in', joined_party_on: '2026-06-28' });
    expect(await entryOf(c)).toMatchObject({ status: 'retired', joined_party_on: '1964-07-01' });
    for (const p of [d, e, f]) expect(await entryOf(p)).toBeNull();
    // every new entry starts its membership period today, in the same batch
    const period = await env.DB.prepare('SELECT org_path, from_day, to_day, reason FROM membership_periods WHERE roster_id = ?')
      .bind((await entryOf(a))!.id)
      .first();
    expect(period).toEqual({ org_path: '/root/fgw/fgw-b1/', from_day: chinaDay(), to_day: null, reason: 'import' });

    // English errors name the column too
    const en = await org.call('POST', '/api/v1/org-units/fgw-b1/roster?dryRun=true', `姓名,手机号,状态\n某人,${freshPhone()},出差\n`, {
      ...CSV,
      'accept-language': 'en',
    });
    expect(en.body.errors[0].message).toBe('Column 状态: "出差" is not a word we know.');
  });

  it('reads an .xlsx with real date cells and serial numbers', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const [a, b] = [freshPhone(), freshPhone()];
    const ws = utils.aoa_to_sheet(
      [
        ['姓名', '手机号', '人员类别', '党内职务', '任职日期', '入党日期'],
        ['日期格', a, '发展对象', '宣传委员，纪检委员', new Date(Date.UTC(2022, 2, 1)), new Date(Date.UTC(2001, 6, 1))],
        ['序列号', b, '入党积极分子', '', '', 37073],
      ],
      { cellDates: true },
    );
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, '名册');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await org.call('POST', '/api/v1/org-units/fgw-b2/roster', bytes, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ created: 2, errors: [] });
    expect(await entryOf(a)).toMatchObject({
      category: 'candidate',
      posts: '["publicity","discipline"]',
      post_since: '2022-03-01',
      joined_party_on: '2001-07-01',
    });
    expect(await entryOf(b)).toMatchObject({ category: 'activist', joined_party_on: '2001-07-01' });
  });

  it('a re-import of phones already on the unit updates their registry fields (updated), empty cells keep them', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const p = freshPhone();
    await importCsv(org, 'fgw-b1', `姓名,手机号,人员类别,党内职务,入党日期\n再导入,${p},预备党员,宣传委员,2025-07-01\n`);
    const again = await importCsv(org, 'fgw-b1', `姓名,手机号,人员类别,党内职务,入党日期\n再导入,${p},正式党员,,\n`);
    expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await entryOf(p)).toMatchObject({ category: 'full', posts: '["publicity"]', joined_party_on: '2025-07-01' });
    const same = await importCsv(org, 'fgw-b1', `姓名,手机号,人员类别\n再导入,${p},正式党员\n`);
    expect(same.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const logged = await audits('roster.import', 'fgw-b1');
    expect(JSON.parse(logged.at(-1)!.detail)).toMatchObject({ created: 0, updated: 1 });
  });
});

describe('the registry list', () => {
  it('lists the subtree with registry fields and full phones, filters combine, pages walk everything once', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const all = await org.get('/api/v1/org-units/fgw/members?limit=100');
    expect(all.status).toBe(200);
    const first = all.body.items[0];
    expect(Object.keys(first).sort()).toEqual(
      ['rosterId', 'userId', 'name', 'phone', 'orgUnitId', 'orgUnitName', 'category', 'posts', 'status', 'joinedPartyOn', 'postSince', 'registered'].sort(),
    );
    expect(first.phone).toMatch(/^1\d{10}$/);
    // walk by pages of 7: every entry of the subtree once, in tree order
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ rosterId: string }>; nextCursor: string | null } } = await org.get(
        `/api/v1/org-units/fgw/members?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.rosterId));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = (await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id WHERE u.path LIKE '/root/fgw/%'",
    ).first<{ n: number }>())!.n;
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);

    const secretaries = await org.get('/api/v1/org-units/fgw/members?post=secretary&limit=100');
    expect(secretaries.body.items.length).toBeGreaterThanOrEqual(3); // the demo gives every branch one
    expect(secretaries.body.items.every((i: { posts: string[] }) => i.posts.includes('secretary'))).toBe(true);
    const retired = await org.get('/api/v1/org-units/fgw/members?status=retired&limit=100');
    expect(retired.body.items.every((i: { status: string; orgUnitId: string }) => i.status === 'retired')).toBe(true);
    const both = await org.get('/api/v1/org-units/fgw/members?category=full&post=secretary&status=active&limit=100');
    expect(
      both.body.items.every(
        (i: { category: string; posts: string[]; status: string }) => i.category === 'full' && i.posts.includes('secretary') && i.status === 'active',
      ),
    ).toBe(true);
    const byName = await org.get(`/api/v1/org-units/fgw/members?q=${encodeURIComponent('王晓燕')}`);
    expect(byName.body.items.map((i: { phone: string }) => i.phone)).toEqual([PHONES.fgwMember]);
    const byPhone = await org.get(`/api/v1/org-units/fgw/members?q=${PHONES.fgwMember}`);
    expect(byPhone.body.items.map((i: { name: string }) => i.name)).toEqual(['王晓燕']);
    // a wildcard is a character, not a pattern
    expect((await org.get('/api/v1/org-units/fgw/members?q=%25')).body.items).toEqual([]);
    expect((await org.get('/api/v1/org-units/fgw/members?category=member')).status).toBe(400);
    expect((await org.get('/api/v1/org-units/fgw/members?post=chairman')).body.error.fields.post).toContain('党内职务');
  });

  it('counts by category, post and status for the chips', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const r = await org.get('/api/v1/org-units/fgw/members/counts');
    expect(r.status).toBe(200);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
    expect(sum(r.body.byCategory)).toBe(r.body.total);
    expect(sum(r.body.byStatus)).toBe(r.body.total);
    expect(r.body.byPost.secretary).toBeGreaterThanOrEqual(3);
    expect(r.body.registered).toBeLessThanOrEqual(r.body.total);
    const list = await org.get('/api/v1/org-units/fgw/members?post=secretary&limit=100');
    expect(list.body.items.length).toBe(r.body.byPost.secretary);
  });

  it('exports the filtered registry with its Chinese words, in columns that import back', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const r = await org.get('/api/v1/org-units/fgw/members/export?post=secretary&format=csv');
    expect(r.status).toBe(200);
    const lines = r.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('"姓名","手机号","人员类别","党内职务","任职日期","状态","入党日期","所在组织","已注册"');
    const counts = await org.get('/api/v1/org-units/fgw/members/counts');
    expect(lines.length - 1).toBe(counts.body.byPost.secretary);
    expect(lines.slice(1).every((l) => l.includes('书记') && /"1\d{10}"/.test(l))).toBe(true);
    const xlsx = await org.get('/api/v1/org-units/fgw/members/export');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('editing a registry entry', () => {
  it('PATCH changes the fields and audits before and after in the same batch', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const r = await org.patch('/api/v1/roster/roster-user-m003', {
      category: 'probationary',
      posts: ['discipline', 'party_worker'],
      postSince: '2024/3/1',
      joinedPartyOn: '2026-01-05',
      status: 'home_bound',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.member).toMatchObject({
      rosterId: 'roster-user-m003',
      category: 'probationary',
      posts: ['discipline', 'party_worker'],
      postSince: '2024-03-01',
      joinedPartyOn: '2026-01-05',
      status: 'home_bound',
      registered: true,
    });
    expect(r.body.changed.sort()).toEqual(['category', 'joinedPartyOn', 'postSince', 'posts', 'status']);
    const [audit] = await audits('roster.update', 'roster-user-m003');
    expect(audit!.actor_id).toBe('user-org-fgw');
    const detail = JSON.parse(audit!.detail);
    expect(detail.after).toMatchObject({ category: 'probationary', posts: ['discipline', 'party_worker'] });
    expect(detail.before).toMatchObject({ category: 'full', status: 'active' });
    // the same values again change nothing and leave no audit row
    const again = await org.patch('/api/v1/roster/roster-user-m003', { category: 'probationary' });
    expect(again.body.changed).toEqual([]);
    expect(await audits('roster.update', 'roster-user-m003')).toHaveLength(1);
    // clearing a date
    expect((await org.patch('/api/v1/roster/roster-user-m003', { postSince: null })).body.member.postSince).toBeNull();
  });

  it('refuses an unknown category or post and a future or impossible 入党日期, naming the field, changing nothing', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const before = await entryOf('13900000004');
    const cases: Array<[unknown, string]> = [
      [{ category: 'member' }, 'category'],
      [{ posts: ['secretary', 'chairman'] }, 'posts.1'],
      [{ joinedPartyOn: addDays(chinaDay(), 1) }, 'joinedPartyOn'],
      [{ joinedPartyOn: '1900-01-01' }, 'joinedPartyOn'],
      [{ joinedPartyOn: '2019-02-30' }, 'joinedPartyOn'],
      [{ name: '' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const r = await org.patch('/api/v1/roster/roster-user-m004', { status: 'retired', ...(body as object) });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(r.body.error.fields), JSON.stringify(body)).toEqual([field]);
    }
    const future = await org.patch('/api/v1/roster/roster-user-m004', { joinedPartyOn: '2099-01-01' });
    expect(future.body.error.fields.joinedPartyOn).toBe('日期不能晚于今天。');
    expect(await entryOf('13900000004')).toEqual(before);
    expect((await org.patch('/api/v1/roster/nobody', { status: 'retired' })).status).toBe(404);
  });
});
