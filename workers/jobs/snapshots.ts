import type { Db } from '../../db/client';
import { purgeSnapshots, rootUnits } from '../../db/queries/snapshots';
import { overviewKey, overviewOf, type OverviewQuery } from '../api/lib/overview';
import { LIVE_SNAPSHOT_MS, REPORT_SNAPSHOT_MS, snapshotted } from '../api/lib/snapshots';
import { reportOf } from '../api/lib/report-scope';
import { REPORT_PRESETS } from '../../shared/report';
import { addDays, chinaDay } from '../../shared/china-time';

/**
 * The root's 概览 as the console first asks for it (the last 30 days, by day, against the 30
 * before), computed every tick so the snapshot a reader gets is never older than the tick and
 * nobody waits for the slow computation. Stored only where it is slow (a city's root); the
 * demo's is computed and dropped. Returns the units computed.
 */
export async function snapshotOverviews(db: Db, at: number): Promise<{ units: number }> {
  const q: OverviewQuery = { from: addDays(chinaDay(at), -29), series: 'day', compare: 'previous' };
  const roots = await rootUnits(db);
  for (const unit of roots) await snapshotted(db, overviewKey(unit.id, q), { maxAgeMs: LIVE_SNAPSHOT_MS, fresh: true }, () => overviewOf(db, unit, q));
  return { units: roots.length };
}

/** How often the cron runs (wrangler.jsonc `triggers`). */
const TICK_MS = 5 * 60e3;

/**
 * The root's report over each period the console's 报告 offers with one tap, counted again
 * the tick before its snapshot would be too old (an hour), so the first tap is never the slow
 * one. Where it is quick (the demo) nothing is stored and this is a cheap recount.
 */
export async function snapshotReports(db: Db, at: number): Promise<{ counted: number }> {
  const today = chinaDay(at);
  let counted = 0;
  for (const unit of await rootUnits(db))
    for (const p of REPORT_PRESETS) {
      // an answer younger than the hour less one tick is served as it is (no recount)
      await reportOf(db, unit, p.range(today), { maxAgeMs: REPORT_SNAPSHOT_MS - TICK_MS });
      counted++;
    }
  return { counted };
}

/** Snapshots are of the day they were asked on: a day later nobody reads them. */
export const purgeOldSnapshots = async (db: Db, at: number) => ({ deleted: await purgeSnapshots(db, at - 86_400e3) });
