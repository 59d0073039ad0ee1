import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { myLearning, rosterOfUser, targetOf } from './training';
import { DEFAULT_HOURS_TARGET, chinaYearRange, isCredited } from '../../shared/training';

/*
 * What a year's completion certificate (结业证书) rests on: the member's study hours of the
 * China year against their target (GET /me/learning counts the same), and the classes they
 * completed — every session of the class over and credited to them — whose last session
 * falls in the year.
 */

export interface YearLearning {
  hours: number;
  target: number;
  rosterId: string | null;
  orgUnitId: string | null;
}

export async function yearLearning(db: Db, userId: string, year: number): Promise<YearLearning> {
  const [{ sessions, studies }, roster] = await Promise.all([myLearning(db, userId, chinaYearRange(year)), rosterOfUser(db, userId)]);
  const hours = sessions.reduce((n, s) => n + (isCredited(s.status) ? s.hours : 0), 0) + studies.reduce((n, s) => n + s.hours, 0);
  const target = (roster && (await targetOf(db, roster.id))) ?? DEFAULT_HOURS_TARGET;
  return { hours, target, rosterId: roster?.id ?? null, orgUnitId: roster?.orgUnitId ?? null };
}

export interface CompletedClass {
  campaignId: string;
  title: string;
  sessions: number;
  hours: number;
}

/** Classes a roster entry completed in a China year: all sessions ended by `now`, each credited (present, late or delivered). */
export async function completedClasses(db: Db, rosterId: string, year: number, now: string): Promise<CompletedClass[]> {
  const { from, to } = chinaYearRange(year);
  return db.all<CompletedClass>(sql`
    SELECT c.id AS campaignId, c.title AS title, COUNT(s.id) AS sessions, COALESCE(SUM(a.hours), 0) AS hours
    FROM training_enrollments e
    JOIN campaigns c ON c.id = e.campaign_id AND c.status != 'draft'
    JOIN training_sessions s ON s.campaign_id = c.id
    LEFT JOIN training_attendance a ON a.session_id = s.id AND a.roster_id = e.roster_id AND a.status IN ('present', 'late')
    WHERE e.roster_id = ${rosterId}
    GROUP BY c.id
    HAVING COUNT(s.id) > 0 AND COUNT(a.session_id) = COUNT(s.id) AND MAX(s.ends_at) <= ${now} AND MAX(s.starts_at) >= ${from} AND MAX(s.starts_at) < ${to}
    ORDER BY MAX(s.starts_at)
    LIMIT 100`);
}
