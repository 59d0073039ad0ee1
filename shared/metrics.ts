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
  'register',
  'quiz_answer',
  'quiz_attempt',
  'contest_entry',
  'contest_vote',
  'contest_award',
  'volunteer_pair',
  'volunteer_hours',
  'training_hours',
  'drive_pledge',
  'drive_verified',
  'exhibition_visit',
  'offline_score',
  'contest_view',
  'quiz_disqualified',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** The Monday (YYYY-MM-DD) of the week of a day: weeks start on Monday in China. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Longest trend we draw: a year of days, or about eight years of weeks. */
export const SERIES_MAX_POINTS = 400;

/**
 * A trend with every day (or week) from `first` to `last` (China days, YYYY-MM-DD), the
 * missing ones as zeros, so a chart's gaps mean "nothing happened" rather than "no data".
 * Keeps the most recent SERIES_MAX_POINTS.
 */
export function fillSeries<T extends { at: string }>(rows: T[], first: string, last: string, step: 'day' | 'week', zero: (at: string) => T): T[] {
  const byAt = new Map(rows.map((r) => [r.at, r]));
  const start = step === 'week' ? weekOf(first) : first;
  const end = step === 'week' ? weekOf(last) : last;
  const stepMs = (step === 'week' ? 7 : 1) * 86_400_000;
  let t = Date.parse(`${start}T00:00:00Z`);
  const stop = Date.parse(`${end}T00:00:00Z`);
  if (!(t <= stop)) return [];
  t = Math.max(t, stop - (SERIES_MAX_POINTS - 1) * stepMs);
  const out: T[] = [];
  for (; t <= stop; t += stepMs) {
    const at = new Date(t).toISOString().slice(0, 10);
    out.push(byAt.get(at) ?? zero(at));
  }
  return out;
}

/**
 * A member's timeline reads better with a run of single answers as one line ("答题 10 道,
 * +4 分") than as ten: consecutive `quiz_answer` events of the same campaign (the list is
 * newest first) fold into the newest of them, with `count` and their points summed.
 */
export function foldAnswers<T extends { type: string; campaignId: string | null; points: number }>(items: T[]): Array<T & { count: number }> {
  const out: Array<T & { count: number }> = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (it.type === 'quiz_answer' && last?.type === 'quiz_answer' && last.campaignId === it.campaignId) {
      last.count += 1;
      last.points += it.points;
    } else out.push({ ...it, count: 1 });
  }
  return out;
}
