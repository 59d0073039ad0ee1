import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { canManagePath } from './authz';
import { banksByIds } from '../../../db/queries/quiz-banks';
import { getCampaign } from '../../../db/queries/campaigns';
import type { CampaignKind } from '../../../shared/kinds';

/*
 * Ids in a campaign's (or a stage's) settings point at other data: a quiz's question banks,
 * an exhibition's contest gallery. Naming another unit's bank would hand its questions and
 * answers to whoever runs the campaign, so every id is checked wherever settings are
 * written (campaign create and edit, stage create and edit) — the ids the request sets,
 * not ones stored before it. Unknown and foreign ids get the same answer, so the check
 * does not reveal which ids exist.
 */

/**
 * Question banks a campaign at `campaignPath` may draw from: each must be managed by the
 * actor and lie in the campaign's subtree or above it (a bank of a parent unit shared down).
 */
export async function checkBankIds(c: Context<AppEnv>, campaignPath: string, ids: readonly string[] | null | undefined, field = 'settings.bankIds') {
  if (!ids?.length) return;
  const banks = await banksByIds(c.var.db, [...new Set(ids)]);
  const ok =
    banks.length === new Set(ids).size &&
    banks.every((b) => canManagePath(c.var.viewer, b.orgPath) && (b.orgPath.startsWith(campaignPath) || campaignPath.startsWith(b.orgPath)));
  if (!ok) throw new ApiError('validation_failed', undefined, {}, { [field]: { key: 'msg.bank_outside' } }).because('bank_outside');
}

/** The contest an exhibition shows as its gallery: a contest the actor may see (published, or theirs). */
async function checkGallery(c: Context<AppEnv>, id: string | null | undefined) {
  if (!id) return;
  const g = await getCampaign(c.var.db, id);
  if (g?.kind !== 'contest' || (g.status === 'draft' && !canManagePath(c.var.viewer, g.orgPath))) {
    throw new ApiError('validation_failed', undefined, {}, { 'settings.galleryCampaignId': { key: 'msg.gallery_outside' } }).because('gallery_outside');
  }
}

/** Every id the written settings of a kind set, checked against the actor's subtree. */
export async function checkSettingsRefs(c: Context<AppEnv>, kind: CampaignKind, campaignPath: string, written: Record<string, unknown> | undefined) {
  if (!written) return;
  if (kind === 'quiz' && Array.isArray(written.bankIds)) await checkBankIds(c, campaignPath, written.bankIds as string[]);
  if (kind === 'exhibition' && typeof written.galleryCampaignId === 'string') await checkGallery(c, written.galleryCampaignId);
}
