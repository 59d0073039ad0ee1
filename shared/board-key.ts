/**
 * Board keys (API.md: "user ids never appear on public boards; boards use keys that can't be
 * linked across campaigns"). A person's key on a campaign's boards is a keyed hash of the
 * campaign and the person: stable within the campaign (so "my rank" finds it and live
 * updates move the same row), different in every other campaign, and not computable without
 * the deployment's secret, so nobody can test a known user id against a board.
 *
 * Written with WebCrypto so the Worker, the browser and Node (the demo seed) share one rule;
 * db/seed/demo.mjs repeats it with node:crypto and a unit test holds them equal.
 */

/** 16 bytes of HMAC-SHA256 (128 bits): far beyond collisions on any board, 22 characters. */
const KEY_BYTES = 16;

/**
 * Anonymous pledges rank on their own entry, apart from the donor's named one, under a key
 * with this prefix: public reads show such entries without a unit (API.md: anonymous donors
 * are 爱心人士), and their key is derived from another input, so it links to nobody.
 */
export const ANONYMOUS_KEY_PREFIX = 'anon.';

export const isAnonymousKey = (key: string) => key.startsWith(ANONYMOUS_KEY_PREFIX);

/** The name anonymous donors go by on every public read. */
export const ANONYMOUS_NAME = '爱心人士';

function b64url(buf: Uint8Array): string {
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, k);
  }
  return k;
}

/** `base64url(HMAC-SHA256(secret, campaignId + ':' + subject))`, truncated to 16 bytes. */
export async function boardKeyOf(secret: string, campaignId: string, subject: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(`${campaignId}:${subject}`));
  return b64url(new Uint8Array(mac).slice(0, KEY_BYTES));
}

/** The key of a person's anonymous giving in a campaign: not their named key, and not derivable from it. */
export async function anonymousBoardKeyOf(secret: string, campaignId: string, userId: string): Promise<string> {
  return ANONYMOUS_KEY_PREFIX + (await boardKeyOf(secret, campaignId, `anonymous:${userId}`));
}
