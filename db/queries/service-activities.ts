import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { orgUnits, serviceActivities, serviceRecords, serviceSignups, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso, randomToken } from '../ids';
import { auditInsert } from './activity';
import { writeBatch } from './util';

/* ---- 服务活动 (service activities): sign-up, check-in, check-out ---- */

export type ServiceActivity = typeof serviceActivities.$inferSelect;

/** What an organizer's new activity stores (the id, code secret, status and counts are the query's). */
export type NewServiceActivity = Omit<ServiceActivity, 'id' | 'signedUp' | 'codeSecret' | 'status' | 'createdAt'>;

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
