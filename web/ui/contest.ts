import type { InferOutput } from 'valibot';
import type {
  ResultDto as ResultItem,
  JudgeInviteCreated as JudgeInviteCreatedSchema,
  JudgeSchema,
  ResultsResponse,
  RoundDto,
  RoundList,
  RoundProgress,
  VoteSchema,
} from '@shared/contracts/contest';
import type { Campaign } from './types';

/*
 * Art contests (书画摄影大赛) as the front ends read them: the shapes the API answers with,
 * the campaign's contest settings with their defaults, and the few rules a page needs to
 * decide what to offer (is submitting or voting open now?). Type-only and tiny: no valibot.
 */

export type { EntryStatus, EntryDto as Entry, ResultDto as ResultItem, AssignmentDto as Assignment } from '@shared/contracts/contest';
export type Results = InferOutput<typeof ResultsResponse>;
export type Criterion = RoundDto['criteria'][number];
export type Judge = InferOutput<typeof JudgeSchema>;
export type JudgeProgress = InferOutput<typeof RoundProgress>;
export type Round = InferOutput<typeof RoundList>['items'][number];
export type Vote = InferOutput<typeof VoteSchema>;
export type JudgeInviteCreated = InferOutput<typeof JudgeInviteCreatedSchema>;

export interface Award {
  name: string;
  count: number;
}

export interface ContestConfig {
  categories: string[];
  entriesPerPerson: number;
  votesPerDay: number;
  showVoteCounts: boolean;
  judgeWeight: number;
  minLongEdge: Record<string, number>;
  maxPixels: number;
  submissionEndsAt: string | null;
  votingStartsAt: string | null;
  votingEndsAt: string | null;
  awards: Award[];
  /** prizes per category (书法, 绘画, 摄影 each their own); empty: the overall list */
  awardsByCategory: Record<string, Award[]>;
  resultsPublished: boolean;
}

/** The API's limits on an upload (shared/contracts/contest.ts). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_DERIVED_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const DEFAULTS: ContestConfig = {
  categories: ['书法', '绘画', '摄影'],
  entriesPerPerson: 3,
  votesPerDay: 5,
  showVoteCounts: true,
  judgeWeight: 0.7,
  minLongEdge: { 摄影: 1200 },
  maxPixels: 40_000_000,
  submissionEndsAt: null,
  votingStartsAt: null,
  votingEndsAt: null,
  awards: [
    { name: '一等奖', count: 1 },
    { name: '二等奖', count: 2 },
    { name: '三等奖', count: 3 },
    { name: '优秀奖', count: 5 },
  ],
  awardsByCategory: {},
  resultsPublished: false,
};

const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const isAward = (a: unknown): a is Award => !!a && typeof a === 'object' && isStr((a as Award).name) && isNum((a as Award).count);
function awardLists(x: unknown): Record<string, Award[]> {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return {};
  return Object.fromEntries(
    Object.entries(x as Record<string, unknown>)
      .filter(([, l]) => Array.isArray(l))
      .map(([k, l]) => [k, (l as unknown[]).filter(isAward)]),
  );
}

/** The contest settings of a campaign; anything missing or odd falls back to the API's default. */
export function contestConfig(c: Pick<Campaign, 'settings'>): ContestConfig {
  const s = (c.settings ?? {}) as Record<string, unknown>;
  const edges = s.minLongEdge && typeof s.minLongEdge === 'object' ? (s.minLongEdge as Record<string, unknown>) : null;
  return {
    categories: Array.isArray(s.categories) && s.categories.every(isStr) && s.categories.length ? s.categories : DEFAULTS.categories,
    entriesPerPerson: isNum(s.entriesPerPerson) ? s.entriesPerPerson : DEFAULTS.entriesPerPerson,
    votesPerDay: isNum(s.votesPerDay) ? s.votesPerDay : DEFAULTS.votesPerDay,
    showVoteCounts: typeof s.showVoteCounts === 'boolean' ? s.showVoteCounts : DEFAULTS.showVoteCounts,
    judgeWeight: isNum(s.judgeWeight) ? s.judgeWeight : DEFAULTS.judgeWeight,
    minLongEdge: edges ? Object.fromEntries(Object.entries(edges).filter((e): e is [string, number] => isNum(e[1]))) : DEFAULTS.minLongEdge,
    maxPixels: isNum(s.maxPixels) ? s.maxPixels : DEFAULTS.maxPixels,
    submissionEndsAt: isStr(s.submissionEndsAt) ? s.submissionEndsAt : null,
    votingStartsAt: isStr(s.votingStartsAt) ? s.votingStartsAt : null,
    votingEndsAt: isStr(s.votingEndsAt) ? s.votingEndsAt : null,
    awards: Array.isArray(s.awards)
      ? (s.awards as unknown[]).filter((a): a is Award => !!a && typeof a === 'object' && isStr((a as Award).name) && isNum((a as Award).count))
      : DEFAULTS.awards,
    awardsByCategory: awardLists(s.awardsByCategory),
    resultsPublished: s.resultsPublished === true,
  };
}

