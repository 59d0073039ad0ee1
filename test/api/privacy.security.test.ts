import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, inOneDay, PHONES, registerUser, signedIn, type Client } from '../helpers';

/* No personal data across units (issue 12, items 2, 5, 8): phones, rosters, banks, stages. */

const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;
let n = 0;

async function contestOf(org: Client, orgUnitId: string) {
  const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: `隐私大赛${n++}`, orgUnitId, ...inOneDay() });
  expect(r.status).toBe(201);
  await org.post(`/api/v1/campaigns/${r.body.campaign.id}/publish`);
  return r.body.campaign.id as string;
}

describe('judges come from the organizer’s subtree', () => {
  it('refuses a person outside the subtree with judge_outside, saying the same whether or not the phone exists', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await contestOf(org, 'fgw');
    const outside = await org.post(`/api/v1/campaigns/${id}/judges`, { phone: PHONES.jyjMember });
    const unknown = await org.post(`/api/v1/campaigns/${id}/judges`, { phone: '13999999998' });
    const byId = await org.post(`/api/v1/campaigns/${id}/judges`, { userId: 'user-member-jyj' });
    for (const r of [outside, unknown, byId]) {
      expect(r.status).toBe(400);
      expect(r.body.error.reason).toBe('judge_outside');
    }
    expect(outside.body.error.fields).toEqual(unknown.body.error.fields);
    expect(outside.text).not.toContain(PHONES.jyjMember);
    expect((await org.get(`/api/v1/campaigns/${id}/judges`)).body.judges).toEqual([]);
    // inside the subtree: added, with the full phone for who manages them
    const inside = await org.post(`/api/v1/campaigns/${id}/judges`, { phone: PHONES.fgwMember });
    expect(inside.status).toBe(201);
    expect(inside.body.judges).toEqual([expect.objectContaining({ userId: 'user-member-fgw', phone: PHONES.fgwMember })]);
  });

  it('a judge from another unit who came by invitation shows a masked phone to the contest’s organizers, and the full one to who manages their unit', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const id = await contestOf(org, 'fgw');
    const code = (await org.post(`/api/v1/campaigns/${id}/judge-invites`)).body.code;
    expect((await (await signedIn(PHONES.jyjMember)).post(`/api/v1/judge-invites/${code}/accept`)).status).toBe(200);
    const seen = await org.get(`/api/v1/campaigns/${id}/judges`);
    expect(seen.body.judges).toEqual([expect.objectContaining({ userId: 'user-member-jyj', name: '陈思远', phone: masked(PHONES.jyjMember) })]);
    expect(seen.text).not.toContain(PHONES.jyjMember);
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get(`/api/v1/campaigns/${id}/judges`)).body.judges[0].phone).toBe(PHONES.jyjMember);
  });
});

describe('roster import does not say which other unit lists a phone', () => {
  it('dryRun and import report a phone of another unit neutrally to outsiders, by name to who manages that unit', async () => {
    const row = await env.DB.prepare("SELECT phone FROM roster_entries WHERE org_unit_id = 'jyj-b1' LIMIT 1").first<{ phone: string }>();
    const file = `姓名,手机号\n某人,${row!.phone}\n`;
    const fgw = await signedIn(PHONES.fgwOrganizer);
    for (const q of ['?dryRun=true', '']) {
      const r = await fgw.call('POST', `/api/v1/org-units/fgw-b2/roster${q}`, file, { 'content-type': 'text/csv' });
      expect(r.status).toBe(200);
      expect(r.body.errors).toEqual([{ row: 2, message: '该手机号已在其他组织的名册中。' }]);
      expect(r.text).not.toContain('第一党支部');
      expect(r.text).not.toContain('市教育局');
    }
    const en = await signedIn(PHONES.fgwOrganizer, { lang: 'en' });
    expect((await en.call('POST', '/api/v1/org-units/fgw-b2/roster?dryRun=true', file, { 'content-type': 'text/csv' })).body.errors[0].message).toBe(
      'This phone is already on the roster of another unit.',
    );
    const root = await signedIn(PHONES.rootOrganizer);
    const named = await root.call('POST', '/api/v1/org-units/fgw-b2/roster?dryRun=true', file, { 'content-type': 'text/csv' });
    expect(named.body.errors[0].message).toContain('第一党支部');
  });
});

