import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { pathList, phoneFor } from '../../lib/privacy';
import { canManagePath, requireManage, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { nowIso } from '../../../../db/ids';
import { at, tableFile, type TableCell } from '../../lib/tables';
import { codeAccepted, codeScreen } from '../../lib/rotating-code';
import { getOrgUnit, memberUnit } from '../../../../db/queries/org';
import {
  cancelServiceActivity,
  cancelSignup,
  checkIn,
  checkOut,
  getServiceActivity,
  getSignup,
  insertServiceActivity,
  listServiceActivities,
  listSignups,
  signUp,
  updateServiceActivity,
  type ServiceActivity,
} from '../../../../db/queries/service-activities';
import { getRecord } from '../../../../db/queries/volunteer';
import {
  CheckBody,
  CheckResponse,
  CodeScreenResponse,
  ServiceActivityBody,
  ServiceActivityPatch,
  ServiceActivityQuery,
  SignupList,
} from '../../../../shared/contracts/volunteer';
import { chinaDay } from '../../../../shared/i18n';
import { maskPhone } from '../../../../shared/mask';
import { CHECK_OUT_LATE_MS, chinaClock, checkInWindow, checkOutWindow, nextStep, serviceHours, serviceStart } from '../../../../shared/service-activities';
import { campaignOfKind, requireOpen as open } from '../../lib/guards';
import { settingsOf } from '../../../../shared/contracts/campaigns';
import type { CampaignRecord } from '../../../../db/queries/campaigns';
const cfg = (c: CampaignRecord) => settingsOf('volunteer', c.settings);
const volunteerCampaign = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'volunteer');
import { ServiceActivitySchema, type ServiceActivityView } from '../../../../shared/contracts/volunteer';

/* 服务活动 (service activities) of a "1+1" campaign: sign-up, a rotating code at the place, check-in/out → hours. */

type Row = Awaited<ReturnType<typeof listServiceActivities>>[number];
function dto(c: Context<AppEnv>, r: Row): ServiceActivityView {
  const win = checkInWindow(r);
  return {
    id: r.id,
    campaignId: r.campaignId,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    title: r.title,
    place: r.place,
    description: r.description,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    capacity: r.capacity,
    signedUp: r.signedUp,
    seatsLeft: Math.max(0, r.capacity - r.signedUp),
    status: r.status,
    checkInOpensAt: nowIso(win.from),
    checkOutClosesAt: nowIso(Date.parse(r.endsAt) + CHECK_OUT_LATE_MS),
    mine: r.mineStatus ? { status: r.mineStatus, checkedInAt: r.mineCheckedInAt, checkedOutAt: r.mineCheckedOutAt, recordId: r.mineRecordId } : null,
    canManage: canManagePath(c.var.viewer, r.orgPath),
  };
}

/** The activity and its campaign (visible to the viewer, a "1+1" campaign); 404 otherwise. */
async function activityOf(c: Context<AppEnv>, id: string) {
  const a = await getServiceActivity(c.var.db, id);
  if (!a) throw new ApiError('not_found', 'msg.sa_missing');
  const campaign = await volunteerCampaign(c, a.campaignId);
  return { a, campaign };
}

async function view(c: Context<AppEnv>, a: ServiceActivity) {
  const [row] = await listServiceActivities(c.var.db, a.campaignId, { id: a.id, userId: c.var.viewer?.id ?? null, limit: 1 });
  return dto(c, row!);
}

const checkUrl = (c: Context<AppEnv>, id: string, code: string) =>
  `${new URL(c.req.url).origin}/service-activities/${encodeURIComponent(id)}/check?code=${code}`;

