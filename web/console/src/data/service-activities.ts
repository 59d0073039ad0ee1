import { chinaDay as chinaDate, chinaTime } from '@shared/china-time';
import { API_BASE, call, qs } from '@ui/api';
import type { BodyOf } from '@ui/operations';
import type { CodeScreenDto, ServiceActivityView as ServiceActivity, SignupDto } from '@shared/contracts/volunteer';

/* 服务活动 (service activities) in the console: create/edit/cancel, sign-up lists, the code screen. */

const enc = encodeURIComponent;

export type { ServiceActivityView as ServiceActivity } from '@shared/contracts/volunteer';

/** A sign-up as organizers see it (phone masked). */
export type Signup = SignupDto;
export type CodeScreen = CodeScreenDto;

export type ActivityInput = BodyOf<'POST /campaigns/{id}/service-activities'>;

export const listActivities = (campaignId: string) =>
  call('GET /campaigns/{id}/service-activities', { id: campaignId }, { query: { when: 'all', limit: 100 } }).then((r) => r.items);
export const createActivity = (campaignId: string, body: ActivityInput) =>
  call('POST /campaigns/{id}/service-activities', { id: campaignId }, { body }).then((r) => r.serviceActivity);
export const updateActivity = (id: string, body: BodyOf<'PATCH /service-activities/{id}'>) =>
  call('PATCH /service-activities/{id}', { id }, { body }).then((r) => r.serviceActivity);
export const cancelActivity = (id: string) => call('POST /service-activities/{id}/cancel', { id }).then((r) => r.serviceActivity);
export const listSignups = (id: string) => call('GET /service-activities/{id}/signups', { id }).then((r) => r.items);
export const getCode = (id: string) => call('GET /service-activities/{id}/code', { id });
export const signupsExportUrl = (id: string, format: 'xlsx' | 'csv' = 'xlsx') => `${API_BASE}/service-activities/${enc(id)}/signups/export${qs({ format })}`;
export const codeHref = (id: string) => `/service-activities/${enc(id)}/code`;

/** Activities happen in China time, whatever the desk's zone. */
export { chinaDay as chinaDate, chinaTime, fromChinaInput, toChinaInput } from '@shared/china-time';
/** 2026-03-01 09:00–12:00 (China time). */
export const whenText = (a: Pick<ServiceActivity, 'startsAt' | 'endsAt'>) =>
  `${chinaDate(a.startsAt)} ${chinaTime(a.startsAt)}–${chinaDate(a.endsAt) !== chinaDate(a.startsAt) ? `${chinaDate(a.endsAt)} ` : ''}${chinaTime(a.endsAt)}`;
