import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';
import { requireViewer, scopeOf } from '../../lib/authz';
import { pathList, phoneFor } from '../../lib/privacy';
import { Id } from '../../../../shared/contracts/common';
import {
  AssignmentList,
  JudgeBody,
  JudgesResponse,
  RoundBodyChecked,
  RoundList,
  RoundOpened,
  RoundResponse,
  ScoreBody,
  ScoreResponse,
} from '../../../../shared/contracts/contest';
import { judgeScore, scoresValid } from '../../../../shared/contest';
import { assignJudges, mayJudge, readResults } from '../../../../shared/judging';
import { roundReads } from '../../lib/contest-results';
import { judgeCandidate } from '../../../../db/queries/judge-invites';
import {
  addJudge,
  assignmentsOfJudge,
  closeRound,
  createRound,
  declareConflict,
  getRound,
  insertAssignments,
  judgesOf,
  listRounds,
  openAssignmentFor,
  putEntriesInRound,
  roundEntries,
  roundProgress,
  scoreAssignment,
} from '../../../../db/queries/contest-judging';
import { getEntry } from '../../../../db/queries/contest';
import { managedCampaignOfKind } from '../../lib/guards';

const managedContest = (c: Parameters<typeof managedCampaignOfKind>[0], id: string) => managedCampaignOfKind(c, id, 'contest');

/** The panel as this viewer may read it: phones of judges outside the viewer's subtree masked. */
async function panelFor(c: Context<AppEnv>, campaignId: string) {
  const judges = await judgesOf(c.var.db, campaignId);
  return judges.map(({ orgPaths, ...j }) => ({ ...j, phone: phoneFor(c.var.viewer, j.phone, { userId: j.userId, paths: pathList(orgPaths) }) }));
}

