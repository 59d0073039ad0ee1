import { call } from '@ui/api';
import type { Campaign } from '@ui/types';
import type { CampaignKind, CampaignStatus } from '@shared/kinds';

export function listCampaigns(p: { kind?: CampaignKind | null; status?: CampaignStatus; limit?: number; cursor?: string | null }) {
  return call('GET /campaigns', {}, { query: { kind: p.kind, status: p.status, limit: p.limit ?? 50, cursor: p.cursor } });
}

export async function getCampaign(idOrSlug: string): Promise<Campaign> {
  const r = await call('GET /campaigns/{id}', { id: idOrSlug });
  return r.campaign;
}

/** Where a campaign lives on the portal: by slug when it has one (shorter, readable in shares). */
export function campaignHref(c: Pick<Campaign, 'id' | 'slug'>): string {
  return `/c/${encodeURIComponent(c.slug || c.id)}`;
}

/** A campaign's leaderboard on the portal (ranking kinds only). */
export function boardHref(c: Pick<Campaign, 'id' | 'slug'>, scope?: 'org'): string {
  return `${campaignHref(c)}/rank${scope ? `?scope=${scope}` : ''}`;
}
