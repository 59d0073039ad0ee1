import * as v from 'valibot';
import type { Context } from 'hono';
import type { AppEnv, Viewer } from './env';
import { ApiError } from './errors';
import { boardKey, boardScoreStatements, notifyBoard } from './boards';
import { QuizSettings } from '../../../shared/contracts/campaigns';
import { publicQuestion, type QuestionCore } from '../../../shared/quiz';
import { chinaDay } from '../../../shared/china-time';
import { attemptState, endsAttempt, tiebreakSeconds, type AttemptState } from '../../../shared/quiz-play';
import { getCampaign, type CampaignRecord } from '../../../db/queries/campaigns';
import { memberUnits } from '../../../db/queries/leaderboards';
import { expireAttempt, getAttempt, recordAnswer, type AttemptRow } from '../../../db/queries/quiz';
import { listStages } from '../../../db/queries/quiz-stages';

/*
 * What the quiz routes share about an attempt in play: its settings, how it is shown, its
 * board write, and how an interrupted one is settled (shared/quiz-play `attemptState`)
 * before it is served, resumed or read.
 */

export type QuizConfig = v.InferOutput<typeof QuizSettings>;
export type Stage = Awaited<ReturnType<typeof listStages>>[number];
type Player = Viewer | { id: string; name: string };

/** A stage's settings laid over its campaign's. */
export function effectiveSettings(campaign: CampaignRecord, stage: Stage | null): QuizConfig {
  return v.parse(QuizSettings, { ...(campaign.settings as object), ...(stage?.settings ?? {}) });
}

/**
 * An attempt as its player sees it: the current question and its deadline only once served
 * (while `served` is false the player is reading feedback and asks for the next question).
 */
export function attemptView(a: AttemptRow, q: (QuestionCore & { id: string }) | null, s: QuizConfig) {
  const shown = a.status === 'active' && a.served;
  return {
    id: a.id,
    campaignId: a.campaignId,
    stage: a.stageId,
    status: a.status,
    mode: a.mode,
    index: a.current,
    total: a.questionIds.length,
    served: shown,
    question: shown && q ? publicQuestion(q) : null,
    deadline: shown ? new Date(a.deadline).toISOString() : null,
    secondsPerQuestion: s.secondsPerQuestion,
    correct: a.correct,
    score: a.score,
    points: a.points,
  };
}

export async function attemptContext(c: Context<AppEnv>, a: AttemptRow) {
  const [campaign, stages] = await Promise.all([
    getCampaign(c.var.db, a.campaignId),
    a.stageId === 'main' ? Promise.resolve([]) : listStages(c.var.db, a.campaignId),
  ]);
  if (!campaign) throw new ApiError('not_found');
  const stage = stages.find((s) => s.id === a.stageId) ?? null;
  return { campaign, stage, settings: effectiveSettings(campaign, stage) };
}

/** The participant's member unit: from the session when it has it (no query on the hot path). */
async function unitOf(c: Context<AppEnv>, viewer: { id: string }) {
  const m = c.var.viewer?.id === viewer.id ? c.var.viewer.memberships.find((x) => x.role === 'member') : undefined;
  if (m) return { id: m.orgUnitId, name: m.orgUnitName };
  const id = (await memberUnits(c.var.db, [viewer.id])).get(viewer.id) ?? null;
  return id ? { id, name: null } : null;
}

/**
 * The board write of an attempt, for the same batch as the answer that earns it: a daily
 * quiz adds the points; a finished round or challenge keeps the participant's best score,
 * then least time. Null when the answer changes nothing on the board.
 */
export async function attemptScore(
  c: Context<AppEnv>,
  viewer: Player,
  campaign: CampaignRecord,
  a: { mode: string; stageId: string },
  r: { finished: boolean; score: number; msUsed: number; points: number },
) {
  const daily = a.mode === 'daily';
  if (daily ? r.points <= 0 : !r.finished) return null;
  const unit = await unitOf(c, viewer);
  const entry = {
    key: await boardKey(c.env, campaign.id, viewer.id),
    userId: viewer.id,
    name: viewer.name,
    orgUnitId: unit?.id ?? null,
    orgUnitName: unit?.name ?? null,
  };
  const stage = a.stageId === 'main' ? undefined : a.stageId;
  return daily
    ? boardScoreStatements(c.var.db, campaign, 'add', [{ ...entry, score: r.points, tiebreak: 0 }], stage)
    : boardScoreStatements(c.var.db, campaign, 'best', [{ ...entry, score: r.score, tiebreak: tiebreakSeconds(r.msUsed) }], stage);
}

/** Where the attempt stands now (see shared/quiz-play). */
export const stateOf = (a: AttemptRow, now = Date.now()): AttemptState => attemptState(a, now, chinaDay(now));

/** Ends an attempt left from an earlier day (what was answered counts) and ranks it, once. */
async function expire(c: Context<AppEnv>, a: AttemptRow, campaign: CampaignRecord, viewer: Player) {
  const score = await attemptScore(c, viewer, campaign, a, { finished: true, score: a.score, msUsed: a.msUsed, points: 0 });
  const res = await expireAttempt(c.var.db, a, 'quiz', score?.stmts);
  if (res && score) await notifyBoard(c.env, c.var.db, score, res);
}

/**
 * The clock ran out on a served question while nobody answered (a call, a lost signal, a
 * sleeping phone): it counts as wrong, as a late answer would, and the attempt waits for the
 * player to ask for the next question. A challenge ends on it. Whichever request gets here
 * first records it; the others change nothing.
 */
async function timeOut(c: Context<AppEnv>, a: AttemptRow, campaign: CampaignRecord, s: QuizConfig, viewer: Player) {
  const idx = a.current;
  const finished = endsAttempt(idx, a.questionIds.length, a.mode, false);
  const msTaken = s.secondsPerQuestion * 1000;
  const score = await attemptScore(c, viewer, campaign, a, { finished, score: a.score, msUsed: a.msUsed + msTaken, points: 0 });
  const res = await recordAnswer(c.var.db, {
    attempt: a,
    idx,
    questionId: a.questionIds[idx]!,
    answer: null,
    correct: false,
    late: true,
    msTaken,
    points: 0,
    finishPoints: 0,
    flag: false,
    finished,
    kind: 'quiz',
    also: score?.stmts,
  });
  if (res && score) await notifyBoard(c.env, c.var.db, score, res);
}

/**
 * Settles an active attempt of its own player before it is served or resumed: a run-out
 * question is counted as timed out, an attempt from an earlier day is ended. Returns the
 * attempt as it stands afterwards.
 */
export async function settle(c: Context<AppEnv>, a: AttemptRow, campaign: CampaignRecord, s: QuizConfig, viewer: Player): Promise<AttemptRow> {
  if (a.status !== 'active' || a.userId !== viewer.id) return a;
  const state = stateOf(a);
  if (state === 'expired') await expire(c, a, campaign, viewer);
  else if (state === 'timed_out') await timeOut(c, a, campaign, s, viewer);
  else return a;
  return (await getAttempt(c.var.db, a.id)) ?? a;
}
