import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

export const questionBanks = sqliteTable(
  'question_banks',
  {
    id: text('id').primaryKey(),
    orgUnitId: text('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('banks_path_idx').on(t.orgPath)],
);

/** Questions; `answer` never leaves the server in a participant-facing response. */
export const questions = sqliteTable(
  'questions',
  {
    id: text('id').primaryKey(),
    bankId: text('bank_id').notNull(),
    type: text('type', { enum: ['single', 'multiple', 'judge', 'blank'] }).notNull(),
    stem: text('stem').notNull(),
    /** normalized stem: the same question imported twice is found by this */
    stemKey: text('stem_key').notNull(),
    options: text('options', { mode: 'json' }).$type<Array<{ key: string; text: string }>>().notNull(),
    answer: text('answer', { mode: 'json' }).$type<string | string[] | boolean>().notNull(),
    explanation: text('explanation').notNull().default(''),
    source: text('source').notNull().default(''),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    difficulty: integer('difficulty').notNull().default(2),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('questions_bank_stem_uq').on(t.bankId, t.stemKey), index('questions_bank_idx').on(t.bankId, t.active)],
);

/** Ordered stages of a staged contest (初赛 → 复赛 → 决赛); each ranks on its own board. */
export const quizStages = sqliteTable(
  'quiz_stages',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    ord: integer('ord').notNull(),
    name: text('name').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    /** overrides of the campaign's quiz settings for this stage (banks, counts, timing, limits) */
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    advancement: text('advancement', { mode: 'json' }).$type<{ rule: string; n?: number; score?: number } | null>(),
    /** when the list of those advancing from this stage was published */
    advancedAt: text('advanced_at'),
  },
  (t) => [uniqueIndex('stages_campaign_ord_uq').on(t.campaignId, t.ord)],
);

/** 入围名单: who may start a stage after the first. */
export const stageAdmissions = sqliteTable(
  'stage_admissions',
  {
    stageId: text('stage_id').notNull(),
    userId: text('user_id').notNull(),
    fromRank: integer('from_rank'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.userId] })],
);

export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    /** 'main' for campaigns without stages */
    stageId: text('stage_id').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: ['active', 'finished'] }).notNull(),
    mode: text('mode').notNull(),
    day: text('day').notNull(),
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** index of the question being answered now */
    current: integer('current').notNull().default(0),
    /** when the current question was shown, and its deadline (ms since epoch) */
    shownAt: integer('shown_at').notNull(),
    deadline: integer('deadline').notNull(),
    /**
     * Whether the current question was served (its clock runs from `shownAt` to `deadline`).
     * After an answer it is false until the player asks for the next question
     * (POST /attempts/{id}/next), so reading the explanation costs no time.
     */
    served: integer('served', { mode: 'boolean' }).notNull().default(true),
    correct: integer('correct').notNull().default(0),
    score: integer('score').notNull().default(0),
    msUsed: integer('ms_used').notNull().default(0),
    points: integer('points').notNull().default(0),
    flags: integer('flags').notNull().default(0),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /**
     * An organizer's decision on a flagged attempt: cleared (the flag was wrong) or
     * disqualified (its score leaves the board and its points are taken back). Final.
     */
    review: text('review', { enum: ['cleared', 'disqualified'] }),
    reviewReason: text('review_reason'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
  },
  (t) => [
    // one active attempt per participant and stage: the index decides, whatever the concurrency
    uniqueIndex('attempts_one_active_uq').on(t.campaignId, t.stageId, t.userId).where(sql`status = 'active'`),
    index('attempts_user_day_idx').on(t.userId, t.campaignId, t.day),
    index('attempts_campaign_idx').on(t.campaignId, t.stageId, t.status),
    // the list and the streamed export page newest first by id within a campaign (650,000 a year in a city)
    index('attempts_campaign_id_idx').on(t.campaignId, t.id),
  ],
);

export const quizAnswers = sqliteTable(
  'quiz_answers',
  {
    attemptId: text('attempt_id').notNull(),
    idx: integer('idx').notNull(),
    questionId: text('question_id').notNull(),
    answer: text('answer', { mode: 'json' }).$type<unknown>(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    msTaken: integer('ms_taken').notNull(),
    answeredAt: text('answered_at').notNull(),
  },
  // the primary key makes a double submission of the same answer count once
  (t) => [primaryKey({ columns: [t.attemptId, t.idx] }), index('answers_question_idx').on(t.questionId)],
);

/**
 * What stays of answers past the retention period (db/queries/retention.ts): per-question
 * totals, so question statistics keep their numbers after the per-answer rows are gone.
 */
export const quizQuestionTotals = sqliteTable(
  'quiz_question_totals',
  {
    campaignId: text('campaign_id').notNull(),
    questionId: text('question_id').notNull(),
    answered: integer('answered').notNull(),
    correct: integer('correct').notNull(),
    msTotal: integer('ms_total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.questionId] })],
);
