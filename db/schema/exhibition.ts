import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One person of a party as stored: the ID number is kept masked only (shared/id-number.ts says why). */
export interface Visitor {
  name: string | null;
  idNumber: string | null;
}

/** Timed entry slots of an exhibition; `booked` seats never exceed `capacity` (checked in the same statement). */
export const exhibitionSlots = sqliteTable(
  'exhibition_slots',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('slots_campaign_time_idx').on(t.campaignId, t.startsAt), uniqueIndex('slots_campaign_start_uq').on(t.campaignId, t.startsAt, t.endsAt)],
);

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    /** the ticket code: unguessable, shown as text and QR */
    code: text('code').notNull().unique(),
    campaignId: text('campaign_id').notNull(),
    slotId: text('slot_id').notNull(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    partySize: integer('party_size').notNull(),
    /** the calendar day (China time) of the slot: one booking per person per exhibition per day */
    day: text('day').notNull(),
    group: integer('is_group', { mode: 'boolean' }).notNull().default(false),
    orgUnitId: text('org_unit_id'),
    status: text('status', { enum: ['booked', 'cancelled', 'checked_in', 'no_show'] }).notNull(),
    createdAt: text('created_at').notNull(),
    cancelledAt: text('cancelled_at'),
    checkedInAt: text('checked_in_at'),
    checkedInBy: text('checked_in_by'),
    /** the party's visitors as given (names optional; ID numbers only masked): JSON `[{ name, idNumber }]` */
    visitors: text('visitors', { mode: 'json' }).$type<Visitor[]>(),
    /** the holder asked for a text message the day before the visit */
    remindSms: integer('remind_sms', { mode: 'boolean' }).notNull().default(false),
    /** when that reminder was claimed for sending: set once, so a cron run never texts twice */
    remindedAt: text('reminded_at'),
    /** 'import': loaded from paper records by the history import (routes/org/history.routes.ts) */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  (t) => [
    index('bookings_remind_idx').on(t.remindSms, t.status, t.remindedAt),
    uniqueIndex('bookings_one_a_day_uq').on(t.campaignId, t.userId, t.day).where(sql`status IN ('booked', 'checked_in') AND is_group = 0`),
    index('bookings_slot_idx').on(t.slotId, t.status),
    index('bookings_user_idx').on(t.userId, t.status),
    index('bookings_campaign_day_idx').on(t.campaignId, t.day),
  ],
);

/**
 * 候补 — the waiting list of a full slot. Seats freed by a cancellation go to the people
 * waiting, in the order they joined, as bookings (like 12306's 候补购票): an entry whose
 * party no longer fits is passed over without losing its place.
 */
export const slotWaitlist = sqliteTable(
  'slot_waitlist',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    slotId: text('slot_id').notNull(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    partySize: integer('party_size').notNull(),
    /** the slot's day (China time): the one-booking-a-day rule also holds for bookings made from here */
    day: text('day').notNull(),
    status: text('status', { enum: ['waiting', 'booked', 'cancelled', 'expired'] }).notNull(),
    /** the booking this entry became */
    bookingId: text('booking_id'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    /** carried into the booking this entry becomes */
    visitors: text('visitors', { mode: 'json' }).$type<Visitor[]>(),
    remindSms: integer('remind_sms', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('waitlist_one_uq').on(t.slotId, t.userId).where(sql`status = 'waiting'`),
    index('waitlist_queue_idx').on(t.slotId, t.status, t.createdAt),
    index('waitlist_user_idx').on(t.userId, t.status),
  ],
);
