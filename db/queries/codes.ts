import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { devOutbox, sessions, users, verificationCodes } from '../schema';
import type { Db } from '../client';
import type { CodePurpose, SmsPurpose } from '../../shared/kinds';
import { newId, nowIso } from '../ids';
import { writeBatch } from './util';

const dialect = new SQLiteSyncDialect();

/** One raw statement (conditional insert/update with RETURNING) and its first row. */
async function first<T>(db: Db, statement: SQL): Promise<T | null> {
  const q = dialect.sqlToQuery(statement);
  return (db.$client as D1Database)
    .prepare(q.sql)
    .bind(...q.params)
    .first<T>();
}

/** API.md: a code lives 10 minutes, allows 5 wrong tries; one a minute and 10 a day per phone. */
export const CODE_RULES = { ttlMs: 10 * 60e3, maxAttempts: 5, perMinute: 1, minuteMs: 60e3, perDay: 10, dayMs: 24 * 3600e3 } as const;

/**
 * Stores a new code unless the phone is over its limits — in one conditional INSERT, so
 * parallel requests can never issue more than the limits allow. Returns null when refused.
 */
export async function insertCode(db: Db, input: { phone: string; purpose: CodePurpose; codeHash: string }, now = Date.now()) {
  const id = newId(now);
  const expiresAt = nowIso(now + CODE_RULES.ttlMs);
  const row = await first<{ id: string }>(
    db,
    sql`
    INSERT INTO verification_codes (id, phone, purpose, code_hash, created_at, expires_at, attempts)
    SELECT ${id}, ${input.phone}, ${input.purpose}, ${input.codeHash}, ${nowIso(now)}, ${expiresAt}, 0
    WHERE (SELECT COUNT(*) FROM verification_codes WHERE phone = ${input.phone} AND created_at > ${nowIso(now - CODE_RULES.minuteMs)}) < ${CODE_RULES.perMinute}
      AND (SELECT COUNT(*) FROM verification_codes WHERE phone = ${input.phone} AND created_at > ${nowIso(now - CODE_RULES.dayMs)}) < ${CODE_RULES.perDay}
    RETURNING id`,
  );
  return row ? { id: row.id, expiresAt } : null;
}

/** When the phone may ask for a code again (ms from now), after `insertCode` refused. */
export async function codeRetryAfterMs(db: Db, phone: string, now = Date.now()): Promise<number> {
  const rows = await db
    .select({ createdAt: verificationCodes.createdAt })
    .from(verificationCodes)
    .where(and(eq(verificationCodes.phone, phone), gt(verificationCodes.createdAt, nowIso(now - CODE_RULES.dayMs))))
    .orderBy(desc(verificationCodes.createdAt));
  let wait = 1000;
  const newest = rows[0] && Date.parse(rows[0].createdAt);
  if (newest && newest > now - CODE_RULES.minuteMs) wait = Math.max(wait, newest + CODE_RULES.minuteMs - now);
  if (rows.length >= CODE_RULES.perDay) {
    // the day's window frees a slot when the oldest code still in it leaves it
    const oldest = Date.parse(rows[CODE_RULES.perDay - 1]!.createdAt);
    wait = Math.max(wait, oldest + CODE_RULES.dayMs - now);
  }
  return wait;
}

/** A code whose text message could not be sent does not count against the limits. */
export async function deleteCode(db: Db, id: string) {
  await db.delete(verificationCodes).where(eq(verificationCodes.id, id));
}

/**
 * Checks a code against the newest one of the phone and purpose (a newer code replaces the
 * older ones) in one UPDATE: the right code is marked used, a wrong one counts a try. So a
 * code is used once even under parallel requests, and burns after the 5th wrong try.
 */
export async function consumeCode(db: Db, input: { phone: string; purpose: CodePurpose; codeHash: string }, now = Date.now()): Promise<boolean> {
  const at = nowIso(now);
  const row = await first<{ used_at: string | null }>(
    db,
    sql`
    UPDATE verification_codes
    SET attempts = attempts + (code_hash <> ${input.codeHash}),
        used_at = CASE WHEN code_hash = ${input.codeHash} THEN ${at} ELSE NULL END
    WHERE id = (SELECT id FROM verification_codes WHERE phone = ${input.phone} AND purpose = ${input.purpose} ORDER BY created_at DESC, id DESC LIMIT 1)
      AND used_at IS NULL AND attempts < ${CODE_RULES.maxAttempts} AND expires_at > ${at}
    RETURNING used_at`,
  );
  return !!row?.used_at;
}

/** A new password and the end of every session of the user, all or nothing. */
export async function resetPassword(db: Db, userId: string, passwordHash: string) {
  await writeBatch(db, [db.update(users).set({ passwordHash }).where(eq(users.id, userId)), db.delete(sessions).where(eq(sessions.userId, userId))]);
}

export async function saveToOutbox(db: Db, message: { phone: string; purpose: SmsPurpose; code: string }) {
  await db.insert(devOutbox).values({ id: newId(), phone: message.phone, purpose: message.purpose, code: message.code, sentAt: nowIso() });
}

/** The dev outbox of one phone, newest first. */
export async function listOutbox(db: Db, phone: string, limit = 20) {
  return db
    .select({ phone: devOutbox.phone, purpose: devOutbox.purpose, code: devOutbox.code, sentAt: devOutbox.sentAt })
    .from(devOutbox)
    .where(eq(devOutbox.phone, phone))
    .orderBy(desc(devOutbox.sentAt), desc(devOutbox.id))
    .limit(limit);
}
