import { chinaTime } from '@shared/china-time';
import { call } from '@ui/api';
import type { CheckDto, ServiceActivityView as ServiceActivity } from '@shared/contracts/volunteer';

/* 服务活动 (service activities) on the portal: sign-up and check-in/out with the code at the place. */

const enc = encodeURIComponent;

export type { MySignup, ServiceActivityView as ServiceActivity } from '@shared/contracts/volunteer';

export type CheckResult = CheckDto;

export const listServiceActivities = (campaignId: string) => call('GET /campaigns/{id}/service-activities', { id: campaignId }).then((r) => r.items);
export const getServiceActivity = (id: string) => call('GET /service-activities/{id}', { id }).then((r) => r.serviceActivity);
export const signUp = (id: string) => call('POST /service-activities/{id}/signups', { id }).then((r) => r.serviceActivity);
export const cancelSignup = (id: string) => call('DELETE /service-activities/{id}/signups', { id }).then((r) => r.serviceActivity);
export const check = (id: string, code: string, action: 'in' | 'out') => call('POST /service-activities/{id}/check', { id }, { body: { code, action } });

export const checkHref = (id: string, code?: string) => `/service-activities/${enc(id)}/check${code ? `?code=${enc(code)}` : ''}`;

export { chinaTime } from '@shared/china-time';
/** 3月1日 周日 09:00–12:00 / Sun, Mar 1 09:00–12:00, in China time (where the place is). */
export function whenText(a: Pick<ServiceActivity, 'startsAt' | 'endsAt'>, lang: string): string {
  const day = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(a.startsAt));
  return `${day} ${chinaTime(a.startsAt)}–${chinaTime(a.endsAt)}`;
}

export type Phase = 'cancelled' | 'before' | 'check_in' | 'running' | 'check_out' | 'over';
/** Where an activity stands for a signed-up person now. */
export function phaseOf(a: ServiceActivity, now = Date.now()): Phase {
  if (a.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(a.checkInOpensAt)) return 'before';
  if (now <= Date.parse(a.endsAt)) return now < Date.parse(a.startsAt) ? 'check_in' : 'running';
  if (now <= Date.parse(a.checkOutClosesAt)) return 'check_out';
  return 'over';
}
