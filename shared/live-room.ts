import * as v from 'valibot';

/**
 * Live quiz rooms (现场竞赛) and matches (双人对战 / 四人赛): the messages the QuizRoom
 * Durable Object, the portal and the console exchange, and the pure rules of a room
 * (scores, phases, ranks, match points). Browser-safe; unit-tested in test/unit/live-room.
 */

export const ROOM_PHASES = ['lobby', 'question', 'reveal', 'ended'] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];
export const MATCH_SIZES = [2, 4] as const;
export type MatchSize = (typeof MATCH_SIZES)[number];

/** An answer as a player sends it: an option key, keys, true/false or a blank's text. */
const AnswerValue = v.union([v.pipe(v.string(), v.maxLength(200)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(8))), v.maxLength(8)), v.boolean()]);

/** What clients send over the socket; anything else is ignored (and counted as flooding). */
export const LiveClientMessage = v.variant('type', [
  v.strictObject({ type: v.literal('join'), role: v.picklist(['player', 'host', 'screen']) }),
  v.strictObject({ type: v.literal('answer'), questionId: v.pipe(v.string(), v.maxLength(40)), answer: AnswerValue }),
  v.strictObject({ type: v.literal('start') }),
  v.strictObject({ type: v.literal('next') }),
  v.strictObject({ type: v.literal('reveal') }),
  v.strictObject({ type: v.literal('end') }),
]);
export type LiveClientMessage = v.InferOutput<typeof LiveClientMessage>;
export type HostCommand = Extract<LiveClientMessage, { type: 'start' | 'next' | 'reveal' | 'end' }>['type'];

export interface LiveQuestion {
  id: string;
  type: 'single' | 'multiple' | 'judge' | 'blank';
  stem: string;
  options: Array<{ key: string; text: string }>;
}
export interface TopEntry {
  rank: number;
  name: string;
  score: number;
  unit?: string | null;
}
export interface TeamEntry {
  rank: number;
  name: string;
  score: number;
  players: number;
}

/** The room as everyone sees it; `you` only on a player's copy. Fields appear as the phase has them. */
export interface LiveState {
  type: 'state';
  kind: 'room' | 'match';
  title: string;
  /** a room's PIN (the 大屏 shows it with the QR); null for matches */
  pin?: string | null;
  phase: RoomPhase;
  players: number;
  index: number;
  total: number;
  /** the question being asked (never its answer) */
  question?: LiveQuestion | null;
  /** ISO time the answers close: clients count down to it with their own clock offset */
  deadline?: string | null;
  /** server time of this message, so a phone whose clock is off still counts down right */
  now: string;
  answered?: number;
  /** how many chose each option (or right/wrong for blanks) — at reveal */
  distribution?: Record<string, number>;
  correctAnswer?: unknown;
  top?: TopEntry[];
  teams?: TeamEntry[];
  you?: { score: number; rank: number; correct: boolean | null; answered: boolean };
  /** which role this socket joined as, so one page can tell if it may host */
  role?: 'player' | 'host' | 'screen';
}

export type LiveServerMessage =
  | LiveState
  | { type: 'answered'; accepted: boolean; correct?: boolean; points?: number; reason?: 'late' | 'again' | 'not_asked' | 'shape' }
  | { type: 'error'; reason: 'not_allowed' | 'sign_in' | 'not_joined' | 'full' | 'bad_message' };

// ---- rules --------------------------------------------------------------------------------

/** An answer arriving this long after the deadline (network) still counts, with no time bonus. */
export const LIVE_GRACE_MS = 400;
/** A room holds this many players (a hall). */
export const ROOM_CAPACITY = 2000;
/** Matches show the answer this long before moving on. */
export const MATCH_REVEAL_MS = 3000;
/** Matches start this long after pairing, or as soon as everyone is in. */
export const MATCH_START_MS = 8000;
/** How long a match ticket waits for partners before it says `timeout`. */
export const MATCH_WAIT_MS = 30_000;
export const MATCH_QUESTIONS = 5;
export const MATCH_SECONDS = 15;

/** A correct answer scores 500 + 500 × the share of time left, rounded; a wrong one 0. */
export function answerScore(correct: boolean, shownAt: number, deadline: number, at: number): number {
  if (!correct) return 0;
  const span = deadline - shownAt;
  const left = span > 0 ? Math.min(1, Math.max(0, (deadline - at) / span)) : 0;
  return Math.round(500 + 500 * left);
}

