import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireViewer } from '../../lib/authz';
import { managedCampaignOfKind, managedScope, requireOpen } from '../../lib/guards';
import { maskPhone } from '../../../../shared/mask';
import { nowIso } from '../../../../db/ids';
import { getOrgUnit } from '../../../../db/queries/org';
import { decodeCursor, encodeCursor } from '../../../../db/queries/util';
import { insertSessions, listSessions, rosterOfUser, targetOf, trainingStats, hoursIn } from '../../../../db/queries/training';
import { enroll, isEnrolled, listEnrollments } from '../../../../db/queries/training-enrollments';
import {
  EnrollBody,
  EnrolledResponse,
  EnrollmentPage,
  EnrollmentQuery,
  MyEnrollment,
  SessionBody,
  SessionList,
  SessionsCreated,
  StatsQuery,
  TrainingStats,
} from '../../../../shared/contracts/training';
import { SESSION_MAX_MS, audienceMatches, defaultHours, share } from '../../../../shared/training';
import { cfg, sessionDto, trainingCampaign, viewerRosterId } from './training.dto';

/* 党员教育培训 (kind `training`), the campaign's own routes: sessions, enrolment, statistics. */

const DAY_MS = 86_400_000;

export const trainingCampaignRoutes = createApp()
  .get(
    '/:id/sessions',
    describeRoute({
      tags: ['Training'],
      summary: 'Sessions (课次) of a training campaign, earliest first, with credited attendances and the viewer’s own register entry as `mine`',
      responses: { 200: json(SessionList) },
    }),
    valid('param', IdParam),
    async (c) => {
      const campaign = await trainingCampaign(c, c.req.valid('param').id);
      const rows = await listSessions(c.var.db, campaign.id, await viewerRosterId(c));
      return c.json({ items: rows.map(sessionDto) });
    },
  )
  .post(
    '/:id/sessions',
    describeRoute({
      tags: ['Training'],
      summary:
        'Add a session (organizers): time (≤ 24 h), place, lecturer and hours (steps of 0.5; by default the duration, down to the half hour, at most 12). `days` > 1 schedules the same session on consecutive days (a class of several days); `sessions` lists them all',
      responses: { 201: json(SessionsCreated, 'Created') },
    }),
    valid('param', IdParam),
    valid('json', SessionBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'training');
      const b = c.req.valid('json');
      const starts = Date.parse(b.startsAt);
      const ends = Date.parse(b.endsAt);
      if (!(ends > starts) || ends - starts > SESSION_MAX_MS) throw new ApiError('validation_failed', undefined, {}, { endsAt: { key: 'msg.tr_span' } });
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const hours = b.hours ?? defaultHours(b);
      const sessions = Array.from({ length: b.days }, (_, i) => ({
        title: b.days > 1 ? `${b.title}（第${i + 1}天）` : b.title,
        startsAt: nowIso(starts + i * DAY_MS),
        endsAt: nowIso(ends + i * DAY_MS),
        location: b.location,
        lecturer: b.lecturer,
        hours,
      }));
      const ids = await insertSessions(c.var.db, campaign, viewer.id, sessions);
      const rows = (await listSessions(c.var.db, campaign.id, null)).filter((r) => ids.includes(r.s.id)).map(sessionDto);
      return c.json({ session: rows[0]!, sessions: rows }, 201);
    },
  )
  .post(
    '/:id/enrollments',
    describeRoute({
      tags: ['Training'],
      summary:
        'Enrol people (organizers): roster entries by id, or everyone on the rosters under some units, who lie in the campaign’s subtree and the organizer’s and match the audience (categories, posts). Idempotent: `enrolled` counts the newly enrolled',
      responses: { 200: json(EnrolledResponse) },
    }),
    valid('param', IdParam),
    valid('json', EnrollBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaignOfKind(c, c.req.valid('param').id, 'training');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const b = c.req.valid('json');
      const target = {
        campaignId: campaign.id,
        campaignPath: campaign.orgPath,
        audience: cfg(campaign).audience,
        source: 'organizer' as const,
        actorId: viewer.id,
        orgUnitId: campaign.orgUnitId,
      };
      const scope = viewer.isPlatformAdmin ? null : viewer.managedPaths;
      if ('rosterIds' in b) return c.json({ enrolled: await enroll(c.var.db, target, { rosterIds: b.rosterIds }, scope) });
      const paths: string[] = [];
      for (const [i, id] of b.orgUnitIds.entries()) {
        const unit = await getOrgUnit(c.var.db, id);
        if (!unit) throw new ApiError('validation_failed', undefined, {}, { [`orgUnitIds.${i}`]: { key: 'msg.tr_unit_missing', params: { id } } });
        if (!unit.path.startsWith(campaign.orgPath))
          throw new ApiError('validation_failed', undefined, {}, { [`orgUnitIds.${i}`]: { key: 'msg.tr_unit_outside' } });
        paths.push(unit.path);
      }
      return c.json({ enrolled: await enroll(c.var.db, target, { unitPaths: paths }, scope) });
    },
  )
  .get(
    '/:id/enrollments',
    describeRoute({
      tags: ['Training'],
      summary:
        'Who is enrolled (organizers of the campaign, or of `orgUnitId` inside it), by roster id, with credited attendances and hours; `q` filters by name; phones masked',
      responses: { 200: json(EnrollmentPage) },
    }),
    valid('param', IdParam),
    valid('query', EnrollmentQuery),
    async (c) => {
      const q = c.req.valid('query');
      const campaign = await trainingCampaign(c, c.req.valid('param').id);
      const { path } = await managedScope(c, campaign, q.orgUnitId);
      const { rows, total } = await listEnrollments(c.var.db, campaign.id, path, { q: q.q, after: decodeCursor(q.cursor), limit: q.limit });
      const items = rows.slice(0, q.limit).map((r) => ({
        rosterId: r.rosterId,
        name: r.name,
        phone: maskPhone(r.phone),
        orgUnitId: r.orgUnitId,
        orgUnitName: r.orgUnitName,
        category: r.category,
        posts: r.posts,
        registered: r.userId !== null,
        source: r.source,
        createdAt: r.createdAt,
        attendances: r.attendances,
        hours: r.hours,
      }));
      const last = items[items.length - 1];
      return c.json({ items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.rosterId) : null, total });
    },
  )
  .post(
    '/:id/enroll',
    describeRoute({
      tags: ['Training'],
      summary:
        'Enrol myself (when the campaign’s `selfEnroll` is on): I must be on a roster inside the campaign’s subtree and in its audience. Idempotent (`enrolled` 0 the second time)',
      responses: { 200: json(EnrolledResponse) },
    }),
    valid('param', IdParam),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await trainingCampaign(c, c.req.valid('param').id);
      requireOpen(campaign);
      const s = cfg(campaign);
      if (!s.selfEnroll) throw new ApiError('forbidden', 'msg.tr_self_enroll_off');
      const roster = await rosterOfUser(c.var.db, viewer.id);
      if (!roster) throw new ApiError('forbidden', 'msg.tr_no_roster');
      if (!roster.orgPath.startsWith(campaign.orgPath)) throw new ApiError('forbidden', 'msg.tr_outside');
      if (!audienceMatches(s.audience, roster)) throw new ApiError('forbidden', 'msg.tr_audience_no');
      const target = {
        campaignId: campaign.id,
        campaignPath: campaign.orgPath,
        audience: s.audience,
        source: 'self' as const,
        actorId: viewer.id,
        orgUnitId: roster.orgUnitId,
      };
      return c.json({ enrolled: await enroll(c.var.db, target, { rosterIds: [roster.id] }, null) });
    },
  )
  .get(
    '/:id/my-training',
    describeRoute({
      tags: ['Training'],
      summary: 'My place in a training campaign: enrolled or not, whether I could enrol myself, my hours in it and my yearly target',
      responses: { 200: json(MyEnrollment) },
    }),
    valid('param', IdParam),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await trainingCampaign(c, c.req.valid('param').id);
      const s = cfg(campaign);
      const roster = await rosterOfUser(c.var.db, viewer.id);
      const enrolled = roster ? await isEnrolled(c.var.db, campaign.id, roster.id) : false;
      const eligible = !!roster && s.selfEnroll && roster.orgPath.startsWith(campaign.orgPath) && audienceMatches(s.audience, roster);
      const hours = roster ? await hoursIn(c.var.db, campaign.id, roster.id, viewer.id) : 0;
      return c.json({ enrolled, rosterId: roster?.id ?? null, eligible, hours, target: (roster && (await targetOf(c.var.db, roster.id))) ?? s.hoursTarget });
    },
  )
  .get(
    '/:id/training-stats',
    describeRoute({
      tags: ['Training'],
      summary:
        'Figures of a training campaign (organizers; `orgUnitId` narrows to a unit inside it): sessions, enrolled, attendees (people with a credited attendance or a finished study), attendances (credited register entries), coverageRate = attendees ÷ enrolled, hours (register and online study), hoursPerAttendee, delivered (送学上门)',
      responses: { 200: json(TrainingStats) },
    }),
    valid('param', IdParam),
    valid('query', StatsQuery),
    async (c) => {
      const campaign = await trainingCampaign(c, c.req.valid('param').id);
      const { path } = await managedScope(c, campaign, c.req.valid('query').orgUnitId);
      const r = await trainingStats(c.var.db, campaign.id, path);
      const hours = r.hours + r.studyHours;
      return c.json({
        sessions: r.sessions,
        enrolled: r.enrolled,
        attendees: r.attendees,
        attendances: r.attendances,
        coverageRate: share(r.attendees, r.enrolled),
        hours,
        hoursPerAttendee: r.attendees ? Math.round((hours / r.attendees) * 100) / 100 : 0,
        delivered: r.delivered,
      });
    },
  );
