import { createSignal } from 'solid-js';
import { apiUpload, ApiError, call } from '@ui/api';
import type { ResponseOf } from '@ui/operations';
import { chinaDay, type Entry, type Results } from '@ui/contest';
import type { Campaign, Page } from '@ui/types';
import { campaignHref } from './campaigns';
import { session } from './session';

/* The art contest's calls from the portal, and what the portal remembers between its pages. */

const enc = encodeURIComponent;

export const contestHref = (c: Pick<Campaign, 'id' | 'slug'>, page: 'contest' | 'submit' | 'gallery' | 'results') => `${campaignHref(c)}/${page}`;
export const workHref = (id: string) => `/works/${enc(id)}`;

export type GallerySort = 'newest' | 'votes' | 'number';
export function listGallery(campaignId: string, p: { category?: string | null; cursor?: string | null; limit?: number; q?: string; sort?: GallerySort }) {
  return call(
    'GET /campaigns/{id}/entries',
    { id: campaignId },
    { query: { category: p.category, cursor: p.cursor, limit: p.limit ?? 24, q: p.q || undefined, sort: p.sort && p.sort !== 'newest' ? p.sort : undefined } },
  );
}

/** My entries in every status, with the reasons of rejected ones. */
export async function listMine(campaignId: string): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: string | null = null;
  do {
    const p: Page<Entry> = await call('GET /campaigns/{id}/entries', { id: campaignId }, { query: { mine: 'true', limit: 100, cursor } });
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor && out.length < 500);
  return out;
}

export const getEntry = (id: string) => call('GET /entries/{id}', { id });
export const getResults = (campaignId: string): Promise<Results> => call('GET /campaigns/{id}/results', { id: campaignId });

/** Submits a work (multipart) with upload progress. */
export function submitEntry(campaignId: string, form: FormData, onProgress: (f: number) => void) {
  return apiUpload<ResponseOf<'POST /campaigns/{id}/entries'>>('POST', `/campaigns/${enc(campaignId)}/entries`, form, '', onProgress);
}

/** A view of a work in the viewer, counted once per page visit and work. */
const viewed = new Set<string>();
export function recordView(id: string): void {
  if (viewed.has(id)) return;
  viewed.add(id);
  call('POST /entries/{id}/views', { id }).catch(() => viewed.delete(id));
}

/* ---- the gallery the viewer swipes through ---------------------------------------- */

/** The list the gallery last showed, so the viewer can move to the next work without a request. */
/** `view`: the search and sort the list was read with ('' or missing: newest, no search) */
const [galleryList, setGalleryList] = createSignal<{ campaignId: string; category: string | null; view?: string; items: Entry[] } | null>(null);
export { galleryList, setGalleryList };

/** Patches one entry wherever the portal keeps it (a vote changes its count). */
export function patchEntry(id: string, patch: Partial<Entry>): void {
  const g = galleryList();
  if (g?.items.some((e) => e.id === id)) setGalleryList({ ...g, items: g.items.map((e) => (e.id === id ? { ...e, ...patch } : e)) });
}

/* ---- votes today -------------------------------------------------------------------- */

/*
 * The API tells how many votes are left only in the answer to a vote, and has no list of
 * today's votes: this device remembers both per user, campaign and (China) day.
 */
interface VoteDay {
  day: string;
  left: number | null;
  ids: string[];
}
const VOTES_KEY = 'tx.contest.votes';

function loadBook(): Record<string, VoteDay> {
  try {
    const raw = JSON.parse(localStorage.getItem(VOTES_KEY) ?? '{}') as Record<string, VoteDay>;
    const today = chinaDay();
    return Object.fromEntries(Object.entries(raw).filter(([, d]) => d && d.day === today));
  } catch {
    return {};
  }
}

const [book, setBook] = createSignal<Record<string, VoteDay>>(loadBook());

const bookKey = (campaignId: string) => `${session.me()?.user.id ?? 'anon'}:${campaignId}`;

function today(campaignId: string): VoteDay {
  const d = book()[bookKey(campaignId)];
  return d && d.day === chinaDay() ? d : { day: chinaDay(), left: null, ids: [] };
}

function save(campaignId: string, d: VoteDay): void {
  const next = { ...book(), [bookKey(campaignId)]: d };
  setBook(next);
  try {
    localStorage.setItem(VOTES_KEY, JSON.stringify(next));
  } catch {
    // remembered for this visit only
  }
}

/** Votes left today, when known (after the first vote of the day). */
export const votesLeft = (campaignId: string): number | null => today(campaignId).left;
export const votedToday = (campaignId: string, entryId: string): boolean => today(campaignId).ids.includes(entryId);

export type VoteOutcome = { ok: true; left: number } | { ok: false; error: ApiError | unknown };

/** Casts a vote and keeps the day's book; a 409 for a work means it already has my vote today. */
export async function castVote(campaignId: string, entryId: string): Promise<VoteOutcome> {
  try {
    const r = await call('POST /entries/{id}/votes', { id: entryId });
    const d = today(campaignId);
    save(campaignId, { day: d.day, left: r.votesLeftToday, ids: [...new Set([...d.ids, entryId])] });
    return { ok: true, left: r.votesLeftToday };
  } catch (e) {
    const d = today(campaignId);
    if (e instanceof ApiError && e.reason === 'vote_again') {
      save(campaignId, { ...d, ids: [...new Set([...d.ids, entryId])] });
    }
    // the daily limit (not "too fast", which is also a 429) leaves no votes today
    if (e instanceof ApiError && e.reason === 'vote_limit') save(campaignId, { ...d, left: 0 });
    return { ok: false, error: e };
  }
}
