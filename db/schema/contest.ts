import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/** Works submitted to an art contest (书法 / 绘画 / 摄影 …). Originals stay private in R2. */
export const contestEntries = sqliteTable(
  'contest_entries',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    orgUnitId: text('org_unit_id'),
    /** a client-chosen id of the upload: a retried upload finds its entry instead of making another */
    uploadId: text('upload_id').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    authorName: text('author_name').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    reason: text('reason'),
    imageKey: text('image_key').notNull(),
    displayKey: text('display_key'),
    thumbKey: text('thumb_key'),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** SHA-256 of the stored bytes: the same image entered twice is found by it */
    sha256: text('sha256').notNull(),
    /** judging round the entry is in (0 = not yet in judging) */
    round: integer('round').notNull().default(0),
    votes: integer('votes').notNull().default(0),
    views: integer('views').notNull().default(0),
    award: text('award'),
    /** 作品编号: 1, 2, 3… per campaign in order of submission, given in the insert itself (never shared) */
    serial: integer('serial'),
    createdAt: text('created_at').notNull(),
    reviewedAt: text('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    /** 'import': loaded from paper records by the history import (routes/org/history.routes.ts) */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  (t) => [
    uniqueIndex('entries_upload_uq').on(t.campaignId, t.userId, t.uploadId),
    index('entries_campaign_status_idx').on(t.campaignId, t.status, t.category),
    index('entries_user_idx').on(t.userId, t.campaignId, t.category),
    index('entries_sha_idx').on(t.campaignId, t.sha256),
    uniqueIndex('entries_serial_uq').on(t.campaignId, t.serial),
  ],
);

/** Public votes. Never deleted: a vote found abusive is discounted, with a reason, audit-logged. */
export const contestVotes = sqliteTable(
  'contest_votes',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    entryId: text('entry_id').notNull(),
    voterId: text('voter_id').notNull(),
    day: text('day').notNull(),
    ip: text('ip').notNull(),
    /** the voter account's age when voting, for burst detection */
    accountCreatedAt: text('account_created_at').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    flagReason: text('flag_reason'),
    discounted: integer('discounted', { mode: 'boolean' }).notNull().default(false),
    discountReason: text('discount_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // one vote per entry per voter per day, whatever the concurrency
    uniqueIndex('votes_once_a_day_uq').on(t.entryId, t.voterId, t.day),
    index('votes_voter_day_idx').on(t.voterId, t.campaignId, t.day),
    index('votes_entry_time_idx').on(t.entryId, t.createdAt),
    index('votes_campaign_flag_idx').on(t.campaignId, t.flagged),
  ],
);

export const judgingRounds = sqliteTable(
  'judging_rounds',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    ord: integer('ord').notNull(),
    name: text('name').notNull(),
    /** [{ name: '思想性', weight: 0.4, max: 10 }, …] */
    criteria: text('criteria', { mode: 'json' }).$type<Array<{ name: string; weight: number; max: number }>>().notNull(),
    assignment: text('assignment', { enum: ['all', 'random'] }).notNull(),
    judgesPerEntry: integer('judges_per_entry').notNull().default(3),
    quorum: integer('quorum').notNull().default(1),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    closedAt: text('closed_at'),
    /** judges who had unscored assignments when the round closed */
    unfinished: text('unfinished', { mode: 'json' }).$type<Array<{ judgeId: string; missing: number }>>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('rounds_campaign_ord_uq').on(t.campaignId, t.ord)],
);

export const contestJudges = sqliteTable(
  'contest_judges',
  {
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);

export const judgeAssignments = sqliteTable(
  'judge_assignments',
  {
    roundId: text('round_id').notNull(),
    entryId: text('entry_id').notNull(),
    judgeId: text('judge_id').notNull(),
    /** a conflict the judge declared; such an assignment is not scored */
    conflict: integer('conflict', { mode: 'boolean' }).notNull().default(false),
    total: real('total'),
    criteria: text('criteria', { mode: 'json' }).$type<Record<string, number>>(),
    scoredAt: text('scored_at'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.entryId, t.judgeId] }), index('assign_judge_idx').on(t.judgeId, t.roundId)],
);

/**
 * Views counted: one per viewer per work per China day (API.md), whoever asks how often.
 * `viewerKey` is a SHA-256 of the account id, or of the address for anonymous viewers, so the
 * table keeps no addresses; rows older than a few days are only history and may be purged.
 */
export const contestViews = sqliteTable(
  'contest_views',
  {
    entryId: text('entry_id').notNull(),
    viewerKey: text('viewer_key').notNull(),
    day: text('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.viewerKey, t.day] }), index('contest_views_day_idx').on(t.day)],
);

/**
 * Invitations for judges from outside the organizers' subtree (a calligraphers' association).
 * Only the SHA-256 of the code is stored: the link is a bearer secret, shown once to the
 * organizer who made it. Single use: `accepted_by` is set by one conditional update.
 */
export const judgeInvites = sqliteTable(
  'judge_invites',
  {
    id: text('id').primaryKey(),
    codeHash: text('code_hash').notNull().unique(),
    campaignId: text('campaign_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    acceptedBy: text('accepted_by'),
    acceptedAt: text('accepted_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('judge_invites_campaign_idx').on(t.campaignId, t.createdAt)],
);
