import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import { managedCampaignOfKind, requireOpen } from '../../lib/guards';
import { notifyBoard } from '../../lib/boards';
import { trainingBoardWrite } from '../../lib/training-board';
import { nowIso } from '../../../../db/ids';
import { myLearning, rosterOfUser, targetOf } from '../../../../db/queries/training';
import { isEnrolled } from '../../../../db/queries/training-enrollments';
import { finishStudy, getMaterial, getStudy, insertMaterial, listMaterials, startStudy } from '../../../../db/queries/training-materials';
import { Learning, LearningQuery, MaterialBody, MaterialList, MaterialResponse, StudyFinished, StudyStarted } from '../../../../shared/contracts/training';
import { DEFAULT_HOURS_TARGET, chinaYear, chinaYearRange, isCredited, studyTimeLeft } from '../../../../shared/training';
import { materialDto, trainingCampaign } from './training.dto';
import { completedClasses } from '../../../../db/queries/training-certificates';

/* 党员教育培训: online study (网络培训) — materials, a study that credits its hours only after its minutes, and my study hours. */

export const materialCampaignRoutes = createApp()
  .get(
    '/:id/materials',
    describeRoute({
      tags: ['Training'],
      summary: 'Study materials (video or article) of a training campaign, with the viewer’s own study as `mine`',
      responses: { 200: json(MaterialList) },
    }),
    valid('param', IdParam),
    async (c) => {
      const campaign = await trainingCampaign(c, c.req.valid('param').id);
      const rows = await listMaterials(c.var.db, campaign.id, c.var.viewer?.id ?? null);
      return c.json({ items: rows.map(materialDto) });
    },
  )
  .post(
    '/:id/materials',
    describeRoute({
      tags: ['Training'],
      summary: 'Add a study material (organizers): title, video or article, an http(s) link, the minutes it takes and the hours it credits (steps of 0.5)',
      responses: { 201: json(MaterialResponse, 'Created') },
    }),
    valid('param', IdParam),
    valid('json', MaterialBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'training');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const id = await insertMaterial(c.var.db, campaign, viewer.id, c.req.valid('json'));
      const [row] = await listMaterials(c.var.db, campaign.id, null, id);
      return c.json({ material: materialDto(row!) }, 201);
    },
  );

export const materialRoutes = createApp().post(
  '/:id/start',
  describeRoute({
    tags: ['Training'],
    summary:
      'Start studying a material (enrolled members): the server notes the time; starting again returns the same study. It may be finished `minutes` later',
    responses: { 200: json(StudyStarted) },
  }),
  valid('param', IdParam),
  async (c) => {
    const viewer = requireViewer(c);
    const m = await getMaterial(c.var.db, c.req.valid('param').id);
    if (!m) throw new ApiError('not_found', 'msg.tr_material_missing');
    const campaign = await trainingCampaign(c, m.campaignId);
    requireOpen(campaign);
    const roster = await rosterOfUser(c.var.db, viewer.id);
    if (!roster || !(await isEnrolled(c.var.db, campaign.id, roster.id))) throw new ApiError('forbidden', 'msg.tr_not_enrolled');
    const study = await startStudy(c.var.db, m, viewer.id);
    return c.json({ studyId: study.id, startedAt: study.startedAt, finishableAt: nowIso(Date.parse(study.startedAt) + m.minutes * 60_000) });
  },
);

export const studyRoutes = createApp().post(
  '/:id/finish',
  describeRoute({
    tags: ['Training'],
    summary:
      'Finish my study: credits the material’s hours (a `training_hours` activity event) once its minutes have passed on the server’s clock; earlier → 409 with `secondsLeft`; once per member and material (again → 409; parallel finishes credit once)',
    responses: { 200: json(StudyFinished) },
  }),
  valid('param', IdParam),
  async (c) => {
    const viewer = requireViewer(c);
    const found = await getStudy(c.var.db, c.req.valid('param').id);
    // someone else's study is not there at all
    if (!found || found.study.userId !== viewer.id) throw new ApiError('not_found', 'msg.tr_study_missing');
    const { study, material } = found;
    const campaign = await trainingCampaign(c, study.campaignId);
    requireOpen(campaign);
    if (study.finishedAt) throw new ApiError('conflict', 'msg.tr_study_done');
    const now = Date.now();
    const left = studyTimeLeft(study.startedAt, material.minutes, now);
    if (left > 0)
      throw new ApiError('conflict', 'msg.tr_study_early', { minutes: Math.ceil(left / 60_000) }, undefined, {}, { secondsLeft: Math.ceil(left / 1000) });
    // the finished study's hours count on the campaign's board in the same batch (named and ranked as on the roster, like the register's entries)
    const roster = await rosterOfUser(c.var.db, viewer.id);
    const board = await trainingBoardWrite(c.env, c.var.db, campaign, [
      { userId: viewer.id, name: roster?.name ?? viewer.name, orgUnitId: roster?.orgUnitId ?? null },
    ]);
    const res = await finishStudy(c.var.db, study.id, material, viewer.id, now, board.stmts);
    if (!res) throw new ApiError('conflict', 'msg.tr_study_done');
    await notifyBoard(c.env, c.var.db, board, res);
    return c.json({ studyId: study.id, finishedAt: nowIso(now), hours: material.hours });
  },
);

export const learningRoutes = createApp().get(
  '/learning',
  describeRoute({
    tags: ['Training'],
    summary:
      'My study hours of a China calendar year (default this one) against my yearly target: every register entry of mine (by the session’s start) and every finished online study; hours count present, late and delivered entries and studies',
    responses: { 200: json(Learning) },
  }),
  valid('query', LearningQuery),
  async (c) => {
    const viewer = requireViewer(c);
    const q = c.req.valid('query');
    const year = q.year ? Number(q.year) : chinaYear(Date.now());
    const [{ sessions, studies }, roster] = await Promise.all([myLearning(c.var.db, viewer.id, chinaYearRange(year)), rosterOfUser(c.var.db, viewer.id)]);
    const hours = sessions.reduce((n, s) => n + (isCredited(s.status) ? s.hours : 0), 0) + studies.reduce((n, s) => n + s.hours, 0);
    const target = (roster && (await targetOf(c.var.db, roster.id))) ?? DEFAULT_HOURS_TARGET;
    // the certificate's rule (routes/training/certificate.routes.ts): the target, or a completed class
    const certificate = hours >= target || (!!roster && (await completedClasses(c.var.db, roster.id, year, nowIso())).length > 0);
    return c.json({ year, hours, target, sessions, studies, certificate });
  },
);
