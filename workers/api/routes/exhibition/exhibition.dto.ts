import type { SlotDto } from '../../../../shared/contracts/exhibition';
import type { SlotRow } from '../../../../db/queries/exhibition';
import { chinaClock, chinaTime } from '../../../../shared/china-time';
import { maskName, maskPhone } from '../../../../shared/mask';
import { effectiveStatus } from '../../../../shared/waitlist';
import { WaitlistEntry, type BookingDto, type WaitlistEntryDto } from '../../../../shared/contracts/exhibition';
import type { BookingRow, WaitlistRow } from '../../../../db/queries/exhibition';
import { bookingUnitPath } from '../../../../db/queries/exhibition-listings';
import type { Db, Viewer } from '../../lib/env';
import { pathList, seesPhoneOf } from '../../lib/privacy';

/**
 * May this viewer read a booking's full phone (shared rule in lib/privacy): its holder, or
 * who manages the booking's unit — the exhibition's organizers for visitors with no unit.
 */
export async function seesBookingPhone(db: Db, viewer: Viewer | null, b: BookingRow, campaignPath: string, unitPath?: string | null) {
  const path = unitPath !== undefined ? unitPath : await bookingUnitPath(db, b.orgUnitId);
  return seesPhoneOf(viewer, { userId: b.userId, paths: [path], fallbackPath: campaignPath });
}

/**
 * A booking as the API shows it: names masked unless staff (or the holder) read it; the
 * phone only to who `seesBookingPhone` allows (`phoneVisible`).
 */
export function bookingDto(
  b: BookingRow,
  slot?: { startsAt: string; endsAt: string } | null,
  staff = false,
  fromWaitlist?: boolean | number,
  phoneVisible = false,
): BookingDto {
  return {
    ...(fromWaitlist === undefined ? {} : { fromWaitlist: !!fromWaitlist }),
    id: b.id,
    code: b.code,
    campaignId: b.campaignId,
    slotId: b.slotId,
    status: b.status,
    partySize: b.partySize,
    day: b.day,
    name: staff ? b.name : maskName(b.name),
    phone: phoneVisible ? b.phone : maskPhone(b.phone),
    group: b.group,
    orgUnitId: b.orgUnitId,
    slot: slot ? { startsAt: slot.startsAt, endsAt: slot.endsAt } : undefined,
    qrUrl: `/api/v1/bookings/${b.code}/qr.svg`,
    createdAt: b.createdAt,
    checkedInAt: b.checkedInAt,
    cancelledAt: b.cancelledAt,
    // ID numbers were stored masked; visitors' names follow the booking name's rule
    ...(b.visitors?.length ? { visitors: b.visitors.map((x) => ({ name: x.name && !staff ? maskName(x.name) : x.name, idNumber: x.idNumber })) } : {}),
    remindSms: b.remindSms,
    remindedAt: b.remindedAt,
  };
}

/** A waiting-list entry, for its holder or the exhibition's staff (never the public); the phone by the shared rule. */
export function waitlistDto(
  r: {
    w: WaitlistRow;
    position: number | null;
    bookingCode: string | null;
    bookingStatus: string | null;
    slotStartsAt: string;
    slotEndsAt: string;
    userPaths: string | null;
    campaignPath: string;
  },
  viewer: Viewer | null,
  now = Date.now(),
): WaitlistEntryDto {
  const status = effectiveStatus(r.w.status, r.slotEndsAt, now);
  const phone = seesPhoneOf(viewer, { userId: r.w.userId, paths: pathList(r.userPaths), fallbackPath: r.campaignPath }) ? r.w.phone : maskPhone(r.w.phone);
  return {
    id: r.w.id,
    campaignId: r.w.campaignId,
    slotId: r.w.slotId,
    status,
    partySize: r.w.partySize,
    day: r.w.day,
    name: r.w.name,
    phone,
    /** place in line (1 = next) while waiting, else null */
    position: status === 'waiting' ? r.position : null,
    slot: { startsAt: r.slotStartsAt, endsAt: r.slotEndsAt },
    booking:
      r.w.bookingId && r.bookingCode
        ? { id: r.w.bookingId, code: r.bookingCode, status: r.bookingStatus, qrUrl: `/api/v1/bookings/${r.bookingCode}/qr.svg` }
        : null,
    createdAt: r.w.createdAt,
    resolvedAt: r.w.resolvedAt,
  };
}

/** A slot as anyone may see it; `waiting` counts the entries on its waiting list (候补), never who they are. */
export const slotDto = (s: SlotRow & { waiting?: number }): SlotDto => ({
  id: s.id,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  capacity: s.capacity,
  booked: s.booked,
  remaining: Math.max(0, s.capacity - s.booked),
  closed: s.closed,
  ...(s.waiting === undefined ? {} : { waiting: s.waiting }),
});
export const slotLabel = (s: { startsAt: string; endsAt: string }) => `${chinaClock(s.startsAt)}–${chinaTime(s.endsAt)}`;

export { WaitlistEntry };
