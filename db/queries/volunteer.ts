import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { memberships, orgUnits, serviceRecords, users, volunteerPairs } from '../schema';
import type { Db } from '../client';
import { certificateByCode, issueCertificate as issueShared } from './certificates';
import { newId, nowIso } from '../ids';
import { notifyStatements } from './notifications';
import { activityInsert, auditInsert } from './activity';
import { peopleRowsFilter, underPath, writeBatch, type Stmt, olderThan } from './util';
import { chinaMidnight } from '../../shared/china-time';

/**
 * Adds a service record while the day's hours stay within the maximum (one conditional
 * statement). Returns null when over the maximum.
 */
/** What one member may report: hours a day, records a day, records awaiting review at once. */
export interface RecordLimits {
  maxHoursPerDay: number;
  recordsPerDay: number;
  pendingRecordsMax: number;
}

/**
 * Reports service as one conditional statement, so parallel reports cannot pass a limit:
 * the day's hours, the day's records and the member's pending records are counted in the
 * same statement that writes. Returns the new id, or null (see `recordLimitHit` for which).
 */
export async function insertRecord(
  db: Db,
  r: { campaignId: string; userId: string; unit: { id: string; path: string } | null; pairId: string | null; date: string; hours: number; description: string },
  limits: RecordLimits,
) {
  const id = newId();
  const [res] = await writeBatch(db, [
    sql`INSERT INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, pair_id, date, hours, description, status, created_at)
        SELECT ${id}, ${r.campaignId}, ${r.userId}, ${r.unit?.id ?? null}, ${r.unit?.path ?? null}, ${r.pairId}, ${r.date}, ${r.hours}, ${r.description}, 'pending', ${nowIso()}
        WHERE (SELECT COALESCE(SUM(hours), 0) FROM service_records WHERE user_id = ${r.userId} AND campaign_id = ${r.campaignId} AND date = ${r.date} AND status <> 'rejected') + ${r.hours} <= ${limits.maxHoursPerDay}
          AND (SELECT COUNT(*) FROM service_records WHERE user_id = ${r.userId} AND campaign_id = ${r.campaignId} AND date = ${r.date} AND status <> 'rejected') < ${limits.recordsPerDay}
          AND (SELECT COUNT(*) FROM service_records WHERE user_id = ${r.userId} AND campaign_id = ${r.campaignId} AND status = 'pending') < ${limits.pendingRecordsMax}
        RETURNING id`,
  ]);
  return res?.results.length ? id : null;
}

/** Which limit refused a report, from the state as it is now. */
export async function recordLimitHit(db: Db, campaignId: string, userId: string, date: string, limits: RecordLimits) {
  const [row] = await db.all<{ day: number; pending: number }>(sql`SELECT
      (SELECT COUNT(*) FROM service_records WHERE user_id = ${userId} AND campaign_id = ${campaignId} AND date = ${date} AND status <> 'rejected') AS day,
      (SELECT COUNT(*) FROM service_records WHERE user_id = ${userId} AND campaign_id = ${campaignId} AND status = 'pending') AS pending`);
  if ((row?.pending ?? 0) >= limits.pendingRecordsMax) return 'pending' as const;
  if ((row?.day ?? 0) >= limits.recordsPerDay) return 'day' as const;
  return 'hours' as const;
}

export async function hoursOnDay(db: Db, campaignId: string, userId: string, date: string) {
  return (
    (
      await db
        .select({ h: sql<number>`COALESCE(SUM(${serviceRecords.hours}), 0)` })
        .from(serviceRecords)
        .where(
          and(
            eq(serviceRecords.userId, userId),
            eq(serviceRecords.campaignId, campaignId),
            eq(serviceRecords.date, date),
            sql`${serviceRecords.status} <> 'rejected'`,
          ),
        )
    )[0]?.h ?? 0
  );
}

export async function getRecord(db: Db, id: string) {
  return db.query.serviceRecords.findFirst({ where: eq(serviceRecords.id, id) });
}

export interface RecordFilter {
  paths?: string[] | 'all';
  userId?: string;
  status?: string;
  orgPath?: string;
  from?: string;
  to?: string;
  limit: number;
  before: { at: string; id: string } | null;
}

