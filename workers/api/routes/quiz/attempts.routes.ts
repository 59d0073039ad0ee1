import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, requireManage, requireViewer } from '../../lib/authz';
import { newId, nowIso } from '../../../../db/ids';
import { boardContext, boardKey, boardStub, notifyBoard } from '../../lib/boards';
import { Id } from '../../../../shared/contracts/common';
import {
  ActiveAttemptResponse,
  AnswerBody,
  AnswerResponse,
  AttemptResponse,
  AttemptView,
  NextQuestionResponse,
  QuizLobby,
  ReviewAttemptBody,
  ReviewAttemptResponse,
  StartAttemptBody,
} from '../../../../shared/contracts/quiz';
import { answerShapeOk, drawQuestions, isCorrect, publicQuestion } from '../../../../shared/quiz';
import { chinaDay } from '../../../../shared/i18n';
import { secondsToNextDay } from '../../../../shared/china-time';
import {
  answerPoints,
  answerTime,
  attemptLimitReached,
  attemptsLeftToday,
  canResume,
  endsAttempt,
  isLate,
  openStage,
  stageOpenAt,
  tiebreakSeconds,
} from '../../../../shared/quiz-play';
import { storedScores } from '../../../../db/queries/leaderboards';
import { getCampaign } from '../../../../db/queries/campaigns';
import {
  activeAttempt,
  answerContext,
  answersOf,
  getAttempt,
  insertAttempt,
  questionsByIds,
  recordAnswer,
  reviewAttempt,
  startContext,
  usage,
  type AttemptRow,
} from '../../../../db/queries/quiz';
import { getQuestion, questionPool } from '../../../../db/queries/quiz-banks';
import { isAdmitted, listStages } from '../../../../db/queries/quiz-stages';
import { lastFinishedAttempt, serveQuestion } from '../../../../db/queries/quiz-flow';
import { visibleCampaign } from '../../lib/guards';
import { attemptContext, attemptScore, attemptView, effectiveSettings, settle, type Stage } from '../../lib/quiz-attempts';

export { effectiveSettings };

const crypto01 = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

/** Which stage a start is for: the one asked for, or the one open now. */
function resolveStage(stages: Stage[], stageId: string | undefined, now: number): Stage | null {
  if (!stages.length) {
    if (stageId && stageId !== 'main') throw new ApiError('not_found');
    return null;
  }
  const stage = stageId ? stages.find((s) => s.id === stageId) : openStage(stages, now);
  if (!stage) throw new ApiError(stageId ? 'not_found' : 'conflict', stageId ? undefined : 'msg.quiz_not_open');
  if (!stageOpenAt(stage, now)) throw new ApiError('conflict', 'msg.quiz_not_open');
  return stage;
}

