import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Pledges to a charity drive. Tongxin never holds money: a pledge records an intention,
 * the receipt from the designated platform, and the amount an organizer verified. Fen.
 */
export const pledges = sqliteTable(
  'pledges',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    orgUnitId: text('org_unit_id'),
    orgPath: text('org_path'),
    amount: integer('amount').notNull(),
    verifiedAmount: integer('verified_amount'),
    displayName: text('display_name').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
    message: text('message'),
    /** messages appear on the donor wall only once an organizer lets them */
    messageStatus: text('message_status', { enum: ['none', 'pending', 'visible', 'hidden'] }).notNull(),
    status: text('status', { enum: ['pledged', 'receipt_submitted', 'verified', 'rejected'] }).notNull(),
    reason: text('reason'),
    receiptKey: text('receipt_key'),
    receiptType: text('receipt_type'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    verifiedBy: text('verified_by'),
    verifiedAt: text('verified_at'),
    /** 'import': loaded from paper records by the history import (routes/org/history.routes.ts) */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  (t) => [index('pledges_campaign_status_idx').on(t.campaignId, t.status, t.orgPath), index('pledges_user_idx').on(t.userId, t.campaignId)],
);

/**
 * Idempotency keys (like Stripe's): the first response to a key is stored with a hash of
 * the request and replayed for the same key and body; another body → 422. Kept 48 h.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    key: text('key').primaryKey(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('idempotency_created_idx').on(t.createdAt)],
);
