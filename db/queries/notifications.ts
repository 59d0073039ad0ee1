import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { notifications, users } from '../schema';
import type { Db } from '../client';
import { newId, nowIso } from '../ids';
import { chunk, type Stmt, olderThan } from './util';
import type { NotificationKind, NotificationParams } from '../../shared/notifications';
import { SMS_NOTIFICATION_KINDS } from '../../shared/notifications';

/** One message to one person; `dedupeKey` makes it once per person (a second write is a no-op). */
export interface Notice {
  userId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link?: string | null;
  dedupeKey?: string | null;
}

/**
 * The statements that write notifications, for the SAME batch as the change they tell of
 * (so a message exists exactly when its change does). `when` (SQL evaluated inside that
 * batch, e.g. "the record is now approved") writes them only if it holds. Returns the ids,
 * for the text messages sent once the batch has committed (workers/api/lib/notify.ts).
 */
export function notifyStatements(notices: readonly Notice[], when?: SQL, now = Date.now()): { stmts: Stmt[]; ids: string[] } {
  const at = nowIso(now);
  const rows = notices.map((n) => ({
    id: newId(now),
    userId: n.userId,
    kind: n.kind,
    params: JSON.stringify(n.params),
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ?? null,
    createdAt: at,
  }));
  const stmts: Stmt[] = [];
  if (when) {
    for (const r of rows) {
      stmts.push(sql`INSERT INTO notifications (id, user_id, kind, params, link, dedupe_key, created_at)
        SELECT ${r.id}, ${r.userId}, ${r.kind}, ${r.params}, ${r.link}, ${r.dedupeKey}, ${r.createdAt} WHERE ${when}
        ON CONFLICT DO NOTHING`);
    }
  } else {
    // 7 bound values a row; D1 takes at most 100 a statement
    for (const part of chunk(rows, 14)) {
      stmts.push(sql`INSERT INTO notifications (id, user_id, kind, params, link, dedupe_key, created_at) VALUES
        ${sql.join(
          part.map((r) => sql`(${r.id}, ${r.userId}, ${r.kind}, ${r.params}, ${r.link}, ${r.dedupeKey}, ${r.createdAt})`),
          sql`, `,
        )}
        ON CONFLICT DO NOTHING`);
    }
  }
  return { stmts, ids: rows.map((r) => r.id) };
}

/** A page of someone's notifications, newest first (`unread`: only those not read yet); limit + 1 rows tell of a next page. */
export async function listNotifications(db: Db, userId: string, o: { unread: boolean; limit: number; before: { at: string; id: string } | null }) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        o.unread ? isNull(notifications.readAt) : undefined,
        olderThan(notifications.createdAt, notifications.id, o.before),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(o.limit + 1);
}

/** How many unread: a count over the (user_id, read_at, …) index alone. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const r = await db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`);
  return r[0]?.n ?? 0;
}

/** Marks the person's own messages read (`'all'`, or the ids given; others' ids change nothing). Returns how many changed. */
export async function markRead(db: Db, userId: string, ids: string[] | 'all', now = Date.now()): Promise<number> {
  const at = nowIso(now);
  if (ids === 'all') {
    const r = await db.run(sql`UPDATE notifications SET read_at = ${at} WHERE user_id = ${userId} AND read_at IS NULL`);
    return r.meta.changes ?? 0;
  }
  let n = 0;
  for (const part of chunk(ids, 90)) {
    const r = await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), inArray(notifications.id, part)));
    n += (r as unknown as D1Result).meta.changes ?? 0;
  }
  return n;
}

/** Read messages older than `before` go, a bounded slice per cron run. Returns how many. */
export async function purgeReadNotifications(db: Db, before: string, max = 2000): Promise<number> {
  const r = await db.run(sql`DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE read_at < ${before} LIMIT ${max})`);
  return r.meta.changes ?? 0;
}

/** The text messages owed for notifications just written: kinds sent by text, to people who agreed and still have an account. */
export async function smsTargets(db: Db, ids: string[]) {
  const out: Array<{ id: string; kind: NotificationKind; params: string; phone: string }> = [];
  for (const part of chunk(ids, 90)) {
    out.push(
      ...(await db
        .select({ id: notifications.id, kind: notifications.kind, params: notifications.params, phone: users.phone })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(
          and(inArray(notifications.id, part), eq(users.smsNotify, true), isNull(users.deletedAt), inArray(notifications.kind, [...SMS_NOTIFICATION_KINDS])),
        )),
    );
  }
  return out;
}

export async function smsNotifyOf(db: Db, userId: string): Promise<boolean> {
  return (await db.select({ on: users.smsNotify }).from(users).where(eq(users.id, userId)))[0]?.on ?? false;
}
export async function setSmsNotify(db: Db, userId: string, on: boolean) {
  await db.update(users).set({ smsNotify: on }).where(eq(users.id, userId));
}

/** Training sessions starting in [from, to) of published training campaigns, for the day-before reminder. */
export async function sessionsStarting(db: Db, from: string, to: string, limit = 200) {
  return db.all<{ id: string; campaignId: string; title: string; startsAt: string; location: string; campaignTitle: string; slug: string | null }>(sql`
    SELECT s.id AS id, s.campaign_id AS campaignId, s.title AS title, s.starts_at AS startsAt, s.location AS location, c.title AS campaignTitle, c.slug AS slug
    FROM training_sessions s JOIN campaigns c ON c.id = s.campaign_id
    WHERE s.starts_at >= ${from} AND s.starts_at < ${to} AND c.status = 'published' AND c.kind = 'training'
    ORDER BY s.starts_at LIMIT ${limit}`);
}

/**
 * 明日培训提醒 of one session: a message to each enrolled person with an account, claimed once
 * per person and session by the unique (user, `session:<id>`) key — a job that runs again, or
 * twice at once, writes nothing new. Returns the statement (one per session, for one batch).
 */
export function sessionReminderStmt(
  s: { id: string; campaignId: string; title: string; location: string; campaignTitle: string; slug: string | null },
  time: string,
  now = Date.now(),
): SQL {
  const at = nowIso(now);
  const link = `/c/${encodeURIComponent(s.slug ?? s.campaignId)}/training`;
  // ids: the time-ordered prefix of a ULID and random hex, one per row of the insert-select
  const prefix = newId(now).slice(0, 10);
  return sql`INSERT INTO notifications (id, user_id, kind, params, link, dedupe_key, created_at)
    SELECT ${prefix} || upper(hex(randomblob(8))), r.user_id, 'session_tomorrow',
           json_object('title', ${s.campaignTitle}, 'session', ${s.title}, 'time', ${time}, 'location', ${s.location}), ${link}, ${`session:${s.id}`}, ${at}
    FROM training_enrollments e JOIN roster_entries r ON r.id = e.roster_id
    WHERE e.campaign_id = ${s.campaignId} AND r.user_id IS NOT NULL
    ON CONFLICT DO NOTHING`;
}
