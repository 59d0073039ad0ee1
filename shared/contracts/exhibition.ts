import * as v from 'valibot';
import { Id, IsoTime, ListQuery, PersonName, Phone } from './common';

const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'msg.clock'));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'msg.date'));
const Capacity = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100000));

/** One slot, or a schedule: days × times × capacity (times in China time). */
export const SlotsBody = v.union([
  v.strictObject({ startsAt: IsoTime, endsAt: IsoTime, capacity: Capacity }),
  v.strictObject({
    generate: v.strictObject({
      from: Day,
      to: Day,
      /** 1 = Monday … 7 = Sunday */
      weekdays: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7))), v.minLength(1)), [1, 2, 3, 4, 5, 6, 7]),
      times: v.pipe(v.array(v.strictObject({ start: Clock, end: Clock })), v.minLength(1), v.maxLength(24)),
      capacity: Capacity,
    }),
  }),
], 'msg.slots_body');

export const SlotPatch = v.strictObject({ capacity: v.optional(Capacity), closed: v.optional(v.boolean()) });

const PartySize = v.pipe(v.number(), v.integer(), v.minValue(1, 'msg.party'), v.maxValue(5, 'msg.party'));
export const BookingBody = v.strictObject({
  slotId: Id,
  partySize: PartySize,
  name: PersonName,
  phone: Phone,
});
/** 候补: the same details as a booking; the slot is in the path. */
export const WaitlistBody = v.strictObject({
  partySize: PartySize,
  name: PersonName,
  phone: Phone,
});
export const GroupBookingBody = v.strictObject({
  slotId: Id,
  orgUnitId: Id,
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  contactName: v.optional(PersonName),
  contactPhone: v.optional(Phone),
});
export const CheckInBody = v.strictObject({ campaignId: v.optional(Id) });
export const BookingQuery = v.strictObject({
  ...ListQuery,
  mine: v.optional(v.picklist(['true', 'false'])),
  slotId: v.optional(Id),
  day: v.optional(Day),
  status: v.optional(v.picklist(['booked', 'cancelled', 'checked_in', 'no_show'])),
});