/** The approval queue (and members' own records), newest first, on the queue index. */
export async function listRecords(db: Db, campaignId: string, f: RecordFilter) {
  return db
    .select({
      id: serviceRecords.id,
      userId: serviceRecords.userId,
      name: users.name,
      orgUnitId: serviceRecords.orgUnitId,
      orgUnitName: orgUnits.name,
      pairId: serviceRecords.pairId,
      date: serviceRecords.date,
      hours: serviceRecords.hours,
      description: serviceRecords.description,
      status: serviceRecords.status,
      reason: serviceRecords.reason,
      reviewedAt: serviceRecords.reviewedAt,
      createdAt: serviceRecords.createdAt,
      source: serviceRecords.source,
      activityId: serviceRecords.activityId,
    })
    .from(serviceRecords)
    .innerJoin(users, eq(users.id, serviceRecords.userId))
    .leftJoin(orgUnits, eq(orgUnits.id, serviceRecords.orgUnitId))
    .where(
      and(
        ...peopleRowsFilter(serviceRecords, campaignId, f),
        f.orgPath ? underPath(serviceRecords.orgPath, f.orgPath) : undefined,
        f.from ? gte(serviceRecords.date, f.from) : undefined,
        f.to ? lte(serviceRecords.date, f.to) : undefined,
        olderThan(serviceRecords.createdAt, serviceRecords.id, f.before),
      ),
    )
    .orderBy(desc(serviceRecords.createdAt), desc(serviceRecords.id))
    .limit(f.limit + 1);
}

export async function recordsByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(serviceRecords).where(inArray(serviceRecords.id, ids)) : [];
}

/**
 * Approves or rejects pending records in one batch: each change is conditional on the
 * record still being pending, its audit row and (when approved) its activity event are
 * written only if it changed, and so are the board scores of `earn`. Returns the ids that
 * changed and the results of the board statements.
 */
export async function reviewRecords(
  db: Db,
  actorId: string,
  records: Array<{ id: string; userId: string; orgUnitId: string | null; campaignId: string; hours: number; date: string }>,
  decision: 'approve' | 'reject',
  reason: string | null,
  /** approvals: each record's activity event id (see activityRecorded) and the board statements that depend on them, for the same batch */
  earn?: { eventIds: Map<string, string>; board: Stmt[] },
  /** the campaign as its members' messages name it (消息中心: each person told of their record, if this batch decided it) */
  tell: { title: string; link: string } = { title: '', link: '' },
) {
  const now = nowIso();
  const stmts: Stmt[] = [];
  const notices: string[] = [];
  const updateAt: number[] = [];
  for (const r of records) {
    updateAt.push(stmts.length);
    stmts.push(
      db
        .update(serviceRecords)
        .set({ status: decision === 'approve' ? 'approved' : 'rejected', reason: decision === 'reject' ? reason : null, reviewedBy: actorId, reviewedAt: now })
        .where(and(eq(serviceRecords.id, r.id), eq(serviceRecords.status, 'pending')))
        .returning({ id: serviceRecords.id }),
    );
    stmts.push(
      auditInsert(
        { actorId, action: `record.${decision}`, entity: 'service_record', entityId: r.id, orgUnitId: r.orgUnitId, detail: reason ? { reason } : undefined },
        true,
      ),
    );
    if (decision === 'approve') {
      // quantity in minutes: hours may be fractional (0.5 h steps), the column is an integer;
      // (type, ref) is unique, so a record's hours are recorded once whoever approves it
      stmts.push(
        activityInsert(
          {
            id: earn?.eventIds.get(r.id),
            userId: r.userId,
            type: 'volunteer_hours',
            campaignId: r.campaignId,
            kind: 'volunteer',
            points: 0,
            quantity: Math.round(r.hours * 60),
            ref: r.id,
            orgUnitId: r.orgUnitId,
          },
          sql`(SELECT status FROM service_records WHERE id = ${r.id}) = 'approved'`,
        ),
      );
    }
    // told once per record (its key), and only if this batch decided it
    const told = notifyStatements(
      [
        {
          userId: r.userId,
          kind: decision === 'approve' ? 'record_approved' : 'record_rejected',
          params: { title: tell.title, date: r.date, hours: r.hours, reason: reason ?? '' },
          link: tell.link,
          dedupeKey: `record:${r.id}`,
        },
      ],
      sql`(SELECT reviewed_at FROM service_records WHERE id = ${r.id}) = ${now} AND (SELECT reviewed_by FROM service_records WHERE id = ${r.id}) = ${actorId}`,
    );
    stmts.push(...told.stmts);
    notices.push(...told.ids);
  }
  const own = stmts.length;
  const results = await writeBatch(db, [...stmts, ...(decision === 'approve' ? (earn?.board ?? []) : [])]);
  // the records this batch moved out of pending: its UPDATE returned them (a racing batch's did not)
  return { changed: records.filter((_, i) => (results[updateAt[i]!]?.results.length ?? 0) > 0).map((r) => r.id), board: results.slice(own), notices };
}

/**
 * A period of China days (either end open). Pairs count when made within it and still
 * linked at its end; hours when their service day is within it.
 */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}
const periodAt = (p: Period) => ({
  fromAt: p.from ? new Date(chinaMidnight(p.from)).toISOString() : null,
  toAt: p.to ? new Date(chinaMidnight(p.to) + 86400e3).toISOString() : null,
});

