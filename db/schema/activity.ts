import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * Every engagement appends one row here through recordActivity(); leaderboards and
 * metrics are derived from it. `ref` names the source record so a retried write
 * cannot count twice.
 */
export const activityEvents = sqliteTable(
  'activity_events',
  {
    id: text('id').primaryKey(),
    userId: text('user_id'),
    orgUnitId: text('org_unit_id'),
    /** the unit's path when the event happened, for subtree rollups without joins */
    orgPath: text('org_path'),
    campaignId: text('campaign_id'),
    kind: text('kind'),
    type: text('type').notNull(),
    points: integer('points').notNull().default(0),
    quantity: integer('quantity').notNull().default(1),
    occurredAt: text('occurred_at').notNull(),
    ref: text('ref'),
    /** 'import': loaded from paper records by the history import (ref `import:<row key>`) */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  (t) => [
    uniqueIndex('activity_type_ref_uq').on(t.type, t.ref),
    index('activity_path_time_idx').on(t.orgPath, t.occurredAt),
    index('activity_user_time_idx').on(t.userId, t.occurredAt),
    index('activity_campaign_idx').on(t.campaignId, t.type),
    // metrics read the partial days at a range's edges raw: at the root every path matches, so by time
    index('activity_time_idx').on(t.occurredAt),
  ],
);

/** Who did what to which record; written in the same batch as the change it describes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    orgUnitId: text('org_unit_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: text('at').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorId, t.at),
    // GET /org-units/{id}/audit reads a subtree's units newest first
    index('audit_unit_time_idx').on(t.orgUnitId, t.at),
  ],
);

/**
 * Daily rollups of activity_events (db/rollup-sql.ts): metrics and report figures read these
 * for whole China days, and raw events only for the partial days at a range's edges and for
 * the tail not yet rolled up (rowid above the watermark in `rollup_state`). Events are
 * append-only (a correction is a compensating event), so a rolled-up day never changes under
 * us. Empty strings stand for NULL so the keys can be primary keys.
 */
export const activityDaily = sqliteTable(
  'activity_daily',
  {
    day: text('day').notNull(),
    orgPath: text('org_path').notNull(),
    campaignId: text('campaign_id').notNull(),
    kind: text('kind').notNull(),
    type: text('type').notNull(),
    events: integer('events').notNull(),
    points: integer('points').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgPath, t.day, t.campaignId, t.kind, t.type] }),
    index('activity_daily_campaign_idx').on(t.campaignId, t.day),
    // day-first and covering: a root-level (every path) read of a short range seeks by day
    // and never touches the table; the path-first key serves small subtrees (metrics.ts picks)
    index('activity_daily_day_idx').on(t.day, t.orgPath, t.kind, t.events, t.points),
  ],
);

/** One row per member, China day, unit and kind with activity: distinct active members over any run of days. */
export const activityUserDays = sqliteTable(
  'activity_user_days',
  {
    orgPath: text('org_path').notNull(),
    day: text('day').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    events: integer('events').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgPath, t.day, t.userId, t.kind] }),
    index('activity_user_days_user_idx').on(t.userId, t.day),
    // day-first and covering, as activity_daily_day_idx
    index('activity_user_days_day_idx').on(t.day, t.orgPath, t.userId, t.kind),
  ],
);

/**
 * activity_user_days folded by China month (`YYYY-MM`), in the same batch: distinct active
 * members over a long range read whole months here (30× fewer rows) and days only for the
 * ragged edges (metrics.ts `usersSource`).
 */
export const activityUserMonths = sqliteTable(
  'activity_user_months',
  {
    orgPath: text('org_path').notNull(),
    month: text('month').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    events: integer('events').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgPath, t.month, t.userId, t.kind] }), index('activity_user_months_month_idx').on(t.month, t.orgPath, t.userId, t.kind)],
);

/**
 * activity_user_months folded by China year (`YYYY`), in the same batch: a member who plays the
 * daily quiz plays in most months, so a five-year distinct count over months still reads 60
 * rows a member; over years it reads five. Whole years of a range read here (metrics.ts).
 */
export const activityUserYears = sqliteTable(
  'activity_user_years',
  {
    orgPath: text('org_path').notNull(),
    year: text('year').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    events: integer('events').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgPath, t.year, t.userId, t.kind] }), index('activity_user_years_year_idx').on(t.year, t.orgPath, t.userId, t.kind)],
);

/** How far each rollup has read: the last activity_events rowid folded in. */
export const rollupState = sqliteTable('rollup_state', {
  name: text('name').primaryKey(),
  lastRowid: integer('last_rowid').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Figures that took long to compute (a city's root: 概览 over 30 days, a five-year report),
 * kept as computed with when, so the next reader within the snapshot's age gets them at once
 * (workers/api/lib/snapshots.ts). Keyed by what was asked (unit and query); purged after a day.
 */
export const figureSnapshots = sqliteTable('figure_snapshots', {
  key: text('key').primaryKey(),
  body: text('body').notNull(),
  computedAt: integer('computed_at').notNull(),
  tookMs: integer('took_ms').notNull(),
});

export type ActivityRow = typeof activityEvents.$inferSelect;
