import type { Context } from 'hono';
import type { AppEnv, Db } from './env';
import { ApiError } from './errors';
import { canManagePath } from './authz';
import type { CampaignRecord } from '../../../db/queries/campaigns';
import { scoreStatements, storedScores, upsertScores, type ScoreInput, type ScoreMode } from '../../../db/queries/leaderboards';
import type { Stmt } from '../../../db/queries/util';
import { RANKING_KINDS } from '../../../shared/contracts/leaderboards';
import type { Aggregation } from '../../../shared/ranking';
import type { Audience, BoardContext, Leaderboard } from '../../realtime/leaderboard';

/** One board per campaign and stage (`main` where a campaign has no stages). */
export const boardIdOf = (campaignId: string, stage?: string) => `${campaignId}:${stage ?? 'main'}`;

export function boardContext(c: CampaignRecord, stage?: string): BoardContext {
  const s = c.settings as { leaderboard?: { aggregation?: Aggregation }; aggregation?: string };
  // Drives rank units by their own `aggregation` (sum of verified amounts or participation).
  const aggregation = (c.kind === 'drive' && (s.aggregation === 'sum' || s.aggregation === 'participation') ? s.aggregation : s.leaderboard?.aggregation) ?? 'average';
  const scoreUnit = ({ quiz: 'points', contest: 'votes', volunteer: 'hours', drive: 'fen' } as const)[c.kind as 'quiz'] ?? 'points';
  return { boardId: boardIdOf(c.id, stage), campaignId: c.id, orgPath: c.orgPath, aggregation, final: c.status === 'closed', scoreUnit, maskNames: c.kind !== 'contest' };
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
 * The one way modules put scores on a board: the durable record in D1 first (adds
 * accumulate in SQL, so nothing is lost under concurrency), then the board's object.
 */
export async function recordScores(env: Env, db: Db, campaign: CampaignRecord, mode: ScoreMode, entries: ScoreInput[], stage?: string) {
  const ctx = boardContext(campaign, stage);
  const rows = await upsertScores(db, ctx.boardId, campaign.id, mode, entries);
  await boardStub(env, ctx.boardId).apply(ctx, rows);
  return rows.length;
}

/**
 * A score write folded into a module's own batch, so the module's record and the board's
 * durable record land together (or not at all): `stmts` go into the batch, and `publish`
 * takes their results to the board's object.
 */
export function scoreWrite(db: Db, campaign: CampaignRecord, mode: ScoreMode, entries: ScoreInput[], stage?: string) {
  const ctx = boardContext(campaign, stage);
  const stmts: Stmt[] = scoreStatements(db, ctx.boardId, campaign.id, mode, entries);
  return {
    stmts,
    async publish(env: Env, results: D1Result[]) {
      await boardStub(env, ctx.boardId).apply(ctx, await storedScores(db, entries, results));
    },
  };
}
