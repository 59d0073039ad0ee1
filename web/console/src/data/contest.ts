import { createResource, createRoot } from 'solid-js';
import { ApiError, call } from '@ui/api';
import type { Criterion, Entry, EntryStatus } from '@ui/contest';
import type { Campaign, Page } from '@ui/types';
import { session } from './session';

/* The art contest's calls from the console (organizers, and judges on /judging). */

const enc = encodeURIComponent;
const base = (id: string) => `/campaigns/${enc(id)}`;

export function listEntries(campaignId: string, p: { status?: EntryStatus | ''; category?: string; cursor?: string | null; limit?: number }) {
  return call('GET /campaigns/{id}/entries', { id: campaignId }, { query: { status: p.status, category: p.category, cursor: p.cursor, limit: p.limit ?? 50 } });
}

/** Every entry of a status (for pickers and counts), a page of 100 at a time. */
export async function allEntries(campaignId: string, status: EntryStatus): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: string | null = null;
  do {
    const p: Page<Entry> = await listEntries(campaignId, { status, cursor, limit: 100 });
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor && out.length < 2000);
  return out;
}

export const review = (entryId: string, decision: 'approve' | 'reject', reason?: string) =>
  call('POST /entries/{id}/review', { id: entryId }, { body: decision === 'reject' ? { decision, reason: reason ?? '' } : { decision } });

export const listJudges = async (campaignId: string) => (await call('GET /campaigns/{id}/judges', { id: campaignId })).judges;
export const addJudge = async (campaignId: string, phone: string) =>
  (await call('POST /campaigns/{id}/judges', { id: campaignId }, { body: { phone } })).judges;
export const listRounds = async (campaignId: string) => (await call('GET /campaigns/{id}/judging-rounds', { id: campaignId })).items;

export interface RoundInput {
  name: string;
  criteria: Criterion[];
  assignment: 'all' | 'random';
  judgesPerEntry: number;
  quorum: number;
  entries: 'all-approved' | { topN: number } | { ids: string[] };
  /** carry the top N although the previous round has unfinished works (after the warning) */
  force?: boolean;
}
export const openRound = (campaignId: string, body: RoundInput) => call('POST /campaigns/{id}/judging-rounds', { id: campaignId }, { body });
export const closeRound = (roundId: string) => call('POST /judging-rounds/{id}/close', { id: roundId });

export function listVotes(campaignId: string, p: { flagged: boolean; cursor?: string | null }) {
  return call('GET /campaigns/{id}/votes', { id: campaignId }, { query: { flagged: p.flagged ? 'true' : undefined, limit: 100, cursor: p.cursor } });
}
export const discountVotes = (campaignId: string, ids: string[], reason: string) =>
  call('POST /campaigns/{id}/votes/discount', { id: campaignId }, { body: { ids, reason } });

export const getResults = (campaignId: string) => call('GET /campaigns/{id}/results', { id: campaignId });
/** Publish or withdraw the results; while works are unfinished the API answers 409 judging_incomplete unless `force`. */
export const publishResults = (campaignId: string, published: boolean, force = false) =>
  call('POST /campaigns/{id}/results/publish', { id: campaignId }, { body: { published, force } });
/** The server's 台账 downloads (the session cookie goes along with a plain link). */
export const resultsFileUrl = (campaignId: string) => `/api/v1${base(campaignId)}/results.xlsx`;
export const entriesFileUrl = (campaignId: string) => `/api/v1${base(campaignId)}/entries/export?format=xlsx`;
export const autoAwards = (campaignId: string) => call('POST /campaigns/{id}/awards', { id: campaignId }, { body: { mode: 'auto' } });
export const manualAwards = (campaignId: string, awards: { entryId: string; award: string | null }[]) =>
  call('POST /campaigns/{id}/awards', { id: campaignId }, { body: { mode: 'manual', awards } });

/** Saves contest settings: the stored settings with `patch` laid over them (PATCH replaces the whole object). */
export async function saveSettings(c: Campaign, patch: Record<string, unknown>): Promise<Campaign> {
  const settings = { ...(c.settings as Record<string, unknown>), ...patch };
  return (await call('PATCH /campaigns/{id}', { id: c.id }, { body: { settings } })).campaign;
}

/* ---- the judge's side ------------------------------------------------------------ */

export const scoreEntry = (entryId: string, criteria: Record<string, number>) => call('POST /entries/{id}/scores', { id: entryId }, { body: { criteria } });
export const declareConflict = (entryId: string) => call('POST /entries/{id}/conflict', { id: entryId });

/** The signed-in user's judging assignments (any signed-in user may ask; most have none). */
export const judging = createRoot(() => {
  const [assignments, { refetch, mutate }] = createResource(
    () => session.me()?.user.id,
    async () => {
      try {
        return (await call('GET /judging/assignments', {})).items;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return [];
        throw e;
      }
    },
  );
  const open = () => (assignments.error ? [] : (assignments.latest ?? [])).filter((a) => a.roundStatus === 'open');
  return { assignments, refetch, mutate, open };
});

/** Runs `fn` over items a few at a time; returns the failures with their errors. */
export async function runEach<T>(items: T[], fn: (item: T) => Promise<unknown>, onDone?: (n: number) => void, parallel = 4) {
  const failed: { item: T; error: unknown }[] = [];
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failed.push({ item, error });
      }
      onDone?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return failed;
}

/* Judge invitations: outside judges join through a single-use link (the code is shown once). */
export type { JudgeInviteCreated } from '@ui/contest';
export const createJudgeInvite = (campaignId: string) => call('POST /campaigns/{id}/judge-invites', { id: campaignId });
export const listJudgeInvites = async (campaignId: string) => (await call('GET /campaigns/{id}/judge-invites', { id: campaignId })).items;
export const revokeJudgeInvite = (campaignId: string, inviteId: string) =>
  call('DELETE /campaigns/{id}/judge-invites/{inviteId}', { id: campaignId, inviteId });
