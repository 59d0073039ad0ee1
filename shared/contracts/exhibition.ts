import * as v from 'valibot';
import { Id, IsoTime, ListQuery, Page, PersonName, Phone } from './common';
import { WAITLIST_STATUSES } from '../waitlist';
import { isIdNumber, normalizeIdNumber } from '../id-number';

const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'msg.clock'));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'msg.date'));
const Capacity = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100000));

/** One slot, or a schedule: days × times × capacity (times in China time). */
export const SlotsBody = v.union(
  [
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
  ],
  'msg.slots_body',
);

export const SlotPatch = v.strictObject({ capacity: v.optional(Capacity), closed: v.optional(v.boolean()) });

const PartySize = v.pipe(v.number(), v.integer(), v.minValue(1, 'msg.party'), v.maxValue(5, 'msg.party'));
/** A 居民身份证号, checked by its check character (shared/id-number.ts); spaces dropped, x raised. */
export const IdNumber = v.pipe(
  v.string(),
  v.transform(normalizeIdNumber),
  v.check((s) => isIdNumber(s), 'msg.id_number'),
);
/**
 * The people of a party, as museums ask: a name for each (optional) and, where the exhibition
 * requires it (settings.requireIdNumbers), a name and ID number for every one of them.
 */
export const Visitors = v.pipe(v.array(v.strictObject({ name: v.optional(PersonName), idNumber: v.optional(IdNumber) })), v.maxLength(5, 'msg.party'));
const VisitDetails = {
  visitors: v.optional(Visitors),
  /** a text message the day before the visit (to the booking's phone) */
  remindSms: v.optional(v.boolean()),
};
/** 参观须知 read and accepted: required (true) when the exhibition has a notice (settings.rules), else 422. */
const AcceptedNotice = v.optional(v.boolean());
export const BookingBody = v.strictObject({
  slotId: Id,
  partySize: PartySize,
  name: PersonName,
  phone: Phone,
  acceptedNotice: AcceptedNotice,
  ...VisitDetails,
});
/** 候补: the same details as a booking; the slot is in the path. */
export const WaitlistBody = v.strictObject({
  partySize: PartySize,
  name: PersonName,
  phone: Phone,
  acceptedNotice: AcceptedNotice,
  ...VisitDetails,
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

/* Responses. */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A slot as anyone may see it; `waiting` counts the entries on its waiting list (候补), never who they are. */
export const SlotSchema = v.object({
  id: v.string(),
  startsAt: v.string(),
  endsAt: v.string(),
  capacity: v.number(),
  booked: v.number(),
  remaining: v.number(),
  closed: v.boolean(),
  waiting: v.optional(v.number()),
});
export type SlotDto = v.InferOutput<typeof SlotSchema>;
export const SlotList = v.object({ items: v.array(SlotSchema) });
export const SlotsCreated = v.object({ created: v.number(), requested: v.number(), slot: v.optional(SlotSchema) });

/** A booking: names and phones masked unless staff (or the holder) read it. */
export const BookingSchema = v.object({
  fromWaitlist: v.optional(v.boolean()),
  id: v.string(),
  code: v.string(),
  campaignId: v.string(),
  slotId: v.string(),
  status: v.picklist(BOOKING_STATUSES),
  partySize: v.number(),
  day: v.string(),
  name: v.string(),
  phone: v.string(),
  group: v.boolean(),
  orgUnitId: v.nullable(v.string()),
  slot: v.optional(v.object({ startsAt: v.string(), endsAt: v.string() })),
  qrUrl: v.string(),
  createdAt: v.string(),
  checkedInAt: v.nullable(v.string()),
  cancelledAt: v.nullable(v.string()),
  /** the organizers' list names the unit of a group booking */
  orgUnitName: v.optional(v.nullable(v.string())),
  /** the party's visitors: names (masked for the public), ID numbers only ever masked (last four) */
  visitors: v.optional(v.array(v.object({ name: v.nullable(v.string()), idNumber: v.nullable(v.string()) }))),
  /** a reminder text the day before was asked for; `remindedAt` once it went out */
  remindSms: v.optional(v.boolean()),
  remindedAt: v.optional(v.nullable(v.string())),
});
export type BookingDto = v.InferOutput<typeof BookingSchema>;
export const BookingResponse = v.object({ booking: BookingSchema });
export const BookingPage = Page(BookingSchema);
/** A ticket: the booking and the exhibition it admits to. */
export const TicketResponse = v.object({
  booking: BookingSchema,
  campaign: v.object({ id: v.string(), slug: v.string(), title: v.string(), settings: v.object({ venue: v.string(), address: v.string() }) }),
});
export const CheckInResponse = v.object({ result: v.literal('checked_in'), outcome: v.literal('checked_in'), booking: BookingSchema, insideToday: v.number() });
/** `error.outcome` of a refused check-in (the status alone is 409 for several cases). */
export const CHECK_IN_OUTCOMES = ['checked_in', 'duplicate', 'cancelled', 'outside_slot', 'other_exhibition'] as const;

export const WaitlistEntry = v.object({
  id: v.string(),
  campaignId: v.string(),
  slotId: v.string(),
  status: v.picklist(WAITLIST_STATUSES),
  partySize: v.number(),
  day: v.string(),
  name: v.string(),
  phone: v.string(),
  position: v.nullable(v.number()),
  slot: v.object({ startsAt: v.string(), endsAt: v.string() }),
  booking: v.nullable(v.object({ id: v.string(), code: v.string(), status: v.nullable(v.string()), qrUrl: v.string() })),
  createdAt: v.string(),
  resolvedAt: v.nullable(v.string()),
});
export type WaitlistEntryDto = v.InferOutput<typeof WaitlistEntry>;
/** A slot after an organizer's change; `promoted`: waiting-list entries that became bookings. */
export const SlotPatched = v.object({ slot: SlotSchema, promoted: v.number() });
/** A slot's waiting list (organizers), in order. */
export const SlotWaitlist = v.object({ slot: SlotSchema, items: v.array(WaitlistEntry) });

export const VisitStatsResponse = v.object({
  booked: v.number(),
  checkedIn: v.number(),
  noShows: v.number(),
  cancelled: v.number(),
  insideToday: v.number(),
  byDay: v.array(v.object({ day: v.string(), booked: v.number(), checkedIn: v.number(), noShows: v.number() })),
  bySlot: v.array(v.object({ slotId: v.string(), startsAt: v.string(), endsAt: v.string(), capacity: v.number(), booked: v.number(), checkedIn: v.number() })),
  byOrgUnit: v.array(v.object({ orgUnitId: v.nullable(v.string()), name: v.nullable(v.string()), booked: v.number(), checkedIn: v.number() })),
});
export type VisitStats = v.InferOutput<typeof VisitStatsResponse>;
