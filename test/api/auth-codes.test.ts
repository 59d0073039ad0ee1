import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import worker from '../../workers/index';
import { client, freshPhone, outboxCode, registerUser, signedIn, BASE, DEMO_PASSWORD, PHONES } from '../helpers';

let ipN = 0;
/** A client from its own address, so the per-address code limit never mixes tests. */
const fresh = () => client({ ip: `10.120.${Math.floor(ipN / 200)}.${ipN++ % 200}` });
const askCode = (c = fresh(), phone: string, purpose = 'register') => c.post('/api/v1/auth/codes', { phone, purpose });

/** Moves a phone's codes back in time, as if they had been requested `ms` earlier. */
async function age(phone: string, ms: number) {
  const rows = await env.DB.prepare('SELECT id, created_at, expires_at FROM verification_codes WHERE phone = ?')
    .bind(phone)
    .all<{ id: string; created_at: string; expires_at: string }>();
  for (const r of rows.results) {
    await env.DB.prepare('UPDATE verification_codes SET created_at = ?, expires_at = ? WHERE id = ?')
      .bind(new Date(Date.parse(r.created_at) - ms).toISOString(), new Date(Date.parse(r.expires_at) - ms).toISOString(), r.id)
      .run();
  }
}
const codeRows = async (phone: string) =>
  (await env.DB.prepare('SELECT COUNT(*) n FROM verification_codes WHERE phone = ?').bind(phone).first<{ n: number }>())!.n;

