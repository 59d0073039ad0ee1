import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/**
 * People named by imported paper records (history import) who have no account: the stand-in
 * `imp_…` id their service records and quiz scores carry, with the name the sheet gave, so the
 * 台账 can show who it was. The phone is kept masked only (it identified the person at import).
 */
export const importedPeople = sqliteTable(
  'imported_people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    phoneMasked: text('phone_masked').notNull().default(''),
    orgUnitId: text('org_unit_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('imported_people_unit_idx').on(t.orgUnitId)],
);
