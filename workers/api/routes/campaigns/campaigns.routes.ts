import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { visibleCampaign, managedCampaign } from '../../lib/guards';
import { checkSettingsRefs } from '../../lib/settings-refs';
import { createApp } from '../../lib/app';
import { valid, issuesToFields } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, requireManage, requireViewer, scopeOf } from '../../lib/authz';
import type { AppEnv, Viewer } from '../../lib/env';
import {
  CampaignList,
  CampaignListQuery,
  CampaignResponse,
  CreateCampaignBody,
  DuplicateCampaignBody,
  UpdateCampaignBody,
  parseSettings,
} from '../../../../shared/contracts/campaigns';
import { CAMPAIGN_KINDS, type CampaignKind } from '../../../../shared/kinds';
import { msg } from '../../../../shared/messages';
import type { Lang } from '../../../../shared/i18n';
import { safeHttpUrl } from '../../../../shared/links';
import { createCampaign, getCampaign, listCampaigns, transitionCampaign, updateCampaign, type CampaignRecord } from '../../../../db/queries/campaigns';
import { getOrgUnit } from '../../../../db/queries/org';
import { campaignCounts } from '../../../../db/queries/campaign-counts';
import { duplicateCampaign } from '../../../../db/queries/campaign-copy';
import { decodeCursor, encodeCursor } from '../../../../db/queries/util';
import { coverUrlOf } from '../../lib/cover';

export function toCampaignDto(r: CampaignRecord, viewer: Viewer | null) {
  const { orgPath, coverKey, ...rest } = r;
  // Stored settings are complete when written through the API; data loaded otherwise
  // (seeds, older rows) gets the defaults of its kind on the way out.
  const full = parseSettings(r.kind, r.settings);
  const settings = withSafeLinks(full.success ? (full.output as Record<string, unknown>) : r.settings);
  return { ...rest, settings, coverUrl: coverUrlOf(r.id, coverKey), canManage: canManagePath(viewer, orgPath) };
}

/** Rows stored before links were http(s)-only never hand a script link to a page: it goes out empty. */
function withSafeLinks(settings: Record<string, unknown>): Record<string, unknown> {
  const charity = settings.charity as { projectUrl?: unknown } | undefined;
  if (!charity || typeof charity !== 'object' || safeHttpUrl(charity.projectUrl)) return settings;
  return { ...settings, charity: { ...charity, projectUrl: '' } };
}

/** Full settings for a kind from a (partial) input, or a validation error under `settings.*`. */
function settingsFor(c: Context<AppEnv>, kind: CampaignKind, input: unknown) {
  const res = parseSettings(kind, input);
  if (!res.success) {
    const fields = Object.fromEntries(Object.entries(issuesToFields(res.issues, c.var.lang)).map(([k, m]) => [`settings.${k}`, m]));
    throw new ApiError('validation_failed', undefined, {}, fields);
  }
  return res.output as Record<string, unknown>;
}

/** Schedule and kind settings of a create request, checked even when other fields fail. */
function campaignCrossChecks(input: unknown, lang: Lang): Record<string, string> {
  const b = (input ?? {}) as { kind?: unknown; startsAt?: unknown; endsAt?: unknown; settings?: unknown };
  const fields: Record<string, string> = {};
  if (typeof b.startsAt === 'string' && typeof b.endsAt === 'string') {
    const s = Date.parse(b.startsAt);
    const e = Date.parse(b.endsAt);
    if (!Number.isNaN(s) && !Number.isNaN(e) && e <= s) fields.endsAt = msg('msg.ends_before_starts', lang);
  }
  if ((CAMPAIGN_KINDS as readonly unknown[]).includes(b.kind) && b.settings && typeof b.settings === 'object' && !Array.isArray(b.settings)) {
    const res = parseSettings(b.kind as CampaignKind, b.settings);
    if (!res.success) for (const [k, m] of Object.entries(issuesToFields(res.issues, lang))) fields[`settings.${k}`] = m;
  }
  return fields;
}