/** The Worker under a different configuration (e.g. without DEV_OUTBOX, as deployed). */
async function underEnv(overrides: Partial<Env>, method: string, path: string, body?: unknown) {
  const e = { ...env, ...overrides } as Env;
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete (e as unknown as Record<string, unknown>)[k];
  const req = new Request(BASE + path, {
    method,
    headers: { origin: BASE, 'content-type': 'application/json', 'cf-connecting-ip': `10.121.0.${ipN++ % 200}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await worker.fetch!(req as Request<unknown, IncomingRequestCfProperties>, e, createExecutionContext());
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

describe('POST /auth/codes', () => {
  it('sends a 6-digit code valid 10 minutes and stores only its hash', async () => {
    const phone = freshPhone();
    const c = fresh();
    const r = await askCode(c, phone);
    expect(r.status).toBe(202);
    const ttl = Date.parse(r.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60e3);
    expect(ttl).toBeLessThanOrEqual(10 * 60e3);
    const code = await outboxCode(c, phone);
    expect(code).toMatch(/^\d{6}$/);
    const row = await env.DB.prepare('SELECT * FROM verification_codes WHERE phone = ?').bind(phone).first<Record<string, unknown>>();
    expect(row).toMatchObject({ purpose: 'register', attempts: 0, used_at: null });
    expect(Object.values(row!).map(String)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it('issues at most one code a minute per phone, even to parallel requests', async () => {
    const phone = freshPhone();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => askCode(fresh(), phone, i % 2 ? 'reset' : 'register')));
    expect(results.filter((r) => r.status === 202)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.body.error.reason).toBe('code_rate');
    const wait = Number(refused[0]!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await codeRows(phone)).toBe(1);
    // a minute later the phone may ask again
    await age(phone, 61e3);
    expect((await askCode(fresh(), phone)).status).toBe(202);
  });

  it('issues at most 10 codes a day per phone, even to parallel requests', async () => {
    const phone = freshPhone();
    for (let i = 0; i < 9; i++) {
      expect((await askCode(fresh(), phone)).status).toBe(202);
      await age(phone, 61e3);
    }
    const results = await Promise.all(Array.from({ length: 5 }, () => askCode(fresh(), phone)));
    expect(results.filter((r) => r.status === 202)).toHaveLength(1);
    await age(phone, 61e3);
    const over = await askCode(fresh(), phone);
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    // the wait is until the oldest code of the last 24 hours leaves the window, not a minute
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(3600);
    expect(await codeRows(phone)).toBe(10);
    await age(phone, 24 * 3600e3);
    expect((await askCode(fresh(), phone)).status).toBe(202);
  });

  it('limits codes from one network address across phones', async () => {
    const c = client({ ip: '10.122.0.1' });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await askCode(c, freshPhone())).status);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('validates phone and purpose', async () => {
    const r = await fresh().post('/api/v1/auth/codes', { phone: '12345', purpose: 'spam' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.phone).toContain('11位');
    expect(r.body.error.fields.purpose).toContain('register');
  });

  it('answers 503 and keeps no code when the provider cannot send (misconfigured keys)', async () => {
    const phone = freshPhone();
    const r = await underEnv({ SMS_PROVIDER: 'aliyun' }, 'POST', '/api/v1/auth/codes', { phone, purpose: 'register' });
    expect(r.status).toBe(503);
    expect(r.body.error.reason).toBe('sms_failed');
    expect(await codeRows(phone)).toBe(0);
    expect((await askCode(fresh(), phone)).status).toBe(202); // the failure did not use up the minute
  });
});

describe('register with a code', () => {
  it('refuses a missing, malformed, wrong, expired or used code', async () => {
    const phone = freshPhone();
    const c = fresh();
    const body = { phone, password: 'secret-pass', name: '验证码' };
    let r = await c.post('/api/v1/auth/register', body);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.code).toBeTruthy();
    r = await c.post('/api/v1/auth/register', { ...body, code: '12ab56' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.code).toContain('6位');

    await askCode(c, phone);
    const code = await outboxCode(c, phone);
    const wrong = code === '000000' ? '000001' : '000000';
    r = await c.post('/api/v1/auth/register', { ...body, code: wrong });
    expect(r.status).toBe(422);
    expect(r.body.error.reason).toBe('code_invalid');
    expect(r.body.error.fields.code).toContain('验证码');

    await env.DB.prepare('UPDATE verification_codes SET expires_at = ? WHERE phone = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), phone)
      .run();
    r = await c.post('/api/v1/auth/register', { ...body, code });
    expect(r.status).toBe(422);
    expect(r.body.error.reason).toBe('code_invalid');
    expect((await env.DB.prepare('SELECT COUNT(*) n FROM users WHERE phone = ?').bind(phone).first<{ n: number }>())!.n).toBe(0);

    // a fresh code works once; the same code again is refused
    await age(phone, 61e3);
    expect((await registerUser(c, body)).status).toBe(201);
    const reuse = await fresh().post('/api/v1/auth/register', { ...body, code: await outboxCode(c, phone) });
    expect(reuse.status).toBe(422);
    expect(reuse.body.error.reason).toBe('code_invalid');
  });

  it('burns a code after 5 wrong tries', async () => {
    const phone = freshPhone();
    const c = fresh();
    await askCode(c, phone);
    const code = await outboxCode(c, phone);
    const body = { phone, password: 'secret-pass', name: '试错' };
    for (let i = 0; i < 5; i++) {
      const wrong = String((Number(code) + 1 + i) % 1e6).padStart(6, '0');
      expect((await c.post('/api/v1/auth/register', { ...body, code: wrong })).status).toBe(422);
    }
    const right = await c.post('/api/v1/auth/register', { ...body, code });
    expect(right.status).toBe(422);
    expect(right.body.error.reason).toBe('code_invalid');
  });

  it('checks only the newest code of the phone', async () => {
    const phone = freshPhone();
    const c = fresh();
    await askCode(c, phone);
    const first = await outboxCode(c, phone);
    await age(phone, 61e3);
    await askCode(c, phone);
    const second = await outboxCode(c, phone);
    const body = { phone, password: 'secret-pass', name: '新码' };
    if (first !== second) expect((await c.post('/api/v1/auth/register', { ...body, code: first })).status).toBe(422);
    expect((await c.post('/api/v1/auth/register', { ...body, code: second })).status).toBe(201);
  });

  it('refuses weak passwords with a field message in both languages', async () => {
    const phone = freshPhone();
    const cases: Array<[string, string, string]> = [
      ['aaaaaaaa', '同一个字符', 'one character'],
      [phone, '手机号', 'phone number'],
      ['12345678', '常见', 'common'],
      ['woaini1314', '常见', 'common'],
      ['1qaz2wsx', '常见', 'common'],
    ];
    for (const [password, zh, en] of cases) {
      const r = await fresh().post('/api/v1/auth/register', { phone, password, name: '弱密码', code: '123456' });
      expect(r.status, password).toBe(400);
      expect(r.body.error.fields.password, password).toContain(zh);
      const e = await client({ lang: 'en', ip: '10.123.0.1' }).post('/api/v1/auth/register', { phone, password, name: 'Weak', code: '123456' });
      expect(e.body.error.fields.password, password).toContain(en);
    }
    // nothing was used up: the weak attempts never reached the code
    expect(await codeRows(phone)).toBe(0);
  });
});

describe('POST /auth/password-reset', () => {
  it('sets a new password with a reset code and ends every session of the user', async () => {
    const phone = freshPhone();
    const a = fresh();
    expect((await registerUser(a, { phone, password: 'first-pass', name: '重置' })).status).toBe(201);
    const b = client({ ip: '10.124.0.2' });
    expect((await b.post('/api/v1/auth/login', { phone, password: 'first-pass' })).status).toBe(200);
    await age(phone, 61e3);
    const asker = fresh();
    expect((await askCode(asker, phone, 'reset')).status).toBe(202);
    const code = await outboxCode(asker, phone, 'reset');

    // a weak new password is refused before the code is touched
    let r = await asker.post('/api/v1/auth/password-reset', { phone, code, password: '88888888' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.password).toBeTruthy();
    // a register code is not a reset code
    r = await asker.post('/api/v1/auth/password-reset', { phone, code: await outboxCode(asker, phone, 'register'), password: 'second-pass' });
    expect(r.status).toBe(422);

    r = await asker.post('/api/v1/auth/password-reset', { phone, code, password: 'second-pass' });
    expect(r.status).toBe(204);
    expect((await a.get('/api/v1/me')).status).toBe(401);
    expect((await b.get('/api/v1/me')).status).toBe(401);
    expect((await client({ ip: '10.124.0.3' }).post('/api/v1/auth/login', { phone, password: 'first-pass' })).status).toBe(401);
    expect((await client({ ip: '10.124.0.4' }).post('/api/v1/auth/login', { phone, password: 'second-pass' })).status).toBe(200);
    // the code is used up
    r = await asker.post('/api/v1/auth/password-reset', { phone, code, password: 'third-pass-x' });
    expect(r.status).toBe(422);
    expect(r.body.error.reason).toBe('code_invalid');
  });

  it('answers a reset for a phone without an account like any other, but sends nothing', async () => {
    const phone = freshPhone();
    const c = fresh();
    const r = await askCode(c, phone, 'reset');
    expect(r.status).toBe(202);
    expect((await c.get(`/api/v1/dev/outbox?phone=${phone}`)).body.items).toEqual([]);
    expect(await codeRows(phone)).toBe(1); // it still counts against the limits
    const reset = await c.post('/api/v1/auth/password-reset', { phone, code: '123456', password: 'second-pass' });
    expect(reset.status).toBe(422);
    expect(reset.body.error.reason).toBe('code_invalid');
  });

  it('leaves the demo accounts signing in with their password, no code needed', async () => {
    for (const phone of Object.values(PHONES)) await signedIn(phone, { ip: `10.125.0.${phone.slice(-1)}` });
    expect(DEMO_PASSWORD).toBe('tongxin-demo');
  });
});

describe('GET /dev/outbox', () => {
  it('lists the codes sent to a phone, newest first, where DEV_OUTBOX=1', async () => {
    const phone = freshPhone();
    const c = fresh();
    await askCode(c, phone);
    await age(phone, 61e3);
    await askCode(c, phone, 'consent');
    const r = await c.get(`/api/v1/dev/outbox?phone=${phone}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { purpose: string }) => i.purpose)).toEqual(['consent', 'register']);
    expect(r.body.items[0]).toEqual({ phone, purpose: 'consent', code: expect.stringMatching(/^\d{6}$/), sentAt: expect.any(String) });
  });

  it('is 404 and stores nothing where DEV_OUTBOX is not set (as deployed)', async () => {
    const phone = freshPhone();
    const sent = await underEnv({ DEV_OUTBOX: undefined }, 'POST', '/api/v1/auth/codes', { phone, purpose: 'register' });
    expect(sent.status).toBe(202);
    const box = await underEnv({ DEV_OUTBOX: undefined }, 'GET', `/api/v1/dev/outbox?phone=${phone}`);
    expect(box.status).toBe(404);
    expect(box.body.error.code).toBe('not_found');
    expect((await env.DB.prepare('SELECT COUNT(*) n FROM dev_outbox WHERE phone = ?').bind(phone).first<{ n: number }>())!.n).toBe(0);
    // any value but "1" is off too
    expect((await underEnv({ DEV_OUTBOX: 'true' }, 'GET', `/api/v1/dev/outbox?phone=${phone}`)).status).toBe(404);
  });
});
