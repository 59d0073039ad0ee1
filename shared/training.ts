import type { Localized } from './i18n';
import type { MemberCategory, PartyPost } from './people';
import { CHECK_IN_EARLY_MS, checkInWindow, type Times } from './rotating-code';

/**
 * 党员教育培训 (campaign kind `training`): the pure rules of sessions, attendance and study
 * hours, shared by the API and the screens (API.md "Education and organizational life").
 */

/** What kind of education a campaign is; the seed report counts each apart. */
export const TRAINING_CATEGORIES = ['rotation', 'secretary', 'new_member', 'activist', 'online', 'lecture', 'party_day', 'reading'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
export const TRAINING_CATEGORY_LABEL: Record<TrainingCategory, Localized> = {
  rotation: { 'zh-CN': '集中轮训', en: 'Rotation training' },
  secretary: { 'zh-CN': '书记/党务干部示范培训', en: 'Secretaries’ and party workers’ model training' },
  new_member: { 'zh-CN': '新发展党员培训', en: 'New members’ training' },
  activist: { 'zh-CN': '入党积极分子和发展对象培训', en: 'Activists’ and candidates’ training' },
  online: { 'zh-CN': '网络培训', en: 'Online training' },
  lecture: { 'zh-CN': '党课/宣讲', en: 'Party lecture' },
  party_day: { 'zh-CN': '主题党日', en: 'Themed party day' },
  reading: { 'zh-CN': '悦读', en: 'Reading' },
};

/** Register entries, as Moodle's attendance keeps them. */
export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABEL: Record<AttendanceStatus, Localized> = {
  present: { 'zh-CN': '出席', en: 'Present' },
  late: { 'zh-CN': '迟到', en: 'Late' },
  excused: { 'zh-CN': '请假', en: 'Excused' },
  absent: { 'zh-CN': '缺席', en: 'Absent' },
};

/** How a member attended: in the room, online, or 送学上门 (the lesson brought to a member who cannot come). */
export const ATTENDANCE_MODES = ['onsite', 'online', 'delivered'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
export const MODE_LABEL: Record<AttendanceMode, Localized> = {
  onsite: { 'zh-CN': '现场', en: 'On site' },
  online: { 'zh-CN': '线上', en: 'Online' },
  delivered: { 'zh-CN': '送学上门', en: 'Delivered at home' },
};

export const MATERIAL_KINDS = ['video', 'article'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** A member counts as late from this long after the start. */
export const LATE_AFTER_MS = 10 * 60_000;
/** One session lasts at most a day; a multi-day class is a schedule of daily sessions. */
export const SESSION_MAX_MS = 24 * 3600_000;
/** The most hours one session credits (a long day of class). */
export const SESSION_MAX_HOURS = 12;
/** A class of several days repeats its session on at most this many consecutive days. */
export const SCHEDULE_MAX_DAYS = 30;
/** The default yearly study hours a member should reach (人均32学时以上). */
export const DEFAULT_HOURS_TARGET = 32;

export { CHECK_IN_EARLY_MS, checkInWindow, type Times };

/** Hours are counted in half hours: 1, 1.5, 2 … */
export const isHalfStep = (h: number) => Number.isFinite(h) && Math.abs(h * 2 - Math.round(h * 2)) < 1e-9;

/**
 * The hours a session credits when the organizer names none: its duration rounded down to the
 * half hour, at least half an hour and at most SESSION_MAX_HOURS.
 */
export function defaultHours(a: Times): number {
  const ms = Date.parse(a.endsAt) - Date.parse(a.startsAt);
  if (!(ms > 0)) return 0.5;
  return Math.min(SESSION_MAX_HOURS, Math.max(0.5, Math.floor(ms / 1_800_000) / 2));
}

/** Present, or late from LATE_AFTER_MS after the start, for a code check-in at `now`. */
export function checkInStatus(a: Pick<Times, 'startsAt'>, now: number): 'present' | 'late' {
  return now >= Date.parse(a.startsAt) + LATE_AFTER_MS ? 'late' : 'present';
}

/** Is `now` inside the check-in window (30 minutes before the start until the end)? */
export function inCheckInWindow(a: Times, now: number): boolean {
  const w = checkInWindow(a);
  return now >= w.from && now <= w.to;
}

/** Present, late and 送学上门 (marked present or late with mode `delivered`) earn the session's hours; excused and absent none. */
export const isCredited = (status: AttendanceStatus) => status === 'present' || status === 'late';

/** The hours an attendance earns. */
export const creditedHours = (status: AttendanceStatus, sessionHours: number) => (isCredited(status) ? sessionHours : 0);

/**
 * Activity events count study hours in minutes (`quantity`), as 1+1 service hours do, so
 * integer sums stay exact: 1.5 hours is 90.
 */
export const hoursToQuantity = (hours: number) => Math.round(hours * 60);
export const quantityToHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export interface Audience {
  categories?: readonly MemberCategory[] | undefined;
  posts?: readonly PartyPost[] | undefined;
}

/**
 * Does a roster entry belong to a campaign's audience? Each list narrows (empty or missing =
 * anyone): the category must be one of `categories`, and the person must hold at least one of `posts`.
 */
export function audienceMatches(aud: Audience, entry: { category: MemberCategory; posts: readonly PartyPost[] }): boolean {
  if (aud.categories?.length && !aud.categories.includes(entry.category)) return false;
  if (aud.posts?.length && !entry.posts.some((p) => aud.posts!.includes(p))) return false;
  return true;
}

/**
 * When an online study may be finished: `minutes` after its start on the server's clock.
 * Returns the milliseconds still to go (0 = may finish now).
 */
export function studyTimeLeft(startedAt: string, minutes: number, now: number): number {
  return Math.max(0, Date.parse(startedAt) + minutes * 60_000 - now);
}

/** A share as a fraction in [0, 1], 4 places; 0 when the denominator is 0. */
export function share(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((Math.min(part, whole) / whole) * 10000) / 10000;
}

/** The China calendar year (YYYY) of an instant: study-hour targets are yearly. */
export const chinaYear = (ms: number) => new Date(ms + 8 * 3600_000).getUTCFullYear();

/** The UTC instants bounding a China calendar year [from, to). */
export function chinaYearRange(year: number): { from: string; to: string } {
  return { from: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000).toISOString(), to: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000).toISOString() };
}
