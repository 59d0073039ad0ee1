import type { Context } from 'hono';
import { renderSVG } from 'uqr';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { nowIso } from '../../../db/ids';
import { rateHit, rateReset } from '../../../db/queries/accounts';
import { CODE_GUESSES_PER_MINUTE, codeMatches, codeMinute, nextCodeAt, rotatingCode } from '../../../shared/rotating-code';

/*
 * The server half of the rotating check-in code (shared/rotating-code.ts), used by 服务活动
 * and training sessions alike: the screen an organizer shows, and a guess-limited check.
 */

/** The code of this minute with the link a phone opens (its QR as SVG) and when it changes. */
export async function codeScreen(c: Context<AppEnv>, secret: string, linkOf: (code: string) => string) {
  const now = Date.now();
  const code = await rotatingCode(secret, codeMinute(now));
  const url = linkOf(code);
  c.header('Cache-Control', 'no-store');
  return { code, validUntil: nowIso(nextCodeAt(now)), serverTime: nowIso(now), checkUrl: url, qrSvg: renderSVG(url, { border: 1 }) };
}

/**
 * Does `code` match the screen now? Every code tried counts (atomically, so parallel guesses
 * cannot slip past): six digits are found only by many tries, so more than
 * CODE_GUESSES_PER_MINUTE a minute per person is 429; the right code clears the count.
 */
export async function codeAccepted(c: Context<AppEnv>, userId: string, secret: string, code: string, now = Date.now()): Promise<boolean> {
  const guessKey = `sa-code:${userId}`;
  const hit = await rateHit(c.var.db, guessKey, 60e3);
  if (hit.count > CODE_GUESSES_PER_MINUTE)
    throw new ApiError('rate_limited', 'msg.sa_code_rate', {}, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(hit.retryAfterMs / 1000))) });
  if (!(await codeMatches(secret, code, now))) return false;
  await rateReset(c.var.db, guessKey);
  return true;
}
