import { addDays, chinaMidnight } from './china-time';

/**
 * Report figures that do not mislead (console 概览): the previous period of equal length to
 * compare a figure with, the change against it, and which point of a series is still running
 * (today, or this week), so a half-day never reads as a drop. Pure; unit-tested.
 */

/** The period of equal length just before [from, to): ISO instants. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return { from: new Date(a - (b - a)).toISOString(), to: new Date(a).toISOString() };
}

/** The change of a figure against the previous period: the difference, and the ratio when the previous one was not zero. */
export function periodChange(current: number, previous: number): { delta: number; ratio: number | null } {
  return { delta: current - previous, ratio: previous ? (current - previous) / previous : null };
}

/** Is the series point starting on China day `at` still running on `today`? (its day, or its week of 7 days) */
export function isPartialPoint(at: string, step: 'day' | 'week', today: string): boolean {
  const day = at.slice(0, 10);
  return step === 'day' ? day === today : day <= today && today < addDays(day, 7);
}

/**
 * A metrics bound as an ISO instant. A bare YYYY-MM-DD is a China day whatever zone the
 * client is in: `from` is its first millisecond, `to` its last (ranges are inclusive). An
 * ISO timestamp stands for itself, whatever offset it was written with.
 */
export function boundInstant(v: string, side: 'from' | 'to'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(side === 'from' ? chinaMidnight(v) : chinaMidnight(addDays(v, 1)) - 1).toISOString();
  return new Date(Date.parse(v)).toISOString();
}

/** The period of equal length just before the inclusive range [from, to] (ISO instants), ending the millisecond before `from`. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return { from: new Date(a - (b - a) - 1).toISOString(), to: new Date(a - 1).toISOString() };
}

/** Longest range the metrics take (ten years, as the report): beyond it is a mistake, not a question. */
export const MAX_RANGE_DAYS = 3660;
