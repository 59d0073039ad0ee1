/**
 * 候补 — the waiting list of a full exhibition slot, like 12306's 候补购票. Pure rules shared
 * by the API (which applies them inside D1, see db/queries/exhibition.ts) and the screens.
 */

export const WAITLIST_STATUSES = ['waiting', 'booked', 'cancelled', 'expired'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export interface SlotSeats {
  capacity: number;
  booked: number;
  closed: boolean;
  endsAt: string;
}

/**
 * What a visitor can do with a slot for a party: book it while the party fits, join its
 * waiting list when it does not, nothing once the slot is closed or over.
 */
export function slotAction(slot: SlotSeats, partySize: number, now = Date.now()): 'book' | 'waitlist' | 'closed' {
  if (slot.closed || Date.parse(slot.endsAt) <= now) return 'closed';
  return slot.booked + partySize <= slot.capacity ? 'book' : 'waitlist';
}

/** An entry still `waiting` when its slot is over has expired (the cron writes it down later). */
export function effectiveStatus(status: WaitlistStatus, slotEndsAt: string, now = Date.now()): WaitlistStatus {
  return status === 'waiting' && Date.parse(slotEndsAt) <= now ? 'expired' : status;
}

export interface QueueEntry {
  id: string;
  partySize: number;
  /** the person already holds a booking of this exhibition that day (one booking a day) */
  holdsBookingThatDay: boolean;
}

/**
 * Who gets freed seats: the waiting entries in the order they joined. An entry whose party
 * fits the seats still free becomes a booking; one that does not fit is passed over and keeps
 * its place; one that fits but whose person meanwhile holds a booking that day expires instead.
 * Stops when the seats run out or after `max` bookings. The SQL of `settleStmts` in
 * db/queries/exhibition.ts walks the queue the same way; tests compare the two.
 */
export function allocateSeats(free: number, queue: readonly QueueEntry[], max = Infinity): Array<{ id: string; outcome: 'booked' | 'expired' }> {
  const out: Array<{ id: string; outcome: 'booked' | 'expired' }> = [];
  let seats = free;
  let booked = 0;
  for (const e of queue) {
    if (seats <= 0 || booked >= max) break;
    if (e.partySize > seats) continue;
    if (e.holdsBookingThatDay) {
      out.push({ id: e.id, outcome: 'expired' });
      continue;
    }
    out.push({ id: e.id, outcome: 'booked' });
    seats -= e.partySize;
    booked++;
  }
  return out;
}
