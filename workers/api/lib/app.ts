import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { ApiError, reasonOf } from './errors';
import { errMsg, msg } from '../../../shared/messages';
import type { ErrorBody } from '../../../shared/errors';
import { pickLang } from '../../../shared/i18n';

/** Renders any thrown error as the envelope; unknown errors are logged and become a bare 500. */
export function errorResponse(err: unknown, c: Context<AppEnv>): Response {
  const lang = c.var.lang ?? pickLang(c.req.header('accept-language'));
  if (err instanceof ApiError) {
    const body: ErrorBody & Record<string, unknown> = {
      error: {
        code: err.code,
        message: err.messageKey ? msg(err.messageKey, lang, err.params) : errMsg(err.code, lang),
      },
      ...err.extra,
    };
    const reason = reasonOf(err);
    if (reason) body.error.reason = reason;
    if (err.fields) {
      body.error.fields = Object.fromEntries(Object.entries(err.fields).map(([k, f]) => [k, typeof f === 'string' ? f : msg(f.key, lang, f.params)]));
      if (!err.messageKey) body.error.message = errMsg('validation_failed', lang);
    }
    return c.json(body, err.status as 400, err.headers);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 413 ? 'payload_too_large' : err.status === 401 ? 'unauthenticated' : 'validation_failed';
    return c.json({ error: { code, message: errMsg(code, lang) } }, err.status);
  }
  // A 500 is a bug: log what we need to find it, tell the user nothing internal.
  console.error(JSON.stringify({ level: 'error', requestId: c.var.requestId, path: c.req.path, error: String((err as Error)?.stack ?? err) }));
  return c.json({ error: { code: 'internal', message: errMsg('internal', lang) } }, 500);
}

/** The one app factory: every sub-app shares the env type and the error envelope (STYLE.md rule 2). */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.onError(errorResponse);
  app.notFound((c) => errorResponse(new ApiError('not_found'), c));
  return app;
}
