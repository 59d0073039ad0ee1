import { createDb } from '../../db/client';
import { closeEndedCampaigns } from '../../db/queries/campaigns';
import { purgeIdempotencyKeys } from '../../db/queries/drive';
import { purgeViewMarks } from '../../db/queries/contest';
import { chinaDay } from '../../shared/i18n';
import { expireWaitlist, markNoShows } from '../../db/queries/exhibition';
import { settleStaleRooms } from '../api/lib/live-rooms';
import { rollUpActivity } from '../../db/queries/metrics';
import { ANSWER_RETENTION_DAYS, compactQuizAnswers } from '../../db/queries/retention';
import { remindVisits } from './visit-reminders';
import { runNotificationJobs } from './notifications';

/** Cron (every 5 minutes): campaigns whose end has passed stop taking part. */
export async function runScheduled(env: Env, at: number) {
  const db = createDb(env.DB);
  // 消息中心 first: day-before training reminders and the purge of old read messages, each
  // isolated (a failure is logged), so neither they nor a later job's failure stop the other
  await runNotificationJobs(db, at);
  const closed = await closeEndedCampaigns(db, at);
  // idempotency keys are kept at least 24 h (we keep 48 h), then forgotten
  await purgeIdempotencyKeys(db, new Date(at - 48 * 3600e3).toISOString());
  // gallery view marks (one count per viewer per day) matter only on their day
  await purgeViewMarks(db, chinaDay(at - 7 * 86400e3));
  // bookings not checked in by the end of their slot become no-shows
  await markNoShows(db, at);
  // waiting lists (候补) of slots that are over, or of closed exhibitions, expire
  await expireWaitlist(db, at);
  // live rooms and matches that ended unread (or were left open for a day) reach D1 and the board
  await settleStaleRooms(env, db, at);
  // new activity events fold into the daily rollups that metrics and reports read
  await rollUpActivity(db);
  // per-answer rows past the retention period compact into per-attempt and per-question totals
  await compactQuizAnswers(db, new Date(at - ANSWER_RETENTION_DAYS * 86400e3).toISOString());
  // 参观提醒: texts the day before a visit, to those who asked (each once)
  await remindVisits(env, db, at);
  if (closed.length) console.log(JSON.stringify({ level: 'info', job: 'close-ended-campaigns', closed: closed.length }));
}
