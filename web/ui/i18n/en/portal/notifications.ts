import type * as zh from '../../zh-CN/portal/notifications';
import type { Same } from '../same';

/** The message centre: the bell and its badge (portal and console), the message list, notification settings in Me. */
export const notifications: Same<typeof zh.notifications> = {
  'notify.title': 'Messages',
  'notify.lead': 'Waiting-list bookings, review results, judging tasks, advancement lists and training reminders arrive here.',
  'notify.allRead': 'Mark all read',
  'notify.unreadOnly': 'Unread only',
  'notify.unreadCount': '{n} unread',
  'notify.unreadTag': 'Unread',
  'notify.emptyTitle': 'No messages yet',
  'notify.emptyBody': 'We will tell you here about waiting-list places, review results and reminders.',
  'notify.emptyUnread': 'No unread messages',
  'notify.settingsTitle': 'Notifications',
  'notify.sms': 'Text messages',
  'notify.smsHint': 'Waiting-list bookings and review results (service records, contest works) also come by text to your phone; when off, only in Messages.',
  'notify.smsSaved': 'Saved',
};
