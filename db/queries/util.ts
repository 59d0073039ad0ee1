import { and, eq, gte, is, lt, or, sql, SQL, type Column } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';

/**
 * `col` lies under the materialized path `prefix` (the unit itself and its whole subtree).
 * A range instead of LIKE so SQLite uses the index; ids never contain '~'.
 */
export function underPath(col: Column, prefix: string): SQL {
  return and(gte(col, prefix), lt(col, prefix + '~'))!;
}

/** `col` lies under any of the paths; `all` adds no condition, and no paths match nothing (a reader's scope never widens by accident). */
export function underAnyPath(col: Column, paths: string[] | 'all'): SQL | undefined {
  if (paths === 'all') return undefined;
  return paths.length ? or(...paths.map((p) => underPath(col, p))) : sql`0`;
}

/**
 * What a campaign's lists of people's rows (pledges, service records) filter on alike: the
 * campaign, the subtrees the reader may see (none given: no limit), one person, one status.
 */
export function peopleRowsFilter(
  t: { campaignId: Column; orgPath: Column; userId: Column; status: Column },
  campaignId: string,
  f: { paths?: string[] | 'all'; userId?: string; status?: string },
): Array<SQL | undefined> {
  return [
    eq(t.campaignId, campaignId),
    f.paths ? underAnyPath(t.orgPath, f.paths) : undefined,
    f.userId ? eq(t.userId, f.userId) : undefined,
    f.status ? eq(t.status, f.status) : undefined,
  ];
}

/** Rows after the cursor of a list newest first by (time, id): older, or as old with a smaller id; no cursor, no condition. */
export function olderThan(at: Column, id: Column, before: { at: string; id: string } | null | undefined): SQL | undefined {
  return before ? or(lt(at, before.at), and(eq(at, before.at), lt(id, before.id))) : undefined;
}

/** Opaque list cursors: the sort key of the last item, base64 so clients don't build them. */
export function encodeCursor(key: string): string {
  return btoa(key).replace(/=+$/, '');
}
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const key = atob(cursor);
    return /^[0-9A-Za-z_:.|-]{1,100}$/.test(key) ? key : null;
  } catch {
    return null;
  }
}

/** A cursor over (time, id) for lists sorted newest first by a timestamp. */
export function decodeTimeCursor(cursor: string | undefined): { at: string; id: string } | null {
  const key = decodeCursor(cursor);
  const [at, id] = key?.split('|') ?? [];
  return at && id ? { at, id } : null;
}

/** D1 allows at most 100 bound parameters a statement. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A write for `writeBatch`: a drizzle query builder, or a raw `sql` statement. */
export type Stmt = { toSQL(): { sql: string; params: unknown[] } } | SQL;

const dialect = new SQLiteSyncDialect();

/**
 * Runs writes as one D1 batch — one transaction: all of them or none. Drizzle's own
 * batch() cannot take raw `sql` statements with parameters (insert-select, conditional
 * audit rows), so statements are built by drizzle and bound here.
 */
export async function writeBatch(db: Db, stmts: Stmt[]): Promise<D1Result[]> {
  if (!stmts.length) return [];
  const d1 = db.$client as D1Database;
  const prepared = stmts.map((s) => {
    const q = is(s, SQL) ? dialect.sqlToQuery(s) : (s as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
    return d1.prepare(q.sql).bind(...q.params);
  });
  return d1.batch(prepared);
}

/** Raw `sql` reads in one round trip (one D1 batch), each answered with its rows. */
export async function readBatch(db: Db, stmts: SQL[]): Promise<Array<Array<Record<string, unknown>>>> {
  const results = await writeBatch(db, stmts);
  return results.map((r) => (r.results ?? []) as Array<Record<string, unknown>>);
}

export const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed/i.test(String((e as Error)?.message ?? e));

/*
 * The batch guard. SQLite has no RAISE outside triggers, so a statement that must abort its
 * batch when the conditional write just before it changed nothing (a lost race, a limit
 * reached) makes SQLite fail on purpose: json_extract with a path that is not a path. The
 * error names the guard, so it is told apart from real failures; the whole batch — the
 * write, its audit and activity rows, its board score — is rolled back.
 */
const BATCH_GUARD = 'batch_guard_unchanged';

/** A statement for a batch that aborts it unless the write just before it changed `rows` rows (default exactly one; `'some'`: at least one). */
export function abortUnlessChanged(rows: number | 'some' = 1): SQL {
  const ok = rows === 'some' ? sql`changes() > 0` : sql`changes() = ${rows}`;
  return sql`SELECT CASE WHEN ${ok} THEN 1 ELSE json_extract('{}', ${BATCH_GUARD}) END`;
}

/** The batch failed because a guard aborted it (nothing was written), not because of a fault. */
export const isBatchAborted = (e: unknown) => String((e as Error)?.message ?? e).includes(BATCH_GUARD);

/** `writeBatch`, with null instead of an error when a guard aborted the batch. */
export async function guardedBatch(db: Db, stmts: Stmt[]): Promise<D1Result[] | null> {
  try {
    return await writeBatch(db, stmts);
  } catch (e) {
    if (isBatchAborted(e)) return null;
    throw e;
  }
}

/**
 * Reads a whole list by keyset pages, for exports and results: `fetch(before)` returns up to
 * `size + 1` rows after the cursor (one more tells that a next page exists); `cursorOf` gives
 * the cursor of a page's last row. A caller that has enough breaks out of the loop.
 */
export async function* keysetPages<T, C>(fetch: (before: C | null) => Promise<T[]>, size: number, cursorOf: (last: T) => C): AsyncGenerator<T[]> {
  for (let before: C | null = null; ; ) {
    const page = await fetch(before);
    yield page.slice(0, size);
    if (page.length <= size) return;
    before = cursorOf(page[size - 1]!);
  }
}

/** The (time, id) cursor of a row of a list sorted newest first by creation. */
export const createdCursor = (r: { createdAt: string; id: string }) => ({ at: r.createdAt, id: r.id });

/** The next-page cursor of a (time, id) list: the last item shown, when more rows were read (`limit + 1`) than shown. */
export function nextTimeCursor(rows: readonly unknown[], items: ReadonlyArray<{ createdAt: string; id: string }>, limit: number): string | null {
  const last = items[items.length - 1];
  return rows.length > limit && last ? encodeCursor(`${last.createdAt}|${last.id}`) : null;
}
