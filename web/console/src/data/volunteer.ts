import { chinaDay } from '@shared/china-time';
import type { InferOutput } from 'valibot';
import type { RosterEntry } from '@shared/contracts/org';
import type { PairSchema, RecordItemDto as ServiceRecord, RecordStatus, VolunteerStatsResponse } from '@shared/contracts/volunteer';
import { API_BASE, call, qs } from '@ui/api';
import type { Campaign, Page } from '@ui/types';
import { org } from './org';

/* The "1+1" volunteer screens' API in the console (API.md, "1+1" volunteers). */

const enc = encodeURIComponent;

export type { RecordStatus, RecordItemDto as ServiceRecord } from '@shared/contracts/volunteer';
export type VolunteerStats = InferOutput<typeof VolunteerStatsResponse>;
export type UnitStats = NonNullable<VolunteerStats['byUnit']>[number];
export type Pair = InferOutput<typeof PairSchema>;

export interface RecordFilter {
  status?: RecordStatus | '';
  orgUnitId?: string | null;
  from?: string;
  to?: string;
}

/** A roster row (phone masked). */
export type RosterRow = InferOutput<typeof RosterEntry>;

export const volunteerHref = (id: string) => `/campaigns/${enc(id)}/volunteer`;

export const getStats = (campaignId: string, orgUnitId: string | null) =>
  call('GET /campaigns/{id}/volunteer-stats', { id: campaignId }, { query: { orgUnitId } });

export const listPairs = (campaignId: string, p: { orgUnitId: string | null; cursor?: string | null; limit?: number }) =>
  call('GET /campaigns/{id}/pairs', { id: campaignId }, { query: { orgUnitId: p.orgUnitId, limit: p.limit ?? 20, cursor: p.cursor } });

export const addPair = (campaignId: string, body: { memberId: string; name: string; phone: string; consent: true; consentNote: string }) =>
  call('POST /campaigns/{id}/pairs', { id: campaignId }, { body });

export const unlinkPair = (pairId: string, reason: string) => call('POST /pairs/{id}/unlink', { id: pairId }, { body: { reason } });

export const listRecords = (campaignId: string, f: RecordFilter & { cursor?: string | null; limit?: number }) =>
  call(
    'GET /campaigns/{id}/service-records',
    { id: campaignId },
    { query: { status: f.status, orgUnitId: f.orgUnitId, from: f.from, to: f.to, limit: f.limit ?? 20, cursor: f.cursor } },
  );

export const approveRecord = (id: string) => call('POST /service-records/{id}/approve', { id });
export const rejectRecord = (id: string, reason: string) => call('POST /service-records/{id}/reject', { id }, { body: { reason } });
export const reviewRecords = (campaignId: string, ids: string[], decision: 'approve' | 'reject', reason?: string) =>
  call('POST /campaigns/{id}/service-records/review', { id: campaignId }, { body: { ids, decision, ...(reason ? { reason } : {}) } });

export const listRoster = (unitId: string, cursor?: string | null) => call('GET /org-units/{id}/roster', { id: unitId }, { query: { limit: 100, cursor } });

/** The 台账 file of the API (Excel or CSV), for a unit or the whole campaign. */
export const pairsExportUrl = (c: Pick<Campaign, 'id'>, orgUnitId: string | null, format: 'xlsx' | 'csv' = 'xlsx') =>
  `${API_BASE}/campaigns/${enc(c.id)}/pairs/export${qs({ format, orgUnitId })}`;

/** The approved-hours board as a file. */
export const boardExportUrl = (c: Pick<Campaign, 'id'>, format: 'xlsx' | 'csv' = 'xlsx', scope: 'individual' | 'org' = 'individual') =>
  `${API_BASE}/campaigns/${enc(c.id)}/leaderboard/export${qs({ format, scope })}`;

/** 1.5 → "1.5", 2 → "2". */
export function fmtHours(h: number | null | undefined): string {
  if (typeof h !== 'number' || !Number.isFinite(h)) return '—';
  return String(Math.round(h * 2) / 2);
}

/** Today in China, as YYYY-MM-DD (service dates are China days). */
export const chinaToday = (ms = Date.now()): string => chinaDay(ms);

/**
 * Every record matching a filter, page by page (100 a request), for an export the organizer asked for.
 * Reports progress; stops at `max` rows.
 */
export async function allRecords(
  campaignId: string,
  f: RecordFilter,
  onProgress: (n: number) => void,
  signal?: { cancelled: boolean },
  max = 50_000,
): Promise<{ rows: ServiceRecord[]; truncated: boolean }> {
  const rows: ServiceRecord[] = [];
  let cursor: string | null = null;
  do {
    if (signal?.cancelled) break;
    const p: Page<ServiceRecord> = await listRecords(campaignId, { ...f, cursor, limit: 100 });
    rows.push(...p.items);
    cursor = p.nextCursor;
    onProgress(rows.length);
  } while (cursor && rows.length < max);
  return { rows, truncated: !!cursor };
}

/**
 * The unit a volunteer campaign's console page works on: the campaign's own unit when the
 * console's scope contains it, else the scope when it lies inside the campaign (an organizer of
 * one 机关党委 reviews their part of a campaign of the whole 工委); null when they do not meet.
 */
export function workingUnit(c: Pick<Campaign, 'orgUnitId'>): string | null {
  const scope = org.scopeId();
  if (!scope) return null;
  if (org.scopeIds().has(c.orgUnitId)) return c.orgUnitId;
  for (let u = org.byId().get(scope); u; u = u.parentId ? org.byId().get(u.parentId) : undefined) {
    if (u.id === c.orgUnitId) return scope;
  }
  return null;
}