describe('settings ids are checked against the actor’s subtree', () => {
  it('a quiz may not name another unit’s question bank, on create, edit or a stage; unknown ids get the same answer', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const jyjBank = (await root.post('/api/v1/question-banks', { title: '教育局题库', orgUnitId: 'jyj' })).body.bank.id as string;
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const own = (await fgw.post('/api/v1/question-banks', { title: '发改题库', orgUnitId: 'fgw' })).body.bank.id as string;
    const create = (bankIds: string[]) =>
      fgw.post('/api/v1/campaigns', { kind: 'quiz', title: '题库越权测验', orgUnitId: 'fgw', ...inOneDay(), settings: { bankIds } });
    for (const ids of [[jyjBank], ['bank-demo'], [own, jyjBank], ['NO-SUCH-BANK']]) {
      const r = await create(ids);
      expect(r.status).toBe(400);
      expect(r.body.error.fields).toHaveProperty(['settings.bankIds']);
      expect(r.body.error.reason).toBe('bank_outside');
    }
    const ok = await create([own]);
    expect(ok.status).toBe(201);
    const id = ok.body.campaign.id as string;
    const patch = await fgw.patch(`/api/v1/campaigns/${id}`, { settings: { bankIds: [jyjBank] } });
    expect(patch.status).toBe(400);
    expect(patch.body.error.reason).toBe('bank_outside');
    expect((await fgw.get(`/api/v1/campaigns/${id}`)).body.campaign.settings.bankIds).toEqual([own]);
    // an edit of something else is not refused over ids it does not set
    expect((await fgw.patch(`/api/v1/campaigns/${id}`, { title: '改名' })).status).toBe(200);
    const stage = await fgw.post(`/api/v1/campaigns/${id}/stages`, { name: '初赛', ...inOneDay(), settings: { bankIds: [jyjBank] } });
    expect(stage.status).toBe(400);
    expect(stage.body.error.reason).toBe('bank_outside');
    expect(stage.body.error.fields).toHaveProperty(['settings.bankIds']);
    // the root organizer manages both: the subtree rule lets them
    expect(
      (await root.post('/api/v1/campaigns', { kind: 'quiz', title: '全市测验', orgUnitId: 'root', ...inOneDay(), settings: { bankIds: [jyjBank, own] } }))
        .status,
    ).toBe(201);
  });

  it('an exhibition’s gallery must be a contest the actor may see', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const draft = (await root.post('/api/v1/campaigns', { kind: 'contest', title: '教育局内部大赛', orgUnitId: 'jyj', ...inOneDay() })).body.campaign
      .id as string;
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const make = (galleryCampaignId: string) =>
      fgw.post('/api/v1/campaigns', { kind: 'exhibition', title: '发改展览', orgUnitId: 'fgw', ...inOneDay(), settings: { galleryCampaignId } });
    for (const g of [draft, 'camp-quiz', 'NO-SUCH-CAMPAIGN']) {
      const r = await make(g);
      expect(r.status).toBe(400);
      expect(r.body.error.reason).toBe('gallery_outside');
      expect(r.body.error.fields).toHaveProperty(['settings.galleryCampaignId']);
    }
    expect((await make('camp-contest')).status).toBe(201);
  });
});

describe('two ids in a path: the child must belong to the parent', () => {
  it('stage admissions of another campaign are 404', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const bank = (await fgw.post('/api/v1/question-banks', { title: '发改题库二', orgUnitId: 'fgw' })).body.bank.id as string;
    const id = (await fgw.post('/api/v1/campaigns', { kind: 'quiz', title: '发改测验', orgUnitId: 'fgw', ...inOneDay(), settings: { bankIds: [bank] } })).body
      .campaign.id as string;
    // the demo contest's final stage (root), read through a campaign the fgw organizer manages
    await env.DB.prepare(
      "INSERT OR IGNORE INTO stage_admissions (stage_id, user_id, from_rank, created_at) VALUES ('stage-final', 'user-member-jyj', 1, '2026-01-01T00:00:00Z')",
    ).run();
    const r = await fgw.get(`/api/v1/campaigns/${id}/stages/stage-final/admissions`);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('user-member-jyj');
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get('/api/v1/campaigns/camp-quiz-contest/stages/stage-final/admissions')).status).toBe(200);
    expect((await root.get(`/api/v1/campaigns/camp-quiz-contest/stages/${'X'.repeat(26)}/admissions`)).status).toBe(404);
  });
});

