import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { chunk, readBatch, writeBatch } from './util';

/*
 * Purges the cron runs (workers/jobs/scheduled.ts): rows that no reader can use any more.
 * Each deletes at most PURGE_BATCH rows a tick (bounded work; a backlog drains over ticks).
 */

export const PURGE_BATCH = 5_000;

/** Sessions past their expiry: `sessionUser` already refuses them, so they are dead weight. */
export async function purgeExpiredSessions(db: Db, nowIso: string): Promise<number> {
  const [r] = await writeBatch(db, [sql`DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions WHERE expires_at < ${nowIso} LIMIT ${PURGE_BATCH})`]);
  return r?.meta.changes ?? 0;
}

/**
 * The longest rate-limit window in use (login: 15 minutes; every window is at most a day). A
 * counter whose window started before now − this counts as zero for every reader (`rateHit`
 * restarts it, `rateCount` ignores it), so deleting it changes no decision.
 */
export const RATE_WINDOW_MAX_MS = 24 * 3600e3;

export async function purgeRateLimits(db: Db, now: number): Promise<number> {
  const [r] = await writeBatch(db, [
    sql`DELETE FROM rate_limits WHERE rowid IN (SELECT rowid FROM rate_limits WHERE window_start < ${now - RATE_WINDOW_MAX_MS} LIMIT ${PURGE_BATCH})`,
  ]);
  return r?.meta.changes ?? 0;
}

/**
 * Every column that holds an R2 key of the MEDIA bucket, by the key prefix it writes. An
 * object under one of these prefixes that no row names is an orphan (an upload whose row was
 * never written or was deleted). A module that stores R2 keys adds its column here; objects
 * under other prefixes are never touched.
 */
export const MEDIA_REFERENCES: ReadonlyArray<readonly [prefix: string, table: string, column: string]> = [
  ['covers/', 'campaigns', 'cover_key'],
  ['receipts/', 'pledges', 'receipt_key'],
  ['entries/', 'contest_entries', 'image_key'],
  ['entries/', 'contest_entries', 'display_key'],
  ['entries/', 'contest_entries', 'thumb_key'],
];

/** Which of `keys` some row still names (one read batch; ≤ 90 bound keys a statement). */
export async function referencedMediaKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const stmts = chunk(keys, 90).flatMap((part) =>
    MEDIA_REFERENCES.map(
      ([, table, column]) =>
        sql`SELECT ${sql.raw(column)} AS k FROM ${sql.raw(table)} WHERE ${sql.raw(column)} IN (${sql.join(
          part.map((k) => sql`${k}`),
          sql`, `,
        )})`,
    ),
  );
  if (!stmts.length) return new Set();
  const out = await readBatch(db, stmts);
  return new Set(out.flat().map((r) => String(r.k)));
}

export async function jobCursor(db: Db, name: string): Promise<string> {
  const [r] = await db.all<{ cursor: string }>(sql`SELECT cursor FROM job_cursors WHERE name = ${name}`);
  return r?.cursor ?? '';
}

export async function setJobCursor(db: Db, name: string, cursor: string, nowIso: string): Promise<void> {
  await db.run(sql`INSERT INTO job_cursors (name, cursor, updated_at) VALUES (${name}, ${cursor}, ${nowIso})
    ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
}
