import type { Db } from '../../../db/client';
import { nowIso } from '../../../db/ids';
import { deleteSnapshot, readSnapshot, writeSnapshot } from '../../../db/queries/snapshots';

/*
 * Figures that are slow to compute are kept for a while and served as computed, with the time
 * they were computed (`asOf`). A city's root is the case: its 概览 counts distinct members
 * over 30 days × every committee × every day, its five-year report distinct participants over
 * five years — seconds each, however the rollups are laid out, while the figures change little
 * from one minute to the next. A small subtree (anything computed under SNAPSHOT_SLOW_MS) is
 * always computed live, so its organizers see their own writes at once; a reader may always
 * ask for `fresh` figures. The cron computes the root's default 概览 and its report presets ahead
 * of their readers (workers/jobs/snapshots.ts), so nobody waits for the slow ones.
 */

/** Computations faster than this are never stored. */
export const SNAPSHOT_SLOW_MS = 1500;
/** 概览: the cron's period (it counts the root's every tick). */
export const LIVE_SNAPSHOT_MS = 5 * 60e3;
/** A report: a document of years, not a live view; the cron counts the root's presets again before they are this old. */
export const REPORT_SNAPSHOT_MS = 60 * 60e3;

export interface SnapshotPolicy {
  maxAgeMs: number;
  /** recompute whatever is stored */
  fresh?: boolean | undefined;
  slowMs?: number;
}

export async function snapshotted<T>(db: Db, key: string, policy: SnapshotPolicy, compute: () => Promise<T>): Promise<{ value: T; asOf: string }> {
  const stored = await readSnapshot(db, key);
  const now = Date.now();
  if (stored && !policy.fresh && now - stored.computedAt <= policy.maxAgeMs) return { value: JSON.parse(stored.body) as T, asOf: nowIso(stored.computedAt) };
  const t0 = Date.now();
  const value = await compute();
  const took = Date.now() - t0;
  if (took >= (policy.slowMs ?? SNAPSHOT_SLOW_MS)) await writeSnapshot(db, key, JSON.stringify(value), t0, took);
  // it has become quick (a smaller subtree, or data moved): live from now on
  else if (stored) await deleteSnapshot(db, key);
  return { value, asOf: nowIso(t0) };
}
