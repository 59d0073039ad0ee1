/**
 * Exhibition bookings read back: a person's, a campaign's (paged), and the visitor statistics.
 * Moved out of exhibition.ts (slots, booking and the waiting-list settle) to keep files small.
 */
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { bookings, campaigns, exhibitionSlots, orgUnits } from '../schema';
import type { Db } from '../client';

/** Whether a booking was made from a waiting list (候补成功). */
export const fromWaitlist = sql<number>`EXISTS (SELECT 1 FROM slot_waitlist w WHERE w.slot_id = "bookings"."slot_id" AND w.status = 'booked' AND w.booking_id = "bookings"."id")`;

/** What every list of bookings shows of one: the booking, its slot's times, and whether the waiting list made it. */
const bookingWithSlot = { b: bookings, slotStartsAt: exhibitionSlots.startsAt, slotEndsAt: exhibitionSlots.endsAt, fromWaitlist };

/** A person's bookings across every exhibition, newest first (我的预约). */
export async function myBookings(db: Db, userId: string, limit: number) {
  return db
    .select({ ...bookingWithSlot, title: campaigns.title, slug: campaigns.slug })
    .from(bookings)
    .innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId))
    .innerJoin(campaigns, eq(campaigns.id, bookings.campaignId))
    .where(and(eq(bookings.userId, userId), eq(bookings.group, false)))
    .orderBy(desc(exhibitionSlots.startsAt))
    .limit(limit);
}

/** How many bookings a campaign has (any status), for an export's size check. */
export async function countBookings(db: Db, campaignId: string) {
  const [r] = await db.select({ n: sql<number>`COUNT(*)` }).from(bookings).where(eq(bookings.campaignId, campaignId));
  return r?.n ?? 0;
}

export async function listBookings(
  db: Db,
  campaignId: string,
  f: { userId?: string; slotId?: string; day?: string; status?: string; limit: number; beforeId: string | null },
) {
  return db
    .select({ ...bookingWithSlot, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(bookings)
    .innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId))
    .leftJoin(orgUnits, eq(orgUnits.id, bookings.orgUnitId))
    .where(
      and(
        eq(bookings.campaignId, campaignId),
        f.userId ? eq(bookings.userId, f.userId) : undefined,
        f.slotId ? eq(bookings.slotId, f.slotId) : undefined,
        f.day ? eq(bookings.day, f.day) : undefined,
        f.status ? eq(bookings.status, f.status as 'booked') : undefined,
        f.beforeId ? lt(bookings.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(bookings.id))
    .limit(f.limit + 1);
}

/** Visitor statistics: booked, checked in, no-shows (people, not bookings), by day, slot and unit. */
export async function visitStats(db: Db, campaignId: string, today: string) {
  // Each sum gets its own alias: in a batch D1 returns rows as objects keyed by column
  // text, and two sums differing only in a bound parameter would share one key.
  const people = (status: 'checked_in' | 'no_show' | 'cancelled') =>
    sql<number>`COALESCE(SUM(CASE WHEN ${bookings.status} = ${status} THEN ${bookings.partySize} END), 0)`.as(`people_${status}`);
  const booked = sql<number>`COALESCE(SUM(CASE WHEN ${bookings.status} IN ('booked', 'checked_in', 'no_show') THEN ${bookings.partySize} END), 0)`.as(
    'people_booked',
  );
  const [totals, byDay, bySlot, byUnit, inside] = await db.batch([
    db
      .select({ booked, checkedIn: people('checked_in'), noShows: people('no_show'), cancelled: people('cancelled') })
      .from(bookings)
      .where(eq(bookings.campaignId, campaignId)),
    db
      .select({ day: bookings.day, booked, checkedIn: people('checked_in'), noShows: people('no_show') })
      .from(bookings)
      .where(eq(bookings.campaignId, campaignId))
      .groupBy(bookings.day)
      .orderBy(asc(bookings.day)),
    db
      .select({
        slotId: exhibitionSlots.id,
        startsAt: exhibitionSlots.startsAt,
        endsAt: exhibitionSlots.endsAt,
        capacity: exhibitionSlots.capacity,
        booked: exhibitionSlots.booked,
        checkedIn: sql<number>`COALESCE((SELECT SUM(party_size) FROM bookings x WHERE x.slot_id = ${exhibitionSlots.id} AND x.status = 'checked_in'), 0)`,
      })
      .from(exhibitionSlots)
      .innerJoin(bookings, eq(bookings.slotId, exhibitionSlots.id))
      .where(eq(exhibitionSlots.campaignId, campaignId))
      .groupBy(exhibitionSlots.id)
      .orderBy(asc(exhibitionSlots.startsAt)),
    db
      .select({ orgUnitId: bookings.orgUnitId, name: orgUnits.name, booked, checkedIn: people('checked_in') })
      .from(bookings)
      .leftJoin(orgUnits, eq(orgUnits.id, bookings.orgUnitId))
      .where(eq(bookings.campaignId, campaignId))
      .groupBy(bookings.orgUnitId, orgUnits.name),
    db
      .select({ n: sql<number>`COALESCE(SUM(${bookings.partySize}), 0)` })
      .from(bookings)
      .where(and(eq(bookings.campaignId, campaignId), eq(bookings.day, today), eq(bookings.status, 'checked_in'))),
  ]);
  return { ...(totals[0] ?? { booked: 0, checkedIn: 0, noShows: 0, cancelled: 0 }), insideToday: inside[0]?.n ?? 0, byDay, bySlot, byOrgUnit: byUnit };
}

/** The org path of a booking's unit (the member's, or the unit booked for), for who may read its phone. */
export async function bookingUnitPath(db: Db, orgUnitId: string | null) {
  if (!orgUnitId) return null;
  return (await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, orgUnitId)).limit(1))[0]?.path ?? null;
}
