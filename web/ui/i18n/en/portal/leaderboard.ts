import type * as zh from '../../zh-CN/portal/leaderboard';
import type { Same } from '../same';

/** Rankings and leaderboards. */
export const leaderboard: Same<typeof zh.leaderboard> = {
  'rank.title': 'Rankings',
  'rank.emptyTitle': 'No ranked campaigns yet',
  'rank.emptyBody': 'Once a quiz, contest, volunteer or charity campaign is published, its ranking appears here.',
  'rank.lead': 'Individual and unit rankings of quizzes, art contests, volunteering and charity drives, updated live.',
  'rank.viewBoard': 'View the leaderboard',
  'board.title': 'Leaderboard',
  'board.pageTitle': '{title} · Leaderboard',
  'board.back': 'Back to the campaign',
  'board.emptyBody': 'Take part and score, and your name appears here.',
  'board.emptyOrgBody': 'Units appear here once their members take part.',
  'board.notRankingTitle': 'This campaign has no leaderboard',
  'board.mine': 'My rank',
  'board.ofTotal': 'of {n}',
  'board.myScore': 'My score',
  'board.me': 'Me',
  'board.myUnit': 'My unit',
  'board.around': 'Around me',
  'board.notOnBoard': 'You are not on the board yet',
  'board.notOnBoardBody': 'Take part and score to appear on the board.',
  'board.signInForMine': 'Sign in to see your rank',
  'board.frozenPublic': 'The board is frozen: it shows the ranking at the time of freezing until the organizers unfreeze it or the campaign ends.',
  'board.frozenOrganizer': 'Frozen: the public sees the board as it was when frozen; as an organizer you see it live here.',
  'board.finalNote': 'The campaign has ended; this is the final ranking.',
  'board.shown': 'Showing {shown} of {total}',
  'board.manage': 'Manage the leaderboard in the console',
};