describe('bookings and waiting lists: full phones only within the reader’s subtree', () => {
  it('an fgw exhibition’s organizers see a jyj member’s phone masked, a visitor without a unit in full; root sees all; the holder sees their own', async () => {
    const fgw = await signedIn(PHONES.fgwOrganizer);
    const id = (
      await fgw.post('/api/v1/campaigns', {
        kind: 'exhibition',
        title: '发改展',
        orgUnitId: 'fgw',
        startsAt: new Date(Date.now() - 864e5).toISOString(),
        endsAt: new Date(Date.now() + 30 * 864e5).toISOString(),
      })
    ).body.campaign.id as string;
    await fgw.post(`/api/v1/campaigns/${id}/publish`);
    const startsAt = new Date(Date.now() + 3600e3).toISOString();
    expect((await fgw.post(`/api/v1/campaigns/${id}/slots`, { startsAt, endsAt: new Date(Date.now() + 3 * 3600e3).toISOString(), capacity: 2 })).status).toBe(
      201,
    );
    const slotId = (await client().get(`/api/v1/campaigns/${id}/slots`)).body.items[0].id as string;
    const jyj = await signedIn(PHONES.jyjMember);
    const jyjPhone = '13912340004';
    const mine = await jyj.post(`/api/v1/campaigns/${id}/bookings`, { slotId, partySize: 1, name: '陈思远', phone: jyjPhone });
    expect(mine.status).toBe(201);
    expect(mine.body.booking.phone).toBe(jyjPhone);
    const visitor = client({ ip: '10.201.0.1' });
    const visitorPhone = freshPhone();
    await registerUser(visitor, { phone: visitorPhone, name: '观众甲', password: 'visitor-pass-2026' });
    const vPhone = '13912340005';
    expect((await visitor.post(`/api/v1/campaigns/${id}/bookings`, { slotId, partySize: 1, name: '观众甲', phone: vPhone })).status).toBe(201);

    const list = await fgw.get(`/api/v1/campaigns/${id}/bookings`);
    const phones = Object.fromEntries(list.body.items.map((b: { name: string; phone: string }) => [b.name, b.phone]));
    expect(phones).toEqual({ 陈思远: masked(jyjPhone), 观众甲: vPhone });
    expect(list.text).not.toContain(jyjPhone);
    const ticket = await fgw.get(`/api/v1/bookings/${mine.body.booking.code}`);
    expect(ticket.body.booking.phone).toBe(masked(jyjPhone));
    const csv = await fgw.get(`/api/v1/campaigns/${id}/bookings/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(jyjPhone);
    expect(csv.text).toContain(masked(jyjPhone));
    expect(csv.text).toContain(vPhone);
    const root = await signedIn(PHONES.rootOrganizer);
    expect((await root.get(`/api/v1/campaigns/${id}/bookings`)).text).toContain(jyjPhone);
    expect((await jyj.get(`/api/v1/bookings/${mine.body.booking.code}`)).body.booking.phone).toBe(jyjPhone);

    // the slot is full: a jyj member's place on the waiting list is masked for the fgw organizers too
    const waiter = client({ ip: '10.201.0.2' });
    const waiterPhone = freshPhone();
    await registerUser(waiter, { phone: waiterPhone, name: '候补乙', password: 'waiter-pass-2026' });
    await env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) SELECT 'ms-priv-wl2', id, 'jyj-b2', '/root/jyj/jyj-b2/', 'member', '2026-01-01T00:00:00Z' FROM users WHERE phone = ?",
    )
      .bind(waiterPhone)
      .run();
    const wPhone = '13912340006';
    const joined = await waiter.post(`/api/v1/campaigns/${id}/slots/${slotId}/waitlist`, { partySize: 1, name: '候补乙', phone: wPhone });
    expect(joined.status).toBe(201);
    expect(joined.body.entry.phone).toBe(wPhone);
    const wl = await fgw.get(`/api/v1/slots/${slotId}/waitlist`);
    expect(wl.status).toBe(200);
    expect(wl.body.items[0].phone).toBe(masked(wPhone));
    expect((await root.get(`/api/v1/slots/${slotId}/waitlist`)).body.items[0].phone).toBe(wPhone);
  });
});
