import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, fixture, inOneDay, PHONES, type Client, registerUser } from '../helpers';

let n = 0;
const charity = { name: '示例慈善会', licenseNo: '示例-0001', projectUrl: 'https://example.org/p/1' };
async function drive(org: Client, settings: Record<string, unknown> = {}) {
  const r = await org.post('/api/v1/campaigns', {
    kind: 'drive',
    title: `募捐测试${n++}`,
    orgUnitId: 'root',
    ...inOneDay(),
    settings: { goal: 100000, charity, ...settings },
  });
  const id = r.body.campaign.id as string;
  expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
  return id;
}
const pledge = (c: Client, id: string, body: Record<string, unknown>, key?: string | null) =>
  c.post(`/api/v1/campaigns/${id}/pledges`, body, key === null ? {} : { 'idempotency-key': key ?? `k-${Math.random()}` });
async function donor() {
  const c = client({ ip: `10.80.${n % 250}.${(n * 3) % 250}` });
  await registerUser(c, { phone: freshPhone(), password: 'secret-pass', name: `捐赠人${n++}` });
  return c;
}

describe('pledges and idempotency', () => {
  it('creates a pledge; the same key and body replay it, a different body → 422, nothing new is created', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const c = await signedIn(PHONES.fgwMember);
    const body = { amount: 5000, message: '一点心意', anonymous: false };
    const first = await pledge(c, id, body, 'key-one');
    expect(first.status).toBe(201);
    expect(first.body.pledge).toMatchObject({ amount: 5000, status: 'pledged', orgUnitId: 'fgw-b1', messageStatus: 'pending' });
    const again = await pledge(c, id, body, 'key-one');
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await pledge(c, id, { ...body, amount: 6000 }, 'key-one');
    expect(other.status).toBe(422);
    // another user may use the same key string: keys are per account
    expect((await pledge(await signedIn(PHONES.jyjMember), id, body, 'key-one')).status).toBe(201);
    const count = await env.DB.prepare('SELECT COUNT(*) n FROM pledges WHERE campaign_id = ?').bind(id).first<{ n: number }>();
    expect(count!.n).toBe(2);
  });

  it('replays under parallel retries: one pledge, identical answers', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const c = await donor();
    const results = await Promise.all(Array.from({ length: 8 }, () => pledge(c, id, { amount: 12345 }, 'parallel-key')));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    const count = await env.DB.prepare('SELECT COUNT(*) n FROM pledges WHERE campaign_id = ?').bind(id).first<{ n: number }>();
    expect(count!.n).toBe(1);
    const ev = await env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE campaign_id = ? AND type = 'drive_pledge'").bind(id).first<{ n: number }>();
    expect(ev!.n).toBe(1);
  });

  it('validates key and amount, refuses closed drives, and requires sign-in', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const c = await donor();
    expect((await pledge(c, id, { amount: 100 }, null)).body.error.fields['Idempotency-Key']).toBeTruthy();
    expect((await pledge(c, id, { amount: 100 }, 'x'.repeat(256))).status).toBe(400);
    for (const amount of [0, -5, 1.5, 1e12, '100']) expect((await pledge(c, id, { amount }, `a-${amount}`)).status, String(amount)).toBe(400);
    expect((await pledge(c, id, { amount: 100, orgUnitId: 'nope' }, 'bad-unit')).status).toBe(400);
    expect((await pledge(client(), id, { amount: 100 })).status).toBe(401);
    await org.post(`/api/v1/campaigns/${id}/close`);
    expect((await pledge(c, id, { amount: 100 }, 'closed')).status).toBe(409);
  });
});

