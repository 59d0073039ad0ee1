import { api, qs } from '@ui/api';

/* The exhibition-visit screens' API in the console (API.md, "Exhibition visits"). */

const enc = encodeURIComponent;

export type BookingStatus = 'booked' | 'cancelled' | 'checked_in' | 'no_show';
export const BOOKING_STATUSES: readonly BookingStatus[] = ['booked', 'checked_in', 'no_show', 'cancelled'];

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

export type WaitlistStatus = 'waiting' | 'booked' | 'cancelled' | 'expired';
/** One entry of a slot's waiting list, as its organizers see it (full name and phone). */
export interface WaitlistEntry {
  id: string;
  status: WaitlistStatus;
  partySize: number;
  name: string;
  phone: string;
  /** place in line while waiting */
  position: number | null;
  booking: { id: string; code: string; status: BookingStatus } | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface Booking {
  id: string;
  code: string;
  status: BookingStatus;
  partySize: number;
  day: string;
  slot: { startsAt: string; endsAt: string };
  name?: string;
  phone?: string;
  orgUnitName?: string | null;
  group?: boolean;
  createdAt?: string;
  checkedInAt?: string | null;
  /** made from the slot's waiting list (候补成功) */
  fromWaitlist?: boolean;
}

export interface VisitStats {
  booked: number;
  checkedIn: number;
  noShows: number;
  cancelled: number;
  insideToday: number;
  byDay: { day: string; booked: number; checkedIn: number; noShows: number }[];
  bySlot: { slotId: string; startsAt: string; endsAt: string; capacity: number; booked: number; checkedIn: number }[];
  byOrgUnit: { orgUnitId: string | null; name: string | null; booked: number; checkedIn: number }[];
}

export interface CheckInResult {
  result: 'checked_in';
  booking: Booking;
  insideToday: number;
}

export const listSlots = (id: string, from: string, to: string) =>
  api<{ items: Slot[] }>('GET', `/campaigns/${enc(id)}/slots${qs({ from, to })}`).then((r) => r.items);

export interface Generate {
  from: string;
  to: string;
  weekdays: number[];
  times: { start: string; end: string }[];
  capacity: number;
}
export const generateSlots = (id: string, generate: Generate) =>
  api<{ created: number; requested: number }>('POST', `/campaigns/${enc(id)}/slots`, { generate });

export const patchSlot = (slotId: string, body: { capacity?: number; closed?: boolean }) =>
  api<{ slot?: Slot; promoted?: number }>('PATCH', `/slots/${enc(slotId)}`, body);

export const slotWaitlist = (slotId: string) => api<{ slot: Slot; items: WaitlistEntry[] }>('GET', `/slots/${enc(slotId)}/waitlist`);

export const listBookings = (id: string, f: { slotId?: string; day?: string; status?: string; cursor?: string | null }) =>
  api<{ items: Booking[]; nextCursor: string | null }>(
    'GET',
    `/campaigns/${enc(id)}/bookings${qs({ slotId: f.slotId || undefined, day: f.day || undefined, status: f.status || undefined, cursor: f.cursor, limit: 50 })}`,
  );

export const exportUrl = (id: string, f: { day?: string; status?: string; slotId?: string }) =>
  `/api/v1/campaigns/${enc(id)}/bookings/export${qs({ format: 'xlsx', day: f.day || undefined, status: f.status || undefined, slotId: f.slotId || undefined })}`;

export const groupBooking = (id: string, body: { slotId: string; orgUnitId: string; size: number; contactName?: string; contactPhone?: string }) =>
  api<{ booking: Booking }>('POST', `/campaigns/${enc(id)}/group-bookings`, body);

export const visitStats = (id: string) => api<VisitStats>('GET', `/campaigns/${enc(id)}/visit-stats`);

export const checkIn = (code: string, campaignId: string) =>
  api<CheckInResult>('POST', `/bookings/${enc(code)}/check-in`, { campaignId });

/** China days and clocks: slots are in China time whatever the desk's zone. */
export { addDays, chinaDay, chinaMidnight, chinaTime, weekday } from '@shared/china-time';
