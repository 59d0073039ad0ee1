import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { EXHIBITION_DEFAULTS } from '../../shared/contracts/campaigns';
import { bookings, exhibitionSlots, type slotWaitlist } from '../schema';
import type { Visitor } from '../schema/exhibition';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { activityInsert, auditInsert } from './activity';
import { chunk, isUniqueViolation, writeBatch, type Stmt } from './util';

export type SlotRow = typeof exhibitionSlots.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type WaitlistRow = typeof slotWaitlist.$inferSelect;

/** People's entries still waiting for a slot (a count the public may see). */
const waitingCount = sql<number>`(SELECT COUNT(*) FROM slot_waitlist w WHERE w.slot_id = "exhibition_slots"."id" AND w.status = 'waiting')`;

export async function listSlots(db: Db, campaignId: string, from?: string, to?: string) {
  return db
    .select({ ...getTableColumns(exhibitionSlots), waiting: waitingCount })
    .from(exhibitionSlots)
    .where(
      and(
        eq(exhibitionSlots.campaignId, campaignId),
        from ? gte(exhibitionSlots.startsAt, from) : undefined,
        to ? lte(exhibitionSlots.startsAt, to) : undefined,
      ),
    )
    .orderBy(asc(exhibitionSlots.startsAt))
    .limit(2000);
}
export async function getSlot(db: Db, id: string) {
  return db.query.exhibitionSlots.findFirst({ where: eq(exhibitionSlots.id, id) });
}
/** A slot with the count of its waiting list. */
export async function getSlotWithWaiting(db: Db, id: string) {
  return (
    await db
      .select({ ...getTableColumns(exhibitionSlots), waiting: waitingCount })
      .from(exhibitionSlots)
      .where(eq(exhibitionSlots.id, id))
  )[0];
}

/** Adds slots (skipping ones that already exist at the same times); returns how many were new. */
export async function addSlots(
  db: Db,
  actorId: string,
  campaign: { id: string; orgUnitId: string },
  slots: Array<{ startsAt: string; endsAt: string; capacity: number }>,
) {
  const now = nowIso();
  const stmts: Stmt[] = chunk(slots, 12).map((part) =>
    db
      .insert(exhibitionSlots)
      .values(part.map((s) => ({ id: newId(), campaignId: campaign.id, ...s, booked: 0, closed: false, createdAt: now })))
      .onConflictDoNothing(),
  );
  stmts.push(
    auditInsert({ actorId, action: 'slots.add', entity: 'campaign', entityId: campaign.id, orgUnitId: campaign.orgUnitId, detail: { count: slots.length } }),
  );
  const res = await writeBatch(db, stmts);
  return res.slice(0, -1).reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

/**
 * Changes capacity or closes a slot; the capacity never goes below the seats already booked.
 * Seats it frees (a higher capacity, a reopened slot) go to the waiting list in the same batch.
 */
export async function updateSlot(db: Db, actorId: string, slot: SlotRow, orgUnitId: string, patch: { capacity?: number; closed?: boolean }, now = Date.now()) {
  const settle = settleStmts(slot.id, now);
  const res = await writeBatch(db, [
    sql`UPDATE exhibition_slots SET capacity = COALESCE(${patch.capacity ?? null}, capacity), closed = COALESCE(${patch.closed === undefined ? null : patch.closed ? 1 : 0}, closed)
        WHERE id = ${slot.id} AND booked <= COALESCE(${patch.capacity ?? null}, capacity) RETURNING id`,
    auditInsert({ actorId, action: 'slot.update', entity: 'exhibition_slot', entityId: slot.id, orgUnitId, detail: patch }, true),
    ...settle.stmts,
  ]);
  const ok = (res[0]?.results.length ?? 0) > 0;
  const promoted = settled(res[2 + settle.at]);
  const notices = noticesOf(settle, promoted.rows);
  if (promoted.booked >= PROMOTE_MAX) notices.push(...(await settleSlot(db, slot.id, now)));
  return ok ? { promoted, notices } : null;
}

/** An unguessable ticket code, easy to read aloud (no 0/O, 1/I). */
export function ticketCode() {
  const A = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (x) => A[x % A.length]).join('');
}

