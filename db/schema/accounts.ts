import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { CODE_PURPOSES, SMS_PURPOSES } from '../../shared/kinds';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  phone: text('phone').notNull().unique(),
  name: text('name').notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull(),
  /** set when the person deleted their account (PIPL): name and phone are then a tombstone */
  deletedAt: text('deleted_at'),
  /** the person agreed to notices by text message (候补成功, review results); off until they turn it on in 我的 */
  smsNotify: integer('sms_notify', { mode: 'boolean' }).notNull().default(false),
});

/** Session ids are random 256-bit tokens; only their SHA-256 is stored, so a DB leak yields no live session. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counters for rate limits (login, registration); one upsert per hit keeps them exact. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start').notNull(),
});

export type UserRow = typeof users.$inferSelect;

/**
 * SMS verification codes. Only a hash of the code is stored (salted with the row id), so a
 * database read yields no usable code; a code is burned by `attempts` reaching the limit,
 * by `usedAt`, or by a newer code for the same phone and purpose.
 */
export const verificationCodes = sqliteTable(
  'verification_codes',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    purpose: text('purpose', { enum: CODE_PURPOSES }).notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: text('used_at'),
  },
  (t) => [index('verification_codes_phone_idx').on(t.phone, t.createdAt)],
);

/**
 * Codes as sent, in plain text — written only where `DEV_OUTBOX=1` (npm start, tests), so
 * a deployed Worker leaves this table empty. Read by `GET /api/v1/dev/outbox`.
 */
export const devOutbox = sqliteTable(
  'dev_outbox',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull(),
    purpose: text('purpose', { enum: SMS_PURPOSES }).notNull(),
    code: text('code').notNull(),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [index('dev_outbox_phone_idx').on(t.phone, t.sentAt)],
);
