import { describe, expect, it } from 'vitest';
import { exports } from 'cloudflare:workers';

/* Security headers on every response the Worker makes, inside Hono or not; HSTS on https (issue 12, item 10). */

const fetchRaw = (url: string, init: RequestInit = {}) => exports.default.fetch(new Request(url, { redirect: 'manual', ...init }));

function expectSecure(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
}

describe('security headers outside Hono', () => {
  it('the /console redirect carries them', async () => {
    const res = await fetchRaw('http://127.0.0.1:8787/console');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:8787/console/');
    expectSecure(res);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('media answers (found or not) carry them', async () => {
    for (const path of ['/media/public/nothing-here.jpg', '/media/private/x', '/media/entries/nope/original']) {
      const res = await fetchRaw(`http://127.0.0.1:8787${path}`);
      expect(res.status).toBe(404);
      expectSecure(res);
      await res.arrayBuffer();
    }
  });

  it('API answers carry them', async () => {
    const res = await fetchRaw('http://127.0.0.1:8787/api/v1/nothing');
    expectSecure(res);
    await res.arrayBuffer();
  });
});

describe('HSTS', () => {
  it('is sent on every https response: API, redirect, media', async () => {
    for (const path of ['/api/v1/campaigns', '/console', '/media/public/none.png', '/api/v1/nothing']) {
      const res = await fetchRaw(`https://tongxin.example.cn${path}`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expectSecure(res);
      await res.arrayBuffer();
    }
  });

  it('is not sent on plain http (localhost development)', async () => {
    for (const path of ['/api/v1/campaigns', '/console']) {
      const res = await fetchRaw(`http://127.0.0.1:8787${path}`);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      await res.arrayBuffer();
    }
  });
});
