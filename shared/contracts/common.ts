import * as v from 'valibot';
import { MAX_URL_LENGTH, safeHttpUrl } from '../links';

/**
 * Custom valibot messages are message keys (see shared/messages.ts), so the API can answer
 * in the caller's language; issues without a key get a generic message by their type.
 */
export const PHONE_RE = /^1[3-9]\d{9}$/;

/**
 * Where text people type goes wrong on purpose: the index of the first character a name,
 * title or note must not hold, or -1. Refused: C0 controls and DEL/C1 (NUL included; tab,
 * newline and carriage return only in multi-line text), the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069: they make 「张三‮txt.exe」 read otherwise), and lone
 * surrogates (not text at all: they break UTF-8 exports and databases downstream).
 */
export function unsafeCharAt(s: string, multiline = false): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return i;
    }
    if (c >= 0x7f && c <= 0x9f) return i;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}
/** In the pipe of every one-line name or title: `v.pipe(v.string(), SafeLine, …)`. */
export const SafeLine = v.check((s: string) => unsafeCharAt(s) < 0, 'msg.text_unsafe');
/** In the pipe of every multi-line description, message, note or reason (tab and newlines allowed). */
export const SafeText = v.check((s: string) => unsafeCharAt(s, true) < 0, 'msg.text_unsafe');

export const Phone = v.pipe(v.string('msg.phone'), v.trim(), v.regex(PHONE_RE, 'msg.phone'));
export const Password = v.pipe(v.string(), v.minLength(8, 'msg.password_short'), v.maxLength(128));
export const PersonName = v.pipe(v.string(), SafeLine, v.trim(), v.minLength(1, 'msg.required'), v.maxLength(40));
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
export const IsoTime = v.pipe(v.string(), v.isoTimestamp('msg.iso_time'));

/** `?limit=` of a list: 1…100 (0, negatives, words → 400), with a default. */
export const Limit = (dflt = 20) =>
  v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'msg.limit'), v.transform(Number), v.minValue(1, 'msg.limit'), v.maxValue(100, 'msg.limit')),
    String(dflt),
  );
export const Cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));

/** `?limit=&cursor=` of every list (limit default 20, max 100). */
export const ListQuery = { limit: Limit(), cursor: Cursor };

export const Page = <T extends v.GenericSchema>(item: T) => v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });

export const ErrorEnvelope = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    fields: v.optional(v.record(v.string(), v.string())),
    /** the rule that refused (shared/errors.ts REASONS, or the message key's rule name) */
    reason: v.optional(v.string()),
  }),
});

/** A portal page worth sharing: a campaign (or one of its pages) or a work. */
export const SHARE_PATH = /^\/(c\/[A-Za-z0-9_-]{1,64}(\/(quiz|rank|contest|gallery|results|volunteer|visit|drive))?|works\/[A-Za-z0-9_-]{1,64})$/;
export const SharePath = v.pipe(v.string('msg.share_path'), v.regex(SHARE_PATH, 'msg.share_path'));

/**
 * Every stored link: an absolute http: or https: URL (trimmed, at most 500 characters).
 * javascript:, data:, vbscript:, relative and protocol-relative links and whitespace or
 * control-character tricks are refused, because widgets put the link on partner pages.
 */
export const HttpUrl = v.pipe(
  v.string('msg.url'),
  v.trim(),
  v.maxLength(MAX_URL_LENGTH, 'msg.url'),
  v.check((s) => safeHttpUrl(s) !== null, 'msg.url'),
);

/** A China calendar date, YYYY-MM-DD (reports, periods, service dates). */
export const ChinaDate = v.pipe(
  v.string(),
  v.isoDate('msg.date'),
  // isoDate checks the shape only: 2026-02-30 must not pass
  v.check((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'msg.date'),
);
