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

/** Whose guesses count together: one person's, across every screen they type at. */
export const codeGuessKey = (userId: string) => `sa-code:${userId}`;
export const CODE_GUESS_WINDOW_MS = 60e3;

/**
 * Does `code` match the screen now, given this try's `hit` on the person's guess count (taken
 * atomically before, so parallel guesses cannot slip past)? Six digits are found only by many
 * tries, so more than CODE_GUESSES_PER_MINUTE a minute per person is 429. On a match the caller
 * clears the count (`rateResetStatement(codeGuessKey(…))`), in its own write where it has one.
 */
export async function codeChecked(hit: { count: number; retryAfterMs: number }, secret: string, code: string, now = Date.now()): Promise<boolean> {
  if (hit.count > CODE_GUESSES_PER_MINUTE)
    throw new ApiError('rate_limited', 'msg.sa_code_rate', {}, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(hit.retryAfterMs / 1000))) });
  return codeMatches(secret, code, now);
}

/** `codeChecked` with its own hit and reset, for a route with nothing to batch them with. */
export async function codeAccepted(c: Context<AppEnv>, userId: string, secret: string, code: string, now = Date.now()): Promise<boolean> {
  const guessKey = codeGuessKey(userId);
  if (!(await codeChecked(await rateHit(c.var.db, guessKey, CODE_GUESS_WINDOW_MS, now), secret, code, now))) return false;
  await rateReset(c.var.db, guessKey);
  return true;
}
