/**
 * The waiting list of a full slot (候补), as people see it: joining, leaving, the entries with their
 * place in line. The settle that books from the list is in exhibition.ts, in the batches that free seats.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { bookings, campaigns, exhibitionSlots, slotWaitlist } from '../schema';
import type { Visitor } from '../schema/exhibition';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { isUniqueViolation, writeBatch } from './util';
import { getSlot, QUEUE_ORDER, visitorsJson, waitingEntries, waitingOf, type BookingRow } from './exhibition';

export interface NewWaitlistEntry {
  campaignId: string;
  slotId: string;
  userId: string;
  name: string;
  phone: string;
  partySize: number;
  day: string;
  perPerson: number;
  visitors?: Visitor[] | null;
  remindSms?: boolean;
}

/**
 * Joins a slot's waiting list in one conditional statement: only while the party does not
 * fit the seats left (otherwise book directly), the slot is open and not over, and the person
 * holds no booking of this exhibition that day, nor `perPerson` entries waiting. The partial unique index refuses a second
 * waiting entry for the same slot. Returns 'ok' with the entry, or why not.
 */
export async function joinWaitlist(db: Db, e: NewWaitlistEntry, now = Date.now()) {
  const id = newId(now);
  const at = nowIso(now);
  try {
    await writeBatch(db, [
      sql`INSERT INTO slot_waitlist (id, campaign_id, slot_id, user_id, name, phone, party_size, day, status, created_at, visitors, remind_sms)
          SELECT ${id}, ${e.campaignId}, ${e.slotId}, ${e.userId}, ${e.name}, ${e.phone}, ${e.partySize}, ${e.day}, 'waiting', ${at}, ${visitorsJson(e.visitors)}, ${e.remindSms ? 1 : 0}
          WHERE EXISTS (SELECT 1 FROM exhibition_slots s WHERE s.id = ${e.slotId} AND s.closed = 0 AND s.ends_at > ${at} AND s.booked + ${e.partySize} > s.capacity)
            AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.campaign_id = ${e.campaignId} AND b.user_id = ${e.userId} AND b.day = ${e.day}
                                                      AND b.status IN ('booked', 'checked_in') AND b.is_group = 0)
            AND ${waitingOf(e.campaignId, e.userId, at)} < ${e.perPerson}`,
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) return { result: 'again' as const };
    throw err;
  }
  const row = await db.query.slotWaitlist.findFirst({ where: eq(slotWaitlist.id, id) });
  if (row) return { result: 'ok' as const, entry: row };
  // not written: say why, from the state as it is now
  const slot = await getSlot(db, e.slotId);
  if (!slot || slot.closed || Date.parse(slot.endsAt) <= now) return { result: 'closed' as const };
  if (slot.booked + e.partySize <= slot.capacity) return { result: 'has_seats' as const };
  if ((await waitingEntries(db, e.campaignId, e.userId, now)) >= e.perPerson) return { result: 'limit' as const };
  return { result: 'booked_that_day' as const };
}

export async function getWaitlistEntry(db: Db, id: string) {
  return db.query.slotWaitlist.findFirst({ where: eq(slotWaitlist.id, id) });
}

/** Leaves a waiting list, once, while still waiting. */
export async function leaveWaitlist(db: Db, id: string, now = Date.now()) {
  const rows = await db
    .update(slotWaitlist)
    .set({ status: 'cancelled', resolvedAt: nowIso(now) })
    .where(and(eq(slotWaitlist.id, id), eq(slotWaitlist.status, 'waiting')))
    .returning({ id: slotWaitlist.id });
  return rows.length > 0;
}

/** The place in line of a waiting entry: 1 + the entries of its slot still waiting ahead of it. */
const position = sql<number | null>`CASE WHEN "slot_waitlist"."status" = 'waiting' THEN
  (SELECT COUNT(*) FROM slot_waitlist x WHERE x.slot_id = "slot_waitlist"."slot_id" AND x.status = 'waiting' AND x.${sql.raw(QUEUE_ORDER)} <= "slot_waitlist".${sql.raw(QUEUE_ORDER)}) END`;

const entryFields = () => ({
  w: slotWaitlist,
  position,
  bookingCode: bookings.code,
  bookingStatus: bookings.status,
  slotStartsAt: exhibitionSlots.startsAt,
  slotEndsAt: exhibitionSlots.endsAt,
  // where the person stands, for who may read their phone: their units, else the exhibition's
  userPaths: sql<string | null>`(SELECT group_concat(m.org_path, ' ') FROM memberships m WHERE m.user_id = "slot_waitlist"."user_id")`,
  campaignPath: sql<string>`(SELECT org_path FROM campaigns WHERE id = "slot_waitlist"."campaign_id")`,
});

/** Entries with their place in line, slot and booking: what the callers narrow down. */
const entries = (db: Db) =>
  db
    .select(entryFields())
    .from(slotWaitlist)
    .innerJoin(exhibitionSlots, eq(exhibitionSlots.id, slotWaitlist.slotId))
    .leftJoin(bookings, eq(bookings.id, slotWaitlist.bookingId));

/** One entry with its place in line, slot and booking. */
export async function waitlistEntry(db: Db, id: string) {
  return (await entries(db).where(eq(slotWaitlist.id, id)))[0];
}

/** A person's waiting-list entries across every exhibition, latest slot first (我的预约). */
export async function myWaitlist(db: Db, userId: string, limit: number) {
  return db
    .select({ ...entryFields(), title: campaigns.title, slug: campaigns.slug })
    .from(slotWaitlist)
    .innerJoin(exhibitionSlots, eq(exhibitionSlots.id, slotWaitlist.slotId))
    .innerJoin(campaigns, eq(campaigns.id, slotWaitlist.campaignId))
    .leftJoin(bookings, eq(bookings.id, slotWaitlist.bookingId))
    .where(eq(slotWaitlist.userId, userId))
    .orderBy(desc(exhibitionSlots.startsAt), sql`"slot_waitlist".rowid DESC`)
    .limit(limit);
}

/** A slot's whole waiting list in the order people joined (organizers). */
export async function slotWaitlistEntries(db: Db, slotId: string, limit = 1000) {
  return entries(db)
    .where(eq(slotWaitlist.slotId, slotId))
    .orderBy(sql`"slot_waitlist".${sql.raw(QUEUE_ORDER)}`)
    .limit(limit);
}

/** Cron: waiting entries of slots that are over, or of exhibitions that closed, expire. */
export async function expireWaitlist(db: Db, now = Date.now()) {
  const at = nowIso(now);
  const res = await db.run(sql`
    UPDATE slot_waitlist SET status = 'expired', resolved_at = ${at}
    WHERE status = 'waiting' AND (slot_id IN (SELECT id FROM exhibition_slots WHERE ends_at <= ${at})
                                  OR campaign_id IN (SELECT id FROM campaigns WHERE status = 'closed'))`);
  return res.meta.changes ?? 0;
}

export async function bookingFromWaitlist(db: Db, b: BookingRow) {
  return !!(
    await db
      .select({ id: slotWaitlist.id })
      .from(slotWaitlist)
      .where(and(eq(slotWaitlist.slotId, b.slotId), eq(slotWaitlist.status, 'booked'), eq(slotWaitlist.bookingId, b.id)))
      .limit(1)
  )[0];
}
