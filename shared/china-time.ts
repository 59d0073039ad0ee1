/**
 * China time (UTC+8, no daylight saving) for days, clocks and form inputs. Campaigns happen in
 * China whatever zone a desk or a phone is set to, so every "day" and every clock the platform
 * shows or reads is China's: the API counts activity by China day, and the apps show the same.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const shifted = (at: number | string) => new Date((typeof at === 'string' ? Date.parse(at) : at) + CHINA_OFFSET_MS).toISOString();

/** The calendar day in China of an instant, as YYYY-MM-DD (the day an activity counts for). */
export const chinaDay = (at: number | string = Date.now()): string => shifted(at).slice(0, 10);

/** HH:MM in China time. */
export const chinaTime = (at: number | string): string => shifted(at).slice(11, 16);

/** YYYY-MM-DD HH:MM in China time (messages and tables that name a moment). */
export const chinaClock = (at: number | string): string => shifted(at).slice(0, 16).replace('T', ' ');

/** The UTC instant of 00:00 China time of a YYYY-MM-DD day. */
export const chinaMidnight = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

/** The China day n days after (or before) a YYYY-MM-DD day. */
export const addDays = (day: string, n: number): string => chinaDay(chinaMidnight(day) + n * DAY_MS + 12 * 3600_000);

/** 1 = Monday … 7 = Sunday, of a YYYY-MM-DD day. */
export function weekday(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** ISO → the value of a datetime-local input showing China time. */
export const toChinaInput = (iso: string): string => shifted(iso).slice(0, 16);

/** A datetime-local value read as China time → ISO (UTC), or null when it is not one. */
export function fromChinaInput(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return null;
  const ms = Date.parse(`${v}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Seconds until the next China midnight, when daily allowances (attempts, votes) come back: a Retry-After. */
export function secondsToNextDay(now: number): number {
  return Math.ceil((Date.parse(`${chinaDay(now)}T16:00:00Z`) - now) / 1000);
}
