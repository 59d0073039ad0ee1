import { chinaDay } from '@shared/china-time';
import type { InferOutput } from 'valibot';
import type {
  CertificateCheck,
  CertificateResponse,
  InviteLink,
  InviteViewDto as PublicInvite,
  MyVolunteerDto as MyVolunteer,
} from '@shared/contracts/volunteer';
import { call } from '@ui/api';
import type { Campaign } from '@ui/types';
import { campaignHref } from './campaigns';

/* The "1+1" volunteer screens' API on the portal (API.md, "1+1" volunteers). */

export type { RecordStatus, RecordItemDto as ServiceRecord, MyVolunteerDto as MyVolunteer, InviteViewDto as PublicInvite } from '@shared/contracts/volunteer';
export type Invite = InferOutput<typeof InviteLink>;
export type MyPair = MyVolunteer['pairs'][number];
export type Certificate = InferOutput<typeof CertificateResponse>;
export type Verification = InferOutput<typeof CertificateCheck>;

export const myVolunteer = (idOrSlug: string): Promise<MyVolunteer> => call('GET /campaigns/{id}/my-volunteer', { id: idOrSlug });

/** My personal invite (the same one every time). */
export const createInvite = (campaignId: string): Promise<Invite> => call('POST /campaigns/{id}/invites', { id: campaignId });

export const getInvite = (code: string): Promise<PublicInvite> => call('GET /invites/{code}', { code });

export function registerResident(campaignId: string, body: { code: string; name: string; phone: string; consent: true }) {
  return call('POST /campaigns/{id}/pairs', { id: campaignId }, { body });
}

export function reportService(campaignId: string, body: { date: string; hours: number; description: string; pairId?: string }) {
  return call('POST /campaigns/{id}/service-records', { id: campaignId }, { body });
}

export const getCertificate = (idOrSlug: string): Promise<Certificate> => call('GET /campaigns/{id}/certificate', { id: idOrSlug });
export const verifyCertificate = (code: string): Promise<Verification> => call('GET /certificates/{code}', { code });

export const volunteerHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/volunteer`;
export const certificateHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/certificate`;

/** Today in China (the API's calendar for service dates), as YYYY-MM-DD. */
export const chinaToday = (ms = Date.now()): string => chinaDay(ms);

/** 1.5 → "1.5", 2 → "2" (hours travel as numbers in half-hour steps). */
export function fmtHours(h: number | null | undefined): string {
  if (typeof h !== 'number' || !Number.isFinite(h)) return '—';
  return String(Math.round(h * 2) / 2);
}
