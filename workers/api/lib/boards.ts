import type { Context } from 'hono';
import type { AppEnv, Db } from './env';
import { ApiError } from './errors';
import { canManagePath } from './authz';
import type { CampaignRecord } from '../../../db/queries/campaigns';
import { scoreStatements, storedScores, type ScoreInput, type ScoreMode } from '../../../db/queries/leaderboards';
import { writeBatch, type Stmt } from '../../../db/queries/util';
import { anonymousBoardKeyOf, boardKeyOf } from '../../../shared/board-key';
import { RANKING_KINDS } from '../../../shared/contracts/leaderboards';
import type { Aggregation } from '../../../shared/ranking';
import type { Leaderboard } from '../../realtime/leaderboard';
import type { Audience, BoardContext } from '../../realtime/leaderboard-types';

/** One board per campaign and stage (`main` where a campaign has no stages). */
export const boardIdOf = (campaignId: string, stage?: string) => `${campaignId}:${stage ?? 'main'}`;

export function boardContext(c: CampaignRecord, stage?: string): BoardContext {
  const s = c.settings as { leaderboard?: { aggregation?: Aggregation }; aggregation?: string };
  // Drives rank units by their own `aggregation` (sum of verified amounts or participation).
  const aggregation =
    (c.kind === 'drive' && (s.aggregation === 'sum' || s.aggregation === 'participation') ? s.aggregation : s.leaderboard?.aggregation) ?? 'average';
  const scoreUnit = ({ quiz: 'points', contest: 'votes', volunteer: 'hours', drive: 'fen', training: 'hours' } as const)[c.kind as 'quiz'] ?? 'points';
  return {
    boardId: boardIdOf(c.id, stage),
    campaignId: c.id,
    orgPath: c.orgPath,
    aggregation,
    final: c.status === 'closed',
    scoreUnit,
    maskNames: c.kind !== 'contest',
  };
}

export function boardStub(env: Env, boardId: string) {
  // `wrangler types` leaves the namespace untyped; the class is ours, so name it here.
  const ns = env.LEADERBOARD as unknown as DurableObjectNamespace<Leaderboard>;
  return ns.get(ns.idFromName(boardId));
}

/** A campaign that ranks, as this viewer may see it: hidden boards are 404 to the public. */
export function rankingAccess(c: Context<AppEnv>, campaign: CampaignRecord): Audience {
  if (!(RANKING_KINDS as readonly string[]).includes(campaign.kind)) throw new ApiError('not_found', 'msg.not_ranking');
  const manager = canManagePath(c.var.viewer, campaign.orgPath);
  if (!manager && (campaign.settings as { leaderboard?: { hidden?: boolean } }).leaderboard?.hidden) throw new ApiError('not_found');
  return manager ? 'organizer' : 'public';
}

/**
 * The deployment's board-key secret (`wrangler secret put BOARD_KEY_SECRET`; local runs and
 * tests get a dev value from scripts/server.mjs and vitest.config.ts). Without it boards
 * would have to fall back to something guessable, so a deployment missing it refuses
 * board writes and "my rank" (503) instead of publishing linkable keys. It also keys the
 * stand-in ids of imported people without an account (db/queries/history.ts `standInId`).
 */
export function boardSecret(env: Env): string {
  const secret = (env as unknown as { BOARD_KEY_SECRET?: string }).BOARD_KEY_SECRET;
  if (!secret) {
    console.error('BOARD_KEY_SECRET is not set: run `wrangler secret put BOARD_KEY_SECRET` (see README, deploying)');
    throw new ApiError('unavailable');
  }
  return secret;
}

/** A person's key on a campaign's boards (shared/board-key.ts): the one place it is computed. */
export function boardKey(env: Env, campaignId: string, userId: string): Promise<string> {
  return boardKeyOf(boardSecret(env), campaignId, userId);
}

/** The key of a person's anonymous giving in a campaign (drive pledges marked anonymous). */
export function anonymousBoardKey(env: Env, campaignId: string, userId: string): Promise<string> {
  return anonymousBoardKeyOf(boardSecret(env), campaignId, userId);
}

/** A board write prepared for a module's batch: `stmts` go in (last), `notifyBoard` takes their results to the board's object. */
export interface BoardWrite {
  ctx: BoardContext;
  entries: ScoreInput[];
  stmts: Stmt[];
}

/**
 * The one way modules earn board scores: the statements for `leaderboard_scores` that go
 * into the same D1 batch as the write that earns them (a vote, a verified pledge, approved
 * hours, a quiz answer), so the two land together or not at all. An entry's `when` makes
 * it conditional on something the batch did (e.g. its activity row was written by this batch).
 */
export function boardScoreStatements(db: Db, campaign: CampaignRecord, mode: ScoreMode, entries: ScoreInput[], stage?: string): BoardWrite {
  const ctx = boardContext(campaign, stage);
  return { ctx, entries, stmts: scoreStatements(db, ctx.boardId, campaign.id, mode, entries) };
}

/**
 * After the batch committed: pushes the rows as D1 now holds them to the board's object.
 * `results` are the batch results of `write.stmts` (or of any statements returning board rows). D1 is the truth and each row
 * carries its whole state and version, so an object that misses this update is put right by
 * the next write of the same entry, or by its rebuild from D1; a failure here must not turn
 * a committed write into an error for the caller.
 */
export async function notifyBoard(env: Env, db: Db, write: Pick<BoardWrite, 'ctx'> & { entries?: ScoreInput[] }, results: D1Result[]): Promise<void> {
  try {
    const rows = await storedScores(db, write.entries ?? [], results);
    if (rows.length) await boardStub(env, write.ctx.boardId).apply(write.ctx, rows);
  } catch (e) {
    console.error('board update not delivered (D1 has it; the board catches up on the next write or rebuild)', write.ctx.boardId, e);
  }
}

/**
 * `notifyBoard` after the response: for a write whose caller waits on nothing the board says
 * (a check-in in a room of 500 phones). D1 already holds the score; the board's object hears of
 * it a moment later, in order with every other update it receives.
 */
export function notifyBoardAfter(c: Context<AppEnv>, write: Pick<BoardWrite, 'ctx'> & { entries?: ScoreInput[] }, results: D1Result[]) {
  const work = notifyBoard(c.env, c.var.db, write, results);
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // no execution context (a direct app.request in a unit test): the promise runs on its own
  }
}

/** Scores that are a write of their own (organizers' imports): the batch is just the score statements. */
export async function recordScores(env: Env, db: Db, campaign: CampaignRecord, mode: ScoreMode, entries: ScoreInput[], stage?: string) {
  const write = boardScoreStatements(db, campaign, mode, entries, stage);
  const results = await writeBatch(db, write.stmts);
  await notifyBoard(env, db, write, results);
  return entries.length;
}