describe('receipts, verification, progress and the wall', () => {
  it('takes an image or PDF receipt by its bytes, verifies with the given amount, and counts it once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org, { goal: 50000 });
    const c = await signedIn(PHONES.fgwMember);
    const p = (await pledge(c, id, { amount: 20000, message: '加油' })).body.pledge;
    const upload = (bytes: Uint8Array, who: Client = c) => {
      const f = new FormData();
      f.set('receipt', new File([bytes], 'r.bin'));
      return who.post(`/api/v1/pledges/${p.id}/receipt`, f);
    };
    expect((await upload(fixture('fake.jpg'))).status).toBe(415);
    expect((await upload(new Uint8Array(6 * 1024 * 1024))).status).toBe(413);
    expect((await upload(fixture('photo.jpg'), await signedIn(PHONES.jyjMember))).status).toBe(404);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const ok = await upload(pdf);
    expect(ok.status).toBe(200);
    expect(ok.body.pledge.status).toBe('receipt_submitted');
    expect((await c.get(`/api/v1/pledges/${p.id}/receipt`)).headers.get('content-type')).toBe('application/pdf');
    expect((await client().get(`/api/v1/pledges/${p.id}/receipt`)).status).toBe(401);

    let prog = await client().get(`/api/v1/campaigns/${id}/progress`);
    expect(prog.body).toMatchObject({ goal: 50000, pledged: 20000, verified: 0, donors: 1 });
    expect(prog.headers.get('access-control-allow-origin')).toBe('*');
    const v = await org.post(`/api/v1/pledges/${p.id}/verify`, { amount: 18000 });
    expect(v.body.pledge).toMatchObject({ status: 'verified', verifiedAmount: 18000 });
    expect((await org.post(`/api/v1/pledges/${p.id}/verify`, { amount: 18000 })).status).toBe(409);
    prog = await client().get(`/api/v1/campaigns/${id}/progress`);
    expect(prog.body).toMatchObject({ pledged: 20000, verified: 18000, donors: 1 });
    const ev = await env.DB.prepare("SELECT quantity FROM activity_events WHERE type = 'drive_verified' AND ref = ?").bind(p.id).first<{ quantity: number }>();
    expect(ev!.quantity).toBe(18000);
    const units = await client().get(`/api/v1/campaigns/${id}/leaderboard?scope=org&limit=100`);
    expect(units.body.entries.find((e: { key: string }) => e.key === 'fgw-b1').score).toBe(18000);

    const rejected = (await pledge(c, id, { amount: 999 })).body.pledge;
    expect((await org.post(`/api/v1/pledges/${rejected.id}/reject`, { reason: '' })).status).toBe(400);
    await org.post(`/api/v1/pledges/${rejected.id}/reject`, { reason: '凭证不符' });
    const mine = await c.get(`/api/v1/campaigns/${id}/pledges?mine=true`);
    expect(mine.body.items.find((x: { id: string }) => x.id === rejected.id)).toMatchObject({ status: 'rejected', reason: '凭证不符' });
    expect((await client().get(`/api/v1/campaigns/${id}/progress`)).body.pledged).toBe(20000);
  });

  it('shows the wall newest first: anonymous as 爱心人士, names masked, messages only once approved', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const a = await signedIn(PHONES.fgwMember);
    const b = await signedIn(PHONES.jyjMember);
    const pa = (await pledge(a, id, { amount: 100, message: '祝福' })).body.pledge;
    await pledge(b, id, { amount: 200, anonymous: true, message: '不留名' });
    let wall = await client().get(`/api/v1/campaigns/${id}/donors`);
    expect(wall.body.items.map((d: { name: string }) => d.name)).toEqual(['爱心人士', '王*燕']);
    expect(wall.body.items.every((d: { message: string | null }) => d.message === null)).toBe(true);
    expect((await org.get(`/api/v1/campaigns/${id}/pledges?messages=pending`)).body.items).toHaveLength(2);
    await org.post(`/api/v1/pledges/${pa.id}/message`, { visible: true });
    wall = await client().get(`/api/v1/campaigns/${id}/donors`);
    expect(wall.body.items[1].message).toBe('祝福');
    const hidden = await drive(org, { showAmounts: false });
    await pledge(a, hidden, { amount: 100 });
    expect((await client().get(`/api/v1/campaigns/${hidden}/donors`)).body.items[0].amount).toBeNull();
  });

  it('reports totals by unit and day for organizers, with an Excel export', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const p = (await pledge(await signedIn(PHONES.fgwMember), id, { amount: 3000 })).body.pledge;
    await pledge(await signedIn(PHONES.jyjMember), id, { amount: 4000 });
    await org.post(`/api/v1/pledges/${p.id}/verify`, { amount: 3000 });
    const r = await org.get(`/api/v1/campaigns/${id}/drive-report`);
    expect(r.body).toMatchObject({ pledged: 7000, verified: 3000, donors: 2, receiptsPending: 0 });
    expect(r.body.byUnit.map((u: { orgUnitId: string }) => u.orgUnitId).sort()).toEqual(['fgw-b1', 'jyj-b1']);
    expect(r.body.byDay[0]).toMatchObject({ pledged: 7000, verified: 3000 });
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    expect((await fgwOrg.get(`/api/v1/campaigns/${id}/drive-report`)).status).toBe(403);
    expect((await fgwOrg.get(`/api/v1/campaigns/${id}/drive-report?orgUnitId=fgw`)).body.pledged).toBe(3000);
    expect((await org.get(`/api/v1/campaigns/${id}/drive-report?format=xlsx`)).headers.get('content-type')).toContain('spreadsheetml');
  });

  it('has a demo drive with pledges in every state and a fictional charity clearly marked', async () => {
    const d = await client().get('/api/v1/campaigns/jinqiu-zhuxue');
    expect(d.body.campaign.settings.charity.name).toContain('虚构');
    const org = await signedIn(PHONES.rootOrganizer);
    for (const status of ['pledged', 'receipt_submitted', 'verified', 'rejected']) {
      expect((await org.get(`/api/v1/campaigns/camp-drive/pledges?status=${status}&limit=1`)).body.items.length, status).toBe(1);
    }
    const prog = await client().get('/api/v1/campaigns/jinqiu-zhuxue/progress');
    expect(prog.body.verified).toBeGreaterThan(0);
    expect(prog.body.pledged).toBeGreaterThan(prog.body.verified);
  });
});

describe('drives authorization', () => {
  it('only organizers of the pledge’s subtree verify, reject, moderate or see the queue', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await drive(org);
    const p = (await pledge(await signedIn(PHONES.jyjMember), id, { amount: 100, message: 'hi' })).body.pledge;
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    expect((await fgwOrg.post(`/api/v1/pledges/${p.id}/verify`, { amount: 100 })).status).toBe(403);
    expect((await fgwOrg.post(`/api/v1/pledges/${p.id}/reject`, { reason: 'x' })).status).toBe(403);
    expect((await fgwOrg.post(`/api/v1/pledges/${p.id}/message`, { visible: true })).status).toBe(403);
    expect((await fgwOrg.get(`/api/v1/campaigns/${id}/pledges`)).body.items).toEqual([]);
    const member = await signedIn(PHONES.fgwMember);
    expect((await member.post(`/api/v1/pledges/${p.id}/verify`, { amount: 100 })).status).toBe(403);
    expect((await member.get(`/api/v1/campaigns/${id}/pledges`)).status).toBe(403);
    expect((await client().post(`/api/v1/pledges/${p.id}/verify`, { amount: 100 })).status).toBe(401);
    expect((await (await signedIn(PHONES.admin)).post(`/api/v1/pledges/${p.id}/verify`, { amount: 100 })).status).toBe(200);
  });
});
