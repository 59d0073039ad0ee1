import type { Db } from '../../db/client';
import { purgeReadNotifications, sessionReminderStmt, sessionsStarting } from '../../db/queries/notifications';
import { writeBatch } from '../../db/queries/util';
import { addDays, chinaClock, chinaDay, chinaMidnight } from '../../shared/china-time';
import { NOTIFICATION_RETENTION_DAYS } from '../../shared/notifications';

/**
 * 明日培训提醒: a message to each enrolled person (with an account) of every training session
 * that starts tomorrow (China day). Each is claimed once per person and session by its unique
 * key in the insert itself, so this cron (every 5 minutes) sends each once. Returns how many
 * messages were written.
 */
export async function remindSessions(db: Db, at: number): Promise<number> {
  const tomorrow = addDays(chinaDay(at), 1);
  const from = new Date(chinaMidnight(tomorrow)).toISOString();
  const to = new Date(chinaMidnight(addDays(tomorrow, 1))).toISOString();
  const due = await sessionsStarting(db, from, to);
  if (!due.length) return 0;
  const res = await writeBatch(
    db,
    due.map((s) => sessionReminderStmt(s, chinaClock(s.startsAt).slice(11), at)),
  );
  return res.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

/** Read messages older than the retention period go; unread ones stay until read. */
export async function purgeNotifications(db: Db, at: number): Promise<number> {
  return purgeReadNotifications(db, new Date(at - NOTIFICATION_RETENTION_DAYS * 86400e3).toISOString());
}
