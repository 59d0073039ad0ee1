import { and, desc, eq } from 'drizzle-orm';
import { quizAttempts } from '../schema';
import type { Db } from '../client';
import type { AttemptRow } from './quiz';

/* The quiz flow's own reads and writes: serving the next question on request, and the lobby's link to the last result. */

/**
 * Serves the current question of an attempt that waits for it (POST /attempts/{id}/next):
 * its clock starts now. Conditional, so two parallel asks start one clock; false when the
 * attempt was not waiting on that question (served already, moved on or ended).
 */
export async function serveQuestion(db: Db, a: AttemptRow, now: number, msPerQuestion: number) {
  const r = await db
    .update(quizAttempts)
    .set({ served: true, shownAt: now, deadline: now + msPerQuestion })
    .where(and(eq(quizAttempts.id, a.id), eq(quizAttempts.current, a.current), eq(quizAttempts.status, 'active'), eq(quizAttempts.served, false)));
  return r.meta.changes > 0;
}

/** The participant's latest finished attempt in a campaign's stage (the lobby links to its result). */
export async function lastFinishedAttempt(db: Db, campaignId: string, stageId: string, userId: string) {
  const r = await db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(
      and(eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.stageId, stageId), eq(quizAttempts.userId, userId), eq(quizAttempts.status, 'finished')),
    )
    .orderBy(desc(quizAttempts.startedAt))
    .limit(1);
  return r[0]?.id ?? null;
}
