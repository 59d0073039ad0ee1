import type * as zh from '../../zh-CN/portal/shell';
import type { Same } from '../same';

/** The frame: navigation, the home page, the language switch. */
export const shell: Same<typeof zh.shell> = {
  'nav.home': 'Home',
  'nav.campaigns': 'Campaigns',
  'nav.rank': 'Rankings',
  'nav.me': 'Me',
  'nav.main': 'Main navigation',
  'nav.skip': 'Skip to content',
  'home.title': 'Tongxin · Home',
  'home.heroTitle': 'Together, one heart',
  'home.heroBody': 'Knowledge quizzes, art contests, "1+1" volunteering, charity drives and exhibition visits, all in one place.',
  'home.seeAll': 'See all',
  'home.emptyTitle': 'No campaigns are running right now',
  'home.emptyBody': 'New campaigns appear here as soon as they are published. You can also browse past ones.',
  'home.emptyAction': 'Browse all campaigns',
  'lang.switchShort': '中',
  'lang.switchLabel': '切换到中文',
  'large.short': 'Large',
  'large.title': 'Large type (elder mode)',
};
