import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { ROLES } from '../../shared/kinds';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, type PartyPost } from '../../shared/people';

/**
 * The org tree. `path` is the materialized path of ids (`/root/a/b/`), so a subtree is
 * `path LIKE '/root/a/%'` on an index, without recursive queries.
 */
export const orgUnits = sqliteTable(
  'org_units',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['committee', 'party_committee', 'general_branch', 'branch'] }).notNull(),
    path: text('path').notNull().unique(),
    depth: integer('depth').notNull(),
    createdAt: text('created_at').notNull(),
    /** set when an empty unit is archived: it leaves the tree listing and the pickers, its history stays */
    archivedAt: text('archived_at'),
  },
  (t) => [index('org_units_parent_idx').on(t.parentId), uniqueIndex('org_units_parent_name_uq').on(t.parentId, t.name)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** denormalized from org_units.path so subtree counts need no join */
    orgPath: text('org_path').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('memberships_user_unit_role_uq').on(t.userId, t.orgUnitId, t.role), index('memberships_path_role_idx').on(t.orgPath, t.role)],
);

/** Roster entries: an organizer's list of phones → unit; a phone is on at most one roster. */
export const rosterEntries = sqliteTable(
  'roster_entries',
  {
    id: text('id').primaryKey(),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    phone: text('phone').notNull().unique(),
    name: text('name').notNull(),
    userId: text('user_id').references(() => users.id),
    /** registry fields (人员类别, 党内职务 with 任职日期, 状态, 入党日期); dates are China dates YYYY-MM-DD */
    category: text('category', { enum: MEMBER_CATEGORIES }).notNull().default('full'),
    posts: text('posts', { mode: 'json' }).$type<PartyPost[]>().notNull().default([]),
    postSince: text('post_since'),
    status: text('status', { enum: MEMBER_STATUSES }).notNull().default('active'),
    joinedPartyOn: text('joined_party_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('roster_unit_idx').on(t.orgUnitId), index('roster_unit_category_idx').on(t.orgUnitId, t.category)],
);

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/**
 * Where a person on the registry was, day by day (组织关系转接 keeps history): one row per
 * stay in a unit, `from_day` inclusive, `to_day` exclusive (null while it lasts), both China
 * days. Opened when a roster entry is created, closed and reopened by a transfer, in the same
 * batch. A person is counted in a unit on day D when from_day <= D < to_day, i.e. where they
 * were at the end of D (db/queries/people.ts `membersAt`). `roster_id` is null only for a
 * registered member with no roster entry (demo organizers); `user_id` is filled once the
 * person registers. No foreign keys: erasing a person (PIPL) must not be blocked by history.
 */
export const membershipPeriods = sqliteTable(
  'membership_periods',
  {
    id: text('id').primaryKey(),
    rosterId: text('roster_id'),
    userId: text('user_id'),
    orgUnitId: text('org_unit_id').notNull(),
    /** the unit's path, rewritten with it when the unit moves */
    orgPath: text('org_path').notNull(),
    fromDay: text('from_day').notNull(),
    toDay: text('to_day'),
    /** why the stay began: `import` (roster), `transfer`, `backfill` (before periods existed) */
    reason: text('reason', { enum: ['import', 'transfer', 'backfill'] }).notNull(),
    /** the organizer's words for a transfer (工作调动…) */
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('periods_path_days_idx').on(t.orgPath, t.fromDay), index('periods_roster_idx').on(t.rosterId, t.toDay), index('periods_user_idx').on(t.userId)],
);
