import type { Context } from 'hono';
import { ApiError } from './errors';
import { canManagePath, requireManage, requireReview, requireViewer, reviewScopeOf, scopeOf } from './authz';
import type { AppEnv } from './env';
import { getCampaign, type CampaignRecord } from '../../../db/queries/campaigns';
import { getOrgUnit } from '../../../db/queries/org';
import type { CampaignKind } from '../../../shared/kinds';
import type { MessageKey } from '../../../shared/messages';

/** The caller's network address (Cloudflare sets it; local runs share one), for rate limits. */
export const clientAddress = (c: Context<AppEnv>) => c.req.header('cf-connecting-ip') ?? 'local';

/** A campaign this viewer may see: drafts are 404 to anyone who may not manage them. */
export async function visibleCampaign(c: Context<AppEnv>, idOrSlug: string) {
  return seenCampaign(c, await getCampaign(c.var.db, idOrSlug));
}

/** The rule of `visibleCampaign` for a campaign a route read itself (batched with its other reads). */
export function seenCampaign(c: Context<AppEnv>, r: CampaignRecord | null | undefined): CampaignRecord {
  if (!r || (r.status === 'draft' && !canManagePath(c.var.viewer, r.orgPath))) throw new ApiError('not_found');
  return r;
}

/** A campaign this viewer manages: 404 if invisible, 401/403 if visible but not theirs. */
export async function managedCampaign(c: Context<AppEnv>, idOrSlug: string) {
  const r = await visibleCampaign(c, idOrSlug);
  const viewer = requireManage(c, r.orgPath);
  return { campaign: r, viewer };
}

/** What a module says when a campaign of another kind is addressed through its routes. */
const NOT_OF_KIND = {
  quiz: 'msg.quiz_not_quiz',
  contest: 'msg.contest_not_contest',
  volunteer: 'msg.vol_not_volunteer',
  drive: 'msg.drive_not_drive',
  exhibition: 'msg.ex_not_exhibition',
  training: 'msg.tr_not_training',
} as const satisfies Record<CampaignKind, MessageKey>;

/** A visible campaign of one kind (module routes); another kind is 404 with the module's message. */
export async function campaignOfKind(c: Context<AppEnv>, idOrSlug: string, kind: CampaignKind) {
  return seenCampaignOfKind(c, await getCampaign(c.var.db, idOrSlug), kind);
}

/** `campaignOfKind` for a campaign a route read itself. */
export function seenCampaignOfKind(c: Context<AppEnv>, r: CampaignRecord | null | undefined, kind: CampaignKind): CampaignRecord {
  const campaign = seenCampaign(c, r);
  if (campaign.kind !== kind) throw new ApiError('not_found', NOT_OF_KIND[kind]);
  return campaign;
}

/** A campaign of one kind that this viewer manages. */
export async function managedCampaignOfKind(c: Context<AppEnv>, idOrSlug: string, kind: CampaignKind) {
  const r = await managedCampaign(c, idOrSlug);
  if (r.campaign.kind !== kind) throw new ApiError('not_found', NOT_OF_KIND[kind]);
  return r;
}

/** Engagement writes need a published campaign: a closed one is 409, a draft is not there at all. */
export function requireOpen(campaign: CampaignRecord) {
  if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
  if (campaign.status !== 'published') throw new ApiError('not_found');
}

/**
 * The part of a campaign an organizer's report or export covers: the unit of `?orgUnitId`
 * (an unknown one falls back to the campaign's), or the campaign's own; they must manage it.
 */
export async function managedScope(c: Context<AppEnv>, campaign: CampaignRecord, orgUnitId: string | undefined) {
  const unit = orgUnitId ? await getOrgUnit(c.var.db, orgUnitId) : null;
  const path = unit?.path ?? campaign.orgPath;
  requireManage(c, path);
  return { unit, path };
}

/**
 * An organizer's review queue (records, pledges): the subtrees they manage, narrowed to one
 * unit of `?orgUnitId` when they manage it. Someone who manages nothing has no queue (403).
 */
export async function queueScope(c: Context<AppEnv>, orgUnitId: string | undefined) {
  const viewer = requireViewer(c);
  const unit = orgUnitId ? await getOrgUnit(c.var.db, orgUnitId) : null;
  if (unit) requireManage(c, unit.path);
  const scope = scopeOf(viewer);
  if (!scope.all && !scope.managedPaths.length) throw new ApiError('forbidden');
  return { viewer, unit, scope };
}

/** An org unit this viewer manages (its whole subtree): 404 if there is none (or it was archived), 401/403 if not theirs. */
export async function managedUnit(c: Context<AppEnv>, id: string) {
  const unit = await getOrgUnit(c.var.db, id);
  if (!unit || unit.archivedAt) throw new ApiError('not_found', 'msg.org_missing');
  const viewer = requireManage(c, unit.path);
  return { unit, viewer };
}

/** A reviewer's queue (service records): like `queueScope`, over where the viewer reviews (审核员 units and managed subtrees). */
export async function reviewQueueScope(c: Context<AppEnv>, orgUnitId: string | undefined) {
  const viewer = requireViewer(c);
  const unit = orgUnitId ? await getOrgUnit(c.var.db, orgUnitId) : null;
  if (unit) requireReview(c, unit.path);
  const scope = reviewScopeOf(viewer);
  if (!scope.all && !scope.managedPaths.length) throw new ApiError('forbidden');
  return { viewer, unit, scope };
}
