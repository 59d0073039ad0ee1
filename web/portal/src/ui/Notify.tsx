/*
 * The portal's 消息中心 in one lazy chunk: the header bell, the /messages page and 我的 → 通知设置
 * share the unread store, the list and their strings, which stay out of the first page.
 */
export { NotificationBell } from '@ui/components/NotificationBell';
export { Messages } from '../pages/Messages';
export { NotifySettings } from './NotifySettings';
