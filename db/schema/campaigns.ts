import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { orgUnits } from './org';
import { users } from './accounts';

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['quiz', 'contest', 'volunteer', 'drive', 'exhibition', 'training'] }).notNull(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    orgPath: text('org_path').notNull(),
    status: text('status', { enum: ['draft', 'published', 'closed'] }).notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    /** the full settings of the campaign's kind, validated by shared/contracts/campaigns.ts */
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    publishedAt: text('published_at'),
    closedAt: text('closed_at'),
    /** R2 key of the cover image an organizer uploaded (null: the kind's designed default) */
    coverKey: text('cover_key'),
    /** 'import': loaded from paper records by the history import (routes/org/history.routes.ts) */
    source: text('source', { enum: ['platform', 'import'] })
      .notNull()
      .default('platform'),
  },
  (t) => [index('campaigns_status_kind_idx').on(t.status, t.kind, t.startsAt), index('campaigns_org_path_idx').on(t.orgPath)],
);

export type CampaignRow = typeof campaigns.$inferSelect;