export const judgingCampaignRoutes = createApp()
  .post(
    '/:id/judges',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Add a judge by user id or phone (organizers): only someone on a roster inside the organizer’s subtree (`judge_outside` otherwise, whether or not the phone exists); outside judges come through judge-invites',
      responses: { 201: json(JudgesResponse, 'Added') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', JudgeBody),
    async (c) => {
      const { campaign, viewer } = await managedContest(c, c.req.valid('param').id);
      const b = c.req.valid('json');
      const userId = await judgeCandidate(c.var.db, { userId: b.userId, phone: b.phone }, scopeOf(viewer));
      if (!userId)
        throw new ApiError('validation_failed', undefined, {}, { [b.phone ? 'phone' : 'userId']: { key: 'msg.judge_outside' } }).because('judge_outside');
      await addJudge(c.var.db, viewer.id, campaign, userId);
      return c.json({ judges: await panelFor(c, campaign.id) }, 201);
    },
  )
  .get(
    '/:id/judges',
    describeRoute({
      tags: ['Contests'],
      summary: 'The judging panel (organizers); phones of judges outside the reader’s subtree masked',
      responses: { 200: json(JudgesResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign } = await managedContest(c, c.req.valid('param').id);
      return c.json({ judges: await panelFor(c, campaign.id) });
    },
  )
  .post(
    '/:id/judging-rounds',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Open a judging round (初评/复评/终评) with weighted criteria and a quorum (scores a work needs to count); entries: all approved, the top N of the previous round (409 `judging_incomplete` while some of its works are unfinished, unless `force`), or chosen ids; assigned to all judges or judgesPerEntry judges per work drawn at random (seeded by the round id, balanced load), never to a judge of the work’s own unit or their own work; `shortOfQuorum`: works with too few eligible judges',
      responses: { 201: json(RoundOpened, 'Opened') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', RoundBodyChecked),
    async (c) => {
      const { campaign, viewer } = await managedContest(c, c.req.valid('param').id);
      const b = c.req.valid('json');
      const db = c.var.db;
      const rounds = await listRounds(db, campaign.id);
      const prev = rounds[rounds.length - 1];
      // the top N of the previous round, read as the results read it (unfinished works have no rank)
      let carried: string[] | null = null;
      if (typeof b.entries === 'object' && 'topN' in b.entries) {
        if (!prev) throw new ApiError('validation_failed', undefined, {}, { entries: { key: 'msg.required' } });
        const reads = await roundReads(db, campaign.id);
        const ranked = readResults(
          (await roundEntries(db, campaign.id, prev.ord)).map((e) => ({
            entryId: e.id,
            title: e.title,
            authorName: '',
            category: e.category,
            votes: 0,
            serial: e.serial,
            round: e.round,
          })),
          reads,
          1,
        );
        const unfinished = ranked.filter((r) => r.status === 'unfinished').length;
        if (unfinished > 0 && !b.force) throw new ApiError('conflict', 'msg.judging_incomplete', { n: unfinished }, undefined, {}, { unfinished });
        const topN = b.entries.topN;
        // ties at the boundary all go on: rank ≤ N
        carried = ranked.filter((r) => r.rank !== null && r.rank <= topN).map((r) => r.entryId);
      }
      if (prev && prev.status === 'open') {
        // opening the next round closes this one, recording who had not finished, as a close would
        const progress = await roundProgress(db, prev.id);
        await closeRound(
          db,
          viewer.id,
          prev,
          campaign.orgUnitId,
          progress.filter((p) => p.scored < p.assigned).map((p) => ({ judgeId: p.judgeId, missing: p.assigned - p.scored })),
        );
      }
      const ord = (prev?.ord ?? 0) + 1;
      if (b.entries === 'all-approved') await putEntriesInRound(db, campaign.id, 'all-approved', ord);
      else if ('ids' in b.entries) await putEntriesInRound(db, campaign.id, b.entries.ids, ord);
      else await putEntriesInRound(db, campaign.id, carried ?? [], ord);
      const id = await createRound(db, viewer.id, campaign, {
        name: b.name,
        criteria: b.criteria,
        assignment: b.assignment,
        judgesPerEntry: b.judgesPerEntry,
        quorum: b.quorum,
      });
      const entries = await roundEntries(db, campaign.id, ord);
      const judges = await judgesOf(db, campaign.id);
      // conflict of interest: never one's own work, never a work of one's own unit (mayJudge);
      // random draws are seeded by the round's id, so the draw can be reproduced and checked
      const pairs =
        b.assignment === 'all'
          ? entries.flatMap((e) => judges.filter((j) => mayJudge(j, e)).map((j) => ({ entryId: e.id, judgeId: j.userId })))
          : assignJudges(entries, judges, b.judgesPerEntry, id);
      const rows = pairs.map((p) => ({ roundId: id, ...p }));
      await insertAssignments(db, rows, { title: campaign.title, round: b.name });
      const perEntry = new Map<string, number>();
      for (const p of pairs) perEntry.set(p.entryId, (perEntry.get(p.entryId) ?? 0) + 1);
      const shortOfQuorum = entries.filter((e) => (perEntry.get(e.id) ?? 0) < b.quorum).map((e) => e.id);
      return c.json({ round: await getRound(db, id), assigned: rows.length, entries: entries.length, shortOfQuorum }, 201);
    },
  )
  .get(
    '/:id/judging-rounds',
    describeRoute({ tags: ['Contests'], summary: 'Judging rounds with each judge’s progress (organizers)', responses: { 200: json(RoundList) } }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign } = await managedContest(c, c.req.valid('param').id);
      const rounds = await listRounds(c.var.db, campaign.id);
      return c.json({ items: await Promise.all(rounds.map(async (r) => ({ ...r, progress: await roundProgress(c.var.db, r.id) }))) });
    },
  );

export const judgingRoundRoutes = createApp().post(
  '/:id/close',
  describeRoute({ tags: ['Contests'], summary: 'Close a round (organizers); records which judges had not finished', responses: { 200: json(RoundResponse) } }),
  valid('param', v.object({ id: Id })),
  async (c) => {
    const round = await getRound(c.var.db, c.req.valid('param').id);
    if (!round) throw new ApiError('not_found');
    const { campaign, viewer } = await managedContest(c, round.campaignId);
    const progress = await roundProgress(c.var.db, round.id);
    const unfinished = progress.filter((p) => p.scored < p.assigned).map((p) => ({ judgeId: p.judgeId, missing: p.assigned - p.scored }));
    if (!(await closeRound(c.var.db, viewer.id, round, campaign.orgUnitId, unfinished))) throw new ApiError('conflict', 'msg.round_closed');
    return c.json({ round: await getRound(c.var.db, round.id) });
  },
);

export const judgingRoutes = createApp().get(
  '/assignments',
  describeRoute({ tags: ['Contests'], summary: 'My assignments as a judge (blind: no author, no unit)', responses: { 200: json(AssignmentList) } }),
  async (c) => {
    const viewer = requireViewer(c);
    const rows = await assignmentsOfJudge(c.var.db, viewer.id);
    return c.json({
      items: rows.map(({ hasDisplay, ...r }) => ({
        ...r,
        imageUrl: `/media/entries/${r.entryId}/${hasDisplay ? 'display' : 'original'}`,
        originalUrl: `/media/entries/${r.entryId}/original`,
      })),
    });
  },
);

export const entryJudgingRoutes = createApp()
  .post(
    '/:id/scores',
    describeRoute({
      tags: ['Contests'],
      summary: 'Score an assigned work in an open round (judges only, own assignments): every criterion within its range',
      responses: { 200: json(ScoreResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', ScoreBody),
    async (c) => {
      const viewer = requireViewer(c);
      const e = await getEntry(c.var.db, c.req.valid('param').id);
      if (!e) throw new ApiError('not_found');
      const a = await openAssignmentFor(c.var.db, e.id, viewer.id);
      if (!a) throw new ApiError('forbidden', 'msg.judge_not_assigned');
      if (a.conflict) throw new ApiError('conflict', 'msg.judge_conflict');
      const given = c.req.valid('json').criteria;
      const bad = scoresValid(a.criteria, given);
      if (bad) throw new ApiError('validation_failed', undefined, {}, { [`criteria.${bad}`]: { key: 'msg.judge_criteria', params: { name: bad } } });
      const total = judgeScore(a.criteria, given);
      await scoreAssignment(c.var.db, a.roundId, e.id, viewer.id, given, total);
      return c.json({ total });
    },
  )
  .post(
    '/:id/conflict',
    describeRoute({
      tags: ['Contests'],
      summary: 'Declare a conflict of interest on an assigned work (judges); it is then not scored by them',
      responses: { 204: { description: 'Declared' } },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const a = await openAssignmentFor(c.var.db, c.req.valid('param').id, viewer.id);
      if (!a) throw new ApiError('forbidden', 'msg.judge_not_assigned');
      await declareConflict(c.var.db, a.roundId, c.req.valid('param').id, viewer.id);
      return c.body(null, 204);
    },
  );