/** 带动率 and totals of a subtree: members with a pair ÷ registered members (pairs and hours of `period`). */
export async function volunteerStats(db: Db, campaignId: string, path: string, period: Period = {}) {
  const { fromAt, toAt } = periodAt(period);
  // pairs made in the period and still linked at its end (now, when open-ended)
  const pairCond = sql`${volunteerPairs.createdAt} >= ${fromAt ?? ''} AND ${volunteerPairs.createdAt} < ${toAt ?? '9999'} AND (${volunteerPairs.unlinkedAt} IS NULL OR ${volunteerPairs.unlinkedAt} >= ${toAt ?? '9999'})`;
  const pairSub = sql`p.created_at >= ${fromAt ?? ''} AND p.created_at < ${toAt ?? '9999'} AND (p.unlinked_at IS NULL OR p.unlinked_at >= ${toAt ?? '9999'})`;
  const dayCond = sql`${serviceRecords.date} >= ${period.from ?? ''} AND ${serviceRecords.date} <= ${period.to ?? '9999'}`;
  const daySub = sql`r.date >= ${period.from ?? ''} AND r.date <= ${period.to ?? '9999'}`;
  const [pairs, members, hours, byUnit] = await db.batch([
    db
      .select({
        pairs: count(),
        residents: sql<number>`COUNT(DISTINCT ${volunteerPairs.residentPhone})`,
        leaders: sql<number>`COUNT(DISTINCT ${volunteerPairs.memberId})`,
      })
      .from(volunteerPairs)
      .where(and(eq(volunteerPairs.campaignId, campaignId), pairCond, underPath(volunteerPairs.memberPath, path))),
    db
      .select({ n: sql<number>`COUNT(DISTINCT ${memberships.userId})` })
      .from(memberships)
      .where(and(underPath(memberships.orgPath, path), eq(memberships.role, 'member'))),
    db
      .select({
        h: sql<number>`COALESCE(SUM(${serviceRecords.hours}), 0)`,
        pending: sql<number>`SUM(CASE WHEN ${serviceRecords.status} = 'pending' THEN 1 ELSE 0 END)`,
      })
      .from(serviceRecords)
      .where(
        and(
          eq(serviceRecords.campaignId, campaignId),
          underPath(serviceRecords.orgPath, path),
          dayCond,
          sql`${serviceRecords.status} IN ('approved', 'pending')`,
        ),
      ),
    db
      .select({
        orgUnitId: orgUnits.id,
        name: orgUnits.name,
        members: sql<number>`(SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.org_unit_id = org_units.id AND m.role = 'member')`,
        leaders: sql<number>`(SELECT COUNT(DISTINCT p.member_id) FROM volunteer_pairs p WHERE p.campaign_id = ${campaignId} AND p.member_unit_id = org_units.id AND ${pairSub})`,
        residents: sql<number>`(SELECT COUNT(*) FROM volunteer_pairs p WHERE p.campaign_id = ${campaignId} AND p.member_unit_id = org_units.id AND ${pairSub})`,
        hours: sql<number>`(SELECT COALESCE(SUM(r.hours), 0) FROM service_records r WHERE r.campaign_id = ${campaignId} AND r.org_unit_id = org_units.id AND r.status = 'approved' AND ${daySub})`,
      })
      .from(orgUnits)
      .where(underPath(orgUnits.path, path))
      .orderBy(asc(orgUnits.path)),
  ]);
  const approved =
    (
      await db
        .select({ h: sql<number>`COALESCE(SUM(${serviceRecords.hours}), 0)` })
        .from(serviceRecords)
        .where(and(eq(serviceRecords.campaignId, campaignId), underPath(serviceRecords.orgPath, path), dayCond, eq(serviceRecords.status, 'approved')))
    )[0]?.h ?? 0;
  return {
    pairs: pairs[0]?.pairs ?? 0,
    residents: pairs[0]?.residents ?? 0,
    leaders: pairs[0]?.leaders ?? 0,
    members: members[0]?.n ?? 0,
    approvedHours: approved,
    pendingRecords: hours[0]?.pending ?? 0,
    byUnit: byUnit.filter((u) => u.members > 0),
  };
}

export async function approvedHoursOf(db: Db, campaignId: string, userId: string) {
  return (
    (
      await db
        .select({ h: sql<number>`COALESCE(SUM(${serviceRecords.hours}), 0)`, n: count() })
        .from(serviceRecords)
        .where(and(eq(serviceRecords.campaignId, campaignId), eq(serviceRecords.userId, userId), eq(serviceRecords.status, 'approved')))
    )[0] ?? { h: 0, n: 0 }
  );
}

/** The member's certificate (one per campaign, its hours refreshed on each issue): db/queries/certificates.ts, shared with training. */
export const issueCertificate = (db: Db, campaignId: string, userId: string, hours: number) =>
  issueShared(db, { kind: 'volunteer', scopeId: campaignId, userId, hours });
export { certificateByCode };
