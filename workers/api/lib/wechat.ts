import { randomToken } from '../../../db/ids';
import { cachedToken, storeToken } from '../../../db/queries/wechat';
import type { Db } from '../../../db/client';
import { wechatSignature } from '../../../shared/wechat';
import { ApiError } from './errors';

const API = 'https://api.weixin.qq.com/cgi-bin';

/** The official account's app id when both WECHAT_APP_ID and WECHAT_APP_SECRET are set; else WeChat sharing is off. */
export const wechatAppId = (env: Env): string | null => (env.WECHAT_APP_ID && env.WECHAT_APP_SECRET ? env.WECHAT_APP_ID : null);

async function fetchJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || (body.errcode !== undefined && body.errcode !== 0)) {
    console.error('wechat', url.replace(/secret=[^&]+|access_token=[^&]+/g, '…'), res.status, body.errcode, body.errmsg);
    throw new ApiError('unavailable', 'msg.wechat_unavailable');
  }
  return body;
}

/**
 * The jsapi_ticket, from D1 while valid (WeChat gives 7200 s and limits how often it may be
 * asked), else through a fresh access_token; both are kept until shortly before they expire.
 */
async function jsapiTicket(db: Db, env: Env, now: number): Promise<string> {
  const cached = await cachedToken(db, 'jsapi_ticket', now);
  if (cached) return cached;
  let token = await cachedToken(db, 'access_token', now);
  if (!token) {
    const t = await fetchJson(
      `${API}/token?grant_type=client_credential&appid=${encodeURIComponent(env.WECHAT_APP_ID!)}&secret=${encodeURIComponent(env.WECHAT_APP_SECRET!)}`,
    );
    token = String(t.access_token ?? '');
    if (!token) throw new ApiError('unavailable', 'msg.wechat_unavailable');
    await storeToken(db, 'access_token', token, new Date(now + Number(t.expires_in ?? 7200) * 1000).toISOString());
  }
  const tk = await fetchJson(`${API}/ticket/getticket?access_token=${encodeURIComponent(token)}&type=jsapi`);
  const ticket = String(tk.ticket ?? '');
  if (!ticket) throw new ApiError('unavailable', 'msg.wechat_unavailable');
  await storeToken(db, 'jsapi_ticket', ticket, new Date(now + Number(tk.expires_in ?? 7200) * 1000).toISOString());
  return ticket;
}

/** wx.config's fields for one page of this site. */
export async function signPage(db: Db, env: Env, url: string, now = Date.now()) {
  const appId = wechatAppId(env)!;
  const ticket = await jsapiTicket(db, env, now);
  const nonceStr = randomToken(12).replace(/[-_]/g, 'x');
  const timestamp = Math.floor(now / 1000);
  return { appId, timestamp, nonceStr, signature: await wechatSignature({ ticket, nonceStr, timestamp, url }) };
}
