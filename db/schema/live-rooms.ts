import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Live quiz rooms (现场竞赛) and matches (双人对战 / 四人赛). The QuizRoom Durable Object
 * plays them; D1 keeps what outlives the game: the room, and each player's result once it ends.
 */
export const quizRooms = sqliteTable(
  'quiz_rooms',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    kind: text('kind', { enum: ['room', 'match'] })
      .notNull()
      .default('room'),
    /** six digits, unique among open rooms (matches have none) */
    pin: text('pin'),
    title: text('title').notNull(),
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    secondsPerQuestion: integer('seconds_per_question').notNull(),
    /** 2 or 4 for matches */
    size: integer('size'),
    status: text('status', { enum: ['open', 'ended'] })
      .notNull()
      .default('open'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [
    // a PIN names one open room; ended rooms give theirs back
    uniqueIndex('quiz_rooms_open_pin_uq').on(t.pin).where(sql`status = 'open' AND pin IS NOT NULL`),
    index('quiz_rooms_campaign_idx').on(t.campaignId, t.createdAt),
  ],
);

/** Each player's result in a room or match, written once when it ends. */
export const quizRoomResults = sqliteTable(
  'quiz_room_results',
  {
    roomId: text('room_id').notNull(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    orgUnitId: text('org_unit_id'),
    orgUnitName: text('org_unit_name'),
    rank: integer('rank').notNull(),
    score: integer('score').notNull(),
    correct: integer('correct').notNull(),
    answered: integer('answered').notNull(),
    msTotal: integer('ms_total').notNull(),
    /** platform points this result earned (match points within the daily cap; 0 for host-led rooms) */
    points: integer('points').notNull().default(0),
    day: text('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), index('quiz_room_results_user_day_idx').on(t.userId, t.day)],
);
