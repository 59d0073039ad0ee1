import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { bookings, campaigns, exhibitionSlots, orgUnits } from '../schema';
import type { Db } from '../../workers/api/lib/env';
import { newId, nowIso } from '../../workers/api/lib/ids';
import { activityInsert, auditInsert } from './activity';
import { chunk, isUniqueViolation, writeBatch, type Stmt } from './util';

export type SlotRow = typeof exhibitionSlots.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;

export async function listSlots(db: Db, campaignId: string, from?: string, to?: string) {
  return db.select().from(exhibitionSlots)
    .where(and(eq(exhibitionSlots.campaignId, campaignId), from ? gte(exhibitionSlots.startsAt, from) : undefined, to ? lte(exhibitionSlots.startsAt, to) : undefined))
    .orderBy(asc(exhibitionSlots.startsAt)).limit(2000);
}
export async function getSlot(db: Db, id: string) {
  return db.query.exhibitionSlots.findFirst({ where: eq(exhibitionSlots.id, id) });
}

/** Adds slots (skipping ones that already exist at the same times); returns how many were new. */
export async function addSlots(db: Db, actorId: string, campaign: { id: string; orgUnitId: string }, slots: Array<{ startsAt: string; endsAt: string; capacity: number }>) {
  const now = nowIso();
  const stmts: Stmt[] = chunk(slots, 12).map((part) => db.insert(exhibitionSlots).values(part.map((s) => ({ id: newId(), campaignId: campaign.id, ...s, booked: 0, closed: false, createdAt: now }))).onConflictDoNothing());
  stmts.push(auditInsert({ actorId, action: 'slots.add', entity: 'campaign', entityId: campaign.id, orgUnitId: campaign.orgUnitId, detail: { count: slots.length } }));
  const res = await writeBatch(db, stmts);
  return res.slice(0, -1).reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

/** Changes capacity or closes a slot; the capacity never goes below the seats already booked. */
export async function updateSlot(db: Db, actorId: string, slot: SlotRow, orgUnitId: string, patch: { capacity?: number; closed?: boolean }) {
  const [res] = await writeBatch(db, [
    sql`UPDATE exhibition_slots SET capacity = COALESCE(${patch.capacity ?? null}, capacity), closed = COALESCE(${patch.closed === undefined ? null : patch.closed ? 1 : 0}, closed)
        WHERE id = ${slot.id} AND booked <= COALESCE(${patch.capacity ?? null}, capacity) RETURNING id`,
    auditInsert({ actorId, action: 'slot.update', entity: 'exhibition_slot', entityId: slot.id, orgUnitId, detail: patch }, true),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** An unguessable ticket code, easy to read aloud (no 0/O, 1/I). */
export function ticketCode() {
  const A = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (x) => A[x % A.length]).join('');
}

export interface NewBooking { campaignId: string; slot: SlotRow; userId: string; name: string; phone: string; partySize: number; day: string; group: boolean; orgUnitId: string | null }

/**
 * Books seats in one batch: the slot's seat count goes up only while it stays within the
 * capacity (a conditional UPDATE — seats can never be over-sold, whatever the concurrency),
 * and the booking row is written only if it did. The one-a-day unique index rolls both
 * back for a second booking the same day. Returns 'ok' | 'full' | 'again'.
 */
export async function bookSeats(db: Db, b: NewBooking, now = Date.now()) {
  const id = newId();
  const code = ticketCode();
  try {
    await writeBatch(db, [
      sql`UPDATE exhibition_slots SET booked = booked + ${b.partySize}
          WHERE id = ${b.slot.id} AND closed = 0 AND booked + ${b.partySize} <= capacity AND ends_at > ${new Date(now).toISOString()}`,
      sql`INSERT INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at)
          SELECT ${id}, ${code}, ${b.campaignId}, ${b.slot.id}, ${b.userId}, ${b.name}, ${b.phone}, ${b.partySize}, ${b.day}, ${b.group ? 1 : 0}, ${b.orgUnitId}, 'booked', ${nowIso(now)}
          WHERE changes() = 1`,
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return { result: 'again' as const };
    throw e;
  }
  const row = await db.query.bookings.findFirst({ where: eq(bookings.id, id) });
  return row ? { result: 'ok' as const, booking: row } : { result: 'full' as const };
}

export async function bookingByCode(db: Db, code: string) {
  return db.query.bookings.findFirst({ where: eq(bookings.code, code.toUpperCase()) });
}
export async function getBooking(db: Db, id: string) {
  return db.query.bookings.findFirst({ where: eq(bookings.id, id) });
}

/** Cancels a booking and frees its seats, once. */
export async function cancelBooking(db: Db, b: BookingRow) {
  const [res] = await writeBatch(db, [
    db.update(bookings).set({ status: 'cancelled', cancelledAt: nowIso() }).where(and(eq(bookings.id, b.id), eq(bookings.status, 'booked'))).returning({ id: bookings.id }),
    sql`UPDATE exhibition_slots SET booked = booked - ${b.partySize} WHERE id = ${b.slotId} AND changes() = 1`,
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Checks a booking in, once, recording the visit as an activity. */
export async function checkIn(db: Db, staffId: string, b: BookingRow) {
  const now = nowIso();
  const [res] = await writeBatch(db, [
    db.update(bookings).set({ status: 'checked_in', checkedInAt: now, checkedInBy: staffId }).where(and(eq(bookings.id, b.id), inArray(bookings.status, ['booked', 'no_show']))).returning({ id: bookings.id }),
    activityInsert({ userId: b.userId, type: 'exhibition_visit', campaignId: b.campaignId, kind: 'exhibition', points: 0, quantity: b.partySize, ref: b.id, orgUnitId: b.orgUnitId },
      sql`(SELECT checked_in_at FROM bookings WHERE id = ${b.id}) = ${now}`),
  ]);
  return (res?.results.length ?? 0) > 0;
}

/** Cron: bookings not checked in by the end of their slot become no-shows. */
export async function markNoShows(db: Db, now = Date.now()) {
  const res = await db.run(sql`
    UPDATE bookings SET status = 'no_show'
    WHERE status = 'booked' AND slot_id IN (SELECT id FROM exhibition_slots WHERE ends_at <= ${new Date(now).toISOString()})`);
  return res.meta.changes ?? 0;
}

/** No-shows of a person in an exhibition since a time, newest first. */
export async function noShowsSince(db: Db, campaignId: string, userId: string, since: string) {
  return db.select({ at: exhibitionSlots.endsAt }).from(bookings).innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId))
    .where(and(eq(bookings.campaignId, campaignId), eq(bookings.userId, userId), eq(bookings.status, 'no_show'), gte(exhibitionSlots.endsAt, since)))
    .orderBy(desc(exhibitionSlots.endsAt));
}

/** A person's bookings across every exhibition, newest first (我的预约). */
export async function myBookings(db: Db, userId: string, limit: number) {
  return db.select({ b: bookings, slotStartsAt: exhibitionSlots.startsAt, slotEndsAt: exhibitionSlots.endsAt, title: campaigns.title, slug: campaigns.slug })
    .from(bookings).innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId)).innerJoin(campaigns, eq(campaigns.id, bookings.campaignId))
    .where(and(eq(bookings.userId, userId), eq(bookings.group, false))).orderBy(desc(exhibitionSlots.startsAt)).limit(limit);
}

export async function listBookings(db: Db, campaignId: string, f: { userId?: string; slotId?: string; day?: string; status?: string; limit: number; beforeId: string | null }) {
  return db.select({ b: bookings, slotStartsAt: exhibitionSlots.startsAt, slotEndsAt: exhibitionSlots.endsAt, unitName: orgUnits.name })
    .from(bookings).innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId)).leftJoin(orgUnits, eq(orgUnits.id, bookings.orgUnitId))
    .where(and(
      eq(bookings.campaignId, campaignId),
      f.userId ? eq(bookings.userId, f.userId) : undefined,
      f.slotId ? eq(bookings.slotId, f.slotId) : undefined,
      f.day ? eq(bookings.day, f.day) : undefined,
      f.status ? eq(bookings.status, f.status as 'booked') : undefined,
      f.beforeId ? lt(bookings.id, f.beforeId) : undefined,
    ))
    .orderBy(desc(bookings.id)).limit(f.limit + 1);
}

/** Visitor statistics: booked, checked in, no-shows (people, not bookings), by day, slot and unit. */
export async function visitStats(db: Db, campaignId: string, today: string) {
  // Each sum gets its own alias: in a batch D1 returns rows as objects keyed by column
  // text, and two sums differing only in a bound parameter would share one key.
  const people = (status: 'checked_in' | 'no_show' | 'cancelled') =>
    sql<number>`COALESCE(SUM(CASE WHEN ${bookings.status} = ${status} THEN ${bookings.partySize} END), 0)`.as(`people_${status}`);
  const booked = sql<number>`COALESCE(SUM(CASE WHEN ${bookings.status} IN ('booked', 'checked_in', 'no_show') THEN ${bookings.partySize} END), 0)`.as('people_booked');
  const [totals, byDay, bySlot, byUnit, inside] = await db.batch([
    db.select({ booked, checkedIn: people('checked_in'), noShows: people('no_show'), cancelled: people('cancelled') }).from(bookings).where(eq(bookings.campaignId, campaignId)),
    db.select({ day: bookings.day, booked, checkedIn: people('checked_in'), noShows: people('no_show') }).from(bookings).where(eq(bookings.campaignId, campaignId)).groupBy(bookings.day).orderBy(asc(bookings.day)),
    db.select({ slotId: exhibitionSlots.id, startsAt: exhibitionSlots.startsAt, endsAt: exhibitionSlots.endsAt, capacity: exhibitionSlots.capacity, booked: exhibitionSlots.booked,
      checkedIn: sql<number>`COALESCE((SELECT SUM(party_size) FROM bookings x WHERE x.slot_id = ${exhibitionSlots.id} AND x.status = 'checked_in'), 0)` })
      .from(exhibitionSlots).innerJoin(bookings, eq(bookings.slotId, exhibitionSlots.id)).where(eq(exhibitionSlots.campaignId, campaignId)).groupBy(exhibitionSlots.id).orderBy(asc(exhibitionSlots.startsAt)),
    db.select({ orgUnitId: bookings.orgUnitId, name: orgUnits.name, booked, checkedIn: people('checked_in') })
      .from(bookings).leftJoin(orgUnits, eq(orgUnits.id, bookings.orgUnitId)).where(eq(bookings.campaignId, campaignId)).groupBy(bookings.orgUnitId, orgUnits.name),
    db.select({ n: sql<number>`COALESCE(SUM(${bookings.partySize}), 0)` }).from(bookings).where(and(eq(bookings.campaignId, campaignId), eq(bookings.day, today), eq(bookings.status, 'checked_in'))),
  ]);
  return { ...(totals[0] ?? { booked: 0, checkedIn: 0, noShows: 0, cancelled: 0 }), insideToday: inside[0]?.n ?? 0, byDay, bySlot, byOrgUnit: byUnit };
}

export async function bookingCount(db: Db, slotId: string) {
  return (await db.select({ n: count() }).from(bookings).where(and(eq(bookings.slotId, slotId), inArray(bookings.status, ['booked', 'checked_in']))))[0]?.n ?? 0;
}
