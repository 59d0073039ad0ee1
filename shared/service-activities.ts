/**
 * 服务活动 (service activities): the pure rules of on-site check-in and check-out, shared by
 * the API and the screens. ("Activity" alone means activity_events elsewhere: these are
 * always "service activities".)
 */

import type { Times } from './rotating-code';

// the code engine and the check-in window are shared with training sessions (shared/rotating-code.ts)
export {
  CODE_STEP_MS,
  CHECK_IN_EARLY_MS,
  CODE_GUESSES_PER_MINUTE,
  CODE_RE,
  codeMinute,
  nextCodeAt,
  codeMatches,
  checkInWindow,
  rotatingCode as serviceCode,
  type Times,
} from './rotating-code';

/** Check-out stays open this long after the end. */
export const CHECK_OUT_LATE_MS = 2 * 3600_000;
/** The check-out window: from the check-in until 2 hours after the end. */
export function checkOutWindow(a: Times, checkedInAt: string): { from: number; to: number } {
  return { from: Date.parse(checkedInAt), to: Date.parse(a.endsAt) + CHECK_OUT_LATE_MS };
}

export type CheckStep = 'check_in' | 'check_out' | 'done';

/** What a signed-up person's next code does. */
export function nextStep(s: { checkedInAt: string | null; checkedOutAt: string | null }): CheckStep {
  if (!s.checkedInAt) return 'check_in';
  if (!s.checkedOutAt) return 'check_out';
  return 'done';
}

/**
 * Hours of service between check-in and check-out: clipped to the activity's time (coming
 * early or leaving late does not count), rounded down to the half hour.
 */
export function serviceHours(a: Times, checkedInAt: string, checkedOutAt: string): number {
  const from = Math.max(Date.parse(a.startsAt), Date.parse(checkedInAt));
  const to = Math.min(Date.parse(a.endsAt), Date.parse(checkedOutAt));
  if (!(to > from)) return 0;
  return Math.floor((to - from) / 1_800_000) / 2;
}

/** The start of the counted service (the later of check-in and start): its China day is the record's date. */
export function serviceStart(a: Times, checkedInAt: string): number {
  return Math.max(Date.parse(a.startsAt), Date.parse(checkedInAt));
}

/** 2026-03-01 09:30 in China time (messages that name a time). */
export { chinaClock } from './china-time';
