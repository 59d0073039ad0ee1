import { createDb, type Db } from '../../db/client';
import { closeEndedCampaigns } from '../../db/queries/campaigns';
import { purgeIdempotencyKeys } from '../../db/queries/drive';
import { purgeViewMarks } from '../../db/queries/contest';
import { chinaDay } from '../../shared/i18n';
import { markNoShows } from '../../db/queries/exhibition';
import { expireWaitlist } from '../../db/queries/exhibition-waitlist';
import { settleStaleRooms } from '../api/lib/live-rooms';
import { rollUpActivity } from '../../db/queries/metrics';
import { ANSWER_RETENTION_DAYS, compactQuizAnswers } from '../../db/queries/retention';
import { purgeExpiredSessions, purgeRateLimits } from '../../db/queries/maintenance';
import { remindVisits } from './visit-reminders';
import { purgeOrphanedMedia } from './orphans';
import { purgeNotifications, remindSessions } from './notifications';
import { purgeOldSnapshots, snapshotOverviews, snapshotReports } from './snapshots';

/** One cron job: what it returns (counts) is logged. */
export interface Job {
  name: string;
  run: (env: Env, db: Db, at: number) => Promise<unknown>;
}

/** The cron's jobs (every 5 minutes), in order. Each is independent of the others' success. */
export const JOBS: Job[] = [
  // campaigns whose end has passed stop taking part
  { name: 'close-ended-campaigns', run: async (_env, db, at) => ({ closed: (await closeEndedCampaigns(db, at)).length }) },
  // idempotency keys are kept at least 24 h (we keep 48 h), then forgotten
  { name: 'purge-idempotency-keys', run: (_env, db, at) => purgeIdempotencyKeys(db, new Date(at - 48 * 3600e3).toISOString()) },
  // gallery view marks (one count per viewer per day) matter only on their day
  { name: 'purge-view-marks', run: (_env, db, at) => purgeViewMarks(db, chinaDay(at - 7 * 86400e3)) },
  // bookings not checked in by the end of their slot become no-shows
  { name: 'mark-no-shows', run: (_env, db, at) => markNoShows(db, at) },
  // waiting lists (候补) of slots that are over, or of closed exhibitions, expire
  { name: 'expire-waitlist', run: (_env, db, at) => expireWaitlist(db, at) },
  // live rooms and matches that ended unread (or were left open for a day) reach D1 and the board
  { name: 'settle-stale-rooms', run: (env, db, at) => settleStaleRooms(env, db, at) },
  // new activity events fold into the daily rollups that metrics and reports read
  { name: 'roll-up-activity', run: async (_env, db) => ({ watermark: await rollUpActivity(db) }) },
  // after the fold: the root's 概览, computed ahead of its readers where it is slow (a city's)
  { name: 'snapshot-overviews', run: (_env, db, at) => snapshotOverviews(db, at) },
  // and its report over the periods 报告 offers with one tap, before their hour is up
  { name: 'snapshot-reports', run: (_env, db, at) => snapshotReports(db, at) },
  // per-answer rows past the retention period compact into per-attempt and per-question totals
  { name: 'compact-quiz-answers', run: (_env, db, at) => compactQuizAnswers(db, new Date(at - ANSWER_RETENTION_DAYS * 86400e3).toISOString()) },
  // 参观提醒: texts the day before a visit, to those who asked (each once)
  { name: 'remind-visits', run: (env, db, at) => remindVisits(env, db, at) },
  // purges: expired sessions, spent rate-limit counters, uploads no row names (older than a day)
  { name: 'purge-sessions', run: async (_env, db, at) => ({ deleted: await purgeExpiredSessions(db, new Date(at).toISOString()) }) },
  { name: 'purge-rate-limits', run: async (_env, db, at) => ({ deleted: await purgeRateLimits(db, at) }) },
  { name: 'purge-orphaned-media', run: (env, db, at) => purgeOrphanedMedia(env, db, at) },
  // 消息中心: tomorrow's training sessions (each person and session told once), old read messages forgotten
  { name: 'remind-sessions', run: async (_env, db, at) => ({ sent: await remindSessions(db, at) }) },
  { name: 'purge-notifications', run: async (_env, db, at) => ({ deleted: await purgeNotifications(db, at) }) },
  { name: 'purge-snapshots', run: (_env, db, at) => purgeOldSnapshots(db, at) },
];

/**
 * Runs every job, each in its own try/catch: one that fails (a bad row, a D1 hiccup) is
 * logged and the others still run. If any failed, the run rejects at the end naming them, so
 * the cron invocation shows as failed in the dashboard (and `wrangler tail`).
 */
export async function runScheduled(env: Env, at: number, jobs: readonly Job[] = JOBS) {
  const db = createDb(env.DB);
  const failed: string[] = [];
  for (const job of jobs) {
    const t0 = Date.now();
    try {
      const out = await job.run(env, db, at);
      console.log(JSON.stringify({ level: 'info', job: job.name, ms: Date.now() - t0, ...(out && typeof out === 'object' ? out : {}) }));
    } catch (e) {
      failed.push(job.name);
      console.error(JSON.stringify({ level: 'error', job: job.name, ms: Date.now() - t0, error: e instanceof Error ? e.message : String(e) }));
    }
  }
  if (failed.length) throw new Error(`cron jobs failed: ${failed.join(', ')}`);
}
