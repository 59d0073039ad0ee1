/**
 * Pure rules of exhibition visits: when staff may check a booking in, and how repeated
 * no-shows block new bookings. The Worker applies them (workers/api/routes/exhibition);
 * `noShowsSince` in db/queries/exhibition.ts reads the window the same way (tests hold the
 * two together).
 */
const DAY_MS = 86400e3;

/** Staff may check visitors in from this long before their slot starts (queues form early). */
export const CHECK_IN_EARLY_MS = 30 * 60e3;

/** Check-in is open from `CHECK_IN_EARLY_MS` before the slot starts until it ends (both included). */
export function checkInOpen(slot: { startsAt: string; endsAt: string }, now: number): boolean {
  return now >= Date.parse(slot.startsAt) - CHECK_IN_EARLY_MS && now <= Date.parse(slot.endsAt);
}

export interface NoShowPolicy {
  noShowLimit: number;
  noShowWindowDays: number;
  noShowBlockDays: number;
}

/** The oldest slot end a no-show still counts from (ISO): the window reaches back this far. */
export function noShowWindowStart(s: Pick<NoShowPolicy, 'noShowWindowDays'>, now: number): string {
  return new Date(now - s.noShowWindowDays * DAY_MS).toISOString();
}

/**
 * Is a person blocked from booking (and from joining waiting lists)? `misses` are the ends of
 * the slots they did not come to (ISO); those inside the window count. At `noShowLimit` of
 * them the person is blocked for `noShowBlockDays` from the latest one (0 days: never).
 * Returns how many counted and until when, or null when they may book.
 */
export function noShowBlock(misses: readonly string[], s: NoShowPolicy, now: number): { n: number; until: number } | null {
  const since = noShowWindowStart(s, now);
  const counted = misses.filter((at) => at >= since);
  if (counted.length < s.noShowLimit || s.noShowBlockDays <= 0) return null;
  const latest = Math.max(...counted.map((at) => Date.parse(at)));
  const until = latest + s.noShowBlockDays * DAY_MS;
  return until > now ? { n: counted.length, until } : null;
}