export const serviceActivityCampaignRoutes = createApp()
  .get(
    '/:id/service-activities',
    describeRoute({
      tags: ['Service activities'],
      summary:
        'Service activities of a "1+1" campaign (public: times, places, counts — never names). when=upcoming (default: not over, soonest first) or all (newest first); signed-in viewers get their own sign-up as `mine`',
      responses: { 200: json(v.object({ items: v.array(ServiceActivitySchema) })) },
    }),
    valid('param', IdParam),
    valid('query', ServiceActivityQuery),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await listServiceActivities(c.var.db, campaign.id, {
        upcomingAfter: q.when === 'upcoming' ? nowIso(Date.now() - CHECK_OUT_LATE_MS) : undefined,
        userId: c.var.viewer?.id ?? null,
        limit: q.limit,
      });
      return c.json({ items: rows.filter((r) => q.when === 'all' || r.status === 'open' || r.mineStatus === 'signed_up').map((r) => dto(c, r)) });
    },
  )
  .post(
    '/:id/service-activities',
    describeRoute({
      tags: ['Service activities'],
      summary:
        'Create a service activity (organizers of its org unit, which lies in the campaign’s subtree; the campaign’s unit by default): title, place, description, start/end (≤ 24 h), capacity',
      responses: { 201: json(v.object({ serviceActivity: ServiceActivitySchema }), 'Created') },
    }),
    valid('param', IdParam),
    valid('json', ServiceActivityBody),
    async (c) => {
      const campaign = await volunteerCampaign(c, c.req.valid('param').id);
      const b = c.req.valid('json');
      const unit = b.orgUnitId ? await getOrgUnit(c.var.db, b.orgUnitId) : { id: campaign.orgUnitId, path: campaign.orgPath };
      requireViewer(c);
      if (!unit) throw new ApiError('validation_failed', undefined, {}, { orgUnitId: { key: 'msg.org_missing' } });
      const viewer = requireManage(c, unit.path);
      if (!unit.path.startsWith(campaign.orgPath)) throw new ApiError('validation_failed', undefined, {}, { orgUnitId: { key: 'msg.sa_unit_outside' } });
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const id = await insertServiceActivity(c.var.db, {
        campaignId: campaign.id,
        orgUnitId: unit.id,
        orgPath: unit.path,
        title: b.title,
        place: b.place,
        description: b.description,
        startsAt: nowIso(Date.parse(b.startsAt)),
        endsAt: nowIso(Date.parse(b.endsAt)),
        capacity: b.capacity,
        createdBy: viewer.id,
      });
      return c.json({ serviceActivity: await view(c, (await getServiceActivity(c.var.db, id))!) }, 201);
    },
  );

