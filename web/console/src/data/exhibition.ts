import { qs, call } from '@ui/api';
import type { BookingDto, BookingStatus, CheckInResponse, SlotDto, VisitStats, WaitlistEntryDto } from '@shared/contracts/exhibition';
import type { InferOutput } from 'valibot';

/* The exhibition-visit screens' API in the console (API.md, "Exhibition visits"). */

const enc = encodeURIComponent;

export type { BookingStatus, VisitStats } from '@shared/contracts/exhibition';
export type { WaitlistStatus } from '@shared/waitlist';
export type Slot = SlotDto;
/** One entry of a slot's waiting list, as its organizers see it (full name and phone). */
export type WaitlistEntry = WaitlistEntryDto;
/** Every booking answer carries its slot's times (bookingDto is given the slot). */
export type Booking = BookingDto & { slot: NonNullable<BookingDto['slot']> };
export type CheckInResult = Omit<InferOutput<typeof CheckInResponse>, 'booking'> & { booking: Booking };
export const BOOKING_STATUSES: readonly BookingStatus[] = ['booked', 'checked_in', 'no_show', 'cancelled'];

export const listSlots = (id: string, from: string, to: string) => call('GET /campaigns/{id}/slots', { id }, { query: { from, to } }).then((r) => r.items);

export interface Generate {
  from: string;
  to: string;
  weekdays: number[];
  times: { start: string; end: string }[];
  capacity: number;
}
export const generateSlots = (id: string, generate: Generate) => call('POST /campaigns/{id}/slots', { id }, { body: { generate } });

export const patchSlot = (slotId: string, body: { capacity?: number; closed?: boolean }) => call('PATCH /slots/{id}', { id: slotId }, { body });

export const slotWaitlist = (slotId: string) => call('GET /slots/{id}/waitlist', { id: slotId });

/** Bookings of a campaign; each carries its slot's times (the server gives bookingDto the slot). */
export const listBookings = (id: string, f: { slotId?: string; day?: string; status?: string; cursor?: string | null }) =>
  call(
    'GET /campaigns/{id}/bookings',
    { id },
    { query: { slotId: f.slotId || undefined, day: f.day || undefined, status: f.status || undefined, cursor: f.cursor, limit: 50 } },
  ) as Promise<{
    items: Booking[];
    nextCursor: string | null;
  }>;

export const exportUrl = (id: string, f: { day?: string; status?: string; slotId?: string }) =>
  `/api/v1/campaigns/${enc(id)}/bookings/export${qs({ format: 'xlsx', day: f.day || undefined, status: f.status || undefined, slotId: f.slotId || undefined })}`;

export const groupBooking = (id: string, body: { slotId: string; orgUnitId: string; size: number; contactName?: string; contactPhone?: string }) =>
  call('POST /campaigns/{id}/group-bookings', { id }, { body }) as Promise<{ booking: Booking }>;

export const visitStats = (id: string): Promise<VisitStats> => call('GET /campaigns/{id}/visit-stats', { id });

export const checkIn = (code: string, campaignId: string) =>
  call('POST /bookings/{code}/check-in', { code }, { body: { campaignId } }) as Promise<CheckInResult>;

/** China days and clocks: slots are in China time whatever the desk's zone. */
export { addDays, chinaDay, chinaMidnight, chinaTime, weekday } from '@shared/china-time';
