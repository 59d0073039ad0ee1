/**
 * 居民身份证号 (GB 11643-1999): 17 digits — region, birth date, sequence — and a check
 * character, ISO 7064 MOD 11-2 over the 17 digits ('X' stands for 10). Browser-safe: the
 * booking form checks what is typed before it is sent, the API checks it again.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character the first 17 digits call for. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Spaces dropped and a lower-case x raised, as people type it. */
export const normalizeIdNumber = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** A well-formed 18-character ID number: the shape, a real birth date (not in the future), the check character. */
export function isIdNumber(raw: string, now = Date.now()): boolean {
  const s = normalizeIdNumber(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const born = Date.UTC(y, m - 1, d);
  const date = new Date(born);
  if (y < 1850 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || born > now) return false;
  return idCheckChar(s) === s[17];
}

/**
 * What is stored and shown of an ID number: its last four characters only (the gate checks
 * them against the card held up with the name). No hash is kept either: an ID number has
 * so little entropy (region, birth date, three digits) that any hash of it could be
 * reversed by trying every candidate, so a hash would be the number itself in disguise.
 */
export function maskIdNumber(raw: string): string {
  const s = normalizeIdNumber(raw);
  return `${'*'.repeat(Math.max(0, s.length - 4))}${s.slice(-4)}`;
}
