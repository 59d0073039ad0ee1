import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Where a cron job that walks something long (the R2 bucket, for orphaned uploads) stopped:
 * each tick goes on from here, a page at a time, and starts over at the end.
 */
export const jobCursors = sqliteTable('job_cursors', {
  name: text('name').primaryKey(),
  /** the last key handled ('' = from the start) */
  cursor: text('cursor').notNull(),
  updatedAt: text('updated_at').notNull(),
});
