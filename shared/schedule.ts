/**
 * Slot schedules of an exhibition: days × times × capacity, in China time. The size of a
 * schedule is worked out arithmetically first, so a request for centuries of slots is
 * refused before a single slot is built.
 */
import { chinaDay } from './china-time';

export interface ScheduleSpec {
  from: string;
  to: string;
  weekdays: number[];
  times: Array<{ start: string; end: string }>;
  capacity: number;
}

/** The longest schedule one request may span (days), and the most slots it may create. */
export const SCHEDULE_MAX_DAYS = 731;
export const SCHEDULE_MAX_SLOTS = 400;

const DAY = 86400e3;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
/** 1 = Monday … 7 = Sunday, of a UTC midnight. */
const weekdayOf = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;
/** Times that make a slot (the end after the start, both on the same day). */
const usableTimes = (g: ScheduleSpec) => g.times.filter((t) => t.end > t.start).length;

/** Days in [from, to] (inclusive), 0 when `to` is before `from`. */
export function spanDays(g: Pick<ScheduleSpec, 'from' | 'to'>): number {
  const span = Math.round((dayMs(g.to) - dayMs(g.from)) / DAY) + 1;
  return Number.isFinite(span) && span > 0 ? span : 0;
}

/** How many slots the schedule would make, without making them: matching days × usable times. */
export function scheduleSize(g: ScheduleSpec): number {
  const days = spanDays(g);
  if (days === 0) return 0;
  const wanted = new Set(g.weekdays);
  const weeks = Math.floor(days / 7);
  let matching = weeks * wanted.size;
  const first = dayMs(g.from);
  for (let i = weeks * 7; i < days; i++) if (wanted.has(weekdayOf(first + i * DAY))) matching++;
  return matching * usableTimes(g);
}

/** Days × times in China time → slots in UTC (call only after `scheduleSize` is within bounds). */
export function schedule(g: ScheduleSpec) {
  const out: Array<{ startsAt: string; endsAt: string; capacity: number }> = [];
  const days = spanDays(g);
  for (let i = 0, d = dayMs(g.from); i < days; i++, d += DAY) {
    if (!g.weekdays.includes(weekdayOf(d))) continue;
    const day = new Date(d).toISOString().slice(0, 10);
    for (const t of g.times) {
      const start = Date.parse(`${day}T${t.start}:00+08:00`);
      const end = Date.parse(`${day}T${t.end}:00+08:00`);
      if (end > start) out.push({ startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString(), capacity: g.capacity });
    }
  }
  return out;
}

export type ScheduleProblem = 'ends_before_starts' | 'schedule_too_long' | 'schedule_outside_campaign' | 'too_many_slots';

/**
 * Why a schedule is refused, on its arithmetic alone (before one slot is built), or null:
 * `to` before `from`, a span over `SCHEDULE_MAX_DAYS`, days outside the campaign's (China
 * time), or more than `SCHEDULE_MAX_SLOTS` slots.
 */
export function scheduleProblem(g: ScheduleSpec, campaign: { startsAt: string; endsAt: string }): ScheduleProblem | null {
  const days = spanDays(g);
  if (days === 0) return 'ends_before_starts';
  if (days > SCHEDULE_MAX_DAYS) return 'schedule_too_long';
  const { first, last } = campaignDays(campaign);
  if (g.from < first || g.to > last) return 'schedule_outside_campaign';
  if (scheduleSize(g) > SCHEDULE_MAX_SLOTS) return 'too_many_slots';
  return null;
}

/** The first and last days of a campaign, in China time (what a schedule must lie within). */
export function campaignDays(campaign: { startsAt: string; endsAt: string }) {
  return { first: chinaDay(Date.parse(campaign.startsAt)), last: chinaDay(Date.parse(campaign.endsAt)) };
}
