/**
 * Pure rules of "1+1" volunteering: which days a service record may be reported for, and the
 * 带动率 (lead rate). The Worker applies them (workers/api/routes/volunteer).
 */
import { chinaDay } from './china-time';

export type RecordDateProblem = 'future' | 'before_start' | 'after_end';

/** Service is reported for a China day within the campaign's days and not after today; null when it may be. */
export function recordDateProblem(date: string, campaign: { startsAt: string; endsAt: string }, now: number): RecordDateProblem | null {
  if (date > chinaDay(now)) return 'future';
  if (date < chinaDay(Date.parse(campaign.startsAt))) return 'before_start';
  if (date > chinaDay(Date.parse(campaign.endsAt))) return 'after_end';
  return null;
}

/** 带动率: members with a pair ÷ registered members, 0–1 to four places (0 without members; never above 1). */
export function leadRate(leaders: number, members: number): number {
  return members ? Math.round((Math.min(leaders, members) / members) * 10000) / 10000 : 0;
}
