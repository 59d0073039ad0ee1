import { addDays } from './china-time';

/**
 * The personal home page's rules (GET /me/home): a streak of active China days, and the
 * kinds of things that wait for the member. Pure and browser-safe; unit-tested.
 */

/**
 * 连续活跃天数: consecutive China days with activity, counted back from today — or from
 * yesterday while today has nothing yet (a streak is not lost at breakfast, only when a whole
 * day passes without activity). `days` are YYYY-MM-DD China days, in any order, repeats allowed.
 */
export function streakDays(days: Iterable<string>, today: string): { days: number; activeToday: boolean } {
  const set = new Set(days);
  const activeToday = set.has(today);
  let day = activeToday ? today : addDays(today, -1);
  let n = 0;
  while (set.has(day)) {
    n += 1;
    day = addDays(day, -1);
  }
  return { days: n, activeToday };
}

/** How far back the streak is looked for (a longer run shows as this many days and more). */
export const STREAK_LOOKBACK_DAYS = 366;

/**
 * What can wait for a member on the home page, soonest first: an exhibition booking to go to,
 * a 服务活动 signed up for, a work under review, a 1+1 service record waiting for approval.
 * (A module that adds a kind — training sessions — adds its name here and its query.)
 */
export const HOME_ITEM_KINDS = ['booking', 'service_activity', 'entry_review', 'record_review'] as const;
export type HomeItemKind = (typeof HOME_ITEM_KINDS)[number];

/** Items in order: those with a time soonest first, then the ones waiting on others, newest first. */
export function orderHomeItems<T extends { at: string | null; since: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.at && b.at) return a.at.localeCompare(b.at);
    if (a.at) return -1;
    if (b.at) return 1;
    return b.since.localeCompare(a.since);
  });
}
