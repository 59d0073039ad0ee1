import type { Localized } from './i18n';

/**
 * Member-activity metrics of an org subtree. Each is defined here once; the API computes
 * them and the console shows `meaning` as the card's tooltip, so the two never drift.
 */
export const METRICS = {
  members: {
    label: { 'zh-CN': '党员人数', en: 'Members' },
    meaning: {
      'zh-CN': '本组织及下级组织中已注册的成员人数（去重），是参与率的分母。',
      en: 'Registered members of this unit and the units below it (each counted once); the denominator of the participation rate.',
    },
  },
  activeMembers: {
    label: { 'zh-CN': '活跃人数', en: 'Active members' },
    meaning: {
      'zh-CN': '所选期间内至少参与过一次活动（答题、投稿、志愿服务、认捐、参观等）的成员人数。',
      en: 'Members with at least one activity (quiz, entry, service, pledge, visit…) in the period.',
    },
  },
  participationRate: {
    label: { 'zh-CN': '参与率', en: 'Participation rate' },
    meaning: {
      'zh-CN': '活跃人数 ÷ 党员人数。',
      en: 'Active members ÷ members.',
    },
  },
  points: {
    label: { 'zh-CN': '积分', en: 'Points' },
    meaning: {
      'zh-CN': '所选期间内成员活动获得的积分总和。',
      en: 'Sum of the points members earned through activities in the period.',
    },
  },
} satisfies Record<string, { label: Localized; meaning: Localized }>;

export type MetricName = keyof typeof METRICS;

/** Participation rate as a fraction in [0, 1], rounded to 4 places; 0 when there are no members. */
export function participationRate(active: number, members: number): number {
  if (members <= 0) return 0;
  return Math.round((Math.min(active, members) / members) * 10000) / 10000;
}

/** Activity types that modules record; `points` and `quantity` mean what each type says. */
export const ACTIVITY_TYPES = [
  'register', 'quiz_answer', 'quiz_attempt', 'contest_entry', 'contest_vote', 'contest_award',
  'volunteer_pair', 'volunteer_hours', 'drive_pledge', 'drive_verified', 'exhibition_visit', 'offline_score', 'contest_view',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
