import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { sha256 } from './crypto';
import { clientAddress } from './guards';
import { senderFor, SmsError } from './sms';
import { codeRetryAfterMs, consumeCode, deleteCode, insertCode } from '../../../db/queries/codes';
import { rateHit } from '../../../db/queries/accounts';
import type { CodePurpose } from '../../../shared/kinds';

/** Codes one network address may request in a window (many phones from one place = SMS pumping). */
export const CODE_ADDRESS_LIMIT = { perAddress: 30, windowMs: 10 * 60e3 };

/** Six uniformly random digits (rejection sampling keeps `% 1e6` unbiased). */
export function randomCode(): string {
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < 4_294_000_000) return String(buf[0]! % 1_000_000).padStart(6, '0');
  }
}

/**
 * What is stored instead of the code. Bound to phone and purpose so a hash is useless for
 * any other check; six digits are easy to brute-force offline, so the real protection is
 * the 10-minute life and the 5-try limit, the hash only keeps codes out of plain sight.
 */
export const codeHash = (phone: string, purpose: CodePurpose, code: string) => sha256(`tongxin-sms:${purpose}:${phone}:${code}`);

const retryAfter = (ms: number) => ({ 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) });

/** Issues and sends a code (API.md `POST /auth/codes`); 429 over the limits, 503 when delivery fails. */
export async function issueCode(c: Context<AppEnv>, phone: string, purpose: CodePurpose, options: { send: boolean }): Promise<{ expiresAt: string }> {
  const db = c.var.db;
  const hit = await rateHit(db, `codes:ip:${clientAddress(c)}`, CODE_ADDRESS_LIMIT.windowMs);
  if (hit.count > CODE_ADDRESS_LIMIT.perAddress) throw new ApiError('rate_limited', 'msg.code_rate_address', {}, undefined, retryAfter(hit.retryAfterMs));
  const code = randomCode();
  const stored = await insertCode(db, { phone, purpose, codeHash: await codeHash(phone, purpose, code) });
  if (!stored) throw new ApiError('rate_limited', 'msg.code_rate', {}, undefined, retryAfter(await codeRetryAfterMs(db, phone)));
  if (options.send) {
    try {
      await senderFor(c.env, db).send({ phone, purpose, code });
    } catch (e) {
      // An unsent code must not count against the phone's limits: the user asks again.
      await deleteCode(db, stored.id);
      if (e instanceof SmsError) {
        console.error(`[sms] ${e.message}`);
        throw new ApiError('unavailable', 'msg.sms_failed');
      }
      throw e;
    }
  } else {
    // Nothing is delivered (e.g. a reset for a phone with no account), but the row still
    // counts against the limits, so the answer looks the same either way.
  }
  return { expiresAt: stored.expiresAt };
}

/** Uses up the phone's current code for `purpose`, or refuses with 422 `code_invalid`. */
export async function requireCode(c: Context<AppEnv>, phone: string, purpose: CodePurpose, code: string): Promise<void> {
  const ok = await consumeCode(c.var.db, { phone, purpose, codeHash: await codeHash(phone, purpose, code) });
  if (!ok) throw new ApiError('unprocessable', 'msg.code_invalid', {}, { code: { key: 'msg.code_invalid' } });
}
