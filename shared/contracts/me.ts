import * as v from 'valibot';
import { CAMPAIGN_KINDS } from '../kinds';
import { BookingSchema, WaitlistEntry } from './exhibition';
import { HOME_ITEM_KINDS } from '../home';

/**
 * 我的: what the signed-in user reads about themselves across campaigns.
 * (The user and memberships are in ./auth; MeResponse lives there with them.)
 */

/** One thing the user did; `type` is one of ACTIVITY_TYPES (shared/metrics) — kept open so older clients read new types. */
export const ActivityItem = v.object({
  id: v.string(),
  type: v.string(),
  campaignId: v.nullable(v.string()),
  campaignTitle: v.nullable(v.string()),
  campaignKind: v.nullable(v.picklist(CAMPAIGN_KINDS)),
  points: v.number(),
  quantity: v.number(),
  occurredAt: v.string(),
});
export type ActivityItemDto = v.InferOutput<typeof ActivityItem>;
export const ActivityPage = v.object({
  items: v.array(ActivityItem),
  nextCursor: v.nullable(v.string()),
  totals: v.object({ points: v.number(), events: v.number() }),
});
export type ActivityPageDto = v.InferOutput<typeof ActivityPage>;

const CampaignRef = v.object({ title: v.string(), slug: v.nullable(v.string()) });
/** 我的预约 across every exhibition. */
export const MyBookings = v.object({ items: v.array(v.object({ ...BookingSchema.entries, campaign: CampaignRef })) });
export type MyBooking = v.InferOutput<typeof MyBookings>['items'][number];
/** 我的候补 across every exhibition. */
export const MyWaitlist = v.object({ items: v.array(v.object({ ...WaitlistEntry.entries, campaign: CampaignRef })) });
export type MyWaitlistEntry = v.InferOutput<typeof MyWaitlist>['items'][number];

/** One thing waiting for me on the home page (shared/home HOME_ITEM_KINDS). */
export const HomeItem = v.object({
  kind: v.picklist(HOME_ITEM_KINDS),
  id: v.string(),
  title: v.string(),
  campaign: v.object({ id: v.string(), slug: v.string(), title: v.string() }),
  /** when it happens (a booking's slot, an activity's start); null for what waits on a reviewer */
  at: v.nullable(v.string()),
  /** since when it waits (booked, signed up, submitted) */
  since: v.string(),
  /** a booking's ticket code, for the link to the ticket */
  code: v.optional(v.string()),
});
export type HomeItemDto = v.InferOutput<typeof HomeItem>;

/** The signed-in member's home: today's points, the streak, today's quiz and what waits for me. */
export const HomeResponse = v.object({
  day: v.string(),
  pointsToday: v.number(),
  streak: v.object({ days: v.number(), activeToday: v.boolean() }),
  /** the daily quiz open now (the newest, if several), with my standing in it today */
  quiz: v.nullable(
    v.object({
      campaign: v.object({ id: v.string(), slug: v.string(), title: v.string() }),
      attemptsLeftToday: v.number(),
      activeAttemptId: v.nullable(v.string()),
    }),
  ),
  waiting: v.array(HomeItem),
});
export type HomeDto = v.InferOutput<typeof HomeResponse>;
