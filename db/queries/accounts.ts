import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { memberships, orgUnits, rateLimits, rosterEntries, sessions, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { isUniqueViolation, writeBatch } from './util';

export async function findUserByPhone(db: Db, phone: string) {
  return db.query.users.findFirst({ where: eq(users.phone, phone) });
}

/**
 * Creates the user and, when an organizer's roster lists the phone, the membership of
 * that unit — all in one batch. Returns null when the phone is taken (the unique index
 * decides, so two parallel registrations cannot both win).
 */
export async function createUser(db: Db, input: { phone: string; name: string; passwordHash: string }) {
  const id = newId();
  const now = nowIso();
  try {
    await writeBatch(db, [
      db.insert(users).values({ id, phone: input.phone, name: input.name, passwordHash: input.passwordHash, createdAt: now }),
      sql`
        INSERT INTO memberships (id, user_id, org_unit_id, org_path, role, created_at)
        SELECT ${newId()}, ${id}, r.org_unit_id, u.path, 'member', ${now}
        FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id
        WHERE r.phone = ${input.phone}
        ON CONFLICT DO NOTHING`,
      db.update(rosterEntries).set({ userId: id }).where(eq(rosterEntries.phone, input.phone)),
      // the registry's history (membership periods) knows the person from now on by their account too
      sql`UPDATE membership_periods SET user_id = ${id} WHERE roster_id IN (SELECT r.id FROM roster_entries r WHERE r.phone = ${input.phone})`,
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return { id, phone: input.phone, name: input.name };
}

export const SESSION_IDLE_MS = 7 * 24 * 3600e3;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600e3;
/** lastSeenAt is refreshed at most this often, so reads don't write on every request */
const TOUCH_MS = 3600e3;

export async function createSession(db: Db, userId: string, idHash: string, now = Date.now()) {
  await db.insert(sessions).values({
    idHash,
    userId,
    createdAt: nowIso(now),
    lastSeenAt: nowIso(now),
    expiresAt: nowIso(now + SESSION_ABSOLUTE_MS),
  });
}

export async function deleteSession(db: Db, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** The session's user and every membership with its unit, in one round trip. */
export async function loadSession(db: Db, idHash: string, now = Date.now()) {
  const [rows, ms] = await db.batch([
    db
      .select({ session: sessions, user: { id: users.id, name: users.name, phone: users.phone } })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, nowIso(now)), gt(sessions.lastSeenAt, nowIso(now - SESSION_IDLE_MS)))),
    db
      .select({ orgUnitId: memberships.orgUnitId, orgUnitName: orgUnits.name, role: memberships.role, path: orgUnits.path, depth: orgUnits.depth })
      .from(memberships)
      .innerJoin(sessions, eq(sessions.userId, memberships.userId))
      .innerJoin(orgUnits, eq(orgUnits.id, memberships.orgUnitId))
      .where(eq(sessions.idHash, idHash))
      .orderBy(orgUnits.depth, orgUnits.path),
  ]);
  const row = rows[0];
  if (!row) return null;
  if (Date.parse(row.session.lastSeenAt) < now - TOUCH_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: nowIso(now) })
      .where(eq(sessions.idHash, idHash));
  }
  return { user: row.user, memberships: ms };
}

/**
 * Fixed-window rate limit counters. `hit` adds one and returns the window's count in one
 * upsert, so parallel requests can't slip past the limit.
 */
export async function rateHit(db: Db, key: string, windowMs: number, now = Date.now()) {
  return rateHitOf(windowMs, now, await rateHitStatement(db, key, windowMs, now).get());
}

/** The upsert of `rateHit` alone, for a route that batches it with its own reads (one round trip). */
export function rateHitStatement(db: Db, key: string, windowMs: number, now = Date.now()) {
  const start = now - (now % windowMs);
  return db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: start })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} < ${start} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        windowStart: sql`${start}`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
}

/** What a hit's returned row means: the window's count so far and when the window ends. */
export function rateHitOf(windowMs: number, now: number, row: { count: number } | undefined) {
  const start = now - (now % windowMs);
  return { count: row?.count ?? 1, retryAfterMs: start + windowMs - now };
}

/**
 * Gives one hit of the current window back (the request turned out to be ordinary use, e.g.
 * a right room PIN), so a limit can count only misses yet be taken before the lookup: every
 * request holds a hit while it is looked up, so parallel guesses can't slip past the limit.
 */
export async function rateRefund(db: Db, key: string, windowMs: number, now = Date.now()) {
  const start = now - (now % windowMs);
  await db
    .update(rateLimits)
    .set({ count: sql`MAX(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, start)));
}

export async function rateCount(db: Db, keys: string[], windowMs: number, now = Date.now()) {
  const start = now - (now % windowMs);
  const rows = await db.select().from(rateLimits).where(inArray(rateLimits.key, keys));
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = 0;
  for (const r of rows) if (r.windowStart >= start) counts[r.key] = r.count;
  return { counts, retryAfterMs: start + windowMs - now };
}

export async function rateReset(db: Db, key: string) {
  await rateResetStatement(db, key);
}

export const rateResetStatement = (db: Db, key: string) => db.delete(rateLimits).where(eq(rateLimits.key, key));
