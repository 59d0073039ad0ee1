import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  },
  (t) => [
    uniqueIndex('activity_type_ref_uq').on(t.type, t.ref),
    index('activity_path_time_idx').on(t.orgPath, t.occurredAt),
    index('activity_user_time_idx').on(t.userId, t.occurredAt),
    index('activity_campaign_idx').on(t.campaignId, t.type),
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

export type ActivityRow = typeof activityEvents.$inferSelect;