export interface ContestWindows {
  submitFrom: string;
  submitUntil: string;
  voteFrom: string;
  voteUntil: string;
}

/** When submitting and voting are open; null settings mean the campaign's own dates. */
export function windowsOf(c: Pick<Campaign, 'startsAt' | 'endsAt' | 'settings'>): ContestWindows {
  const s = contestConfig(c);
  return {
    submitFrom: c.startsAt,
    submitUntil: s.submissionEndsAt ?? c.endsAt,
    voteFrom: s.votingStartsAt ?? c.startsAt,
    voteUntil: s.votingEndsAt ?? c.endsAt,
  };
}

export type WindowState = 'before' | 'open' | 'after';

function stateOf(status: string, from: string, until: string, now: number): WindowState {
  if (status === 'closed') return 'after';
  if (status !== 'published') return 'before';
  if (now < Date.parse(from)) return 'before';
  if (now >= Date.parse(until)) return 'after';
  return 'open';
}

/** Whether entries are accepted now (as the API decides it). */
export function submitState(c: Campaign, now = Date.now()): WindowState {
  const w = windowsOf(c);
  return stateOf(c.status, w.submitFrom, w.submitUntil, now);
}

/** Whether votes are accepted now (as the API decides it). */
export function voteState(c: Campaign, now = Date.now()): WindowState {
  const w = windowsOf(c);
  return stateOf(c.status, w.voteFrom, w.voteUntil, now);
}

/** Results are public once the contest is closed or the organizers publish them. */
export function resultsPublic(c: Campaign): boolean {
  return c.status === 'closed' || contestConfig(c).resultsPublished;
}

/** The calendar day in China (UTC+8), as the API counts daily votes: the API's own rule. */
export { chinaDay } from '@shared/i18n';

/** A fresh id for one upload attempt: a retry with it never makes a second entry. */
export function newUploadId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'up-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Results by rank, best first; works not fully scored (no rank) last. */
export const byRank = (a: ResultItem, b: ResultItem): number => (a.rank ?? 1e9) - (b.rank ?? 1e9);

/** Sorts results into award groups in the order the settings list them; unknown awards after. */
export function groupByAward(items: ResultItem[], awards: Award[]): { award: string; items: ResultItem[] }[] {
  const order = awards.map((a) => a.name);
  const groups = new Map<string, ResultItem[]>();
  for (const it of [...items].sort(byRank)) {
    if (!it.award) continue;
    groups.set(it.award, [...(groups.get(it.award) ?? []), it]);
  }
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([award, list]) => ({ award, items: list }));
}

/** 0.7 → "70%"; scores with one decimal. */
export function fmtScore100(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? (Math.round(n * 10) / 10).toString() : '—';
}

/** Bytes as KB / MB. */
export function fmtBytes(n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
