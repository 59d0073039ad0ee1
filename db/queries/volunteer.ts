import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { memberships, orgUnits, serviceActivities, serviceRecords, serviceSignups, users, volunteerInvites, volunteerPairs } from '../schema';
import type { Db } from '../client';
import { certificateByCode, issueCertificate as issueShared } from './certificates';
import { newId, nowIso, randomToken } from '../ids';
import { notifyStatements } from './notifications';
import { activityInsert, auditInsert } from './activity';
import { isUniqueViolation, underPath, writeBatch, type Stmt } from './util';
import { chinaMidnight } from '../../shared/china-time';

/** An invite code: short enough to type from a poster, unguessable (10 base32 characters ≈ 50 bits). */
function inviteCode() {
  const A = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const b = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(b, (x) => A[x % A.length]).join('');
}

export async function inviteOf(db: Db, campaignId: string, userId: string) {
  const existing = await db.query.volunteerInvites.findFirst({ where: and(eq(volunteerInvites.campaignId, campaignId), eq(volunteerInvites.userId, userId)) });
  if (existing) return existing;
  const row = { code: inviteCode(), campaignId, userId, createdAt: nowIso() };
  await db.insert(volunteerInvites).values(row).onConflictDoNothing();
  return (await db.query.volunteerInvites.findFirst({ where: and(eq(volunteerInvites.campaignId, campaignId), eq(volunteerInvites.userId, userId)) }))!;
}

export async function inviteByCode(db: Db, code: string) {
  const rows = await db
    .select({ code: volunteerInvites.code, campaignId: volunteerInvites.campaignId, userId: volunteerInvites.userId, memberName: users.name })
    .from(volunteerInvites)
    .innerJoin(users, eq(users.id, volunteerInvites.userId))
    .where(eq(volunteerInvites.code, code.toUpperCase()));
  return rows[0] ?? null;
}

export async function activePairCount(db: Db, campaignId: string, memberId: string) {
  return (
    (
      await db
        .select({ n: count() })
        .from(volunteerPairs)
        .where(and(eq(volunteerPairs.campaignId, campaignId), eq(volunteerPairs.memberId, memberId), isNull(volunteerPairs.unlinkedAt)))
    )[0]?.n ?? 0
  );
}

export interface NewPair {
  campaignId: string;
  memberId: string;
  memberUnit: { id: string; path: string } | null;
  residentName: string;
  residentPhone: string;
  consentText: string;
  source: 'invite' | 'organizer';
  createdBy: string | null;
}

/**
 * Registers a pair while the member is under the cap — one conditional statement, so
 * parallel registrations through one invite cannot exceed it — with its activity event.
 * 'cap' when full; 'taken' when the resident is already registered in the campaign.
 */
export async function insertPair(db: Db, p: NewPair, cap: number): Promise<{ result: 'ok'; id: string } | { result: 'cap' | 'taken' }> {
  const id = newId();
  const now = nowIso();
  try {
    const [res] = await writeBatch(db, [
      sql`INSERT INTO volunteer_pairs (id, campaign_id, member_id, member_unit_id, member_path, resident_name, resident_phone, resident_user_id, consent_text, consent_at, source, created_by, created_at)
          SELECT ${id}, ${p.campaignId}, ${p.memberId}, ${p.memberUnit?.id ?? null}, ${p.memberUnit?.path ?? null}, ${p.residentName}, ${p.residentPhone},
                 (SELECT id FROM users WHERE phone = ${p.residentPhone}), ${p.consentText}, ${now}, ${p.source}, ${p.createdBy}, ${now}
          WHERE (SELECT COUNT(*) FROM volunteer_pairs WHERE campaign_id = ${p.campaignId} AND member_id = ${p.memberId} AND unlinked_at IS NULL) < ${cap}
             -- a resident already registered must hear so (409), not the member's cap: let the
             -- insert run into the unique index, which rolls it back as 'taken'
             OR EXISTS (SELECT 1 FROM volunteer_pairs WHERE campaign_id = ${p.campaignId} AND resident_phone = ${p.residentPhone} AND unlinked_at IS NULL)
          RETURNING id`,
      activityInsert(
        {
          userId: p.memberId,
          type: 'volunteer_pair',
          campaignId: p.campaignId,
          kind: 'volunteer',
          points: 0,
          quantity: 1,
          ref: id,
          orgUnitId: p.memberUnit?.id ?? null,
        },
        sql`EXISTS (SELECT 1 FROM volunteer_pairs WHERE id = ${id})`,
      ),
      ...(p.source === 'organizer' && p.createdBy
        ? [auditInsert({ actorId: p.createdBy, action: 'pair.create_on_behalf', entity: 'volunteer_pair', entityId: id, orgUnitId: p.memberUnit?.id ?? null })]
        : []),
    ]);
    return res?.results.length ? { result: 'ok', id } : { result: 'cap' };
  } catch (e) {
    if (isUniqueViolation(e)) return { result: 'taken' };
    throw e;
  }
}

