import { sql } from 'drizzle-orm';
import { sqliteTable, text, real, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/** A member's personal "1+1" invite for a campaign (one per member and campaign). */
export const volunteerInvites = sqliteTable(
  'volunteer_invites',
  {
    code: text('code').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('invites_member_uq').on(t.campaignId, t.userId)],
);

/**
 * A pair: a member and the resident they brought. The resident's consent (the text they
 * agreed to and when) is stored with it; an unlinked pair stays on record with its reason.
 */
export const volunteerPairs = sqliteTable(
  'volunteer_pairs',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    memberId: text('member_id').notNull(),
    memberUnitId: text('member_unit_id'),
    memberPath: text('member_path'),
    residentName: text('resident_name').notNull(),
    residentPhone: text('resident_phone').notNull(),
    residentUserId: text('resident_user_id'),
    consentText: text('consent_text').notNull(),
    consentAt: text('consent_at').notNull(),
    source: text('source', { enum: ['invite', 'organizer'] }).notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    unlinkedAt: text('unlinked_at'),
    unlinkReason: text('unlink_reason'),
    /** the resident withdrew consent (PIPL): their name and phone are erased, the pair still counts */
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [
    // a resident counts once per campaign (among pairs still linked)
    uniqueIndex('pairs_resident_uq').on(t.campaignId, t.residentPhone).where(sql`unlinked_at IS NULL`),
    index('pairs_member_idx').on(t.campaignId, t.memberId),
    index('pairs_path_idx').on(t.campaignId, t.memberPath),
  ],
);

export const serviceRecords = sqliteTable(
  'service_records',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    orgUnitId: text('org_unit_id'),
    orgPath: text('org_path'),
    pairId: text('pair_id'),
    /** the day of the service, YYYY-MM-DD (China time) */
    date: text('date').notNull(),
    hours: real('hours').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    /** self-reported, computed from check-in and check-out at a service activity, or loaded from paper by the history import */
    source: text('source', { enum: ['self', 'checkin', 'import'] })
      .notNull()
      .default('self'),
    activityId: text('activity_id'),
    reason: text('reason'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('records_queue_idx').on(t.campaignId, t.status, t.orgPath, t.date),
    index('records_user_idx').on(t.userId, t.campaignId, t.date),
    index('records_created_idx').on(t.campaignId, t.status, t.createdAt),
  ],
);

/** Issued service certificates; the code opens a public verification page. */
export const certificates = sqliteTable(
  'certificates',
  {
    code: text('code').primaryKey(),
    /** what it certifies: a 1+1 campaign's service hours, or a year's study hours (training; `campaignId` is then `year:<YYYY>`) */
    kind: text('kind', { enum: ['volunteer', 'training'] })
      .notNull()
      .default('volunteer'),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    hours: real('hours').notNull(),
    issuedAt: text('issued_at').notNull(),
  },
  (t) => [uniqueIndex('certificates_user_uq').on(t.campaignId, t.userId)],
);

/**
 * 服务活动 — an on-site service with time, place and capacity. Volunteers sign up, then
 * check in and out with the code shown at the place; the hours between become a service
 * record. The code is derived from `codeSecret` and the current minute, so a photo of it
 * sent around stops working within a couple of minutes.
 */
export const serviceActivities = sqliteTable(
  'service_activities',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull(),
    description: text('description').notNull().default(''),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    /** sign-ups never exceed `capacity` (checked in the same statement) */
    signedUp: integer('signed_up').notNull().default(0),
    codeSecret: text('code_secret').notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('service_activities_campaign_idx').on(t.campaignId, t.startsAt), index('service_activities_path_idx').on(t.campaignId, t.orgPath)],
);

export const serviceSignups = sqliteTable(
  'service_signups',
  {
    activityId: text('activity_id').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: ['signed_up', 'cancelled'] }).notNull(),
    checkedInAt: text('checked_in_at'),
    checkedOutAt: text('checked_out_at'),
    /** the service record made at check-out */
    recordId: text('record_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] }), index('service_signups_user_idx').on(t.userId, t.status)],
);
