import { sqliteTable, text, real, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ATTENDANCE_MODES, ATTENDANCE_STATUSES, MATERIAL_KINDS } from '../../shared/training';

/*
 * 党员教育培训 (campaign kind `training`): sessions (课次) with a rotating check-in code,
 * enrolment from the member registry (roster entries, so people who have not registered
 * yet can be enrolled and marked), the register, and online study of materials.
 */

export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    location: text('location').notNull().default(''),
    lecturer: text('lecturer').notNull().default(''),
    /** study hours an attendance credits, in steps of 0.5 */
    hours: real('hours').notNull(),
    /** the rotating code on the room's screen is HMAC(codeSecret, minute) */
    codeSecret: text('code_secret').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    /** 'import': loaded from paper records by the history import */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  // by start alone too: the cron finds tomorrow's sessions of every campaign (明日培训提醒)
  (t) => [index('training_sessions_campaign_idx').on(t.campaignId, t.startsAt), index('training_sessions_starts_idx').on(t.startsAt)],
);

export const trainingEnrollments = sqliteTable(
  'training_enrollments',
  {
    campaignId: text('campaign_id').notNull(),
    rosterId: text('roster_id').notNull(),
    /** the roster entry's unit and path when enrolled (subtree filters without joins) */
    orgUnitId: text('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    source: text('source', { enum: ['organizer', 'self'] }).notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.rosterId] }),
    index('training_enrollments_path_idx').on(t.campaignId, t.orgPath),
    index('training_enrollments_roster_idx').on(t.rosterId),
  ],
);

/**
 * The register: one row per session and enrolled person. A credited row (present or late)
 * has its `training_hours` activity event with ref `att:<session>:<roster>`, written and
 * removed in the same batch as the row changes (db/queries/training.ts).
 */
export const trainingAttendance = sqliteTable(
  'training_attendance',
  {
    sessionId: text('session_id').notNull(),
    rosterId: text('roster_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id'),
    orgUnitId: text('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
    mode: text('mode', { enum: ATTENDANCE_MODES }).notNull(),
    note: text('note').notNull().default(''),
    /** hours credited (the session's hours when present or late, else 0) */
    hours: real('hours').notNull(),
    /** set when the member checked in with the code */
    checkedInAt: text('checked_in_at'),
    markedBy: text('marked_by'),
    updatedAt: text('updated_at').notNull(),
    /** 'import': loaded from paper records by the history import */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.rosterId] }),
    index('training_attendance_campaign_idx').on(t.campaignId, t.orgPath),
    index('training_attendance_user_idx').on(t.userId),
  ],
);

export const trainingMaterials = sqliteTable(
  'training_materials',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: MATERIAL_KINDS }).notNull(),
    url: text('url').notNull(),
    /** the time it takes, on the server's clock, before a study of it may be finished */
    minutes: real('minutes').notNull(),
    hours: real('hours').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('training_materials_campaign_idx').on(t.campaignId, t.createdAt)],
);

/** A member's study of a material: one per member and material; finishing it credits the hours once. */
export const trainingStudies = sqliteTable(
  'training_studies',
  {
    id: text('id').primaryKey(),
    materialId: text('material_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    userId: text('user_id').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [uniqueIndex('training_studies_once_uq').on(t.materialId, t.userId), index('training_studies_user_idx').on(t.userId, t.finishedAt)],
);

/**
 * A unit's yearly plan of education (制定了每年的党员教育培训数量任务): how many classes or
 * sessions of each category, the share of members to reach and the hours per member. One
 * per unit and China year; progress is worked out from the register (shared/training-plan.ts).
 */
export const trainingPlans = sqliteTable(
  'training_plans',
  {
    orgUnitId: text('org_unit_id').notNull(),
    year: integer('year').notNull(),
    /** planned count per category (shared/training.ts TRAINING_CATEGORIES); missing = none planned */
    classes: text('classes', { mode: 'json' }).$type<Partial<Record<string, number>>>().notNull(),
    /** % of the unit's members who should attend at least once */
    coverageTarget: real('coverage_target').notNull(),
    /** study hours per member */
    hoursTarget: real('hours_target').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgUnitId, t.year] })],
);
