import { call } from '@ui/api';
import type { ResponseOf } from '@ui/operations';
import type { Campaign } from '@ui/types';
import { campaignHref } from './campaigns';

/* 党员教育培训 on the portal: my class (sessions, enrolment, check-in), online study, my hours. */

export type Session = ResponseOf<'GET /campaigns/{id}/sessions'>['items'][number];
export type Material = ResponseOf<'GET /campaigns/{id}/materials'>['items'][number];
export type MyTraining = ResponseOf<'GET /campaigns/{id}/my-training'>;
export type Learning = ResponseOf<'GET /me/learning'>;

export const trainingHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/training`;
export const listSessions = (id: string) => call('GET /campaigns/{id}/sessions', { id }).then((r) => r.items);
export const listMaterials = (id: string) => call('GET /campaigns/{id}/materials', { id }).then((r) => r.items);
export const myTraining = (id: string) => call('GET /campaigns/{id}/my-training', { id });
export const myLearning = () => call('GET /me/learning', {});
export type LearningCertificate = ResponseOf<'GET /me/learning/certificate'>;
export const learningCertificate = (year: number) => call('GET /me/learning/certificate', {}, { query: { year: String(year) } });
/** The portal page of a year's completion certificate. */
export const certificateHref = (year: number) => `/learning/certificate?year=${year}`;
export const enrol = (id: string) => call('POST /campaigns/{id}/enroll', { id });
export const checkIn = (id: string, code: string) => call('POST /sessions/{id}/check-in', { id }, { body: { code } });
export const startStudy = (id: string) => call('POST /materials/{id}/start', { id });
export const finishStudy = (id: string) => call('POST /studies/{id}/finish', { id });

/** Hours as people write them: 2, 1.5. */
export const fmtHours = (n: number) => String(Math.round(n * 10) / 10);
export { chinaDay, chinaTime } from '@shared/china-time';
