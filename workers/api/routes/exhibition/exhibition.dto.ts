import { maskName, maskPhone } from '../../../../shared/mask';
import { effectiveStatus } from '../../../../shared/waitlist';
import { WaitlistEntry, type BookingDto, type WaitlistEntryDto } from '../../../../shared/contracts/exhibition';
import type { BookingRow, WaitlistRow } from '../../../../db/queries/exhibition';

/** A booking as the API shows it: names and phones masked unless staff (or the holder) read it. */
export function bookingDto(b: BookingRow, slot?: { startsAt: string; endsAt: string } | null, staff = false, fromWaitlist?: boolean | number): BookingDto {
  return {
    ...(fromWaitlist === undefined ? {} : { fromWaitlist: !!fromWaitlist }),
    id: b.id, code: b.code, campaignId: b.campaignId, slotId: b.slotId, status: b.status, partySize: b.partySize, day: b.day,
    name: staff ? b.name : maskName(b.name), phone: staff ? b.phone : maskPhone(b.phone), group: b.group, orgUnitId: b.orgUnitId,
    slot: slot ? { startsAt: slot.startsAt, endsAt: slot.endsAt } : undefined, qrUrl: `/api/v1/bookings/${b.code}/qr.svg`,
    createdAt: b.createdAt, checkedInAt: b.checkedInAt, cancelledAt: b.cancelledAt,
  };
}

/** A waiting-list entry, for its holder or the exhibition's staff (never the public). */
export function waitlistDto(r: { w: WaitlistRow; position: number | null; bookingCode: string | null; bookingStatus: string | null; slotStartsAt: string; slotEndsAt: string }, now = Date.now()): WaitlistEntryDto {
  const status = effectiveStatus(r.w.status, r.slotEndsAt, now);
  return {
    id: r.w.id, campaignId: r.w.campaignId, slotId: r.w.slotId, status, partySize: r.w.partySize, day: r.w.day, name: r.w.name, phone: r.w.phone,
    /** place in line (1 = next) while waiting, else null */
    position: status === 'waiting' ? r.position : null,
    slot: { startsAt: r.slotStartsAt, endsAt: r.slotEndsAt },
    booking: r.w.bookingId && r.bookingCode ? { id: r.w.bookingId, code: r.bookingCode, status: r.bookingStatus, qrUrl: `/api/v1/bookings/${r.bookingCode}/qr.svg` } : null,
    createdAt: r.w.createdAt, resolvedAt: r.w.resolvedAt,
  };
}
export { WaitlistEntry };
