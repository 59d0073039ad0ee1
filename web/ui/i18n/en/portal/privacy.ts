import type * as zh from '../../zh-CN/portal/privacy';
import type { Same } from '../same';

/** 我的 → my registry details, data download, account deletion; a resident's consent withdrawal page. */
export const privacy: Same<typeof zh.privacy> = {
  'my.registry': 'My unit and posts',
  'my.unit': 'Unit',
  'my.category': 'Category',
  'my.posts': 'Party posts',
  'my.status': 'Status',
  'my.noRoster': 'You are not on any unit’s roster yet.',
  'my.data': 'My data',
  'my.dataLead':
    'Download everything the platform stores about you (account, units, quiz attempts, works, votes, pairs, service records, pledges, bookings, points…).',
  'my.download': 'Download my data (Excel)',
  'my.delete': 'Delete my account',
  'my.deleteWarn':
    'This cannot be undone: you are signed out everywhere, your name and phone are removed from the platform (shown as “已注销”) and you cannot sign in with this account again; points, quiz results and service hours stay in the totals but no longer point to you.',
  'my.deletePassword': 'Enter your password to confirm',
  'my.deleteConfirm': 'Delete my account',
  'my.deleted': 'Your account is deleted.',
  'withdraw.title': 'Withdraw your "1+1" consent',
  'withdraw.lead':
    'You were registered as a resident in a "1+1" volunteer pair. Once you withdraw, your name and phone are removed from the pair, which shows as withdrawn.',
  'withdraw.submit': 'Withdraw consent',
  'withdraw.done': 'Consent withdrawn; your name and phone are removed ({n} pairs).',
  'register.privacy':
    'By registering you agree that the platform keeps your name and phone for taking part and for statistics. You can download all your data or delete your account at any time under 我的 (Me).',
  'vol.withdrawHint': 'You can withdraw your consent at any time at {url} with a code sent to your phone; your name and phone are then deleted.',
};
