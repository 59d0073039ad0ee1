import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { trainingPlans } from '../schema';
import { nowIso } from '../ids';
import { writeBatch } from './util';
import { auditInsert } from './activity';
import { membersAt } from './people';
import { PLAN_COUNTS, type PlanClasses, type PlanFacts, type PlanTargets } from '../../shared/training-plan';
import { chinaYearRange, type TrainingCategory } from '../../shared/training';

/*
 * Yearly training plans (one per unit and China year) and the facts their progress is
 * measured by. A session belongs to the year it starts in and is held once it has started; a
 * class (期) is a training campaign of the subtree with a session held in the year (an online
 * class also by a study finished in it). People and hours count the register's credited rows
 * and finished online studies, by where the person was on the register / is on the roster.
 */

export type PlanRow = typeof trainingPlans.$inferSelect;

export async function getPlans(db: Db, orgUnitIds: string[], year: number): Promise<Map<string, PlanRow>> {
  if (!orgUnitIds.length) return new Map();
  const rows = await db
    .select()
    .from(trainingPlans)
    .where(and(inArray(trainingPlans.orgUnitId, orgUnitIds), eq(trainingPlans.year, year)));
  return new Map(rows.map((r) => [r.orgUnitId, r]));
}

/** Sets a unit's plan for a year (replacing the last one), audited in the same batch. */
export async function putPlan(db: Db, unit: { id: string }, year: number, plan: PlanTargets, actorId: string): Promise<void> {
  const at = nowIso();
  const row = { classes: plan.classes, coverageTarget: plan.coverageTarget, hoursTarget: plan.hoursTarget, updatedBy: actorId, updatedAt: at };
  await writeBatch(db, [
    db
      .insert(trainingPlans)
      .values({ orgUnitId: unit.id, year, ...row })
      .onConflictDoUpdate({ target: [trainingPlans.orgUnitId, trainingPlans.year], set: row }),
    auditInsert({ actorId, action: 'training.plan_set', entity: 'org_unit', entityId: unit.id, orgUnitId: unit.id, detail: { year, ...plan } }),
  ]);
}

const under = (col: string, path: string) => sql`${sql.raw(col)} >= ${path} AND ${sql.raw(col)} < ${path + '~'}`;

/** What a subtree did in a China year up to `now`, and its members on `day` (shared/training-plan.ts PlanFacts). */
export async function planFacts(db: Db, path: string, year: number, day: string, now: string): Promise<PlanFacts> {
  const { from, to } = chinaYearRange(year);
  const until = now < to ? now : to;
  const category = sql`COALESCE(json_extract(c.settings, '$.category'), 'rotation')`;
  const [held, figures, members] = await Promise.all([
    db.all<{ category: TrainingCategory; sessions: number; classes: number }>(sql`
      SELECT category, SUM(sessions) AS sessions, COUNT(DISTINCT campaign_id) AS classes FROM (
        SELECT ${category} AS category, c.id AS campaign_id, COUNT(s.id) AS sessions
        FROM campaigns c JOIN training_sessions s ON s.campaign_id = c.id
        WHERE c.kind = 'training' AND c.status != 'draft' AND ${under('c.org_path', path)} AND s.starts_at >= ${from} AND s.starts_at < ${until}
        GROUP BY c.id
        UNION ALL
        SELECT ${category}, c.id, 0 FROM campaigns c
        WHERE c.kind = 'training' AND c.status != 'draft' AND ${under('c.org_path', path)}
          AND EXISTS (SELECT 1 FROM training_studies t WHERE t.campaign_id = c.id AND t.finished_at >= ${from} AND t.finished_at < ${until}))
      GROUP BY category`),
    db.all<{ people: number; hours: number }>(sql`
      SELECT
        (SELECT COUNT(DISTINCT rid) FROM (
           SELECT a.roster_id AS rid FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
           WHERE a.status IN ('present', 'late') AND ${under('a.org_path', path)} AND s.starts_at >= ${from} AND s.starts_at < ${until}
           UNION SELECT r.id FROM training_studies t JOIN roster_entries r ON r.user_id = t.user_id JOIN org_units u ON u.id = r.org_unit_id
           WHERE t.finished_at >= ${from} AND t.finished_at < ${until} AND ${under('u.path', path)})) AS people,
        (SELECT COALESCE(SUM(a.hours), 0) FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
           WHERE a.status IN ('present', 'late') AND ${under('a.org_path', path)} AND s.starts_at >= ${from} AND s.starts_at < ${until})
        + (SELECT COALESCE(SUM(m.hours), 0) FROM training_studies t JOIN training_materials m ON m.id = t.material_id
           JOIN roster_entries r ON r.user_id = t.user_id JOIN org_units u ON u.id = r.org_unit_id
           WHERE t.finished_at >= ${from} AND t.finished_at < ${until} AND ${under('u.path', path)}) AS hours`),
    membersAt(db, path, day),
  ]);
  const counts: PlanClasses = {};
  // a class with sessions in the year and a finished study shows twice in the union: count it once
  for (const r of held) counts[r.category] = PLAN_COUNTS[r.category] === 'classes' ? r.classes : r.sessions;
  return { held: counts, members, people: figures[0]?.people ?? 0, hours: figures[0]?.hours ?? 0 };
}
