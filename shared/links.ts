/**
 * The one check every stored link passes before it becomes an href: an absolute http: or
 * https: URL, nothing else. Browser-safe and tiny, so the partner widgets (which must stay
 * small) run the same rule as the API contracts. Stored rows predate the contract, so
 * whoever renders a link checks again rather than trusting what the database holds.
 */
export const MAX_URL_LENGTH = 500;

// Any whitespace or control character inside the URL is refused outright: browsers drop
// tabs and newlines while parsing ("java\tscript:" runs as javascript:), so a link that
// needs them is a trick, never a real address.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/;
const SCHEME = /^https?:\/\/[^/?#]/i;

/** The trimmed link when it is an absolute http(s) URL with a host; null for anything else. */
export function safeHttpUrl(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim();
  if (!s || s.length > MAX_URL_LENGTH || UNSAFE_CHARS.test(s) || !SCHEME.test(s)) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  // credentials in a link ("https://bank.example@evil.example") only serve to mislead
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password) return null;
  return s;
}
