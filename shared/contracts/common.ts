import * as v from 'valibot';
import { MAX_URL_LENGTH, safeHttpUrl } from '../links';

/**
 * Custom valibot messages are message keys (see shared/messages.ts), so the API can answer
 * in the caller's language; issues without a key get a generic message by their type.
 */
export const PHONE_RE = /^1[3-9]\d{9}$/;

export const Phone = v.pipe(v.string('msg.phone'), v.trim(), v.regex(PHONE_RE, 'msg.phone'));
export const Password = v.pipe(v.string(), v.minLength(8, 'msg.password_short'), v.maxLength(128));
export const PersonName = v.pipe(v.string(), v.trim(), v.minLength(1, 'msg.required'), v.maxLength(40));
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
export const IsoTime = v.pipe(v.string(), v.isoTimestamp('msg.iso_time'));

/** `?limit=&cursor=` of every list (limit default 20, max 100). */
export const ListQuery = {
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'msg.limit'), v.transform(Number), v.minValue(1, 'msg.limit'), v.maxValue(100, 'msg.limit')),
    '20',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
};

export const Page = <T extends v.GenericSchema>(item: T) =>
  v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });

export const ErrorEnvelope = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    fields: v.optional(v.record(v.string(), v.string())),
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
