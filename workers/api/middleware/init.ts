import { createMiddleware } from 'hono/factory';
import { createDb } from '../../../db/client';
import type { AppEnv } from '../lib/env';
import { pickLang } from '../../../shared/i18n';

/** Per-request services on c.var, built once (STYLE.md rule 6). */
export const init = createMiddleware<AppEnv>(async (c, next) => {
  c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID());
  c.set('lang', pickLang(c.req.header('x-lang') ?? c.req.header('accept-language')));
  c.set('db', createDb(c.env.DB));
  c.set('viewer', null);
  c.set('cookieAuth', false);
  await next();
  c.header('X-Request-Id', c.var.requestId);
  c.header('Content-Language', c.var.lang);
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});
