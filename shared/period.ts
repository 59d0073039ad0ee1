import { addDays } from './china-time';

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
