import type { BoardDto } from '../../shared/contracts/leaderboards';
import type { Aggregation, BoardEntry } from '../../shared/ranking';

/** The types of a leaderboard Durable Object's calls (leaderboard.ts): its context, what a reader asks and what it gets. */
export type Scope = 'individual' | 'org';
/** What a reader may see: the public sees the frozen board while it is frozen, organizers always the live one. */
export type Audience = 'public' | 'organizer';

export interface BoardContext {
  boardId: string;
  campaignId: string;
  orgPath: string;
  aggregation: Aggregation;
  final: boolean;
  /** what a score counts, so widgets can format it (fen are shown as yuan) */
  scoreUnit: ScoreUnit;
  /** boards of people mask names for the public; boards of works (contest entries) show titles */
  maskNames: boolean;
}
export type ScoreUnit = BoardResponse['scoreUnit'];
/** `level`: org scope only — rank the units that many levels below the campaign's unit, each by its whole subtree */
export interface ReadOptions {
  scope: Scope;
  audience: Audience;
  offset: number;
  limit: number;
  level?: number | undefined;
}

/** The response of GET /leaderboard, also the body of live messages: the contract's (shared/contracts/leaderboards). */
export type BoardResponse = BoardDto;
export interface MeResponse {
  rank: number | null;
  score: number | null;
  total: number;
  around: BoardEntry[];
}

/** What a live viewer's socket carries (hibernation attachment). */
export interface SocketInfo {
  scope: Scope;
  audience: Audience;
  limit: number;
  hits: number;
  windowStart: number;
}