export const quizCampaignRoutes = createApp()
  .post(
    '/:id/attempts',
    describeRoute({
      tags: ['Quiz'],
      summary:
        'Start an attempt: the first question (never its answer) and its deadline. Active attempt → 409 with it; not admitted → 403; attempts used up → 429.',
      responses: { 201: json(v.object({ attempt: AttemptView }), 'Started') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', StartAttemptBody),
    async (c) => {
      const viewer = requireViewer(c);
      const db = c.var.db;
      const now = Date.now();
      const day = chinaDay(now);
      // One round trip for the campaign and every check; a stage with banks of its own needs a second for its pool.
      const ctx = await startContext(db, c.req.valid('param').id, viewer.id, day);
      const campaign = ctx.campaign;
      // as visibleCampaign: a draft is 404 to anyone who may not manage it
      if (!campaign || (campaign.status === 'draft' && !canManagePath(viewer, campaign.orgPath))) throw new ApiError('not_found');
      if (campaign.kind !== 'quiz') throw new ApiError('not_found', 'msg.quiz_not_quiz');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (campaign.status !== 'published' || now < Date.parse(campaign.startsAt) || now >= Date.parse(campaign.endsAt))
        throw new ApiError('conflict', 'msg.quiz_not_open');
      const campaignSettings = effectiveSettings(campaign, null);
      const stage = resolveStage(ctx.stages, c.req.valid('json').stageId, now);
      const stageId = stage?.id ?? 'main';
      const s = effectiveSettings(campaign, stage);
      if (s.audience === 'members' && !ctx.member && !canManagePath(viewer, campaign.orgPath)) throw new ApiError('forbidden', 'msg.quiz_members_only');
      if (stage && stage.ord > 1 && !ctx.admitted.has(stage.id)) throw new ApiError('forbidden', 'msg.quiz_not_admitted');

      const found = ctx.active(stageId);
      // an attempt left from an earlier day ends here; one of today is to be resumed, not replaced
      const active = found && (await settle(c, found, campaign, s, viewer));
      if (active && active.status === 'active') {
        const q = active.served ? await getQuestion(db, active.questionIds[active.current]!) : null;
        throw new ApiError('conflict', 'msg.quiz_active', {}, undefined, {}, { attempt: attemptView(active, q ?? null, s) });
      }
      const used = ctx.usage(stageId);
      const limit = attemptLimitReached(used, s);
      if (limit === 'daily') throw new ApiError('rate_limited', 'msg.quiz_daily_limit', {}, undefined, { 'Retry-After': String(secondsToNextDay(now)) });
      if (limit === 'total') throw new ApiError('rate_limited', 'msg.quiz_total_limit');

      const sameBanks = s.bankIds.length === campaignSettings.bankIds.length && s.bankIds.every((b) => campaignSettings.bankIds.includes(b));
      const pool = sameBanks ? ctx.pool : await questionPool(db, s.bankIds);
      const n = s.mode === 'challenge' ? Math.min(pool.length, 100) : Math.min(pool.length, s.questionsPerAttempt);
      if (!n) throw new ApiError('conflict', 'msg.quiz_no_questions');
      const drawn = drawQuestions(pool, n, s.stratify, crypto01);
      // the first question is read while the attempt is written: it is shown only if the write wins
      const fresh: AttemptRow = {
        id: newId(),
        campaignId: campaign.id,
        stageId,
        userId: viewer.id,
        status: 'active',
        mode: s.mode,
        day,
        questionIds: drawn.map((q) => q.id),
        current: 0,
        served: true,
        shownAt: now,
        deadline: now + s.secondsPerQuestion * 1000,
        correct: 0,
        score: 0,
        msUsed: 0,
        points: 0,
        flags: 0,
        startedAt: nowIso(now),
        finishedAt: null,
        review: null,
        reviewReason: null,
        reviewedBy: null,
        reviewedAt: null,
      };
      const [row, first] = await Promise.all([insertAttempt(db, fresh), getQuestion(db, drawn[0]!.id)]);
      if (!row) {
        const winner = await activeAttempt(db, campaign.id, stageId, viewer.id);
        throw new ApiError(
          'conflict',
          'msg.quiz_active',
          {},
          undefined,
          {},
          winner ? { attempt: attemptView(winner, (await getQuestion(db, winner.questionIds[winner.current]!)) ?? null, s) } : undefined,
        );
      }
      return c.json({ attempt: attemptView(fresh, first ?? null, s) }, 201);
    },
  )
  .get(
    '/:id/quiz/me',
    describeRoute({
      tags: ['Quiz'],
      summary: "The lobby: the stage open now, attempts left today, today's points, best result and any attempt in progress",
      responses: { 200: json(QuizLobby) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      if (campaign.kind !== 'quiz') throw new ApiError('not_found', 'msg.quiz_not_quiz');
      const now = Date.now();
      const stages = await listStages(c.var.db, campaign.id);
      const stage = openStage(stages, now);
      const stageId = stage?.id ?? 'main';
      const s = effectiveSettings(campaign, stage);
      const [used, active, last] = await Promise.all([
        usage(c.var.db, campaign.id, stageId, viewer.id, chinaDay(now)),
        activeAttempt(c.var.db, campaign.id, stageId, viewer.id),
        lastFinishedAttempt(c.var.db, campaign.id, stageId, viewer.id),
      ]);
      const ctx = boardContext(campaign, stage?.id);
      const rank = await boardStub(c.env, ctx.boardId).rankOf(
        ctx,
        await boardKey(c.env, campaign.id, viewer.id),
        canManagePath(viewer, campaign.orgPath) ? 'organizer' : 'public',
      );
      return c.json({
        stage: stage ? { id: stage.id, name: stage.name, ord: stage.ord, startsAt: stage.startsAt, endsAt: stage.endsAt } : null,
        stages: stages.map((x) => ({ id: x.id, name: x.name, ord: x.ord, startsAt: x.startsAt, endsAt: x.endsAt })),
        admitted: !stage || stage.ord === 1 || (await isAdmitted(c.var.db, stage.id, viewer.id)),
        mode: s.mode,
        questionsPerAttempt: s.questionsPerAttempt,
        secondsPerQuestion: s.secondsPerQuestion,
        attemptsPerDay: s.attemptsPerDay,
        attemptsToday: used.today,
        attemptsLeftToday: attemptsLeftToday(used, s),
        attemptsTotal: s.attemptsTotal,
        attemptsUsed: used.total,
        pointsToday: used.pointsToday,
        dailyPointsCap: s.dailyPointsCap,
        board: rank,
        // an interrupted attempt is resumed the same day (its run-out question counts as timed out)
        activeAttemptId: active && canResume(active, now, chinaDay(now)) ? active.id : null,
        lastAttemptId: last,
      });
    },
  )
  .get(
    '/:id/attempts/active',
    describeRoute({
      tags: ['Quiz'],
      summary:
        "Resume an interrupted attempt the same China day: the participant's attempt in progress in the stage open now (or null). A question whose clock ran out while away counts as timed out (no second look); the next is served by POST /attempts/{id}/next with a fresh clock.",
      responses: { 200: json(ActiveAttemptResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      if (campaign.kind !== 'quiz') throw new ApiError('not_found', 'msg.quiz_not_quiz');
      const stages = await listStages(c.var.db, campaign.id);
      const stage = openStage(stages, Date.now());
      const found = await activeAttempt(c.var.db, campaign.id, stage?.id ?? 'main', viewer.id);
      if (!found) return c.json({ attempt: null });
      const s = effectiveSettings(campaign, stage);
      const a = await settle(c, found, campaign, s, viewer);
      if (a.status !== 'active') return c.json({ attempt: null });
      const q = a.served ? await getQuestion(c.var.db, a.questionIds[a.current]!) : null;
      return c.json({ attempt: attemptView(a, q ?? null, s) });
    },
  );

export const attemptRoutes = createApp()
  .post(
    '/:id/answers',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Answer the current question. Late → counts as wrong; another question than the current one, or a repeat → 409; a wrong shape → 400.',
      responses: { 200: json(AnswerResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', AnswerBody),
    async (c) => {
      const viewer = requireViewer(c);
      const db = c.var.db;
      // One round trip for everything the answer needs: the attempt, this and the next
      // question, the campaign (and stage) settings, and today's points for the cap.
      const ctx = await answerContext(db, c.req.valid('param').id, viewer.id, chinaDay(Date.now()));
      const a = ctx.attempt;
      if (!a || a.userId !== viewer.id || !ctx.campaign) throw new ApiError('not_found');
      if (a.status !== 'active') throw new ApiError('conflict', 'msg.quiz_finished');
      const body = c.req.valid('json');
      const idx = a.current;
      if (body.questionId !== a.questionIds[idx]) throw new ApiError('conflict', 'msg.quiz_not_current');
      // the question was not served yet (the player has not asked for it): nothing to answer
      if (!a.served) throw new ApiError('conflict', 'msg.quiz_not_served');
      const q = ctx.questions.get(body.questionId);
      if (!q) throw new ApiError('not_found');
      if (!answerShapeOk(q, body.answer)) throw new ApiError('validation_failed', 'msg.quiz_answer_shape', {}, { answer: { key: 'msg.quiz_answer_shape' } });
      const campaign = ctx.campaign;
      const s = effectiveSettings(campaign, ctx.stages.find((x) => x.id === a.stageId) ?? null);
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');

      const now = Date.now();
      const late = isLate(a.deadline, now);
      const correct = !late && isCorrect(q, body.answer);
      const msTaken = answerTime(a.shownAt, now, s.secondsPerQuestion);
      const finished = endsAttempt(idx, a.questionIds.length, a.mode, correct);
      const { points, finishPoints } = answerPoints(s, ctx.pointsToday, correct, finished);
      const score = a.score + (correct ? 1 : 0);
      // The board's durable record is written in the answer's own batch: both or neither.
      const board = await attemptScore(c, viewer, campaign, a, { finished, score, msUsed: a.msUsed + msTaken, points: points + finishPoints });
      const res = await recordAnswer(db, {
        attempt: a,
        idx,
        questionId: q.id,
        answer: body.answer,
        correct,
        late,
        msTaken,
        points,
        finishPoints,
        flag: msTaken < s.minAnswerMs,
        finished,
        kind: 'quiz',
        also: board?.stmts,
      });
      if (!res) throw new ApiError('conflict', 'msg.quiz_not_current');
      if (board) await notifyBoard(c.env, db, board, res);
      // feedback only: the next question is served, and its clock starts, on POST /attempts/{id}/next
      return c.json({
        correct,
        late,
        score,
        points: a.points + points + finishPoints,
        finished,
        next: finished ? null : { index: idx + 1 },
        ...(s.revealAnswers ? { correctAnswer: q.type === 'blank' ? (q.answer as string[])[0] : q.answer, explanation: q.explanation } : {}),
      });
    },
  )
  .post(
    '/:id/next',
    describeRoute({
      tags: ['Quiz'],
      summary:
        'Serve the next question (never its answer): its clock starts now, so reading the last feedback cost no time. Asking again returns the same question and deadline; an attempt that is over → 409.',
      responses: { 200: json(NextQuestionResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const db = c.var.db;
      const found = await getAttempt(db, c.req.valid('param').id);
      if (!found || found.userId !== viewer.id) throw new ApiError('not_found');
      const { campaign, settings: s } = await attemptContext(c, found);
      if (found.status === 'active' && campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      // a question that ran out while the player was away counts as timed out first (no second look)
      let a = await settle(c, found, campaign, s, viewer);
      if (a.status !== 'active') throw new ApiError('conflict', 'msg.quiz_finished');
      if (!a.served) {
        const now = Date.now();
        // whichever of two parallel asks wins starts the clock; the other reads what it started
        if (!(await serveQuestion(db, a, now, s.secondsPerQuestion * 1000))) a = (await getAttempt(db, a.id)) ?? a;
        else a = { ...a, served: true, shownAt: now, deadline: now + s.secondsPerQuestion * 1000 };
        if (a.status !== 'active' || !a.served) throw new ApiError('conflict', 'msg.quiz_not_current');
      }
      const q = await getQuestion(db, a.questionIds[a.current]!);
      if (!q) throw new ApiError('not_found');
      return c.json({ index: a.current, total: a.questionIds.length, question: publicQuestion(q), deadline: new Date(a.deadline).toISOString() });
    },
  )
  .post(
    '/:id/review',
    describeRoute({
      tags: ['Quiz'],
      summary:
        "Review a flagged, finished attempt, once (organizers of the campaign): cleared, or disqualified with a reason — its points are taken back and the participant's board entry is worked out again from their other attempts (or removed)",
      responses: { 200: json(ReviewAttemptResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', ReviewAttemptBody),
    async (c) => {
      const db = c.var.db;
      const a = await getAttempt(db, c.req.valid('param').id);
      if (!a) throw new ApiError('not_found');
      const campaign = await getCampaign(db, a.campaignId);
      if (!campaign) throw new ApiError('not_found');
      const viewer = requireManage(c, campaign.orgPath);
      const b = c.req.valid('json');
      const ctx = boardContext(campaign, a.stageId === 'main' ? undefined : a.stageId);
      const key = await boardKey(c.env, campaign.id, a.userId);
      const res = await reviewAttempt(db, a, {
        decision: b.decision,
        reason: b.reason ?? null,
        actorId: viewer.id,
        orgUnitId: campaign.orgUnitId,
        boardId: ctx.boardId,
        boardKey: key,
      });
      if (!res) throw new ApiError('conflict', 'msg.quiz_review_closed');
      const stub = boardStub(c.env, ctx.boardId);
      if (res.updated && res.updateResult) await stub.apply(ctx, await storedScores(db, [{ orgUnitId: null }], [res.updateResult]));
      if (res.removed) await stub.remove(ctx, [key]);
      return c.json({
        attempt: { id: a.id, review: b.decision },
        board: b.decision === 'disqualified' ? { score: res.updated ? Number(res.updated.score) : null, removed: res.removed } : null,
      });
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['Quiz'],
      summary: 'An attempt; when finished, its result (score, rank, time, and the questions with answers when the campaign reveals them)',
      responses: { 200: json(AttemptResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const db = c.var.db;
      let a = await getAttempt(db, c.req.valid('param').id);
      if (!a) throw new ApiError('not_found');
      const { campaign, settings: s } = await attemptContext(c, a);
      const organizer = canManagePath(viewer, campaign.orgPath);
      if (a.userId !== viewer.id && !organizer) throw new ApiError('not_found');
      a = await settle(c, a, campaign, s, viewer);
      if (a.status === 'active') {
        const q = a.served ? await getQuestion(db, a.questionIds[a.current]!) : null;
        return c.json({ attempt: attemptView(a, q ?? null, s) });
      }
      const [answers, qs] = await Promise.all([answersOf(db, a.id), questionsByIds(db, a.questionIds)]);
      const ctx = boardContext(campaign, a.stageId === 'main' ? undefined : a.stageId);
      const board = await boardStub(c.env, ctx.boardId).rankOf(ctx, await boardKey(c.env, campaign.id, a.userId), organizer ? 'organizer' : 'public');
      const reveal = s.revealAnswers || organizer;
      return c.json({
        attempt: attemptView(a, null, s),
        result: {
          score: a.score,
          correct: a.correct,
          total: a.questionIds.length,
          seconds: tiebreakSeconds(a.msUsed),
          points: a.points,
          rank: board.rank,
          boardTotal: board.total,
          flagged: organizer ? a.flags > 0 : undefined,
          questions: a.questionIds.slice(0, Math.max(a.current, answers.length)).map((id, i) => {
            const q = qs.get(id)!;
            const ans = answers.find((x) => x.idx === i);
            return {
              ...publicQuestion(q),
              yourAnswer: ans?.answer ?? null,
              correct: ans?.correct ?? false,
              late: ans?.late ?? false,
              ...(reveal ? { correctAnswer: q.type === 'blank' ? (q.answer as string[])[0] : q.answer, explanation: q.explanation } : {}),
            };
          }),
        },
      });
    },
  );