/** `perPerson`: the upcoming visits one account may hold in the exhibition (a person's booking; a group booking has none). */
export interface NewBooking {
  campaignId: string;
  slot: SlotRow;
  userId: string;
  name: string;
  phone: string;
  partySize: number;
  day: string;
  group: boolean;
  orgUnitId: string | null;
  perPerson?: number;
  visitors?: Visitor[] | null;
  remindSms?: boolean;
}
export const visitorsJson = (v: Visitor[] | null | undefined) => (v?.length ? JSON.stringify(v) : null);

/**
 * How many upcoming visits (booked, slot not over) a person holds in an exhibition, as SQL over
 * the same transaction as the write that checks it. Group bookings are the unit's, not the organizer's.
 */
const upcomingOf = (
  campaignId: string | SQL,
  userId: string | SQL,
  at: string,
) => sql`(SELECT COUNT(*) FROM bookings b JOIN exhibition_slots s ON s.id = b.slot_id
  WHERE b.campaign_id = ${campaignId} AND b.user_id = ${userId} AND b.status = 'booked' AND b.is_group = 0 AND s.ends_at > ${at})`;
/** How many waiting-list entries a person has in an exhibition for slots not over. */
export const waitingOf = (
  campaignId: string,
  userId: string,
  at: string,
) => sql`(SELECT COUNT(*) FROM slot_waitlist w JOIN exhibition_slots s ON s.id = w.slot_id
  WHERE w.campaign_id = ${campaignId} AND w.user_id = ${userId} AND w.status = 'waiting' AND s.ends_at > ${at})`;
/** The campaign's bookingsPerPerson, with the default for campaigns stored before the setting existed. */
const perPersonOf = (campaignId: SQL) =>
  sql`COALESCE(json_extract((SELECT settings FROM campaigns WHERE id = ${campaignId}), '$.bookingsPerPerson'), ${EXHIBITION_DEFAULTS.bookingsPerPerson})`;

export async function upcomingVisits(db: Db, campaignId: string, userId: string, now = Date.now()) {
  return (await db.all<{ n: number }>(sql`SELECT ${upcomingOf(campaignId, userId, new Date(now).toISOString())} AS n`))[0]?.n ?? 0;
}
export async function waitingEntries(db: Db, campaignId: string, userId: string, now = Date.now()) {
  return (await db.all<{ n: number }>(sql`SELECT ${waitingOf(campaignId, userId, new Date(now).toISOString())} AS n`))[0]?.n ?? 0;
}

/**
 * Books seats in one batch: the slot's seat count goes up only while it stays within the
 * capacity (a conditional UPDATE — seats can never be over-sold, whatever the concurrency),
 * and the booking row is written only if it did. The one-a-day unique index rolls both
 * back for a second booking the same day; the same UPDATE holds a person to `perPerson`
 * upcoming visits (so parallel requests cannot pass it). Returns 'ok' | 'full' | 'again' | 'limit'.
 */
