import { call } from '@ui/api';
import type { Campaign } from '@ui/types';
import { campaignHref } from './campaigns';
import type { BookingDto, SlotDto, TicketResponse, WaitlistEntryDto } from '@shared/contracts/exhibition';
import type { MyWaitlistEntry } from '@shared/contracts/me';
import type { InferOutput } from 'valibot';

/* The exhibition-visit screens' API on the portal (API.md, "Exhibition visits"). */

const enc = encodeURIComponent;

export type { BookingStatus } from '@shared/contracts/exhibition';
export type { WaitlistStatus } from '@shared/waitlist';
export type Slot = SlotDto;
/** Every booking answer carries its slot's times (bookingDto is given the slot). */
export type Booking = BookingDto & { slot: NonNullable<BookingDto['slot']> };
/** A place on a full slot's waiting list (候补); 我的候补 adds its exhibition. */
export type WaitlistEntry = WaitlistEntryDto & { campaign?: MyWaitlistEntry['campaign'] };
export type Ticket = Omit<InferOutput<typeof TicketResponse>, 'booking'> & { booking: Booking };

export interface ExhibitionSettings {
  venue: string;
  address: string;
  openingHours: string;
  rules: string;
  galleryCampaignId: string;
  /** every visitor gives a name and 身份证号 (实名预约) */
  requireIdNumbers: boolean;
}
/** One person of a party as the booking form sends it (names optional unless ID numbers are required). */
export interface VisitorInput {
  name?: string;
  idNumber?: string;
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
    requireIdNumbers: s.requireIdNumbers === true,
  };
}

export const listSlots = (campaignId: string, from: string, to: string) =>
  call('GET /campaigns/{id}/slots', { id: campaignId }, { query: { from, to } }).then((r) => r.items);

export const book = (
  campaignId: string,
  body: { slotId: string; partySize: number; name: string; phone: string; acceptedNotice?: boolean; visitors?: VisitorInput[]; remindSms?: boolean },
) => call('POST /campaigns/{id}/bookings', { id: campaignId }, { body }).then((r) => r.booking as Booking);

export const myBookings = (campaignId: string) =>
  call('GET /campaigns/{id}/bookings', { id: campaignId }, { query: { mine: 'true', limit: 100 } }).then((r) => r.items as Booking[]);

export const joinWaitlist = (
  campaignId: string,
  slotId: string,
  body: { partySize: number; name: string; phone: string; acceptedNotice?: boolean; visitors?: VisitorInput[]; remindSms?: boolean },
) => call('POST /campaigns/{id}/slots/{slotId}/waitlist', { id: campaignId, slotId }, { body }).then((r): WaitlistEntry => r.entry);

export const myWaitlist = () => call('GET /me/waitlist', {}).then((r): WaitlistEntry[] => r.items);

export const leaveWaitlist = (id: string) => call('DELETE /waitlist/{id}', { id }).then((r): WaitlistEntry => r.entry);

export const getTicket = (code: string) => call('GET /bookings/{code}', { code }) as Promise<Ticket>;

export const cancelBooking = (id: string) => call('POST /bookings/{id}/cancel', { id }).then((r) => r.booking as Booking);

export const qrSrc = (code: string) => `/api/v1/bookings/${enc(code)}/qr.svg`;
export const visitHref = (c: Pick<Campaign, 'id' | 'slug'>) => `${campaignHref(c)}/visit`;
export const ticketHref = (code: string) => `/my-bookings/${enc(code)}`;
export const mapHref = (address: string) => `https://uri.amap.com/search?keyword=${enc(address)}`;

/** China days and clocks: slots are in China time whatever the phone's zone. */
export { addDays, chinaDay, chinaMidnight, chinaTime, weekday } from '@shared/china-time';