/** A China-time year as ISO instants: [1 Jan 00:00 +08:00, next 1 Jan) — stored times are UTC ISO strings. */
function yearSpan(year: number) {
  const at = (y: number) => new Date(Date.parse(`${y}-01-01T00:00:00+08:00`)).toISOString();
  return { from: at(year), to: at(year + 1) };
}

function checkSchedule(startsAt: string, endsAt: string) {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new ApiError('validation_failed', undefined, {}, { endsAt: { key: 'msg.ends_before_starts' } });
}

export const campaignRoutes = createApp()
  .get(
    '/',
    describeRoute({
      tags: ['Campaigns'],
      summary:
        'List campaigns (public: published and closed; organizers also see drafts of their subtree; managed=true: only those). Campaigns the viewer manages carry `counts` (participants, pending review)',
      responses: { 200: json(CampaignList) },
    }),
    valid('query', CampaignListQuery),
    async (c) => {
      const q = c.req.valid('query');
      const viewer = c.var.viewer;
      if (q.managed === 'true') requireViewer(c);
      let orgUnitPath: string | undefined;
      if (q.orgUnitId) {
        const unit = await getOrgUnit(c.var.db, q.orgUnitId);
        if (!unit) return c.json({ items: [], nextCursor: null });
        orgUnitPath = unit.path;
      }
      const rows = await listCampaigns(c.var.db, scopeOf(viewer), {
        kind: q.kind,
        status: q.status,
        orgUnitPath,
        managedOnly: q.managed === 'true',
        limit: q.limit,
        beforeId: decodeCursor(q.cursor),
        overlaps: q.year ? yearSpan(Number(q.year)) : undefined,
      });
      const items = rows.slice(0, q.limit).map((r) => toCampaignDto(r, viewer));
      if (!viewer) c.header('Cache-Control', 'public, max-age=15');
      // counts only where the viewer manages: pending reviews are the organizers' business
      const counts = viewer
        ? await campaignCounts(
            c.var.db,
            items.filter((i) => i.canManage).map((i) => i.id),
          )
        : new Map();
      return c.json({
        items: items.map((i) => (counts.has(i.id) ? { ...i, counts: counts.get(i.id)! } : i)),
        nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null,
      });
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['Campaigns'],
      summary: 'One campaign by id or slug (a draft is 404 to anyone who may not manage it)',
      responses: { 200: json(CampaignResponse) },
    }),
    valid('param', IdParam),
    async (c) => {
      const r = await visibleCampaign(c, c.req.valid('param').id);
      // partner widgets read a public campaign (title, charity) from other sites
      if (!c.var.cookieAuth) c.header('Access-Control-Allow-Origin', '*');
      return c.json({ campaign: toCampaignDto(r, c.var.viewer) });
    },
  )
  .post(
    '/',
    describeRoute({
      tags: ['Campaigns'],
      summary: 'Create a campaign as a draft (organizers of orgUnitId’s subtree); settings validated per kind, defaults filled',
      responses: { 201: json(CampaignResponse, 'Created') },
    }),
    valid('json', CreateCampaignBody, campaignCrossChecks),
    async (c) => {
      const body = c.req.valid('json');
      const viewer = requireViewer(c);
      const unit = await getOrgUnit(c.var.db, body.orgUnitId);
      if (!unit) throw new ApiError('validation_failed', undefined, {}, { orgUnitId: { key: 'msg.org_missing' } });
      requireManage(c, unit.path);
      checkSchedule(body.startsAt, body.endsAt);
      const settings = settingsFor(c, body.kind, body.settings);
      await checkSettingsRefs(c, body.kind, unit.path, settings);
      const id = await createCampaign(c.var.db, viewer.id, {
        kind: body.kind,
        title: body.title,
        slug: body.slug,
        summary: body.summary,
        description: body.description,
        orgUnit: unit,
        startsAt: new Date(body.startsAt).toISOString(),
        endsAt: new Date(body.endsAt).toISOString(),
        settings,
      });
      if (!id) throw new ApiError('conflict', 'msg.slug_taken', {}, { slug: { key: 'msg.slug_taken' } });
      const created = await getCampaign(c.var.db, id);
      return c.json({ campaign: toCampaignDto(created!, viewer) }, 201);
    },
  )
  .patch(
    '/:id',
    describeRoute({
      tags: ['Campaigns'],
      summary: 'Edit a draft or published campaign (settings merge with the current ones); closed → 409',
      responses: { 200: json(CampaignResponse) },
    }),
    valid('param', IdParam),
    valid('json', UpdateCampaignBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const startsAt = body.startsAt ? new Date(body.startsAt).toISOString() : campaign.startsAt;
      const endsAt = body.endsAt ? new Date(body.endsAt).toISOString() : campaign.endsAt;
      checkSchedule(startsAt, endsAt);
      // only ids this edit sets: an unrelated edit is not refused over what others stored
      await checkSettingsRefs(c, campaign.kind, campaign.orgPath, body.settings);
      const patch = {
        ...body,
        ...(body.startsAt ? { startsAt } : {}),
        ...(body.endsAt ? { endsAt } : {}),
        ...(body.settings ? { settings: settingsFor(c, campaign.kind, mergeSettings(campaign.settings, body.settings)) } : {}),
      };
      const res = await updateCampaign(c.var.db, viewer.id, campaign.id, campaign.orgUnitId, patch);
      if (res === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (res === 'slug_taken') throw new ApiError('conflict', 'msg.slug_taken', {}, { slug: { key: 'msg.slug_taken' } });
      const updated = await getCampaign(c.var.db, campaign.id);
      return c.json({ campaign: toCampaignDto(updated!, viewer) });
    },
  )
  .post(
    '/:id/duplicate',
    describeRoute({
      tags: ['Campaigns'],
      summary:
        'Duplicate a campaign into a draft (organizers of its unit): settings and set-up (stages, judging rounds and criteria, slots, service activities) with every date moved by the same offset to `startsAt`; no participants’ data',
      responses: { 201: json(CampaignResponse, 'Created') },
    }),
    valid('param', IdParam),
    valid('json', DuplicateCampaignBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const title = body.title ?? `${campaign.title}（副本）`.slice(0, 80);
      const id = await duplicateCampaign(c.var.db, viewer.id, campaign, { title, startsAt: new Date(body.startsAt).toISOString() });
      if (!id) throw new ApiError('conflict', 'msg.slug_taken');
      return c.json({ campaign: toCampaignDto((await getCampaign(c.var.db, id))!, viewer) }, 201);
    },
  )
  .post(
    '/:id/publish',
    describeRoute({ tags: ['Campaigns'], summary: 'Publish a draft (organizers); not a draft → 409', responses: { 200: json(CampaignResponse) } }),
    valid('param', IdParam),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      if (campaign.kind === 'drive' && !(campaign.settings as { charity?: unknown }).charity) {
        throw new ApiError('unprocessable', 'msg.drive_needs_charity', {}, { 'settings.charity': { key: 'msg.drive_needs_charity' } });
      }
      if (!(await transitionCampaign(c.var.db, viewer.id, campaign.id, campaign.orgUnitId, 'draft', 'published'))) {
        throw new ApiError('conflict', 'msg.campaign_not_draft');
      }
      return c.json({ campaign: toCampaignDto((await getCampaign(c.var.db, campaign.id))!, viewer) });
    },
  )
  .post(
    '/:id/close',
    describeRoute({
      tags: ['Campaigns'],
      summary: 'Close a published campaign (organizers); engagement writes then answer 409',
      responses: { 200: json(CampaignResponse) },
    }),
    valid('param', IdParam),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      if (!(await transitionCampaign(c.var.db, viewer.id, campaign.id, campaign.orgUnitId, 'published', 'closed'))) {
        throw new ApiError('conflict', 'msg.campaign_not_published');
      }
      return c.json({ campaign: toCampaignDto((await getCampaign(c.var.db, campaign.id))!, viewer) });
    },
  );

/** Settings patches merge one level deep, so `{"leaderboard":{"hidden":true}}` keeps the aggregation. */
function mergeSettings(current: Record<string, unknown>, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...current };
  for (const [k, val] of Object.entries(patch)) {
    const cur = out[k];
    out[k] = val && typeof val === 'object' && !Array.isArray(val) && cur && typeof cur === 'object' && !Array.isArray(cur) ? { ...cur, ...val } : val;
  }
  return out;
}