export async function bookSeats(db: Db, b: NewBooking, now = Date.now()) {
  const id = newId();
  const code = ticketCode();
  try {
    await writeBatch(db, [
      sql`UPDATE exhibition_slots SET booked = booked + ${b.partySize}
          WHERE id = ${b.slot.id} AND closed = 0 AND booked + ${b.partySize} <= capacity AND ends_at > ${new Date(now).toISOString()}
            AND ${b.perPerson === undefined ? sql`1` : sql`${upcomingOf(b.campaignId, b.userId, new Date(now).toISOString())} < ${b.perPerson}`}`,
      sql`INSERT INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at, visitors, remind_sms)
          SELECT ${id}, ${code}, ${b.campaignId}, ${b.slot.id}, ${b.userId}, ${b.name}, ${b.phone}, ${b.partySize}, ${b.day}, ${b.group ? 1 : 0}, ${b.orgUnitId}, 'booked', ${nowIso(now)},
                 ${visitorsJson(b.visitors)}, ${b.remindSms ? 1 : 0}
          WHERE changes() = 1`,
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return { result: 'again' as const };
    throw e;
  }
  const row = await db.query.bookings.findFirst({ where: eq(bookings.id, id) });
  if (row) return { result: 'ok' as const, booking: row };
  // not written: the person's cap, or the seats
  if (b.perPerson !== undefined && (await upcomingVisits(db, b.campaignId, b.userId, now)) >= b.perPerson) return { result: 'limit' as const };
  return { result: 'full' as const };
}

export async function bookingByCode(db: Db, code: string) {
  return db.query.bookings.findFirst({ where: eq(bookings.code, code.toUpperCase()) });
}
export async function getBooking(db: Db, id: string) {
  return db.query.bookings.findFirst({ where: eq(bookings.id, id) });
}

/**
 * Cancels a booking and frees its seats, once; in the same batch the freed seats go to the
 * slot's waiting list (so no seat is lost between the two, and none is sold twice).
 */
export async function cancelBooking(db: Db, b: BookingRow, now = Date.now()): Promise<{ notices: string[] } | null> {
  const settle = settleStmts(b.slotId, now);
  const res = await writeBatch(db, [
    db
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: nowIso(now) })
      .where(and(eq(bookings.id, b.id), eq(bookings.status, 'booked')))
      .returning({ id: bookings.id }),
    sql`UPDATE exhibition_slots SET booked = booked - ${b.partySize} WHERE id = ${b.slotId} AND changes() = 1`,
    ...settle.stmts,
  ]);
  const promoted = settled(res[2 + settle.at]);
  const notices = noticesOf(settle, promoted.rows);
  if (promoted.booked >= PROMOTE_MAX) notices.push(...(await settleSlot(db, b.slotId, now)));
  // the notices of the waiting-list bookings it made, for their texts (workers/api/lib/notify.ts)
  return (res[0]?.results.length ?? 0) > 0 ? { notices } : null;
}

