/**
 * The rotating check-in code shown on a screen at the place (服务活动, training sessions):
 * six digits that change every minute, derived from a per-event secret, so a photo of the
 * screen forwarded in WeChat stops working within two minutes. Pure and browser-safe.
 */

/** The code shown at the place changes every minute. */
export const CODE_STEP_MS = 60_000;
/** Wrong codes a person may try in a minute before 429. */
export const CODE_GUESSES_PER_MINUTE = 10;

export const CODE_RE = /^\d{6}$/;

/** The minute a code belongs to (minutes since the epoch). */
export const codeMinute = (now: number) => Math.floor(now / CODE_STEP_MS);

/** When the code of `now` stops being the newest one (the countdown on the code page). */
export const nextCodeAt = (now: number) => (codeMinute(now) + 1) * CODE_STEP_MS;

/**
 * The 6-digit code of a minute: HMAC-SHA256(secret, minute) with the dynamic truncation of
 * HOTP (RFC 4226 §5.3), so nobody without the secret can tell the next code from the last one.
 */
export async function rotatingCode(secret: string, minute: number): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(String(minute))));
  const o = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[o]! & 0x7f) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

/**
 * Is `code` the code of this minute or of the one before? (Someone who read it at 09:00:59
 * and typed it at 09:01:10 still gets in; a photo forwarded in WeChat is dead within two minutes.)
 */
export async function codeMatches(secret: string, code: string, now: number): Promise<boolean> {
  if (!CODE_RE.test(code)) return false;
  const m = codeMinute(now);
  // the minute's own code first: a room checking in types it, and the older one costs a second HMAC
  if (timingSafeEqual(code, await rotatingCode(secret, m))) return true;
  return timingSafeEqual(code, await rotatingCode(secret, m - 1));
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}

/** Check-in opens this long before the start (and closes at the end). */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

export interface Times {
  startsAt: string;
  endsAt: string;
}

/** The check-in window: from 30 minutes before the start until the end. */
export function checkInWindow(a: Times): { from: number; to: number } {
  return { from: Date.parse(a.startsAt) - CHECK_IN_EARLY_MS, to: Date.parse(a.endsAt) };
}
