import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { signPage, wechatAppId } from '../../lib/wechat';
import { WechatSignature, WechatSignatureQuery } from '../../../../shared/contracts/wechat';

/** WeChat share cards: the JS-SDK's page signature, made here from the official account's secrets. */
export const wechatRoutes = createApp().get(
  '/signature',
  describeRoute({
    tags: ['Share'],
    summary:
      'wx.config for a page of this site (appId, timestamp, nonceStr, signature); 404 when no WeChat official account is configured (WECHAT_APP_ID / WECHAT_APP_SECRET)',
    responses: { 200: json(WechatSignature) },
  }),
  valid('query', WechatSignatureQuery),
  async (c) => {
    if (!wechatAppId(c.env)) throw new ApiError('not_found', 'msg.wechat_off');
    const url = c.req.valid('query').url;
    // only our own pages: a signature is a capability of our official account, not a service for other sites
    if (new URL(url).origin !== new URL(c.req.url).origin) throw new ApiError('validation_failed', undefined, {}, { url: { key: 'msg.wechat_url' } });
    c.header('Cache-Control', 'no-store');
    return c.json(await signPage(c.var.db, c.env, url));
  },
);