export async function getPair(db: Db, id: string) {
  return db.query.volunteerPairs.findFirst({ where: eq(volunteerPairs.id, id) });
}

export async function unlinkPair(db: Db, actorId: string, id: string, orgUnitId: string | null, reason: string) {
  const [res] = await writeBatch(db, [
    db
      .update(volunteerPairs)
      .set({ unlinkedAt: nowIso(), unlinkReason: reason })
      .where(and(eq(volunteerPairs.id, id), isNull(volunteerPairs.unlinkedAt)))
      .returning({ id: volunteerPairs.id }),
    auditInsert({ actorId, action: 'pair.unlink', entity: 'volunteer_pair', entityId: id, orgUnitId, detail: { reason } }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Pairs newest first by time (a composite cursor: demo and imported ids need not sort by time). */
export async function listPairs(db: Db, campaignId: string, f: { path?: string; memberId?: string; limit: number; before: { at: string; id: string } | null }) {
  return db
    .select({
      id: volunteerPairs.id,
      memberId: volunteerPairs.memberId,
      memberName: users.name,
      memberUnitId: volunteerPairs.memberUnitId,
      memberUnitName: orgUnits.name,
      residentName: volunteerPairs.residentName,
      residentPhone: volunteerPairs.residentPhone,
      memberPath: volunteerPairs.memberPath,
      source: volunteerPairs.source,
      consentAt: volunteerPairs.consentAt,
      createdAt: volunteerPairs.createdAt,
      unlinkedAt: volunteerPairs.unlinkedAt,
      unlinkReason: volunteerPairs.unlinkReason,
      withdrawnAt: volunteerPairs.withdrawnAt,
    })
    .from(volunteerPairs)
    .innerJoin(users, eq(users.id, volunteerPairs.memberId))
    .leftJoin(orgUnits, eq(orgUnits.id, volunteerPairs.memberUnitId))
    .where(
      and(
        eq(volunteerPairs.campaignId, campaignId),
        f.path ? underPath(volunteerPairs.memberPath, f.path) : undefined,
        f.memberId ? eq(volunteerPairs.memberId, f.memberId) : undefined,
        f.before
          ? or(lt(volunteerPairs.createdAt, f.before.at), and(eq(volunteerPairs.createdAt, f.before.at), lt(volunteerPairs.id, f.before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(volunteerPairs.createdAt), desc(volunteerPairs.id))
    .limit(f.limit + 1);
}

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
  const scope = f.paths && f.paths !== 'all' ? or(...f.paths.map((p) => underPath(serviceRecords.orgPath, p))) : undefined;
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
        eq(serviceRecords.campaignId, campaignId),
        scope,
        f.userId ? eq(serviceRecords.userId, f.userId) : undefined,
        f.status ? eq(serviceRecords.status, f.status as 'pending') : undefined,
        f.orgPath ? underPath(serviceRecords.orgPath, f.orgPath) : undefined,
        f.from ? gte(serviceRecords.date, f.from) : undefined,
        f.to ? lte(serviceRecords.date, f.to) : undefined,
        f.before
          ? or(lt(serviceRecords.createdAt, f.before.at), and(eq(serviceRecords.createdAt, f.before.at), lt(serviceRecords.id, f.before.id)))
          : undefined,
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

/* ---- 服务活动 (service activities): sign-up, check-in, check-out ---- */

export type ServiceActivity = typeof serviceActivities.$inferSelect;

export interface NewServiceActivity {
  campaignId: string;
  orgUnitId: string;
  orgPath: string;
  title: string;
  place: string;
  description: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  createdBy: string;
}

export async function insertServiceActivity(db: Db, a: NewServiceActivity) {
  const id = newId();
  await writeBatch(db, [
    db.insert(serviceActivities).values({ ...a, id, signedUp: 0, codeSecret: randomToken(32), status: 'open', createdAt: nowIso() }),
    auditInsert({ actorId: a.createdBy, action: 'service_activity.create', entity: 'service_activity', entityId: id, orgUnitId: a.orgUnitId }),
  ]);
  return id;
}

export async function getServiceActivity(db: Db, id: string) {
  return db.query.serviceActivities.findFirst({ where: eq(serviceActivities.id, id) });
}

/**
 * Edits an open activity; a new capacity only if it is not below the sign-ups (checked in
 * the same statement). Returns false when nothing changed (cancelled, or capacity too low).
 */
export async function updateServiceActivity(
  db: Db,
  actorId: string,
  a: ServiceActivity,
  patch: Partial<Pick<ServiceActivity, 'title' | 'place' | 'description' | 'startsAt' | 'endsAt' | 'capacity'>>,
) {
  // An empty patch changes nothing (and drizzle refuses an UPDATE with nothing to set: it was a 500).
  if (Object.values(patch).every((x) => x === undefined)) return a.status === 'open';
  const [res] = await writeBatch(db, [
    db
      .update(serviceActivities)
      .set(patch)
      .where(
        and(
          eq(serviceActivities.id, a.id),
          eq(serviceActivities.status, 'open'),
          patch.capacity !== undefined ? lte(serviceActivities.signedUp, patch.capacity) : undefined,
        ),
      )
      .returning({ id: serviceActivities.id }),
    auditInsert({ actorId, action: 'service_activity.update', entity: 'service_activity', entityId: a.id, orgUnitId: a.orgUnitId, detail: patch }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

export async function cancelServiceActivity(db: Db, actorId: string, a: ServiceActivity) {
  const [res] = await writeBatch(db, [
    db
      .update(serviceActivities)
      .set({ status: 'cancelled' })
      .where(and(eq(serviceActivities.id, a.id), eq(serviceActivities.status, 'open')))
      .returning({ id: serviceActivities.id }),
    auditInsert({ actorId, action: 'service_activity.cancel', entity: 'service_activity', entityId: a.id, orgUnitId: a.orgUnitId }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/**
 * Activities of a campaign with their unit's name. upcoming: not over yet (check-out still
 * open), soonest first; all: newest start first. With `userId`, the viewer's own sign-up.
 */
export async function listServiceActivities(db: Db, campaignId: string, f: { upcomingAfter?: string; userId?: string | null; id?: string; limit: number }) {
  const mine = alias(serviceSignups, 'mine');
  return db
    .select({
      id: serviceActivities.id,
      campaignId: serviceActivities.campaignId,
      orgUnitId: serviceActivities.orgUnitId,
      orgPath: serviceActivities.orgPath,
      orgUnitName: orgUnits.name,
      title: serviceActivities.title,
      place: serviceActivities.place,
      description: serviceActivities.description,
      startsAt: serviceActivities.startsAt,
      endsAt: serviceActivities.endsAt,
      capacity: serviceActivities.capacity,
      signedUp: serviceActivities.signedUp,
      status: serviceActivities.status,
      createdAt: serviceActivities.createdAt,
      mineStatus: mine.status,
      mineCheckedInAt: mine.checkedInAt,
      mineCheckedOutAt: mine.checkedOutAt,
      mineRecordId: mine.recordId,
    })
    .from(serviceActivities)
    .leftJoin(orgUnits, eq(orgUnits.id, serviceActivities.orgUnitId))
    .leftJoin(mine, and(eq(mine.activityId, serviceActivities.id), eq(mine.userId, f.userId ?? '')))
    .where(
      and(
        eq(serviceActivities.campaignId, campaignId),
        f.id ? eq(serviceActivities.id, f.id) : undefined,
        f.upcomingAfter ? gte(serviceActivities.endsAt, f.upcomingAfter) : undefined,
      ),
    )
    .orderBy(f.upcomingAfter ? asc(serviceActivities.startsAt) : desc(serviceActivities.startsAt), asc(serviceActivities.id))
    .limit(f.limit);
}

export async function getSignup(db: Db, activityId: string, userId: string) {
  return db.query.serviceSignups.findFirst({ where: and(eq(serviceSignups.activityId, activityId), eq(serviceSignups.userId, userId)) });
}

/**
 * Signs up while places are left — one conditional statement takes the place (open, not
 * over, under capacity, not already signed up), and the sign-up row is written in the same
 * batch only if it did — so parallel sign-ups never exceed the capacity. A cancelled
 * sign-up is taken up again. Returns whether the place was taken.
 */
export async function signUp(db: Db, activityId: string, userId: string, now = nowIso()) {
  const [res] = await writeBatch(db, [
    sql`UPDATE service_activities SET signed_up = signed_up + 1
        WHERE id = ${activityId} AND status = 'open' AND ends_at > ${now} AND signed_up < capacity
          AND NOT EXISTS (SELECT 1 FROM service_signups WHERE activity_id = ${activityId} AND user_id = ${userId} AND status = 'signed_up')
        RETURNING signed_up`,
    sql`INSERT INTO service_signups (activity_id, user_id, status, created_at)
        SELECT ${activityId}, ${userId}, 'signed_up', ${now} WHERE changes() > 0
        ON CONFLICT (activity_id, user_id) DO UPDATE SET status = 'signed_up', created_at = excluded.created_at, checked_in_at = NULL, checked_out_at = NULL, record_id = NULL`,
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Cancels a sign-up not yet checked in and frees its place, in one batch. */
export async function cancelSignup(db: Db, activityId: string, userId: string) {
  const [res] = await writeBatch(db, [
    sql`UPDATE service_signups SET status = 'cancelled'
        WHERE activity_id = ${activityId} AND user_id = ${userId} AND status = 'signed_up' AND checked_in_at IS NULL RETURNING user_id`,
    sql`UPDATE service_activities SET signed_up = signed_up - 1 WHERE id = ${activityId} AND changes() > 0`,
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Checks in once (conditional on not being checked in yet); false when already checked in. */
export async function checkIn(db: Db, activityId: string, userId: string, at: string) {
  const [res] = await writeBatch(db, [
    sql`UPDATE service_signups SET checked_in_at = ${at}
        WHERE activity_id = ${activityId} AND user_id = ${userId} AND status = 'signed_up' AND checked_in_at IS NULL RETURNING user_id`,
  ]);
  return (res?.results.length ?? 0) > 0;
}

/**
 * Checks out and turns the hours into a pending service record (source checkin) in one
 * batch: the check-out is conditional on being checked in and not out; the record is written
 * only if the check-out was, with its hours cut to what still fits in the day's maximum (in
 * SQL, so a self-report racing it cannot push the day over), and only if some hours are left;
 * the sign-up then points at it. Approval is the self-reported records' path (activity event
 * via activityInsert when approved). Returns null when not checked out (already, or never in).
 */
export async function checkOut(
  db: Db,
  a: { id: string; campaignId: string; title: string; place: string },
  userId: string,
  unit: { id: string; path: string } | null,
  at: string,
  rec: { date: string; hours: number; maxPerDay: number },
) {
  const recordId = newId();
  const description = `服务活动：${a.title}（${a.place}）`;
  const used = sql`(SELECT COALESCE(SUM(hours), 0) FROM service_records WHERE user_id = ${userId} AND campaign_id = ${a.campaignId} AND date = ${rec.date} AND status <> 'rejected')`;
  const results = await writeBatch(db, [
    sql`UPDATE service_signups SET checked_out_at = ${at}
        WHERE activity_id = ${a.id} AND user_id = ${userId} AND status = 'signed_up' AND checked_in_at IS NOT NULL AND checked_out_at IS NULL RETURNING user_id`,
    sql`INSERT INTO service_records (id, campaign_id, user_id, org_unit_id, org_path, pair_id, date, hours, description, status, source, activity_id, created_at)
        SELECT ${recordId}, ${a.campaignId}, ${userId}, ${unit?.id ?? null}, ${unit?.path ?? null}, NULL, ${rec.date}, h.hours, ${description}, 'pending', 'checkin', ${a.id}, ${at}
        FROM (SELECT MIN(${rec.hours}, MAX(0, ${rec.maxPerDay} - ${used})) AS hours) h
        WHERE changes() > 0 AND h.hours > 0`,
    sql`UPDATE service_signups SET record_id = ${recordId}
        WHERE activity_id = ${a.id} AND user_id = ${userId} AND EXISTS (SELECT 1 FROM service_records WHERE id = ${recordId})`,
  ]);
  if (!(results[0]?.results.length ?? 0)) return null;
  return { recordId: (results[2]?.meta.changes ?? 0) > 0 ? recordId : null };
}

/** The sign-up list of an activity (organizers), with names, units and the hours recorded. */
export async function listSignups(db: Db, activityId: string) {
  const unit = alias(orgUnits, 'unit');
  return db
    .select({
      userId: serviceSignups.userId,
      name: users.name,
      phone: users.phone,
      status: serviceSignups.status,
      userPaths: sql<string | null>`(SELECT group_concat(org_path, ' ') FROM memberships WHERE user_id = ${serviceSignups.userId})`,
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      checkedInAt: serviceSignups.checkedInAt,
      checkedOutAt: serviceSignups.checkedOutAt,
      recordId: serviceSignups.recordId,
      hours: serviceRecords.hours,
      recordStatus: serviceRecords.status,
      createdAt: serviceSignups.createdAt,
    })
    .from(serviceSignups)
    .innerJoin(users, eq(users.id, serviceSignups.userId))
    .leftJoin(
      unit,
      eq(unit.id, sql`(SELECT org_unit_id FROM memberships WHERE user_id = ${serviceSignups.userId} AND role = 'member' ORDER BY created_at LIMIT 1)`),
    )
    .leftJoin(serviceRecords, eq(serviceRecords.id, serviceSignups.recordId))
    .where(eq(serviceSignups.activityId, activityId))
    .orderBy(asc(serviceSignups.createdAt), asc(serviceSignups.userId))
    .limit(10000);
}
