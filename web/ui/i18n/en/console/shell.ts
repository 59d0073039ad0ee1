import type * as zh from '../../zh-CN/console/shell';
import type { Same } from '../same';

/** The frame: sign in, navigation, top bar, no access, the to-do card. */
export const shell: Same<typeof zh.shell> = {
  'console.name': 'Tongxin Console',
  'nav.overview': 'Overview',
  'nav.org': 'Organization',
  'nav.campaigns': 'Campaigns',
  'nav.label': 'Console navigation',
  'nav.portal': 'Back to portal',
  'top.unit': 'Scope',
  'top.unitOption': '{name} ({kind})',
  'top.signOut': 'Sign out',
  'top.langSwitch': '中',
  'top.langLabel': '切换到中文',
  'login.title': 'Organizer sign-in',
  'login.lead': 'Sign in to the console with your organizer account.',
  'login.submit': 'Sign in',
  'login.portal': 'Back to the portal',
  'login.forgot': 'Forgot your password?',
  'noAccess.title': 'You are not an organizer of any unit',
  'noAccess.body': 'The console is for organizers of party units. Ask an administrator of a higher unit to grant you access.',
  'noAccess.portal': 'Take part on the portal',
  'todo.title': 'To do',
  'todo.none': 'Nothing waiting: works and receipts are reviewed, and there are no unpublished drafts.',
  'todo.entries': '{n} works to review',
  'todo.receipts': '{n} receipts to verify',
  'todo.flagged': '{n} attempts in the last 7 days answered too fast — please check',
  'todo.draft': 'Draft, not published yet',
};
