import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { boardContext, boardStub } from '../../lib/boards';
import { ChinaDate, Id, ListQuery } from '../../../../shared/contracts/common';
import {
  AdmissionList,
  AdvanceQuery,
  AdvanceResponse,
  AttemptPage,
  QuizStats,
  StageBody,
  StageList,
  StagePatch,
  StageResponse,
} from '../../../../shared/contracts/quiz';
import { QUESTION_FLAG, questionSuspect, selectAdvancing, type AdvanceRule } from '../../../../shared/quiz';
import { usersOfKeys } from '../../../../db/queries/leaderboards';
import { countAttempts, listAttempts, questionStats } from '../../../../db/queries/quiz';
import { admissions, createStage, listStages, publishAdvancement, updateStage } from '../../../../db/queries/quiz-stages';
import { decodeCursor, encodeCursor, keysetPages } from '../../../../db/queries/util';
import { tiebreakSeconds } from '../../../../shared/quiz-play';
import { managedCampaignOfKind, visibleCampaign } from '../../lib/guards';
import { at, exportWithinMax, rowsOf, tableStream } from '../../lib/tables';
import { addDays, chinaMidnight } from '../../../../shared/china-time';
import { checkBankIds } from '../../lib/settings-refs';

const StageParam = v.object({ id: Id, stageId: Id });

