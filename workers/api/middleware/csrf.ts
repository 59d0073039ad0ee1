import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/env';
import { ApiError } from '../lib/errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes must come from our own pages. A browser always sends Origin on cross-site writes,
 * so a foreign Origin is refused outright (also before sign-in: no login CSRF); a
 * cookie-authenticated write must name our origin in Origin or Referer.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const self = new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    const referer = c.req.header('referer');
    let sameSite: boolean | null = null;
    if (origin && origin !== 'null') sameSite = origin === self;
    else if (referer) sameSite = referer === self || referer.startsWith(self + '/');
    if (sameSite === false || (sameSite === null && c.var.cookieAuth)) throw new ApiError('forbidden', 'msg.csrf');
  }
  await next();
});
