import type { InferOutput } from 'valibot';
import type { BoardEntry as BoardEntrySchema, BoardResponse, MeBoardResponse } from '@shared/contracts/leaderboards';
import type { CampaignKind } from '@shared/kinds';
import { lang } from './i18n/lang';
import { kt } from './i18n/kit';
import type { Campaign } from './types';

/*
 * What both apps need to show a leaderboard: the shapes (type-only, no valibot in the
 * bundles), which kinds rank, and how a score reads. Small on purpose: the portal's first
 * page imports it for the 排行 tab; the live machinery is in live-board.ts.
 */

export type BoardEntry = InferOutput<typeof BoardEntrySchema>;
export type Board = InferOutput<typeof BoardResponse>;
export type MeBoard = InferOutput<typeof MeBoardResponse>;
export type Scope = Board['scope'];
export type ScoreUnit = Board['scoreUnit'];
export type Aggregation = 'average' | 'sum' | 'participation';

/** Kinds whose campaigns have leaderboards (API.md, Leaderboards); exhibitions do not rank. */
export const RANKING_KINDS: readonly CampaignKind[] = ['quiz', 'contest', 'volunteer', 'drive', 'training'];
export const isRanking = (kind: CampaignKind): boolean => RANKING_KINDS.includes(kind);

const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {});

/** How org units rank: `settings.leaderboard.aggregation` (drives: `settings.aggregation`), with the schema's defaults. */
export function aggregationOf(c: Pick<Campaign, 'kind' | 'settings'>): Aggregation {
  const s = obj(c.settings);
  const v = c.kind === 'drive' ? s.aggregation : obj(s.leaderboard).aggregation;
  return v === 'sum' || v === 'participation' || v === 'average' ? v : c.kind === 'drive' ? 'sum' : 'average';
}

/** `settings.embed.allowedOrigins`, [] when unset. */
export function allowedOriginsOf(c: Pick<Campaign, 'settings'>): string[] {
  const list = obj(obj(c.settings).embed).allowedOrigins;
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
}

function num(n: number, digits = 2): string {
  return new Intl.NumberFormat(lang(), { maximumFractionDigits: digits }).format(n);
}

/** Money travels in fen; boards show whole yuan when there are no cents (¥400, ¥12.50). */
export function fmtMoney(fen: number): string {
  return new Intl.NumberFormat(lang(), {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: fen % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/**
 * A score as people read it: points, votes, hours, yuan (from fen). An org board scored by
 * participation shows a percentage whatever the unit.
 */
export function fmtScore(score: number, unit: ScoreUnit, scope: Scope = 'individual', aggregation: Aggregation = 'average'): string {
  if (!Number.isFinite(score)) return '—';
  if (scope === 'org' && aggregation === 'participation') return kt('score.percent', { n: num(score, 1) });
  switch (unit) {
    case 'fen':
      return fmtMoney(score);
    case 'hours':
      return kt('score.hours', { n: num(score, 1) });
    case 'votes':
      return kt('score.votes', { n: num(score) });
    default:
      return kt('score.points', { n: num(score) });
  }
}

/** One sentence on how the org board ranks units (under the 组织 tab). */
export function aggregationText(a: Aggregation, unit: ScoreUnit): string {
  if (a === 'participation') return kt('agg.participation');
  if (a === 'sum') return kt(unit === 'fen' ? 'agg.sumMoney' : 'agg.sum');
  return kt('agg.average');
}

export function boardApi(idOrSlug: string, sub = ''): string {
  return `/campaigns/${encodeURIComponent(idOrSlug)}/leaderboard${sub}`;
}

/** "16:26:03" when it is today, else the date and time. */
export function fmtUpdated(iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime()) || d.getTime() <= 0) return '—';
  const today = new Date().toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(
    lang(),
    today
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
      : { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
  ).format(d);
}
