import { API_BASE, call, qs } from '@ui/api';
import type { ResponseOf } from '@ui/operations';

/* 党员教育培训 in the console: sessions, enrolment, the register and its sign-in sheet, materials, statistics. */

const enc = encodeURIComponent;

export type Session = ResponseOf<'GET /campaigns/{id}/sessions'>['items'][number];
export type Enrollment = ResponseOf<'GET /campaigns/{id}/enrollments'>['items'][number];
export type RegisterLine = ResponseOf<'GET /sessions/{id}/attendance'>['items'][number];
export type Register = ResponseOf<'GET /sessions/{id}/attendance'>;
export type Material = ResponseOf<'GET /campaigns/{id}/materials'>['items'][number];
export type TrainingStats = ResponseOf<'GET /campaigns/{id}/training-stats'>;
export type SessionCode = ResponseOf<'GET /sessions/{id}/code'>;
export type Status = 'present' | 'late' | 'excused' | 'absent';
export type Mode = 'onsite' | 'online' | 'delivered';

export const listSessions = (id: string) => call('GET /campaigns/{id}/sessions', { id }).then((r) => r.items);
export const createSessions = (
  id: string,
  body: { title: string; startsAt: string; endsAt: string; location?: string; lecturer?: string; hours?: number; days?: number },
) => call('POST /campaigns/{id}/sessions', { id }, { body });
export const deleteSession = (id: string) => call('DELETE /sessions/{id}', { id });
export const enrolUnits = (id: string, orgUnitIds: string[]) => call('POST /campaigns/{id}/enrollments', { id }, { body: { orgUnitIds } });
export const listEnrollments = (id: string, q: { orgUnitId?: string; q?: string; cursor?: string | null; limit?: number }) =>
  call('GET /campaigns/{id}/enrollments', { id }, { query: { ...q, limit: q.limit ?? 50 } });
export const getRegister = (id: string) => call('GET /sessions/{id}/attendance', { id });
export const saveRegister = (id: string, entries: Array<{ rosterId: string; status: Status; mode?: Mode; note?: string }>) =>
  call('POST /sessions/{id}/attendance', { id }, { body: { entries } });
export const sheetUrl = (id: string, format: 'xlsx' | 'csv') => `${API_BASE}/sessions/${enc(id)}/attendance${qs({ format })}`;
export const getSessionCode = (id: string) => call('GET /sessions/{id}/code', { id });
export const listMaterials = (id: string) => call('GET /campaigns/{id}/materials', { id }).then((r) => r.items);
export const createMaterial = (id: string, body: { title: string; kind: 'video' | 'article'; url: string; minutes: number; hours: number }) =>
  call('POST /campaigns/{id}/materials', { id }, { body });
export const getTrainingStats = (id: string, orgUnitId?: string) => call('GET /campaigns/{id}/training-stats', { id }, { query: { orgUnitId } });

export type PlanView = ResponseOf<'GET /org-units/{id}/training-plans/{year}'>;
export type PlanBody = { classes: Partial<Record<string, number>>; coverageTarget: number; hoursTarget: number };
export const getPlan = (id: string, year: number) => call('GET /org-units/{id}/training-plans/{year}', { id, year: String(year) });
export const savePlan = (id: string, year: number, body: PlanBody) => call('PUT /org-units/{id}/training-plans/{year}', { id, year: String(year) }, { body });

/** Console paths of a session's full-screen code and its printable sign-in sheet. */
export const codeHref = (id: string) => `/training-sessions/${enc(id)}/code`;
export const sheetHref = (id: string) => `/training-sessions/${enc(id)}/sheet`;

export { chinaDay, chinaTime, fromChinaInput, toChinaInput } from '@shared/china-time';
