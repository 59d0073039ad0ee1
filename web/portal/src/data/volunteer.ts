import { chinaDay } from '@shared/china-time';
import { api } from '@ui/api';
import type { Campaign } from '@ui/types';
import { campaignHref } from './campaigns';

/* The "1+1" volunteer screens' API on the portal (API.md, "1+1" volunteers). */

const enc = encodeURIComponent;

export type RecordStatus = 'pending' | 'approved' | 'rejected';

export interface Invite {
  code: string;
  url: string;
  qrUrl: string;
}

export interface MyPair {
  id: string;
  residentName: string;
  /** masked: 188****0000 */
  residentPhone: string;
  createdAt: string;
}

export interface ServiceRecord {
  id: string;
  userId: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  pairId: string | null;
  /** YYYY-MM-DD (China) */
  date: string;
  hours: number;
  description: string;
  status: RecordStatus;
  reason: string | null;
  reviewedAt: string | null;
  createdAt: string;
  /** self-reported, or from check-in/out at a service activity (verified on site) */
  source?: 'self' | 'checkin';
  activityId?: string | null;
}

export interface MyVolunteer {
  canInvite: boolean;
  pairCap: number;
  maxHoursPerDay: number;
  invite: Invite | null;
  pairs: MyPair[];
  approvedHours: number;
  pendingHours: number;
  records: ServiceRecord[];
}

export interface PublicInvite {
  code: string;
  inviterName: string;
  campaign: { id: string; slug: string | null; title: string; summary: string | null; orgUnitName: string; status: string; endsAt: string };
  consentText: string;
  placesLeft: number;
  open: boolean;
}

export interface Certificate {
  code: string;
  name: string;
  orgUnitName: string | null;
  campaignTitle: string;
  issuer: string;
  hours: number;
  records: number;
  issuedAt: string;
  verifyUrl: string;
  qrUrl: string;
}

export interface Verification {
  valid: boolean;
  name: string;
  hours: number;
  currentHours: number;
  campaignTitle: string;
  issuer: string;
  issuedAt: string;
}

export const myVolunteer = (idOrSlug: string) => api<MyVolunteer>('GET', `/campaigns/${enc(idOrSlug)}/my-volunteer`);

/** My personal invite (the same one every time). */
export const createInvite = (campaignId: string) => api<Invite>('POST', `/campaigns/${enc(campaignId)}/invites`, {});

export const getInvite = (code: string) => api<PublicInvite>('GET', `/invites/${enc(code)}`);

export function registerResident(campaignId: string, body: { code: string; name: string; phone: string; consent: true }) {
  return api<{ pair: { id: string; residentName: string; residentPhone: string; createdAt: string } }>('POST', `/campaigns/${enc(campaignId)}/pairs`, body);
}

export function reportService(campaignId: string, body: { date: string; hours: number; description: string; pairId?: string }) {
  return api<{ record: ServiceRecord }>('POST', `/campaigns/${enc(campaignId)}/service-records`, body);
}

export const getCertificate = (idOrSlug: string) => api<Certificate>('GET', `/campaigns/${enc(idOrSlug)}/certificate`);
export const verifyCertificate = (code: string) => api<Verification>('GET', `/certificates/${enc(code)}`);

export const volunteerHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/volunteer`;
export const certificateHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/certificate`;

/** Today in China (the API's calendar for service dates), as YYYY-MM-DD. */
export const chinaToday = (ms = Date.now()): string => chinaDay(ms);

/** 1.5 → "1.5", 2 → "2" (hours travel as numbers in half-hour steps). */
export function fmtHours(h: number | null | undefined): string {
  if (typeof h !== 'number' || !Number.isFinite(h)) return '—';
  return String(Math.round(h * 2) / 2);
}