export const serviceActivityRoutes = createApp()
  .get(
    '/:id',
    describeRoute({
      tags: ['Service activities'],
      summary: 'One service activity (public: time, place, counts; the viewer’s own sign-up as `mine`)',
      responses: { 200: json(v.object({ serviceActivity: ServiceActivitySchema })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { a } = await activityOf(c, c.req.valid('param').id);
      return c.json({ serviceActivity: await view(c, a) });
    },
  )
  .patch(
    '/:id',
    describeRoute({
      tags: ['Service activities'],
      summary: 'Edit an open service activity (organizers of its unit); capacity not below the sign-ups (409)',
      responses: { 200: json(v.object({ serviceActivity: ServiceActivitySchema })) },
    }),
    valid('param', IdParam),
    valid('json', ServiceActivityPatch),
    async (c) => {
      const { a } = await activityOf(c, c.req.valid('param').id);
      const viewer = requireManage(c, a.orgPath);
      const b = c.req.valid('json');
      const patch = {
        ...b,
        ...(b.startsAt ? { startsAt: nowIso(Date.parse(b.startsAt)) } : {}),
        ...(b.endsAt ? { endsAt: nowIso(Date.parse(b.endsAt)) } : {}),
      };
      const starts = Date.parse(patch.startsAt ?? a.startsAt);
      const ends = Date.parse(patch.endsAt ?? a.endsAt);
      if (!(ends > starts) || ends - starts > 24 * 3600e3) throw new ApiError('validation_failed', undefined, {}, { endsAt: { key: 'msg.sa_span' } });
      if (a.status === 'cancelled') throw new ApiError('conflict', 'msg.sa_cancelled');
      if (!(await updateServiceActivity(c.var.db, viewer.id, a, patch))) {
        const now = await getServiceActivity(c.var.db, a.id);
        if (now?.status === 'cancelled') throw new ApiError('conflict', 'msg.sa_cancelled');
        throw new ApiError(
          'conflict',
          'msg.sa_capacity_below',
          { n: now?.signedUp ?? a.signedUp },
          { capacity: { key: 'msg.sa_capacity_below', params: { n: now?.signedUp ?? a.signedUp } } },
        );
      }
      return c.json({ serviceActivity: await view(c, (await getServiceActivity(c.var.db, a.id))!) });
    },
  )
  .post(
    '/:id/cancel',
    describeRoute({
      tags: ['Service activities'],
      summary: 'Cancel a service activity (organizers of its unit); sign-ups stay on record, no more check-ins',
      responses: { 200: json(v.object({ serviceActivity: ServiceActivitySchema })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { a } = await activityOf(c, c.req.valid('param').id);
      const viewer = requireManage(c, a.orgPath);
      if (!(await cancelServiceActivity(c.var.db, viewer.id, a))) throw new ApiError('conflict', 'msg.sa_cancelled');
      return c.json({ serviceActivity: await view(c, (await getServiceActivity(c.var.db, a.id))!) });
    },
  )
  .post(
    '/:id/signups',
    describeRoute({
      tags: ['Service activities'],
      summary:
        'Sign up (signed-in participants, as for reporting service records). Full → 409; again → 409; over or cancelled → 409. Places never exceed the capacity, whatever the concurrency',
      responses: { 201: json(v.object({ serviceActivity: ServiceActivitySchema }), 'Signed up') },
    }),
    valid('param', IdParam),
    async (c) => {
      const viewer = requireViewer(c);
      const { a, campaign } = await activityOf(c, c.req.valid('param').id);
      open(campaign);
      if (!(await signUp(c.var.db, a.id, viewer.id))) {
        const [now, mine] = await Promise.all([getServiceActivity(c.var.db, a.id), getSignup(c.var.db, a.id, viewer.id)]);
        if (mine?.status === 'signed_up') throw new ApiError('conflict', 'msg.sa_already');
        if (now?.status === 'cancelled') throw new ApiError('conflict', 'msg.sa_cancelled');
        if (now && Date.parse(now.endsAt) <= Date.now()) throw new ApiError('conflict', 'msg.sa_over');
        throw new ApiError('conflict', 'msg.sa_full');
      }
      return c.json({ serviceActivity: await view(c, a) }, 201);
    },
  )
  .delete(
    '/:id/signups',
    describeRoute({
      tags: ['Service activities'],
      summary: 'Cancel my sign-up (not once checked in: 409); frees the place',
      responses: { 200: json(v.object({ serviceActivity: ServiceActivitySchema })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const viewer = requireViewer(c);
      const { a } = await activityOf(c, c.req.valid('param').id);
      if (!(await cancelSignup(c.var.db, a.id, viewer.id))) {
        const mine = await getSignup(c.var.db, a.id, viewer.id);
        if (mine?.status === 'signed_up' && mine.checkedInAt) throw new ApiError('conflict', 'msg.sa_cancel_checked_in');
        throw new ApiError('conflict', 'msg.sa_not_signed_up');
      }
      return c.json({ serviceActivity: await view(c, a) });
    },
  )
  .get(
    '/:id/signups',
    describeRoute({
      tags: ['Service activities'],
      summary: 'The sign-up list with check-in/out times and hours (organizers of the activity’s unit; phones masked)',
      responses: { 200: json(SignupList) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { a } = await activityOf(c, c.req.valid('param').id);
      requireManage(c, a.orgPath);
      const rows = await listSignups(c.var.db, a.id);
      return c.json({ items: rows.map(({ userPaths: _paths, ...r }) => ({ ...r, phone: maskPhone(r.phone) })) });
    },
  )
  .get(
    '/:id/signups/export',
    describeRoute({
      tags: ['Service activities'],
      summary: 'The sign-up list as Excel or CSV (签到台账) — organizers of the activity’s unit',
      responses: { 200: { description: 'File' } },
    }),
    valid('param', IdParam),
    valid('query', v.strictObject({ format: v.optional(v.picklist(['xlsx', 'csv']), 'xlsx') })),
    async (c) => {
      const { a, campaign } = await activityOf(c, c.req.valid('param').id);
      requireManage(c, a.orgPath);
      const state: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };
      const rows: TableCell[][] = [['序号', '姓名', '手机号', '所在党组织', '报名状态', '报名时间', '签到时间', '签退时间', '服务时长(小时)', '记录状态']];
      let i = 0;
      for (const r of await listSignups(c.var.db, a.id)) {
        rows.push([
          ++i,
          r.name,
          phoneFor(c.var.viewer, r.phone, { userId: r.userId, paths: pathList(r.userPaths), fallbackPath: a.orgPath }),
          r.orgUnitName ?? '',
          r.status === 'signed_up' ? '已报名' : '已取消',
          at(r.createdAt),
          at(r.checkedInAt),
          at(r.checkedOutAt),
          r.hours ?? '',
          r.recordStatus ? state[r.recordStatus] : '',
        ]);
      }
      return tableFile(c, rows, `${campaign.slug}-service-activity-${a.id}`, c.req.valid('query').format, '签到台账');
    },
  )
  .get(
    '/:id/code',
    describeRoute({
      tags: ['Service activities'],
      summary:
        'The check-in code to show at the place (organizers of the activity’s unit, never public): 6 digits from HMAC-SHA256(codeSecret, minute), new every minute; the current and the previous one are accepted. With the check-in link and its QR (SVG)',
      responses: { 200: json(CodeScreenResponse) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { a } = await activityOf(c, c.req.valid('param').id);
      requireManage(c, a.orgPath);
      const screen = await codeScreen(c, a.codeSecret, (code) => checkUrl(c, a.id, code));
      return c.json({ ...screen, serviceActivity: await view(c, a) });
    },
  )
  .post(
    '/:id/check',
    describeRoute({
      tags: ['Service activities'],
      summary:
        'Check in, then out, with the code shown at the place (signed-up participants). In: from 30 min before the start to the end; out: until 2 h after the end. At check-out the hours (clipped to the activity, down to the half hour, within the daily maximum) become a pending service record (source checkin) in the same batch. Wrong/expired code → 400; not signed up → 403; twice → 409; too many guesses → 429',
      responses: { 200: json(CheckResponse) },
    }),
    valid('param', IdParam),
    valid('json', CheckBody),
    async (c) => {
      const viewer = requireViewer(c);
      const db = c.var.db;
      const { a, campaign } = await activityOf(c, c.req.valid('param').id);
      const b = c.req.valid('json');
      open(campaign);
      if (a.status === 'cancelled') throw new ApiError('conflict', 'msg.sa_cancelled');
      const signup = await getSignup(db, a.id, viewer.id);
      if (signup?.status !== 'signed_up') throw new ApiError('forbidden', 'msg.sa_not_signed_up');
      const step = nextStep(signup);
      if (step === 'done') throw new ApiError('conflict', 'msg.sa_checked_out');
      if (b.action === 'in' && step !== 'check_in') throw new ApiError('conflict', 'msg.sa_checked_in');
      if (b.action === 'out' && step === 'check_in') throw new ApiError('conflict', 'msg.sa_not_checked_in');
      const now = Date.now();
      if (step === 'check_in') {
        const win = checkInWindow(a);
        if (now < win.from) throw new ApiError('conflict', 'msg.sa_check_in_early', { time: chinaClock(win.from) });
        if (now > win.to) throw new ApiError('conflict', 'msg.sa_check_in_closed', { time: chinaClock(win.to) });
      } else {
        const win = checkOutWindow(a, signup.checkedInAt!);
        if (now > win.to) throw new ApiError('conflict', 'msg.sa_check_out_closed', { time: chinaClock(win.to) });
      }
      if (!(await codeAccepted(c, viewer.id, a.codeSecret, b.code, now)))
        throw new ApiError('validation_failed', 'msg.sa_code_wrong', {}, { code: { key: 'msg.sa_code_wrong' } });
      const at = nowIso(now);
      if (step === 'check_in') {
        if (!(await checkIn(db, a.id, viewer.id, at))) throw new ApiError('conflict', 'msg.sa_checked_in');
        return c.json({ step: 'checked_in' as const, serviceActivity: await view(c, a), record: null, hours: 0, computedHours: 0 });
      }
      const computed = serviceHours(a, signup.checkedInAt!, at);
      const unit = await memberUnit(db, viewer.id);
      const out = await checkOut(db, a, viewer.id, unit, at, {
        date: chinaDay(serviceStart(a, signup.checkedInAt!)),
        hours: computed,
        maxPerDay: cfg(campaign).maxHoursPerDay,
      });
      if (!out) throw new ApiError('conflict', 'msg.sa_checked_out');
      const record = out.recordId ? await getRecord(db, out.recordId) : null;
      return c.json({
        step: 'checked_out' as const,
        serviceActivity: await view(c, a),
        record: record ?? null,
        hours: record?.hours ?? 0,
        computedHours: computed,
      });
    },
  );
