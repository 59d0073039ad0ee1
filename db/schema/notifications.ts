import { sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NOTIFICATION_KINDS } from '../../shared/notifications';

/**
 * 消息中心: one row per message to one person. The text is not stored: `kind` + `params`
 * (the names and times it speaks of) are rendered when read, in the reader's language
 * (shared/notifications.ts), so a message reads right after a change of language and a
 * wording fix reaches old messages too.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** JSON object of the message's parameters (strings and numbers) */
    params: text('params').notNull(),
    /** where tapping it leads (a path of this site), or null */
    link: text('link'),
    /**
     * what it is about, once per person (e.g. `session:<id>` for a day-before reminder): the
     * unique index makes a second write of the same message a no-op, so a re-run of a job
     * sends nothing twice. Null for messages that may repeat.
     */
    dedupeKey: text('dedupe_key'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    // the unread badge (user_id, read_at IS NULL) and the newest-first list are both read from it
    index('notifications_user_read_idx').on(t.userId, t.readAt, t.createdAt),
    index('notifications_user_time_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_user_dedupe_uq').on(t.userId, t.dedupeKey),
    // the cron's purge of old read messages walks this range (unread rows, null here, are not in it)
    index('notifications_read_at_idx').on(t.readAt),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
