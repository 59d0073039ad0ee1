import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, inOneDay, PHONES, registerUser, signedIn } from '../helpers';

/* Judges from outside through single-use invitations (API.md, "People, roles…"). */

let n = 0;
async function outsider() {
  const c = client({ ip: `10.77.${n % 250}.${(n * 3) % 250}` });
  const phone = freshPhone();
  const r = await registerUser(c, { phone, name: `外部评委${n++}`, password: 'judge-pass-2026' });
  expect(r.status).toBe(201);
  return { c, phone, id: r.body.user.id as string };
}

async function fgwContest() {
  const org = await signedIn(PHONES.fgwOrganizer);
  const r = await org.post('/api/v1/campaigns', { kind: 'contest', title: '邀请评委大赛', orgUnitId: 'fgw', ...inOneDay() });
  expect(r.status).toBe(201);
  expect((await org.post(`/api/v1/campaigns/${r.body.campaign.id}/publish`)).status).toBe(200);
  return { org, id: r.body.campaign.id as string };
}

describe('judge invitations', () => {
  it('an organizer invites; the link shows the contest and unit only; the judge signs in, accepts and joins the panel with a masked phone', async () => {
    const { org, id } = await fgwContest();
    const inv = await org.post(`/api/v1/campaigns/${id}/judge-invites`);
    expect(inv.status).toBe(201);
    expect(inv.body.code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(inv.body.url).toMatch(new RegExp(`/judge-invite/${inv.body.code}$`));
    expect(Date.parse(inv.body.expiresAt)).toBeGreaterThan(Date.now() + 13 * 86400e3);
    // only a hash of the code is kept
    const stored = await env.DB.prepare('SELECT code_hash FROM judge_invites WHERE id = ?').bind(inv.body.id).first<{ code_hash: string }>();
    expect(stored!.code_hash).not.toBe(inv.body.code);

    const pub = await client().get(`/api/v1/judge-invites/${inv.body.code}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ campaign: { id, title: '邀请评委大赛' }, inviterUnit: '市发展和改革委员会机关党委', valid: true, state: 'open' });
    expect(pub.text).not.toMatch(/1[3-9]\d{9}|13800000002/);
    const qr = await org.get(inv.body.qrUrl);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(qr.headers.get('cache-control')).toContain('no-store');

    const listed = await org.get(`/api/v1/campaigns/${id}/judge-invites`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(inv.body.id);
    expect(listed.text).not.toContain(inv.body.code);

    // signing in first
    expect((await client().post(`/api/v1/judge-invites/${inv.body.code}/accept`)).status).toBe(401);
    const judge = await outsider();
    const acc = await judge.c.post(`/api/v1/judge-invites/${inv.body.code}/accept`);
    expect(acc.status).toBe(200);
    expect(acc.body).toEqual({ accepted: true, campaignId: id });
    // idempotent for the same person
    expect((await judge.c.post(`/api/v1/judge-invites/${inv.body.code}/accept`)).status).toBe(200);

    const panel = await org.get(`/api/v1/campaigns/${id}/judges`);
    const row = panel.body.judges.find((j: { userId: string }) => j.userId === judge.id);
    expect(row.name).toMatch(/^外部评委/);
    expect(row.phone).toBe(`${judge.phone.slice(0, 3)}****${judge.phone.slice(-4)}`);
    expect(panel.text).not.toContain(judge.phone);
    expect((await client().get(`/api/v1/judge-invites/${inv.body.code}`)).body).toMatchObject({ valid: false, state: 'used' });
    expect((await org.get(`/api/v1/campaigns/${id}/judge-invites`)).body.items).toEqual([]);
    // and they judge: their assignments come from the panel
    expect((await judge.c.get('/api/v1/judging/assignments')).status).toBe(200);
  });

  it('single use under concurrency: of many people accepting one link at once, exactly one becomes a judge', async () => {
    const { org, id } = await fgwContest();
    const code = (await org.post(`/api/v1/campaigns/${id}/judge-invites`)).body.code as string;
    const people = await Promise.all([outsider(), outsider(), outsider(), outsider(), outsider()]);
    const results = await Promise.all(people.map((p) => p.c.post(`/api/v1/judge-invites/${code}/accept`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.reason === 'judge_invite_used')).toBe(true);
    const winner = people[results.findIndex((r) => r.status === 200)]!;
    const judges = (await org.get(`/api/v1/campaigns/${id}/judges`)).body.judges.map((j: { userId: string }) => j.userId);
    expect(judges).toEqual([winner.id]);
    // the same person twice at once: one judge row, both answers 200
    const code2 = (await org.post(`/api/v1/campaigns/${id}/judge-invites`)).body.code as string;
    const twice = await outsider();
    const both = await Promise.all([twice.c.post(`/api/v1/judge-invites/${code2}/accept`), twice.c.post(`/api/v1/judge-invites/${code2}/accept`)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM contest_judges WHERE campaign_id = ? AND user_id = ?')
      .bind(id, twice.id)
      .first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it('revoked and expired invitations cannot be accepted; only organizers of the contest make, list and revoke them', async () => {
    const { org, id } = await fgwContest();
    const a = (await org.post(`/api/v1/campaigns/${id}/judge-invites`)).body;
    const b = (await org.post(`/api/v1/campaigns/${id}/judge-invites`)).body;
    // another unit's organizer, a member, the public
    await env.DB.prepare(
      "INSERT OR IGNORE INTO memberships (id, user_id, org_unit_id, org_path, role, created_at) VALUES ('ms-jyj-org-inv', 'user-member-jyj', 'jyj', '/root/jyj/', 'organizer', '2026-01-01T00:00:00Z')",
    ).run();
    const other = await signedIn(PHONES.jyjMember);
    const member = await signedIn(PHONES.fgwMember);
    for (const [c, want] of [
      [other, 403],
      [member, 403],
      [client(), 401],
    ] as const) {
      expect((await c.post(`/api/v1/campaigns/${id}/judge-invites`)).status).toBe(want);
      expect((await c.get(`/api/v1/campaigns/${id}/judge-invites`)).status).toBe(want);
      expect((await c.call('DELETE', `/api/v1/campaigns/${id}/judge-invites/${a.id}`)).status).toBe(want);
    }
    // an invite id of another campaign is not this campaign's
    const { org: org2, id: id2 } = await fgwContest();
    expect((await org2.call('DELETE', `/api/v1/campaigns/${id2}/judge-invites/${a.id}`)).status).toBe(404);

    expect((await org.call('DELETE', `/api/v1/campaigns/${id}/judge-invites/${a.id}`)).status).toBe(204);
    expect((await org.call('DELETE', `/api/v1/campaigns/${id}/judge-invites/${a.id}`)).status).toBe(404);
    const judge = await outsider();
    const revoked = await judge.c.post(`/api/v1/judge-invites/${a.code}/accept`);
    expect(revoked.status).toBe(409);
    expect(revoked.body.error.reason).toBe('judge_invite_revoked');

    await env.DB.prepare("UPDATE judge_invites SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").bind(b.id).run();
    expect((await client().get(`/api/v1/judge-invites/${b.code}`)).body).toMatchObject({ valid: false, state: 'expired' });
    const expired = await judge.c.post(`/api/v1/judge-invites/${b.code}/accept`);
    expect(expired.status).toBe(409);
    expect(expired.body.error.reason).toBe('judge_invite_expired');
    expect((await org.get(`/api/v1/campaigns/${id}/judges`)).body.judges).toEqual([]);

    // unknown and malformed codes
    expect((await client().get(`/api/v1/judge-invites/${'A'.repeat(32)}`)).status).toBe(404);
    expect((await judge.c.post(`/api/v1/judge-invites/${'A'.repeat(32)}/accept`)).status).toBe(404);
    expect((await client().get('/api/v1/judge-invites/short')).status).toBe(400);
  });
});
