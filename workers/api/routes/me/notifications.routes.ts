import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { requireViewer } from '../../lib/authz';
import { json } from '../../lib/openapi';
import { MarkReadBody, MarkReadResponse, NotificationPage, NotificationQuery, Preferences, PreferencesBody } from '../../../../shared/contracts/notifications';
import { listNotifications, markRead, setSmsNotify, smsNotifyOf, unreadCount } from '../../../../db/queries/notifications';
import { decodeTimeCursor, nextTimeCursor } from '../../../../db/queries/util';
import { parseParams, renderNotification } from '../../../../shared/notifications';

/** 消息中心: only ever the signed-in person's own messages (every query is keyed by their id). */
export const notificationRoutes = createApp()
  .get(
    '/notifications',
    describeRoute({
      tags: ['Accounts'],
      summary:
        '消息中心: my notifications, newest first (`unread=1` only unread), each written in my language; `unread` counts all unread (the badge). `limit=0` reads only the count.',
      responses: { 200: json(NotificationPage) },
    }),
    valid('query', NotificationQuery),
    async (c) => {
      const viewer = requireViewer(c);
      const q = c.req.valid('query');
      const db = c.var.db;
      const [rows, unread] = await Promise.all([
        q.limit > 0 ? listNotifications(db, viewer.id, { unread: q.unread === '1', limit: q.limit, before: decodeTimeCursor(q.cursor) }) : Promise.resolve([]),
        unreadCount(db, viewer.id),
      ]);
      const items = rows.slice(0, q.limit).map((r) => ({
        id: r.id,
        kind: r.kind,
        ...renderNotification(r.kind, parseParams(r.params), c.var.lang),
        link: r.link,
        createdAt: r.createdAt,
        readAt: r.readAt,
      }));
      return c.json({ items, unread, nextCursor: q.limit > 0 ? nextTimeCursor(rows, items, q.limit) : null });
    },
  )
  .post(
    '/notifications/read',
    describeRoute({
      tags: ['Accounts'],
      summary:
        'Mark my notifications read: `{"ids": [...]}` (ids not mine, or read already, change nothing) or `{"all": true}`; answers how many changed and the unread left',
      responses: { 200: json(MarkReadResponse) },
    }),
    valid('json', MarkReadBody),
    async (c) => {
      const viewer = requireViewer(c);
      const b = c.req.valid('json');
      const marked = await markRead(c.var.db, viewer.id, 'all' in b ? 'all' : b.ids);
      return c.json({ marked, unread: await unreadCount(c.var.db, viewer.id) });
    },
  )
  .get(
    '/preferences',
    describeRoute({
      tags: ['Accounts'],
      summary: '通知设置: whether I agreed to texts for 候补成功 and review results (off by default)',
      responses: { 200: json(Preferences) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ smsNotify: await smsNotifyOf(c.var.db, viewer.id) });
    },
  )
  .put(
    '/preferences',
    describeRoute({ tags: ['Accounts'], summary: '通知设置: agree to (or stop) texts for 候补成功 and review results', responses: { 200: json(Preferences) } }),
    valid('json', PreferencesBody),
    async (c) => {
      const viewer = requireViewer(c);
      await setSmsNotify(c.var.db, viewer.id, c.req.valid('json').smsNotify);
      return c.json({ smsNotify: await smsNotifyOf(c.var.db, viewer.id) });
    },
  );
