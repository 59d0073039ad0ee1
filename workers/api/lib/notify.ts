import type { Context } from 'hono';
import type { AppEnv } from './env';
import type { Db } from '../../../db/client';
import { smsTargets } from '../../../db/queries/notifications';
import { parseParams, renderNotification } from '../../../shared/notifications';
import { senderFor } from './sms';

/**
 * Text messages for notifications a batch just wrote (ids from `notifyStatements`): only the
 * kinds sent by text, only to people who turned `smsNotify` on. Always in Chinese (a text to
 * a mainland phone). A failure is logged and never fails anything: the message is in the
 * message centre either way. Returns how many went.
 */
export async function sendNoticeTexts(env: Env, db: Db, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const targets = await smsTargets(db, [...ids]);
  if (!targets.length) return 0;
  const sender = senderFor(env, db);
  let sent = 0;
  for (const t of targets) {
    const { title, body } = renderNotification(t.kind, parseParams(t.params), 'zh-CN');
    try {
      await sender.send({ phone: t.phone, purpose: 'notice', params: { title, body } });
      sent++;
    } catch (e) {
      console.error(JSON.stringify({ level: 'error', job: 'notice-sms', notification: t.id, error: String(e) }));
    }
  }
  return sent;
}

/** After the request's batch has committed: the texts go in the background (waitUntil), never holding or failing the response. */
export function textAfterCommit(c: Context<AppEnv>, ids: readonly string[]) {
  if (!ids.length) return;
  const work = sendNoticeTexts(c.env, c.var.db, ids).catch((e: unknown) => {
    console.error(JSON.stringify({ level: 'error', job: 'notice-sms', error: String(e) }));
  });
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // no execution context (a direct app.request in a unit test): the promise runs on its own
  }
}
