import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** A booking due for its day-before text: who, where and when. */
export interface DueReminder {
  id: string;
  phone: string;
  startsAt: string;
  endsAt: string;
  title: string;
}

/**
 * Bookings still booked, whose holder asked for a reminder that has not gone out, with a slot
 * starting in [from, to) — the China day after the cron's — of an exhibition still open.
 */
export async function dueReminders(db: Db, from: string, to: string, limit = 200): Promise<DueReminder[]> {
  return db.all<DueReminder>(sql`SELECT b.id AS id, b.phone AS phone, s.starts_at AS startsAt, s.ends_at AS endsAt, c.title AS title
    FROM bookings b JOIN exhibition_slots s ON s.id = b.slot_id JOIN campaigns c ON c.id = b.campaign_id
    WHERE b.remind_sms = 1 AND b.status = 'booked' AND b.reminded_at IS NULL AND s.starts_at >= ${from} AND s.starts_at < ${to} AND c.status = 'published'
    ORDER BY s.starts_at LIMIT ${limit}`);
}

/**
 * Claims one reminder before it is sent, in one conditional statement: of two cron runs that
 * overlap, only one sees a change, so nobody gets the text twice. True when this run claimed it.
 */
export async function claimReminder(db: Db, id: string, at: string): Promise<boolean> {
  const res = await db.run(sql`UPDATE bookings SET reminded_at = ${at} WHERE id = ${id} AND reminded_at IS NULL AND status = 'booked' AND remind_sms = 1`);
  return (res.meta.changes ?? 0) === 1;
}

/** A text that could not be sent is claimed no more: the next run tries again (while the slot is still tomorrow). */
export async function releaseReminder(db: Db, id: string, at: string) {
  await db.run(sql`UPDATE bookings SET reminded_at = NULL WHERE id = ${id} AND reminded_at = ${at}`);
}
