import { eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { figureSnapshots, orgUnits } from '../schema';

/* Stored figures (figure_snapshots): see workers/api/lib/snapshots.ts for when they are used. */

export async function readSnapshot(db: Db, key: string) {
  return (await db.select().from(figureSnapshots).where(eq(figureSnapshots.key, key)).limit(1))[0] ?? null;
}

export async function writeSnapshot(db: Db, key: string, body: string, computedAt: number, tookMs: number) {
  await db
    .insert(figureSnapshots)
    .values({ key, body, computedAt, tookMs })
    .onConflictDoUpdate({ target: figureSnapshots.key, set: { body, computedAt, tookMs } });
}

export async function deleteSnapshot(db: Db, key: string) {
  await db.delete(figureSnapshots).where(eq(figureSnapshots.key, key));
}

/** Snapshots computed before `before` (ms) are forgotten (cron). */
export async function purgeSnapshots(db: Db, before: number): Promise<number> {
  const r = await db.delete(figureSnapshots).where(lt(figureSnapshots.computedAt, before));
  return r.meta.changes ?? 0;
}

/** The roots of the org tree: whose 概览 the cron computes ahead of its readers. */
export async function rootUnits(db: Db) {
  return db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(isNull(orgUnits.parentId));
}
