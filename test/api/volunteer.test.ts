import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, signedIn, freshPhone, PHONES } from '../helpers';
import { volunteer } from './volunteer.fixtures';

const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const resident = (code: string, over: Record<string, unknown> = {}) => ({ code, name: '赵大妈', phone: freshPhone(), consent: true, ...over });

describe('"1+1" pairs', () => {
  it('a member gets one personal invite; a resident registers through it with consent stored', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    const member = await signedIn(PHONES.fgwMember);
    const inv = await member.post(`/api/v1/campaigns/${id}/invites`);
    expect(inv.status).toBe(200);
    expect(inv.body.url).toMatch(/\/invite\/[A-Z0-9]{10}$/);
    expect((await member.post(`/api/v1/campaigns/${id}/invites`)).body.code).toBe(inv.body.code);
    const page = await client().get(`/api/v1/invites/${inv.body.code}`);
    expect(page.body).toMatchObject({ inviterName: '王*燕', placesLeft: 1, open: true });
    expect(page.body.consentText).toContain('同意');
    const qr = await client().get(`/api/v1/invites/${inv.body.code}/qr.svg`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(qr.text).toContain('<svg');
    const phone = freshPhone();
    const r = await client({ ip: '10.70.0.1' }).post(`/api/v1/campaigns/${id}/pairs`, { code: inv.body.code, name: '赵大妈', phone, consent: true });
    expect(r.status).toBe(201);
    expect(r.body.pair.residentPhone).toMatch(/\*{4}/);
    const row = await env.DB.prepare('SELECT consent_text, consent_at, member_id, source FROM volunteer_pairs WHERE id = ?')
      .bind(r.body.pair.id)
      .first<{ consent_text: string; consent_at: string; member_id: string; source: string }>();
    expect(row!.consent_text).toContain('仅用于志愿者登记');
    expect(row!.consent_at).toBeTruthy();
    expect(row).toMatchObject({ member_id: 'user-member-fgw', source: 'invite' });
    const mine = await member.get(`/api/v1/campaigns/${id}/my-volunteer`);
    expect(mine.body.pairs).toHaveLength(1);
    expect(mine.body.invite.code).toBe(inv.body.code);
  });

  it('refuses no consent (400), a taken phone (409), over the cap (422), a bad code (404)', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org);
    const code = (await (await signedIn(PHONES.jyjMember)).post(`/api/v1/campaigns/${id}/invites`)).body.code;
    const anon = client({ ip: '10.70.0.2' });
    const noConsent = await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(code, { consent: false }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.fields.consent).toContain('同意');
    const phone = freshPhone();
    expect((await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(code, { phone }))).status).toBe(201);
    const code2 = (await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/invites`)).body.code;
    expect((await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(code2, { phone }))).status).toBe(409);
    const over = await anon.post(`/api/v1/campaigns/${id}/pairs`, resident(code));
    expect(over.status).toBe(422);
    expect(over.body.error.message).toContain('1');
    expect((await anon.post(`/api/v1/campaigns/${id}/pairs`, resident('NOPENOPE12'))).status).toBe(404);
    expect((await anon.get('/api/v1/invites/NOPENOPE12')).body.error.message).toContain('邀请码');
  });

  it('never exceeds the cap under parallel registrations through one invite', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org, { pairCap: 2 });
    const code = (await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/invites`)).body.code;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client({ ip: `10.71.0.${i}` }).post(`/api/v1/campaigns/${id}/pairs`, resident(code))),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 422)).toHaveLength(6);
    const rows = await env.DB.prepare('SELECT COUNT(*) n FROM volunteer_pairs WHERE campaign_id = ?').bind(id).first<{ n: number }>();
    expect(rows!.n).toBe(2);
  });

  it('lets organizers add a pair on a resident’s behalf and unlink one with a reason', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const root = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(root);
    const r = await org.post(`/api/v1/campaigns/${id}/pairs`, {
      memberId: 'user-member-fgw',
      name: '钱奶奶',
      phone: freshPhone(),
      consent: true,
      consentNote: '纸质同意书已存档',
    });
    expect(r.status).toBe(201);
    expect(
      (
        await (
          await signedIn(PHONES.fgwOrganizer)
        ).post(`/api/v1/campaigns/${id}/pairs`, { memberId: 'user-member-jyj', name: '孙爷爷', phone: freshPhone(), consent: true })
      ).status,
    ).toBe(403);
    const list = await org.get(`/api/v1/campaigns/${id}/pairs?orgUnitId=fgw`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].source).toBe('organizer');
    expect((await org.post(`/api/v1/pairs/${r.body.pair.id}/unlink`, { reason: '' })).status).toBe(400);
    expect((await org.post(`/api/v1/pairs/${r.body.pair.id}/unlink`, { reason: '群众本人要求解除' })).status).toBe(200);
    // once unlinked, the member may bring someone else
    const code = (await (await signedIn(PHONES.fgwMember)).post(`/api/v1/campaigns/${id}/invites`)).body.code;
    expect((await client({ ip: '10.72.0.1' }).post(`/api/v1/campaigns/${id}/pairs`, resident(code))).status).toBe(201);
    const xlsx = await org.get(`/api/v1/campaigns/${id}/pairs/export?orgUnitId=fgw`);
    expect((await org.get(`/api/v1/campaigns/${id}/pairs/export`)).status).toBe(403);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('service records', () => {
  it('reports hours within the daily maximum, not in the future; approval counts them once', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(org, { maxHoursPerDay: 4 });
    const member = await signedIn(PHONES.fgwMember);
    const a = await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 3, description: '社区垃圾分类宣传' });
    expect(a.status).toBe(201);
    expect(a.body.record.status).toBe('pending');
    const over = await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 1.5, description: '再来一点' });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.hours).toContain('4');
    expect((await member.post(`/api/v1/campaigns/${id}/service-records`, { date: '2099-01-01', hours: 1, description: '未来' })).status).toBe(400);
    expect((await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 0.3, description: '半步' })).status).toBe(400);
    const b = await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 1, description: '陪伴老人' });
    expect(b.status).toBe(201);

    const stats0 = await org.get(`/api/v1/campaigns/${id}/volunteer-stats`);
    expect(stats0.body.approvedHours).toBe(0);
    const ok = await org.post(`/api/v1/service-records/${a.body.record.id}/approve`);
    expect(ok.body.record.status).toBe('approved');
    expect((await org.post(`/api/v1/service-records/${a.body.record.id}/approve`)).status).toBe(409);
    const rej = await org.post(`/api/v1/service-records/${b.body.record.id}/reject`, { reason: '请补充服务地点' });
    expect(rej.body.record).toMatchObject({ status: 'rejected', reason: '请补充服务地点' });
    const mine = await member.get(`/api/v1/campaigns/${id}/service-records?mine=true`);
    expect(mine.body.items.find((r: { id: string }) => r.id === b.body.record.id).reason).toBe('请补充服务地点');
    const stats = await org.get(`/api/v1/campaigns/${id}/volunteer-stats`);
    expect(stats.body.approvedHours).toBe(3);
    const ev = await env.DB.prepare("SELECT quantity FROM activity_events WHERE type = 'volunteer_hours' AND ref = ?")
      .bind(a.body.record.id)
      .first<{ quantity: number }>();
    expect(ev!.quantity).toBe(180);
    const board = await member.get(`/api/v1/campaigns/${id}/leaderboard/me`);
    expect(board.body.score).toBe(3);
    const audit = await env.DB.prepare('SELECT action, actor_id FROM audit_log WHERE entity_id = ?').bind(a.body.record.id).first();
    expect(audit).toEqual({ action: 'record.approve', actor_id: 'user-org-root' });
  });

  it('bulk review only within the organizer’s subtree; parallel approvals count hours once', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(root);
    const fgwMember = await signedIn(PHONES.fgwMember);
    const jyjMember = await signedIn(PHONES.jyjMember);
    const r1 = (await fgwMember.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 2, description: '河道清洁' })).body.record.id;
    const r2 = (await jyjMember.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 2, description: '图书整理' })).body.record.id;
    const fgwOrg = await signedIn(PHONES.fgwOrganizer);
    const queue = await fgwOrg.get(`/api/v1/campaigns/${id}/service-records?status=pending`);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([r1]);
    expect((await fgwOrg.post(`/api/v1/campaigns/${id}/service-records/review`, { ids: [r1, r2], decision: 'approve' })).status).toBe(403);
    expect((await fgwOrg.post(`/api/v1/service-records/${r2}/approve`)).status).toBe(403);
    expect(await env.DB.prepare("SELECT COUNT(*) n FROM service_records WHERE id IN (?, ?) AND status = 'approved'").bind(r1, r2).first('n')).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => root.post(`/api/v1/campaigns/${id}/service-records/review`, { ids: [r1, r2], decision: 'approve' })),
    );
    expect(results.reduce((s, r) => s + r.body.reviewed, 0)).toBe(2);
    const ev = await env.DB.prepare("SELECT COUNT(*) n FROM activity_events WHERE type = 'volunteer_hours' AND ref IN (?, ?)")
      .bind(r1, r2)
      .first<{ n: number }>();
    expect(ev!.n).toBe(2);
    const board = await root.get(`/api/v1/campaigns/${id}/leaderboard`);
    expect(board.body.entries.reduce((s: number, e: { score: number }) => s + e.score, 0)).toBe(4);
    expect((await root.post(`/api/v1/campaigns/${id}/service-records/review`, { ids: [r1], decision: 'reject' })).status).toBe(400);
  });

  it('computes 带动率 by unit and issues a certificate that verifies publicly', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(root);
    const member = await signedIn(PHONES.fgwMember);
    const code = (await member.post(`/api/v1/campaigns/${id}/invites`)).body.code;
    await client({ ip: '10.73.0.1' }).post(`/api/v1/campaigns/${id}/pairs`, resident(code));
    const rec = (await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 2.5, description: '入户走访' })).body.record.id;
    await root.post(`/api/v1/service-records/${rec}/approve`);
    const st = await root.get(`/api/v1/campaigns/${id}/volunteer-stats?orgUnitId=fgw-b1`);
    expect(st.body).toMatchObject({ pairs: 1, residents: 1, leaders: 1, approvedHours: 2.5 });
    expect(st.body.leadRate).toBeCloseTo(1 / st.body.members, 4);
    expect(st.body.byUnit[0]).toMatchObject({ orgUnitId: 'fgw-b1', leaders: 1 });
    const cert = await member.get(`/api/v1/campaigns/${id}/certificate`);
    expect(cert.body).toMatchObject({ name: '王晓燕', hours: 2.5, records: 1, issuer: '市直机关工委' });
    const verify = await client().get(`/api/v1/certificates/${cert.body.code}`);
    expect(verify.body).toMatchObject({ valid: true, name: '王*燕', hours: 2.5, issuer: '市直机关工委' });
    expect((await client().get('/api/v1/certificates/not-a-real-code')).status).toBe(404);
    expect((await client().get(`/api/v1/certificates/${cert.body.code}/qr.svg`)).text).toContain('<svg');
  });

  it('issues no certificate without approved hours, and exports records as a 台账', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    const id = await volunteer(root);
    const member = await signedIn(PHONES.fgwMember);
    const none = await member.get(`/api/v1/campaigns/${id}/certificate`);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain('还没有');
    await member.post(`/api/v1/campaigns/${id}/service-records`, { date: today(), hours: 1, description: '社区服务' });
    const file = await root.get(`/api/v1/campaigns/${id}/service-records/export?format=csv`);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.text).toContain('社区服务');
    expect((await member.get(`/api/v1/campaigns/${id}/service-records/export`)).status).toBe(403);
  });

  it('has a demo 1+1 campaign with pairs and records in every state', async () => {
    const root = await signedIn(PHONES.rootOrganizer);
    for (const status of ['pending', 'approved', 'rejected']) {
      const r = await root.get(`/api/v1/campaigns/one-plus-one/service-records?status=${status}&limit=5`);
      expect(r.body.items.length, status).toBeGreaterThan(0);
    }
    const st = await root.get('/api/v1/campaigns/one-plus-one/volunteer-stats');
    expect(st.body.pairs).toBeGreaterThan(50);
    expect(st.body.leadRate).toBeGreaterThan(0.2);
  });
});

/* ---- 服务活动 (service activities): sign-up, rotating code, check-in/out → hours ---- */