/** Is an answer at `at` still in time for a question closing at `deadline`? */
export const answerInTime = (deadline: number, at: number) => at <= deadline + LIVE_GRACE_MS;

/**
 * What a host command does in a phase: the phase it leads to (and the question index), or
 * null when it makes no sense now (a second `start`, `next` in the lobby) and is ignored.
 */
export function applyCommand(s: { phase: RoomPhase; index: number; total: number }, cmd: HostCommand): { phase: RoomPhase; index: number } | null {
  switch (cmd) {
    case 'start':
      return s.phase === 'lobby' && s.total > 0 ? { phase: 'question', index: 0 } : null;
    case 'reveal':
      return s.phase === 'question' ? { phase: 'reveal', index: s.index } : null;
    case 'next':
      if (s.phase === 'question') return { phase: 'reveal', index: s.index };
      if (s.phase !== 'reveal') return null;
      return s.index + 1 < s.total ? { phase: 'question', index: s.index + 1 } : { phase: 'ended', index: s.index };
    case 'end':
      return s.phase === 'ended' ? null : { phase: 'ended', index: s.index };
  }
}

export interface Ranked {
  id: string;
  score: number;
  msTotal: number;
  joinedAt: number;
}

/** Ranks by score, then less time spent on right answers, then who joined first; ties in score and time share a rank. */
export function rankPlayers<T extends Ranked>(players: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...players].sort((a, b) => b.score - a.score || a.msTotal - b.msTotal || a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
  let rank = 0;
  return sorted.map((p, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.score !== p.score || prev.msTotal !== p.msTotal) rank = i + 1;
    return { ...p, rank };
  });
}

/** Units as teams: each unit's average score over its players in the room, best first. */
export function rankTeams(players: ReadonlyArray<{ unitName: string | null; score: number }>): TeamEntry[] {
  const by = new Map<string, { sum: number; n: number }>();
  for (const p of players) {
    if (!p.unitName) continue;
    const t = by.get(p.unitName) ?? { sum: 0, n: 0 };
    t.sum += p.score;
    t.n++;
    by.set(p.unitName, t);
  }
  const teams = [...by]
    .map(([name, t]) => ({ name, score: Math.round(t.sum / t.n), players: t.n }))
    .sort((a, b) => b.score - a.score || b.players - a.players || a.name.localeCompare(b.name));
  let rank = 0;
  return teams.map((t, i) => {
    if (i === 0 || teams[i - 1]!.score !== t.score) rank = i + 1;
    return { ...t, rank };
  });
}

/** A six-digit PIN from a random 32-bit number (never a leading zero, so it reads as six digits). */
export const pinOf = (random: number) => String(100000 + (random % 900000));

/**
 * Match points as 学习强国 counts them: in 双人对战 the winner 2 and the other 1; in
 * 四人赛 first 3, second and third 2, last 1; nothing for a player who answered nothing.
 */
export function matchPoints(size: MatchSize, rank: number, answered: number): number {
  if (answered <= 0) return 0;
  const table = size === 2 ? [2, 1] : [3, 2, 2, 1];
  return table[Math.min(rank, size) - 1] ?? 1;
}

/** Match points count only up to a daily cap per campaign (today's earlier match points count against it). */
export const MATCH_DAILY_CAP: Record<MatchSize, number> = { 2: 2, 4: 5 };
export function cappedMatchPoints(size: MatchSize, earned: number, earnedToday: number): number {
  return Math.max(0, Math.min(earned, MATCH_DAILY_CAP[size] - earnedToday));
}

/** How many chose each option of a question: option keys for choices, "true"/"false", or right/wrong for blanks. */
export function distributionOf(type: LiveQuestion['type'], answers: ReadonlyArray<{ answer: unknown; correct: boolean }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const keys = type === 'blank' ? [a.correct ? 'right' : 'wrong'] : Array.isArray(a.answer) ? a.answer.map(String) : [String(a.answer)];
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** A client's clock offset from a state message: add it to Date.now() to get the server's time. */
export const clockOffset = (serverNow: string, localNow: number) => Date.parse(serverNow) - localNow;

/** Seconds left to a deadline, never negative. */
export function secondsLeft(deadline: string | null | undefined, serverNow: number): number {
  if (!deadline) return 0;
  return Math.max(0, Math.ceil((Date.parse(deadline) - serverNow) / 1000));
}
