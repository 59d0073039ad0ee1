import { sqliteTable, text, real, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * The durable record of every board (campaign × stage). The Leaderboard Durable Object
 * is an index over it and rebuilds from here when it loses its storage.
 */
export const leaderboardEntries = sqliteTable(
  'leaderboard_entries',
  {
    boardId: text('board_id').notNull(),
    key: text('key').notNull(),
    score: real('score').notNull(),
    tiebreak: real('tiebreak').notNull().default(0),
    name: text('name').notNull(),
    orgUnitId: text('org_unit_id'),
    /**
     * The person behind a keyed-hash `key` (shared/board-key.ts), for organizers' tools only
     * (stage advancement); never sent to the board object or any public read. Null for works,
     * anonymous giving and organizers' own import keys.
     */
    userId: text('user_id'),
    /** bumped on every change, so the object applies updates in order whatever their arrival */
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.key] }), index('lb_entries_rank_idx').on(t.boardId, t.score, t.tiebreak)],
);

export const leaderboards = sqliteTable('leaderboards', {
  boardId: text('board_id').primaryKey(),
  campaignId: text('campaign_id').notNull(),
  frozenAt: text('frozen_at'),
  updatedAt: text('updated_at').notNull(),
});

/** The board as it stood at the freeze: what the public sees until unfreeze. */
export const leaderboardFrozen = sqliteTable(
  'leaderboard_frozen',
  {
    boardId: text('board_id').notNull(),
    key: text('key').notNull(),
    score: real('score').notNull(),
    tiebreak: real('tiebreak').notNull(),
    name: text('name').notNull(),
    orgUnitId: text('org_unit_id'),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.key] })],
);
