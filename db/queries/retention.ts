import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { readBatch } from './util';

/*
 * Retention (docs/CAPACITY.md): a daily quiz writes one row per answer twice (quiz_answers and a
 * `quiz_answer` activity event), the largest thing the platform stores. Past the retention
 * period those rows are compacted; what reports need stays exact:
 * - per-attempt summaries stay (quiz_attempts: correct, score, points, time; its `quiz_attempt` event);
 * - per-question statistics fold into quiz_question_totals;
 * - activity counts and points are already in the daily rollups (only events below the
 *   rollup watermark are removed), so metrics over whole China days don't change.
 */
export const ANSWER_RETENTION_DAYS = 180;

/** Compacts up to `limit` finished attempts older than the cutoff; returns how many were compacted. */
export async function compactQuizAnswers(db: Db, cutoffIso: string, limit = 2000): Promise<number> {
  // the same attempts in every statement: the batch is one transaction, the set is ordered
  const chosen = sql`SELECT a.id FROM quiz_attempts a
    WHERE a.status = 'finished' AND a.finished_at < ${cutoffIso} AND EXISTS (SELECT 1 FROM quiz_answers x WHERE x.attempt_id = a.id)
    ORDER BY a.finished_at, a.id LIMIT ${limit}`;
  const out = await readBatch(db, [
    sql`SELECT COUNT(*) AS n FROM (${chosen})`,
    sql`INSERT INTO quiz_question_totals (campaign_id, question_id, answered, correct, ms_total)
      SELECT a.campaign_id, qa.question_id, COUNT(*), SUM(qa.correct), SUM(qa.ms_taken)
      FROM quiz_answers qa JOIN quiz_attempts a ON a.id = qa.attempt_id
      WHERE qa.attempt_id IN (${chosen})
      GROUP BY a.campaign_id, qa.question_id
      ON CONFLICT (campaign_id, question_id) DO UPDATE SET
        answered = answered + excluded.answered, correct = correct + excluded.correct, ms_total = ms_total + excluded.ms_total`,
    sql`DELETE FROM quiz_answers WHERE attempt_id IN (${chosen})`,
  ]);
  // per-answer events already folded into the rollups (rowid at or below the watermark)
  await readBatch(db, [
    sql`DELETE FROM activity_events WHERE rowid IN (
    SELECT rowid FROM activity_events
    WHERE type = 'quiz_answer' AND occurred_at < ${cutoffIso}
      AND rowid <= (SELECT last_rowid FROM rollup_state WHERE name = 'activity')
    LIMIT ${limit * 10})`,
  ]);
  return Number(out[0]?.[0]?.n ?? 0);
}
