import { createI18n } from './index';
import { notifications } from './zh-CN/portal/notifications';

/**
 * The message centre's translator. Its components are shared by the portal and the console
 * (web/ui/components/Notification*.tsx), so they carry their own small dictionary instead of
 * either app's; the English one is its own chunk, loaded with the rest on a switch.
 */
export const { t: nt } = createI18n(notifications, async () => (await import('./en/portal/notifications')).notifications);
