import { api, qs } from '@ui/api';
import type { Campaign } from '@ui/types';
import { campaignHref } from './campaigns';

/* The exhibition-visit screens' API on the portal (API.md, "Exhibition visits"). */

const enc = encodeURIComponent;

export type BookingStatus = 'booked' | 'cancelled' | 'checked_in' | 'no_show';
export type WaitlistStatus = 'waiting' | 'booked' | 'cancelled' | 'expired';

export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  remaining: number;
  closed: boolean;
  /** entries on the slot's waiting list (候补) */
  waiting?: number;
}

export interface Booking {
  id: string;
  code: string;
  status: BookingStatus;
  partySize: number;
  /** YYYY-MM-DD (China) */
  day: string;
  slot: { startsAt: string; endsAt: string };
  qrUrl?: string;
  name?: string;
  orgUnitName?: string | null;
  campaignId?: string;
  /** the booking a waiting list gave (候补成功) */
  fromWaitlist?: boolean;
}

/** A place on a full slot's waiting list (候补). */
export interface WaitlistEntry {
  id: string;
  campaignId: string;
  slotId: string;
  status: WaitlistStatus;
  partySize: number;
  day: string;
  name: string;
  /** place in line while waiting (1 = next) */
  position: number | null;
  slot: { startsAt: string; endsAt: string };
  booking: { id: string; code: string; status: BookingStatus; qrUrl: string } | null;
  createdAt: string;
  resolvedAt: string | null;
  campaign?: { title: string; slug: string | null };
}

export interface Ticket {
  booking: Booking;
  campaign: { id: string; slug: string | null; title: string; settings: { venue?: string; address?: string } };
}

export interface ExhibitionSettings {
  venue: string;
  address: string;
  openingHours: string;
  rules: string;
  galleryCampaignId: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function exhibitionSettings(c: Campaign): ExhibitionSettings {
  const s = (c.settings ?? {}) as Record<string, unknown>;
  return {
    venue: str(s.venue),
    address: str(s.address),
    openingHours: str(s.openingHours),
    rules: str(s.rules),
    galleryCampaignId: str(s.galleryCampaignId),
  };
}

export const listSlots = (campaignId: string, from: string, to: string) =>
  api<{ items: Slot[] }>('GET', `/campaigns/${enc(campaignId)}/slots${qs({ from, to })}`).then((r) => r.items);

export const book = (campaignId: string, body: { slotId: string; partySize: number; name: string; phone: string }) =>
  api<{ booking: Booking }>('POST', `/campaigns/${enc(campaignId)}/bookings`, body).then((r) => r.booking);

export const myBookings = (campaignId: string) =>
  api<{ items: Booking[]; nextCursor: string | null }>('GET', `/campaigns/${enc(campaignId)}/bookings${qs({ mine: 'true', limit: 100 })}`).then((r) => r.items);

export const joinWaitlist = (campaignId: string, slotId: string, body: { partySize: number; name: string; phone: string }) =>
  api<{ entry: WaitlistEntry }>('POST', `/campaigns/${enc(campaignId)}/slots/${enc(slotId)}/waitlist`, body).then((r) => r.entry);

export const myWaitlist = () => api<{ items: WaitlistEntry[] }>('GET', '/me/waitlist').then((r) => r.items);

export const leaveWaitlist = (id: string) => api<{ entry: WaitlistEntry }>('DELETE', `/waitlist/${enc(id)}`).then((r) => r.entry);

export const getTicket = (code: string) => api<Ticket>('GET', `/bookings/${enc(code)}`);

export const cancelBooking = (id: string) => api<{ booking: Booking }>('POST', `/bookings/${enc(id)}/cancel`, {}).then((r) => r.booking);

export const qrSrc = (code: string) => `/api/v1/bookings/${enc(code)}/qr.svg`;
export const visitHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/visit`;
export const ticketHref = (code: string) => `/my-bookings/${enc(code)}`;
export const mapHref = (address: string) => `https://uri.amap.com/search?keyword=${enc(address)}`;

/** China days and clocks: slots are in China time whatever the phone's zone. */
export { addDays, chinaDay, chinaMidnight, chinaTime, weekday } from '@shared/china-time';
