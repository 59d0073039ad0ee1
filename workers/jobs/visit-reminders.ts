import type { Db } from '../../db/client';
import { claimReminder, dueReminders, releaseReminder } from '../../db/queries/visit-reminders';
import { addDays, chinaClock, chinaDay, chinaMidnight, chinaTime } from '../../shared/china-time';
import { senderFor } from '../api/lib/sms';

/**
 * 参观提醒: the day before a visit, a text to the booking's phone — only where the visitor
 * asked for it when booking. Runs in the cron (every 5 minutes); each booking is claimed
 * (`reminded_at`) before its text goes, so runs that overlap or repeat send it once.
 * Returns how many went out.
 */
export async function remindVisits(env: Env, db: Db, at: number): Promise<number> {
  const tomorrow = addDays(chinaDay(at), 1);
  const from = new Date(chinaMidnight(tomorrow)).toISOString();
  const to = new Date(chinaMidnight(addDays(tomorrow, 1))).toISOString();
  const due = await dueReminders(db, from, to);
  if (!due.length) return 0;
  const sender = senderFor(env, db);
  const stamp = new Date(at).toISOString();
  let sent = 0;
  for (const r of due) {
    if (!(await claimReminder(db, r.id, stamp))) continue;
    try {
      await sender.send({ phone: r.phone, purpose: 'visit_reminder', params: { title: r.title, time: `${chinaClock(r.startsAt)}–${chinaTime(r.endsAt)}` } });
      sent++;
    } catch (e) {
      await releaseReminder(db, r.id, stamp);
      console.error(JSON.stringify({ level: 'error', job: 'visit-reminders', booking: r.id, error: String(e) }));
    }
  }
  return sent;
}
