import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { orgUnits, rosterEntries, trainingAttendance, trainingEnrollments } from '../schema';
import { nowIso } from '../ids';
import { chunk, underPath, writeBatch } from './util';
import { auditInsert } from './activity';
import type { Audience } from '../../shared/training';
import type { SessionRow } from './training';

// ---- enrolments (参训): who is enrolled, and the sign-in sheet over them ----

/** The audience rule of shared/training.ts audienceMatches, in SQL over roster_entries `r`. */
function audienceSql(aud: Audience): SQL {
  const parts: SQL[] = [];
  if (aud.categories?.length)
    parts.push(
      sql`r.category IN (${sql.join(
        aud.categories.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  if (aud.posts?.length)
    parts.push(
      sql`EXISTS (SELECT 1 FROM json_each(r.posts) p WHERE p.value IN (${sql.join(
        aud.posts.map((x) => sql`${x}`),
        sql`, `,
      )}))`,
    );
  return parts.length ? sql.join(parts, sql` AND `) : sql`1`;
}

/** Raw SQL: the column `col` lies in the subtree at `path` (training.ts's stats use it too). */
export const under = (col: string, path: string) => sql`${sql.raw(col)} >= ${path} AND ${sql.raw(col)} < ${path + '~'}`;

export interface EnrollTarget {
  campaignId: string;
  campaignPath: string;
  audience: Audience;
  source: 'organizer' | 'self';
  actorId: string;
  orgUnitId: string;
}

/**
 * Enrols roster entries (by id, or everyone under some units) who lie in the campaign's
 * subtree, inside `scopePaths` (the actor's managed subtrees; null = anywhere) and match the
 * audience. INSERT OR IGNORE, so enrolling twice changes nothing. Returns how many were new.
 */
export async function enroll(db: Db, t: EnrollTarget, who: { rosterIds: string[] } | { unitPaths: string[] }, scopePaths: string[] | null): Promise<number> {
  const scope = scopePaths
    ? sql`(${sql.join(
        scopePaths.map((p) => sql`(${under('u.path', p)})`),
        sql` OR `,
      )})`
    : sql`1`;
  const now = nowIso();
  const select = (which: SQL) => sql`
    INSERT OR IGNORE INTO training_enrollments (campaign_id, roster_id, org_unit_id, org_path, source, created_by, created_at)
    SELECT ${t.campaignId}, r.id, r.org_unit_id, u.path, ${t.source}, ${t.actorId}, ${now}
    FROM roster_entries r JOIN org_units u ON u.id = r.org_unit_id
    WHERE ${which} AND ${under('u.path', t.campaignPath)} AND ${scope} AND ${audienceSql(t.audience)}`;
  const stmts: SQL[] =
    'rosterIds' in who
      ? chunk(who.rosterIds, 80).map((ids) =>
          select(
            sql`r.id IN (${sql.join(
              ids.map((x) => sql`${x}`),
              sql`, `,
            )})`,
          ),
        )
      : who.unitPaths.map((p) => select(sql`(${under('u.path', p)})`));
  const res = await writeBatch(db, [
    ...stmts,
    auditInsert({
      actorId: t.actorId,
      action: t.source === 'self' ? 'training.self_enroll' : 'training.enroll',
      entity: 'campaign',
      entityId: t.campaignId,
      orgUnitId: t.orgUnitId,
      detail: 'rosterIds' in who ? { rosterIds: who.rosterIds.length } : { units: who.unitPaths },
    }),
  ]);
  return res.slice(0, stmts.length).reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

export async function isEnrolled(db: Db, campaignId: string, rosterId: string): Promise<boolean> {
  const r = await db
    .select({ x: trainingEnrollments.rosterId })
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.campaignId, campaignId), eq(trainingEnrollments.rosterId, rosterId)))
    .limit(1);
  return r.length > 0;
}

/** Enrolments of a campaign under a path, by roster id (keyset), with what each person attended. */
export async function listEnrollments(db: Db, campaignId: string, path: string, opts: { q?: string | undefined; after?: string | null; limit: number }) {
  const conds = and(
    eq(trainingEnrollments.campaignId, campaignId),
    underPath(trainingEnrollments.orgPath, path),
    opts.q ? sql`${rosterEntries.name} LIKE ${`%${opts.q.replace(/[%_]/g, '')}%`}` : undefined,
  );
  // two reads, not one batch: D1 batches return rows keyed by column name, and two tables here have a `name`
  const [rows, total] = await Promise.all([
    db
      .select({
        rosterId: trainingEnrollments.rosterId,
        source: trainingEnrollments.source,
        createdAt: trainingEnrollments.createdAt,
        name: rosterEntries.name,
        phone: rosterEntries.phone,
        userId: rosterEntries.userId,
        category: rosterEntries.category,
        posts: rosterEntries.posts,
        orgUnitId: orgUnits.id,
        orgUnitName: orgUnits.name,
        orgPath: orgUnits.path,
        attendances:
          sql<number>`(SELECT COUNT(*) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.roster_id = ${trainingEnrollments.rosterId} AND a.status IN ('present', 'late'))`.as(
            'attendances',
          ),
        hours:
          sql<number>`(SELECT COALESCE(SUM(a.hours), 0) FROM training_attendance a WHERE a.campaign_id = ${campaignId} AND a.roster_id = ${trainingEnrollments.rosterId})`.as(
            'hours',
          ),
      })
      .from(trainingEnrollments)
      .innerJoin(rosterEntries, eq(rosterEntries.id, trainingEnrollments.rosterId))
      .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
      .where(and(conds, opts.after ? gt(trainingEnrollments.rosterId, opts.after) : undefined))
      .orderBy(asc(trainingEnrollments.rosterId))
      .limit(opts.limit + 1),
    db.select({ n: sql<number>`COUNT(*)` }).from(trainingEnrollments).innerJoin(rosterEntries, eq(rosterEntries.id, trainingEnrollments.rosterId)).where(conds),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

/** Everyone enrolled under a path with their register entry for one session (the sign-in sheet), by unit then name. */
export async function sessionRegister(db: Db, s: SessionRow, path: string) {
  return db
    .select({
      rosterId: trainingEnrollments.rosterId,
      name: rosterEntries.name,
      phone: rosterEntries.phone,
      userId: rosterEntries.userId,
      orgUnitName: orgUnits.name,
      orgPath: orgUnits.path,
      status: trainingAttendance.status,
      mode: trainingAttendance.mode,
      note: trainingAttendance.note,
      hours: trainingAttendance.hours,
      checkedInAt: trainingAttendance.checkedInAt,
    })
    .from(trainingEnrollments)
    .innerJoin(rosterEntries, eq(rosterEntries.id, trainingEnrollments.rosterId))
    .innerJoin(orgUnits, eq(orgUnits.id, rosterEntries.orgUnitId))
    .leftJoin(trainingAttendance, and(eq(trainingAttendance.sessionId, s.id), eq(trainingAttendance.rosterId, trainingEnrollments.rosterId)))
    .where(and(eq(trainingEnrollments.campaignId, s.campaignId), underPath(trainingEnrollments.orgPath, path)))
    .orderBy(asc(orgUnits.path), asc(rosterEntries.name))
    .limit(5000);
}

/** Enrolments among some roster ids, with each one's unit path (to check the actor manages them). */
export async function enrolledAmong(db: Db, campaignId: string, rosterIds: string[]) {
  const out: Array<{ rosterId: string; orgPath: string }> = [];
  for (const ids of chunk([...new Set(rosterIds)], 90)) {
    out.push(
      ...(await db
        .select({ rosterId: trainingEnrollments.rosterId, orgPath: trainingEnrollments.orgPath })
        .from(trainingEnrollments)
        .where(and(eq(trainingEnrollments.campaignId, campaignId), inArray(trainingEnrollments.rosterId, ids)))),
    );
  }
  return out;
}