/** A stage's overrides after a patch: null (or "inherit" for attemptsTotal) removes one. */
function mergeOverrides(current: Record<string, unknown>, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if ((v === null && k !== 'attemptsTotal') || v === 'inherit') delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Overrides stored at creation: nulls mean "not overridden" except attemptsTotal (unlimited). */
function cleanOverrides(s: Record<string, unknown>) {
  return mergeOverrides({}, s);
}

const managedQuiz = (c: Context<AppEnv>, id: string) => managedCampaignOfKind(c, id, 'quiz');

function checkWindow(startsAt: string, endsAt: string) {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new ApiError('validation_failed', undefined, {}, { endsAt: { key: 'msg.ends_before_starts' } });
}

export const stageRoutes = createApp()
  .get(
    '/:id/stages',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Stages of a quiz contest in order (organizers also see settings and rules)',
      responses: { 200: json(StageList) },
    }),
    valid('param', IdParam),
    async (c) => {
      const campaign = await visibleCampaign(c, c.req.valid('param').id);
      const organizer = canManagePath(c.var.viewer, campaign.orgPath);
      const stages = await listStages(c.var.db, campaign.id);
      return c.json({
        items: stages.map((s) => ({
          id: s.id,
          ord: s.ord,
          name: s.name,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          advancedAt: s.advancedAt,
          ...(organizer ? { settings: s.settings, advancement: s.advancement } : {}),
        })),
      });
    },
  )
  .post(
    '/:id/stages',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Add the next stage (organizers): schedule, banks and rules of its own, and how people advance from it',
      responses: { 201: json(StageResponse, 'Created') },
    }),
    valid('param', IdParam),
    valid('json', StageBody),
    async (c) => {
      const { campaign, viewer } = await managedQuiz(c, c.req.valid('param').id);
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const b = c.req.valid('json');
      checkWindow(b.startsAt, b.endsAt);
      await checkBankIds(c, campaign.orgPath, b.settings.bankIds);
      const id = await createStage(c.var.db, viewer.id, campaign, {
        ...b,
        settings: cleanOverrides(b.settings),
        startsAt: new Date(b.startsAt).toISOString(),
        endsAt: new Date(b.endsAt).toISOString(),
      });
      const stage = (await listStages(c.var.db, campaign.id)).find((s) => s.id === id)!;
      return c.json({ stage }, 201);
    },
  )
  .patch(
    '/:id/stages/:stageId',
    describeRoute({ tags: ['Quiz'], summary: 'Edit a stage (organizers)', responses: { 200: json(StageResponse) } }),
    valid('param', StageParam),
    valid('json', StagePatch),
    async (c) => {
      const { campaign, viewer } = await managedQuiz(c, c.req.valid('param').id);
      const stages = await listStages(c.var.db, campaign.id);
      const stage = stages.find((s) => s.id === c.req.valid('param').stageId);
      if (!stage) throw new ApiError('not_found');
      const b = c.req.valid('json');
      const startsAt = b.startsAt ? new Date(b.startsAt).toISOString() : stage.startsAt;
      const endsAt = b.endsAt ? new Date(b.endsAt).toISOString() : stage.endsAt;
      checkWindow(startsAt, endsAt);
      await checkBankIds(c, campaign.orgPath, b.settings?.bankIds);
      await updateStage(c.var.db, viewer.id, stage.id, campaign.orgUnitId, {
        ...b,
        startsAt,
        endsAt,
        ...(b.settings ? { settings: mergeOverrides(stage.settings, b.settings) } : {}),
      });
      return c.json({ stage: (await listStages(c.var.db, campaign.id)).find((s) => s.id === stage.id) });
    },
  )
  .post(
    '/:id/stages/:stageId/advance',
    describeRoute({
      tags: ['Quiz'],
      summary:
        'Apply the stage’s advancement rule (top N, top N per unit, or score ≥ threshold; ties at the cut all advance). ?dryRun=true previews; otherwise publishes 入围名单 for the next stage.',
      responses: { 200: json(AdvanceResponse) },
    }),
    valid('param', StageParam),
    valid('query', AdvanceQuery),
    async (c) => {
      const { campaign, viewer } = await managedQuiz(c, c.req.valid('param').id);
      const stages = await listStages(c.var.db, campaign.id);
      const i = stages.findIndex((s) => s.id === c.req.valid('param').stageId);
      if (i < 0) throw new ApiError('not_found');
      const stage = stages[i]!;
      const next = stages[i + 1];
      if (!next) throw new ApiError('conflict', 'msg.stage_last');
      if (!stage.advancement) throw new ApiError('conflict', 'msg.stage_no_rule');
      // the whole board of the stage, as organizers see it (live, unmasked)
      const ctx = boardContext(campaign, stage.id);
      const stub = boardStub(c.env, ctx.boardId);
      const ranked: Array<{ key: string; rank: number; score: number; name: string; orgUnitName: string | null; orgUnitId: string | null }> = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await stub.read(ctx, { scope: 'individual', audience: 'organizer', offset, limit: 1000 });
        ranked.push(...page.entries.map((e) => ({ ...e, orgUnitId: e.orgUnitId ?? null })));
        if (page.entries.length < 1000) break;
      }
      // people's board keys are keyed hashes (shared/board-key.ts): D1 keeps who each one is,
      // for this list only; an organizer's own import key stands for itself, as before
      const selected = selectAdvancing(ranked, stage.advancement as AdvanceRule);
      const people = await usersOfKeys(
        c.var.db,
        ctx.boardId,
        selected.map((e) => e.key),
      );
      const advanced = selected.map((e) => ({ ...e, userId: people.get(e.key) ?? e.key }));
      const dryRun = c.req.valid('query').dryRun === 'true';
      const tell = { title: campaign.title, stage: next.name, link: `/c/${encodeURIComponent(campaign.slug ?? campaign.id)}/quiz` };
      if (!dryRun)
        await publishAdvancement(
          c.var.db,
          viewer.id,
          { id: stage.id, orgUnitId: campaign.orgUnitId },
          next.id,
          advanced.map((e) => ({ userId: e.userId, rank: e.rank })),
          tell,
        );
      return c.json({
        advanced: advanced.map((e) => ({ userId: e.userId, name: e.name, rank: e.rank, score: e.score, orgUnitName: e.orgUnitName })),
        nextStageId: next.id,
        dryRun,
      });
    },
  )
  .get(
    '/:id/stages/:stageId/admissions',
    describeRoute({ tags: ['Quiz'], summary: '入围名单 of a stage (organizers)', responses: { 200: json(AdmissionList) } }),
    valid('param', StageParam),
    async (c) => {
      const { campaign } = await managedQuiz(c, c.req.valid('param').id);
      // the stage must be this campaign's: managing one quiz is no key to another's 入围名单
      const stage = (await listStages(c.var.db, campaign.id)).find((s) => s.id === c.req.valid('param').stageId);
      if (!stage) throw new ApiError('not_found');
      return c.json({ items: await admissions(c.var.db, stage.id) });
    },
  )
  .get(
    '/:id/quiz-stats',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Per-question statistics (organizers): answered, correct rate, average seconds — the hardest first',
      responses: { 200: json(QuizStats) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { campaign } = await managedQuiz(c, c.req.valid('param').id);
      const rows = await questionStats(c.var.db, campaign.id);
      const items = rows.map((r) => ({
        id: r.id,
        stem: r.stem,
        type: r.type,
        answered: r.answered,
        correctRate: r.answered ? Math.round((r.correct / r.answered) * 1000) / 1000 : 0,
        avgSeconds: Math.round((r.avgMs ?? 0) / 100) / 10,
      }));
      return c.json({ items: items.map((x) => ({ ...x, suspect: questionSuspect(x) })), minAnswers: QUESTION_FLAG.minAnswers });
    },
  )
  .get(
    '/:id/attempts',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Attempts of a quiz (organizers); ?flagged=true for those answered faster than a person could',
      responses: { 200: json(AttemptPage) },
    }),
    valid('param', IdParam),
    valid('query', v.strictObject({ ...ListQuery, flagged: v.optional(v.picklist(['true', 'false'])) })),
    async (c) => {
      const { campaign } = await managedQuiz(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await listAttempts(c.var.db, campaign.id, { flagged: q.flagged === 'true', limit: q.limit, beforeId: decodeCursor(q.cursor) });
      const items = rows.slice(0, q.limit);
      return c.json({ items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null });
    },
  )
  .get(
    '/:id/attempts/export',
    describeRoute({
      tags: ['Quiz'],
      summary:
        'All attempts with results as Excel or CSV (organizers), streamed; `from`/`to` (China dates, inclusive) limit it to attempts started in those days. More than 200,000 rows → 413 `export_too_large` (export a period at a time)',
      responses: { 200: { description: 'File' } },
    }),
    valid('param', IdParam),
    valid('query', v.strictObject({ format: v.optional(v.picklist(['csv', 'xlsx']), 'xlsx'), from: v.optional(ChinaDate), to: v.optional(ChinaDate) })),
    async (c) => {
      const { campaign } = await managedQuiz(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      if (q.from && q.to && q.from > q.to) throw new ApiError('validation_failed', undefined, {}, { to: { key: 'msg.ends_before_starts' } });
      // China days, both inclusive, as instants of started_at
      const range = {
        from: q.from ? new Date(chinaMidnight(q.from)).toISOString() : undefined,
        to: q.to ? new Date(chinaMidnight(addDays(q.to, 1))).toISOString() : undefined,
      };
      const stages = new Map((await listStages(c.var.db, campaign.id)).map((s) => [s.id, s.name]));
      // a city's daily quiz writes 650,000 attempts a year: past the max, a period at a time
      exportWithinMax(await countAttempts(c.var.db, campaign.id, range));
      const pages = keysetPages(
        (beforeId: string | null) => listAttempts(c.var.db, campaign.id, { flagged: false, limit: 500, beforeId, ...range }),
        500,
        (a) => a.id,
      );
      return tableStream(
        c,
        ['姓名', '阶段', '状态', '答对', '题数', '用时(秒)', '积分', '可疑标记', '开始时间', '结束时间'],
        rowsOf(pages, (a) => [
          a.name,
          stages.get(a.stageId) ?? '',
          a.status === 'finished' ? '已完成' : '进行中',
          a.correct,
          a.total,
          tiebreakSeconds(a.msUsed),
          a.points,
          a.flags,
          at(a.startedAt),
          at(a.finishedAt),
        ]),
        `${campaign.slug}-attempts`,
        q.format,
        '答题记录',
      );
    },
  );