/** Checks a booking in, once, recording the visit as an activity. */
export async function checkIn(db: Db, staffId: string, b: BookingRow) {
  const now = nowIso();
  const [res] = await writeBatch(db, [
    db
      .update(bookings)
      .set({ status: 'checked_in', checkedInAt: now, checkedInBy: staffId })
      .where(and(eq(bookings.id, b.id), inArray(bookings.status, ['booked', 'no_show'])))
      .returning({ id: bookings.id }),
    activityInsert(
      {
        userId: b.userId,
        type: 'exhibition_visit',
        campaignId: b.campaignId,
        kind: 'exhibition',
        points: 0,
        quantity: b.partySize,
        ref: b.id,
        orgUnitId: b.orgUnitId,
      },
      sql`(SELECT checked_in_at FROM bookings WHERE id = ${b.id}) = ${now}`,
    ),
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
  return db
    .select({ at: exhibitionSlots.endsAt })
    .from(bookings)
    .innerJoin(exhibitionSlots, eq(exhibitionSlots.id, bookings.slotId))
    .where(and(eq(bookings.campaignId, campaignId), eq(bookings.userId, userId), eq(bookings.status, 'no_show'), gte(exhibitionSlots.endsAt, since)))
    .orderBy(desc(exhibitionSlots.endsAt));
}

/* ---------- 候补: the waiting list of a full slot ---------- */

/** At most this many bookings are made from a waiting list in one batch; a further batch settles the rest. */
export const PROMOTE_MAX = 50;

/** The (joined) order of a slot's queue: the order the entries were written, i.e. committed. */
export const QUEUE_ORDER = 'rowid';

/**
 * The statements that give a slot's free seats to its waiting list, for the END of a batch
 * that frees seats (a cancellation, a higher capacity, a reopened slot). Inside that one
 * transaction they:
 *  1. expire the waiting entries of a slot that is over;
 *  2. walk the waiting entries in the order they joined (a recursive CTE over the seats still
 *     free): an entry whose party fits becomes `booked`, one that does not fit is passed over and
 *     keeps its place, one that fits but whose person holds a booking that day (one a day)
 *     becomes `expired` — the rule of `allocateSeats` in shared/waitlist.ts; so does one whose
 *     person already holds the exhibition's `bookingsPerPerson` upcoming visits;
 *  3. write the bookings of the entries just booked (ids and unguessable codes made here and
 *     handed in as JSON, so each entry gets exactly one);
 *  4. add their seats to the slot;
 *  5. tell each person booked so (候补成功) in the message centre (ids handed in with the
 *     booking's, so the texts owed can be sent once the batch has committed).
 * Step 2 only hands out `capacity - booked` seats as read in the same transaction, so the slot
 * can never be over-sold. `at` is the index (within `stmts`) of step 2, whose RETURNING rows say
 * what happened.
 */
export function settleStmts(slotId: string, now = Date.now(), max = PROMOTE_MAX): { stmts: Stmt[]; at: number; notices: Map<string, string> } {
  const at = nowIso(now);
  // per entry that may be booked: [booking id, ticket code, notification id]
  const ids = Array.from({ length: max }, () => [newId(now), ticketCode(), newId(now)] as const);
  const pairs = JSON.stringify(ids);
  const order = sql.raw(QUEUE_ORDER);
  return {
    at: 1,
    notices: new Map(ids.map(([booking, , notice]) => [booking, notice])),
    stmts: [
      sql`UPDATE slot_waitlist SET status = 'expired', resolved_at = ${at}
          WHERE slot_id = ${slotId} AND status = 'waiting' AND EXISTS (SELECT 1 FROM exhibition_slots s WHERE s.id = ${slotId} AND s.ends_at <= ${at})`,
      sql`WITH RECURSIVE
            q AS MATERIALIZED (
              SELECT w.id AS id, w.party_size AS party, ROW_NUMBER() OVER (ORDER BY w.${order}) AS rn,
                     EXISTS (SELECT 1 FROM bookings b WHERE b.campaign_id = w.campaign_id AND b.user_id = w.user_id AND b.day = w.day
                                                        AND b.status IN ('booked', 'checked_in') AND b.is_group = 0)
                     OR ${upcomingOf(sql`w.campaign_id`, sql`w.user_id`, at)} >= ${perPersonOf(sql`w.campaign_id`)} AS taken
              FROM slot_waitlist w WHERE w.slot_id = ${slotId} AND w.status = 'waiting'),
            walk(rn, id, outcome, seats, k, ord) AS (
              SELECT 0, NULL, NULL,
                     COALESCE((SELECT s.capacity - s.booked FROM exhibition_slots s JOIN campaigns c ON c.id = s.campaign_id
                               WHERE s.id = ${slotId} AND s.closed = 0 AND s.ends_at > ${at} AND c.status = 'published'), 0),
                     0, 0
              UNION ALL
              SELECT q.rn, q.id,
                     CASE WHEN q.party > walk.seats THEN NULL WHEN q.taken THEN 'expired' ELSE 'booked' END,
                     walk.seats - CASE WHEN q.party <= walk.seats AND NOT q.taken THEN q.party ELSE 0 END,
                     walk.k + CASE WHEN q.party <= walk.seats AND NOT q.taken THEN 1 ELSE 0 END,
                     walk.k
              FROM walk JOIN q ON q.rn = walk.rn + 1
              WHERE walk.seats > 0 AND walk.k < ${max})
          UPDATE slot_waitlist
          SET status = walk.outcome, resolved_at = ${at},
              booking_id = CASE WHEN walk.outcome = 'booked' THEN json_extract(${pairs}, '$[' || walk.ord || '][0]') END
          FROM walk WHERE slot_waitlist.id = walk.id AND walk.outcome IS NOT NULL
          RETURNING slot_waitlist.id AS id, slot_waitlist.status AS status, slot_waitlist.booking_id AS bookingId`,
      sql`INSERT INTO bookings (id, code, campaign_id, slot_id, user_id, name, phone, party_size, day, is_group, org_unit_id, status, created_at, visitors, remind_sms)
          SELECT w.booking_id, json_extract(p.value, '$[1]'), w.campaign_id, w.slot_id, w.user_id, w.name, w.phone, w.party_size, w.day, 0,
                 (SELECT m.org_unit_id FROM memberships m JOIN org_units u ON u.id = m.org_unit_id
                  WHERE m.user_id = w.user_id AND m.role = 'member' ORDER BY m.created_at LIMIT 1),
                 'booked', ${at}, w.visitors, w.remind_sms
          FROM slot_waitlist w JOIN json_each(${pairs}) p ON json_extract(p.value, '$[0]') = w.booking_id
          WHERE w.slot_id = ${slotId} AND w.status = 'booked'`,
      sql`UPDATE exhibition_slots
          SET booked = booked + (SELECT COALESCE(SUM(b.party_size), 0) FROM bookings b WHERE b.id IN (SELECT json_extract(value, '$[0]') FROM json_each(${pairs})))
          WHERE id = ${slotId}`,
      waitlistNoticeStmt(slotId, pairs, at),
    ],
  };
}

/**
 * 候补成功 in the message centre, for the entries of `pairs` just booked (shared/notifications.ts
 * `waitlist_booked`); the slot's time in China time (no daylight saving: +8 hours always).
 */
function waitlistNoticeStmt(slotId: string, pairs: string, at: string): SQL {
  return sql`INSERT INTO notifications (id, user_id, kind, params, link, created_at)
    SELECT json_extract(p.value, '$[2]'), w.user_id, 'waitlist_booked',
           json_object('title', c.title, 'time', strftime('%Y-%m-%d %H:%M', s.starts_at, '+8 hours'), 'party', w.party_size),
           '/my-bookings/' || json_extract(p.value, '$[1]'), ${at}
    FROM slot_waitlist w JOIN json_each(${pairs}) p ON json_extract(p.value, '$[0]') = w.booking_id
      JOIN exhibition_slots s ON s.id = w.slot_id JOIN campaigns c ON c.id = w.campaign_id
    WHERE w.slot_id = ${slotId} AND w.status = 'booked'`;
}

/** The notifications a settle wrote: one per booking it made (see settleStmts). */
const noticesOf = (s: { notices: Map<string, string> }, rows: Array<{ status: string; bookingId: string | null }>) =>
  rows.flatMap((r) => (r.status === 'booked' && r.bookingId && s.notices.has(r.bookingId) ? [s.notices.get(r.bookingId)!] : []));

/** What one settle did, from the RETURNING rows of its walk. */
function settled(r: D1Result | undefined) {
  const rows = (r?.results ?? []) as Array<{ id: string; status: string; bookingId: string | null }>;
  return { booked: rows.filter((x) => x.status === 'booked').length, expired: rows.filter((x) => x.status === 'expired').length, rows };
}

/** Gives a slot's free seats to its waiting list (on its own: after a batch that hit PROMOTE_MAX). */
export async function settleSlot(db: Db, slotId: string, now = Date.now()): Promise<string[]> {
  const notices: string[] = [];
  for (let round = 0; round < 100; round++) {
    const s = settleStmts(slotId, now);
    const res = await writeBatch(db, s.stmts);
    const done = settled(res[s.at]);
    notices.push(...noticesOf(s, done.rows));
    if (done.booked < PROMOTE_MAX) break;
  }
  return notices;
}
