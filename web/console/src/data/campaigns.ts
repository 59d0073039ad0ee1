import { api, qs } from '@ui/api';
import type { Campaign, CampaignListItem, Page } from '@ui/types';

export function listManaged(p: { kind?: string; status?: string; year?: string; cursor?: string | null }) {
  return api<Page<CampaignListItem>>('GET', `/campaigns${qs({ managed: 'true', limit: 100, kind: p.kind, status: p.status, year: p.year, cursor: p.cursor })}`);
}

export async function getCampaign(id: string): Promise<Campaign> {
  return (await api<{ campaign: Campaign }>('GET', `/campaigns/${encodeURIComponent(id)}`)).campaign;
}

/** publish / close answer with the campaign; when a server answers with nothing, read it again. */
export async function transition(id: string, action: 'publish' | 'close'): Promise<Campaign> {
  const r = await api<{ campaign?: Campaign } | undefined>('POST', `/campaigns/${encodeURIComponent(id)}/${action}`);
  return r?.campaign ?? getCampaign(id);
}

export function portalHref(c: Pick<Campaign, 'id' | 'slug'>): string {
  return `/c/${encodeURIComponent(c.slug || c.id)}`;
}
