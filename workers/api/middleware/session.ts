import { createMiddleware } from 'hono/factory';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppEnv } from '../lib/env';
import { sha256 } from '../lib/crypto';
import { loadSession, SESSION_ABSOLUTE_MS } from '../../../db/queries/accounts';
import { rightsOf } from '../../../shared/rights';

export const SESSION_COOKIE = 'tx_session';

/** Secure everywhere but plain-http loopback, where browsers would drop a Secure cookie. */
function secureCookie(c: Context<AppEnv>): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname));
}

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(c),
    path: '/',
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c), httpOnly: true, sameSite: 'Lax' });
}

/** Loads the viewer from the session cookie; an unknown or expired session is simply anonymous. */
export const session = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    c.set('cookieAuth', true);
    if (token.length <= 100) {
      const idHash = await sha256(token);
      const s = await loadSession(c.var.db, idHash);
      if (s) {
        c.set('viewer', {
          ...s.user,
          ...rightsOf(s.memberships),
          sessionHash: idHash,
          memberships: s.memberships.map(({ orgUnitId, orgUnitName, role }) => ({ orgUnitId, orgUnitName, role })),
        });
      }
    }
  }
  await next();
});
