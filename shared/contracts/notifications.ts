import * as v from 'valibot';
import { Cursor, Id } from './common';
import { NOTIFICATION_KINDS } from '../notifications';

/**
 * 消息中心 (API.md "Notifications"): a person's own messages. Title and body come written in
 * the reader's language (Accept-Language), from the kind and its parameters.
 */
export const NotificationItem = v.object({
  id: v.string(),
  kind: v.picklist(NOTIFICATION_KINDS),
  title: v.string(),
  body: v.string(),
  /** a path of this site to open when tapped (`/console/…` for the console), or null */
  link: v.nullable(v.string()),
  createdAt: v.string(),
  readAt: v.nullable(v.string()),
});
export type NotificationDto = v.InferOutput<typeof NotificationItem>;

export const NotificationPage = v.object({
  items: v.array(NotificationItem),
  /** how many are unread (all of them, not only this page): the badge */
  unread: v.number(),
  nextCursor: v.nullable(v.string()),
});
export type NotificationPageDto = v.InferOutput<typeof NotificationPage>;

/** `?unread=1` only unread; `limit=0` reads only the count (the badge's cheap poll). */
export const NotificationQuery = v.strictObject({
  unread: v.optional(v.picklist(['0', '1'], 'msg.unread_flag')),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'msg.notify_limit'), v.transform(Number), v.maxValue(100, 'msg.notify_limit')), '20'),
  cursor: Cursor,
});

/** Mark read: some of one's own messages by id, or all of them. */
export const MarkReadBody = v.union(
  [v.strictObject({ ids: v.pipe(v.array(Id), v.minLength(1, 'msg.required'), v.maxLength(100)) }), v.strictObject({ all: v.literal(true) })],
  'msg.notify_read_body',
);
export const MarkReadResponse = v.object({ marked: v.number(), unread: v.number() });

/** 我的 → 通知设置: texts for 候补成功 and review results only with `smsNotify` (off by default). */
export const Preferences = v.object({ smsNotify: v.boolean() });
export const PreferencesBody = v.strictObject({ smsNotify: v.boolean() });
