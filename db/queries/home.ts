import { and, asc, desc, eq, gt, gte, sql } from 'drizzle-orm';
import {
  activityEvents,
  bookings,
  campaigns,
  contestEntries,
  exhibitionSlots,
  quizAttempts,
  serviceActivities,
  serviceRecords,
  serviceSignups,
} from '../schema';
import type { Db } from '../client';

/** How many items of each kind the home page lists (the full lists are on 我的 and the modules' pages). */
const EACH = 3;

/**
 * Everything the personal home page reads, in one round trip: points today, the China days
 * with activity since `since` (for the streak), the daily quiz open now that the user may play,
 * and what waits for them (bookings and 服务活动 to come, works and records under review).
 */
export async function homeContext(db: Db, userId: string, p: { dayStartIso: string; sinceIso: string; nowIso: string }) {
  // aliased: a batch reads rows by column name, and bookings, works and activities have an id and a title of their own
  const c = {
    cid: sql<string>`${campaigns.id}`.as('cid'),
    cslug: sql<string>`${campaigns.slug}`.as('cslug'),
    ctitle: sql<string>`${campaigns.title}`.as('ctitle'),
  };
  const [points, days, quiz, booked, signed, entries, records] = await db.batch([
    db
      .select({ p: sql<number>`COALESCE(SUM(${activityEvents.points}), 0)` })
      .from(activityEvents)
      .where(and(eq(activityEvents.userId, userId), gte(activityEvents.occurredAt, p.dayStartIso))),
    // the China day of each event: its UTC instant moved by eight hours
    db
      .selectDistinct({ day: sql<string>`date(${activityEvents.occurredAt}, '+8 hours')` })
      .from(activityEvents)
      .where(and(eq(activityEvents.userId, userId), gte(activityEvents.occurredAt, p.sinceIso))),
    db
      .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, settings: campaigns.settings })
      .from(campaigns)
      .where(
        and(
          eq(campaigns.kind, 'quiz'),
          eq(campaigns.status, 'published'),
          sql`${campaigns.startsAt} <= ${p.nowIso} AND ${campaigns.endsAt} > ${p.nowIso}`,
          sql`COALESCE(json_extract(${campaigns.settings}, '$.mode'), 'daily') = 'daily'`,
          // members-only quizzes only for members of the subtree
          sql`(COALESCE(json_extract(${campaigns.settings}, '$.audience'), 'public') <> 'members'
               OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ${userId} AND m.org_path >= ${campaigns.orgPath} AND m.org_path < ${campaigns.orgPath} || '~'))`,
          sql`NOT EXISTS (SELECT 1 FROM quiz_stages s WHERE s.campaign_id = ${campaigns.id})`,
        ),
      )
      .orderBy(desc(campaigns.startsAt))
      .limit(1),
    db
      .select({ id: bookings.id, code: bookings.code, at: exhibitionSlots.startsAt, since: bookings.createdAt, ...c })
      .from(bookings)
      .innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId))
      .innerJoin(campaigns, eq(campaigns.id, bookings.campaignId))
      .where(and(eq(bookings.userId, userId), eq(bookings.status, 'booked'), gt(exhibitionSlots.endsAt, p.nowIso)))
      .orderBy(asc(exhibitionSlots.startsAt))
      .limit(EACH),
    db
      .select({ id: serviceActivities.id, title: serviceActivities.title, at: serviceActivities.startsAt, since: serviceSignups.createdAt, ...c })
      .from(serviceSignups)
      .innerJoin(serviceActivities, eq(serviceActivities.id, serviceSignups.activityId))
      .innerJoin(campaigns, eq(campaigns.id, serviceActivities.campaignId))
      .where(
        and(
          eq(serviceSignups.userId, userId),
          eq(serviceSignups.status, 'signed_up'),
          eq(serviceActivities.status, 'open'),
          gt(serviceActivities.endsAt, p.nowIso),
          sql`${serviceSignups.checkedOutAt} IS NULL`,
        ),
      )
      .orderBy(asc(serviceActivities.startsAt))
      .limit(EACH),
    db
      .select({ id: contestEntries.id, title: contestEntries.title, since: contestEntries.createdAt, ...c })
      .from(contestEntries)
      .innerJoin(campaigns, eq(campaigns.id, contestEntries.campaignId))
      .where(and(eq(contestEntries.userId, userId), eq(contestEntries.status, 'pending')))
      .orderBy(desc(contestEntries.createdAt))
      .limit(EACH),
    db
      .select({
        id: serviceRecords.id,
        title: serviceRecords.description,
        date: serviceRecords.date,
        hours: serviceRecords.hours,
        since: serviceRecords.createdAt,
        ...c,
      })
      .from(serviceRecords)
      .innerJoin(campaigns, eq(campaigns.id, serviceRecords.campaignId))
      .where(and(eq(serviceRecords.userId, userId), eq(serviceRecords.status, 'pending')))
      .orderBy(desc(serviceRecords.createdAt))
      .limit(EACH),
  ]);
  const withCampaign = <T extends { cid: string; cslug: string; ctitle: string }>(rows: T[]) =>
    rows.map(({ cid, cslug, ctitle, ...r }) => ({ ...r, campaign: { id: cid, slug: cslug, title: ctitle } }));
  return {
    pointsToday: points[0]?.p ?? 0,
    days: days.map((d) => d.day),
    quiz: quiz[0] ?? null,
    booked: withCampaign(booked),
    signed: withCampaign(signed),
    entries: withCampaign(entries),
    records: withCampaign(records),
  };
}

/** A user's attempts today in a stage-less quiz, and the one in progress (for the home's quiz card). */
export async function quizToday(db: Db, campaignId: string, userId: string, day: string) {
  const [today, active] = await db.batch([
    db
      .select({ n: sql<number>`COUNT(*)` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.userId, userId), eq(quizAttempts.day, day))),
    db
      .select()
      .from(quizAttempts)
      .where(
        and(eq(quizAttempts.campaignId, campaignId), eq(quizAttempts.stageId, 'main'), eq(quizAttempts.userId, userId), eq(quizAttempts.status, 'active')),
      ),
  ]);
  return { today: today[0]?.n ?? 0, active: active[0] ?? null };
}
