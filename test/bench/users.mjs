// Bench participants: users with ready sessions, written straight into D1 before the
// server starts (registering thousands through the API would only measure PBKDF2).
import { createHash } from 'node:crypto';

export const benchToken = (i) => `bench-session-${i}-${'x'.repeat(20)}`;
const hash = (t) => createHash('sha256').update(t).digest('base64url');

/** SQL statements creating users bench-u0 … bench-u{n-1} with sessions (idempotent). */
export function benchUserStatements(n, now = Date.now()) {
  const iso = (ms) => new Date(ms).toISOString();
  const out = [];
  for (let i = 0; i < n; i += 200) {
    const users = [];
    const sessions = [];
    for (let j = i; j < Math.min(n, i + 200); j++) {
      users.push(`('bench-u${j}', '1350${String(j).padStart(7, '0')}', '压测${j}', 'x', '${iso(now)}')`);
      sessions.push(`('${hash(benchToken(j))}', 'bench-u${j}', '${iso(now)}', '${iso(now)}', '${iso(now + 864e5)}')`);
    }
    out.push(`INSERT OR IGNORE INTO users (id, phone, name, password_hash, created_at) VALUES ${users.join(',')}`);
    out.push(`INSERT OR IGNORE INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ${sessions.join(',')}`);
  }
  return out;
}
