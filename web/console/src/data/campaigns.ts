import { call } from '@ui/api';
import type { Campaign } from '@ui/types';

export function listManaged(p: { kind?: string; status?: string; year?: string; cursor?: string | null }) {
  return call('GET /campaigns', {}, { query: { managed: 'true', limit: 100, kind: p.kind, status: p.status, year: p.year, cursor: p.cursor } });
}

export async function getCampaign(id: string): Promise<Campaign> {
  return (await call('GET /campaigns/{id}', { id })).campaign;
}

/** publish / close answer with the campaign. */
export async function transition(id: string, action: 'publish' | 'close'): Promise<Campaign> {
  return (await call(action === 'publish' ? 'POST /campaigns/{id}/publish' : 'POST /campaigns/{id}/close', { id })).campaign;
}

export function portalHref(c: Pick<Campaign, 'id' | 'slug'>): string {
  return `/c/${encodeURIComponent(c.slug || c.id)}`;
}
