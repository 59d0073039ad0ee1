import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { client } from '../helpers';
import { wechatSignature } from '../../shared/wechat';
import { signPage } from '../../workers/api/lib/wechat';
import { storeToken } from '../../db/queries/wechat';
import { createDb } from '../../db/client';

const metas = (html: string, prop: string) => [...html.matchAll(new RegExp(`<meta property="${prop}" content="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('share cards (Open Graph)', () => {
  it('gives a campaign page one set of Open Graph tags, its own, with a picture from our origin', async () => {
    const r = await client().get('/c/dangshi-daily');
    expect(r.status).toBe(200);
    for (const p of ['og:title', 'og:description', 'og:type', 'og:url', 'og:image', 'og:site_name']) expect(metas(r.text, p), p).toHaveLength(1);
    expect(metas(r.text, 'og:title')).toEqual(['党史学习教育每日答题']);
    expect(metas(r.text, 'og:image')).toEqual(['http://127.0.0.1:8787/share/quiz.png']);
    expect(r.text.match(/<meta name="description"/g)).toHaveLength(1);
    // the picture is there, from our own origin
    const img = await client().get('/share/quiz.png');
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toContain('image/png');
    // a page without its own card keeps the generic set, once
    const home = await client().get('/');
    expect(metas(home.text, 'og:title')).toEqual(['同心']);
  });

  it('each kind has its default picture', async () => {
    for (const [slug, kind] of [
      ['hanmo-danqing', 'contest'],
      ['one-plus-one', 'volunteer'],
      ['jinqiu-zhuxue', 'drive'],
      ['hanmo-exhibition', 'exhibition'],
    ]) {
      const r = await client().get(`/c/${slug}`);
      expect(metas(r.text, 'og:image'), slug).toEqual([`http://127.0.0.1:8787/share/${kind}.png`]);
      expect((await client().get(`/share/${kind}.png`)).status).toBe(200);
    }
  });
});

describe('WeChat JS-SDK signature', () => {
  it("signs as WeChat's documented example does (sha1 of the sorted fields, url without #fragment)", async () => {
    const example = {
      ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      timestamp: 1414587457,
      url: 'http://mp.weixin.qq.com?params=value',
    };
    expect(await wechatSignature(example)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    expect(await wechatSignature({ ...example, url: `${example.url}#share` })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('is off without the secrets: 404 wechat_off, and pages carry no WeChat marker', async () => {
    const r = await client().get(`/api/v1/wechat/signature?url=${encodeURIComponent('http://127.0.0.1:8787/c/dangshi-daily')}`);
    expect(r.status).toBe(404);
    expect(r.body.error.reason).toBe('wechat_off');
    expect(r.body.error.message).toContain('微信');
    expect((await client().get('/c/dangshi-daily')).text).not.toContain('tx-wechat');
  });

  it('signs with the ticket kept in D1 while it is valid (no request to WeChat)', async () => {
    const db = createDb(env.DB);
    const now = Date.now();
    await storeToken(db, 'jsapi_ticket', 'ticket-in-d1', new Date(now + 3600e3).toISOString());
    const on = { ...env, WECHAT_APP_ID: 'wx-test-app', WECHAT_APP_SECRET: 'secret' } as Env;
    const url = 'https://tongxin.example/c/dangshi-daily?from=timeline';
    const s = await signPage(db, on, url, now);
    expect(s.appId).toBe('wx-test-app');
    expect(s.timestamp).toBe(Math.floor(now / 1000));
    expect(s.signature).toBe(await wechatSignature({ ticket: 'ticket-in-d1', nonceStr: s.nonceStr, timestamp: s.timestamp, url }));
  });
});
