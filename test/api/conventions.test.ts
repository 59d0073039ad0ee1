import { describe, expect, it } from 'vitest';
import { client, signedIn, PHONES } from '../helpers';

describe('conventions', () => {
  it('answers health once D1 answers, with the security headers', async () => {
    const r = await client().get('/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(r.headers.get('referrer-policy')).toBeTruthy();
    expect(r.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers unknown API paths with a 404 envelope, never HTML', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/api/v1/campaigns/x/y/z']) {
      const r = await client().get(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      expect(r.headers.get('content-type')).toContain('application/json');
    }
  });

  it('speaks Chinese by default and English on request', async () => {
    const zh = await client().get('/api/v1/me');
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'unauthenticated', message: '请先登录。' });
    const en = await client({ lang: 'en-US,en;q=0.9' }).get('/api/v1/me');
    expect(en.body.error.message).toBe('Please sign in first.');
  });

  it('rejects malformed JSON, wrong types, unknown fields and over-long strings with field messages', async () => {
    const c = client();
    let r = await c.post('/api/v1/auth/register', '{"phone": ', { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.message).toContain('JSON');

    r = await c.post('/api/v1/auth/register', { phone: 13800000000, password: 'x', name: 'a', admin: true });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['admin', 'code', 'password', 'phone']);
    expect(r.body.error.fields.admin).toContain('字段');

    r = await c.post('/api/v1/auth/register', { phone: '13912345678', password: 'longenough', name: '名'.repeat(41) });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.name).toContain('40');

    r = await c.post('/api/v1/auth/register', 'phone=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses cookie-authenticated writes from another origin or with no origin', async () => {
    const org = await signedIn(PHONES.fgwOrganizer);
    const body = { parentId: 'fgw', name: '跨站测试支部', kind: 'branch' };
    let r = await org.post('/api/v1/org-units', body, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    const noOrigin = await signedIn(PHONES.fgwOrganizer, { origin: null });
    r = await noOrigin.post('/api/v1/org-units', body);
    expect(r.status).toBe(403);
    // a same-site Referer is enough when a browser leaves out Origin
    r = await noOrigin.post('/api/v1/org-units', body, { referer: 'http://127.0.0.1:8787/console/org' });
    expect(r.status).toBe(201);
    // nothing was created by the refused writes
    const units = await client().get('/api/v1/org-units');
    expect(units.body.items.filter((u: { name: string }) => u.name === '跨站测试支部')).toHaveLength(1);
  });

  it('refuses a foreign origin even before sign-in (no login CSRF)', async () => {
    const r = await client().post('/api/v1/auth/login', { phone: PHONES.fgwMember, password: 'tongxin-demo' }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('documents the API in OpenAPI from the validation schemas, and serves a docs page', async () => {
    const r = await client().get('/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/auth/register',
      '/auth/login',
      '/auth/logout',
      '/me',
      '/org-units',
      '/org-units/{id}/roster',
      '/org-units/{id}/metrics',
      '/campaigns',
      '/campaigns/{id}',
      '/campaigns/{id}/publish',
      '/campaigns/{id}/close',
    ]) {
      expect(paths, p).toContain(p);
    }
    const reg = r.body.paths['/auth/register'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(reg)).toContain('phone');
    const docs = await client().get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.text).toContain('/api/v1/campaigns');
  });

  it('serves the console app for /console/* navigations and the portal elsewhere, with headers', async () => {
    const portal = await client().get('/c/some-campaign');
    expect(portal.status).toBe(200);
    expect(portal.headers.get('content-type')).toContain('text/html');
    expect(portal.headers.get('content-security-policy')).toContain("script-src 'self'");
    const consoleRes = await client().get('/console/campaigns/new');
    expect(consoleRes.status).toBe(200);
    expect(consoleRes.text).not.toEqual(portal.text);
    expect(consoleRes.text).toContain('/console/');
    expect(consoleRes.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('writes share previews (title, Open Graph) into campaign pages for crawlers that run no script', async () => {
    const r = await client().get('/c/dangshi-daily');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<title>党史学习教育每日答题 · 同心</title>');
    expect(r.text).toContain('<meta property="og:title" content="党史学习教育每日答题">');
    expect(r.text).toContain('property="og:url" content="http://127.0.0.1:8787/c/dangshi-daily"');
    const work = await client().get('/works/entry-01');
    expect(work.text).toContain('<meta property="og:title" content="《晨光中的城市》">');
    expect(work.text).toContain('og:image');
    // drafts leak nothing
    const draft = await client().get('/c/fgw-policy-quiz');
    expect(draft.text).not.toContain('发改系统政策法规知识竞赛');
  });

  it('does not serve private media keys', async () => {
    const r = await client().get('/media/originals/secret.jpg');
    expect(r.status).toBe(404);
  });
});
