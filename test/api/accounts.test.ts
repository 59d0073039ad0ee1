import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client, freshPhone, signedIn, PHONES, DEMO_PASSWORD, outboxCode, registerUser } from '../helpers';

describe('register', () => {
  it('registers, signs in with an HttpOnly SameSite cookie and shows /me', async () => {
    const c = client();
    const phone = freshPhone();
    const r = await registerUser(c, { phone, password: 'secret-pass', name: '测试用户' });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ phone, name: '测试用户' });
    expect(r.body.user.password).toBeUndefined();
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain-http loopback only
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: { id: r.body.user.id, name: '测试用户', phone }, memberships: [] });
  });

  it('stores a PBKDF2 hash and only a hash of the session id', async () => {
    const c = client();
    const phone = freshPhone();
    await registerUser(c, { phone, password: 'secret-pass', name: '哈希' });
    const row = await env.DB.prepare('SELECT password_hash FROM users WHERE phone = ?').bind(phone).first<{ password_hash: string }>();
    expect(row!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    const token = c.cookie.split('=')[1]!;
    const raw = await env.DB.prepare('SELECT COUNT(*) n FROM sessions WHERE id_hash = ?').bind(token).first<{ n: number }>();
    expect(raw!.n).toBe(0);
  });

  it('makes a phone from an organizer’s roster a member of that unit', async () => {
    // 13700000000 is on the roster of a branch in the demo data and has no account yet.
    const c = client();
    const r = await registerUser(c, { phone: '13700000000', password: 'secret-pass', name: '名册成员' });
    expect(r.status).toBe(201);
    const me = await c.get('/api/v1/me');
    expect(me.body.memberships).toHaveLength(1);
    expect(me.body.memberships[0].role).toBe('member');
    const roster = await env.DB.prepare("SELECT user_id FROM roster_entries WHERE phone = '13700000000'").first<{ user_id: string }>();
    expect(roster!.user_id).toBe(r.body.user.id);
  });

  it('registers once under parallel requests with one code, and answers 409 for a taken phone', async () => {
    const phone = freshPhone();
    const c = client({ ip: '10.9.1.1' });
    expect((await c.post('/api/v1/auth/codes', { phone, purpose: 'register' })).status).toBe(202);
    const code = await outboxCode(c, phone);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        client({ ip: `10.9.0.${i}` }).post('/api/v1/auth/register', { phone, password: 'secret-pass', name: `并发${i}`, code }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422 && r.body.error.reason === 'code_invalid')).toHaveLength(4);
    const n = await env.DB.prepare('SELECT COUNT(*) n FROM users WHERE phone = ?').bind(phone).first<{ n: number }>();
    expect(n!.n).toBe(1);
    const again = await registerUser(client({ ip: '10.9.1.2' }), { phone: PHONES.fgwMember, password: 'secret-pass', name: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields.phone).toContain('已注册');
  });

  it('validates phone and password', async () => {
    const r = await client().post('/api/v1/auth/register', { phone: '123', password: 'x', name: '' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.code).toContain('必填'); // no code → 400
    expect(r.body.error.fields.phone).toContain('11位');
    expect(r.body.error.fields.password).toContain('8');
    expect(r.body.error.fields.name).toBeTruthy();
  });
});

describe('login and sessions', () => {
  it('signs in, rotates the session and signs out', async () => {
    const c = await signedIn(PHONES.fgwMember);
    const first = c.cookie;
    const me = await c.get('/api/v1/me');
    expect(me.body.user.phone).toBe(PHONES.fgwMember);
    expect(me.body.memberships).toEqual([expect.objectContaining({ orgUnitId: 'fgw-b1', role: 'member', orgUnitName: '第一党支部' })]);
    // signing in again replaces the old session id
    await c.post('/api/v1/auth/login', { phone: PHONES.fgwMember, password: DEMO_PASSWORD });
    expect(c.cookie).not.toBe(first);
    const old = client();
    old.cookie = first;
    expect((await old.get('/api/v1/me')).status).toBe(401);
    const out = await c.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('answers 401 invalid_credentials for a wrong password or unknown phone', async () => {
    const wrong = await client({ ip: '10.1.1.1' }).post('/api/v1/auth/login', { phone: PHONES.jyjMember, password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await client({ ip: '10.1.1.2' }).post('/api/v1/auth/login', { phone: '13999999999', password: 'nope-nope' });
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('limits repeated failures for one phone with 429 and Retry-After, even with the right password', async () => {
    const phone = PHONES.rootOrganizer;
    for (let i = 0; i < 5; i++) {
      const r = await client({ ip: `10.2.0.${i}` }).post('/api/v1/auth/login', { phone, password: 'wrong-password' });
      expect(r.status).toBe(401);
    }
    const limited = await client({ ip: '10.2.0.99' }).post('/api/v1/auth/login', { phone, password: DEMO_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits repeated failures from one address across phones', async () => {
    const c = client({ ip: '10.3.3.3' });
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await c.post('/api/v1/auth/login', { phone: `1391111${String(i).padStart(4, '0')}`, password: 'wrong-password' })).status;
    expect(last).toBe(429);
  });

  it('ignores forged and expired session cookies', async () => {
    const c = client();
    c.cookie = 'tx_session=forged-token';
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const real = await signedIn(PHONES.jyjMember);
    await env.DB.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await real.get('/api/v1/me')).status).toBe(401);
  });
});

describe('my activity', () => {
  it('lists the member’s activity newest first with totals and pages by cursor', async () => {
    const c = await signedIn(PHONES.fgwMember);
    await env.DB.prepare(
      "INSERT INTO activity_events (id, user_id, org_unit_id, org_path, campaign_id, kind, type, points, quantity, occurred_at, ref) VALUES ('ev-a1','user-member-fgw','fgw-b1','/root/fgw/fgw-b1/','camp-quiz','quiz','quiz_attempt',3,5,'2099-01-01T00:00:00.000Z','t1'),('ev-a2','user-member-fgw','fgw-b1','/root/fgw/fgw-b1/','camp-quiz','quiz','quiz_attempt',2,5,'2099-01-02T00:00:00.000Z','t2')",
    ).run();
    const r = await c.get('/api/v1/me/activity?limit=1');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ campaignTitle: '党史学习教育每日答题', campaignKind: 'quiz' });
    expect(r.body.totals.points).toBeGreaterThanOrEqual(5);
    const next = await c.get(`/api/v1/me/activity?limit=1&cursor=${r.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(r.body.items[0].id);
    expect((await client().get('/api/v1/me/activity')).status).toBe(401);
  });
});
