import type { Db } from '../../db/client';
import { jobCursor, MEDIA_REFERENCES, referencedMediaKeys, setJobCursor } from '../../db/queries/maintenance';

/** An upload is an orphan only once it is this old: a request that put it has long finished writing its row. */
export const ORPHAN_MIN_AGE_MS = 24 * 3600e3;
/** Objects listed per tick (R2 lists at most 1,000; a delete takes at most 1,000 keys). */
export const ORPHAN_PAGE = 500;
const PREFIXES = [...new Set(MEDIA_REFERENCES.map(([p]) => p))];

/**
 * Deletes R2 objects under our upload prefixes that no row names and that are older than a
 * day, one page of the bucket a tick, going on where the last tick stopped (job_cursors).
 */
export async function purgeOrphanedMedia(env: Env, db: Db, at: number): Promise<{ listed: number; deleted: number }> {
  const after = await jobCursor(db, 'media-orphans');
  const page = await env.MEDIA.list({ limit: ORPHAN_PAGE, ...(after ? { startAfter: after } : {}) });
  const old = page.objects.filter((o) => PREFIXES.some((p) => o.key.startsWith(p)) && o.uploaded.getTime() < at - ORPHAN_MIN_AGE_MS).map((o) => o.key);
  const used = await referencedMediaKeys(db, old);
  const orphans = old.filter((k) => !used.has(k));
  if (orphans.length) await env.MEDIA.delete(orphans);
  // at the end of the bucket, the next tick starts over
  const last = page.objects[page.objects.length - 1];
  await setJobCursor(db, 'media-orphans', page.truncated && last ? last.key : '', new Date(at).toISOString());
  return { listed: page.objects.length, deleted: orphans.length };
}
