import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid, validationError } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath, canReviewPath, requireReview, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { newId, b64url } from '../../../../db/ids';
import { rateHit } from '../../../../db/queries/accounts';
import { clientAddress } from '../../lib/guards';
import { sha256 } from '../../lib/crypto';
import { Id } from '../../../../shared/contracts/common';
import { contestCfg, type ContestCfg } from '../../lib/contest-results';
import {
  EntryFields,
  EntryListQuery,
  EntryPage,
  EntryResponse,
  EntryView,
  EntrySubmitted,
  MAX_DERIVED_BYTES,
  MAX_IMAGE_BYTES,
  ReviewBody,
  type EntryDto,
} from '../../../../shared/contracts/contest';
import { IMAGE_TYPES, imageInfo, sniff } from '../../../../shared/image';
import { stripMetadata } from '../../../../shared/image-strip';
import { submissionsOpen } from '../../../../shared/contest';
import { workNumber } from '../../../../shared/judging';
import { chinaDay } from '../../../../shared/i18n';
import { maskName } from '../../../../shared/mask';
import { getCampaign } from '../../../../db/queries/campaigns';
import { decodeCursor, decodeTimeCursor, encodeCursor, nextTimeCursor } from '../../../../db/queries/util';
import { addView, duplicatesOf, entryByUpload, getEntry, insertEntry, listEntries, reviewEntry, type EntryRow } from '../../../../db/queries/contest';
import { campaignOfKind } from '../../lib/guards';
import { memberUnit } from '../../../../db/queries/org';
import { isJudge } from '../../../../db/queries/contest-judging';
import { textAfterCommit } from '../../lib/notify';

type Cfg = ContestCfg;
const cfg = contestCfg;

const contestOf = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'contest');

const mediaUrl = (e: EntryRow, variant: 'original' | 'display' | 'thumb') => `/media/entries/${e.id}/${variant}`;

/** An entry as the viewer may see it: author and unit for everyone once approved; reasons to the entrant. */
export function entryDto(e: EntryRow, opts: { organizer: boolean; owner: boolean; showVotes: boolean }): EntryDto {
  return {
    id: e.id,
    campaignId: e.campaignId,
    category: e.category,
    title: e.title,
    description: e.description,
    authorName: opts.organizer || opts.owner ? e.authorName : maskName(e.authorName),
    status: e.status,
    ...(opts.organizer || opts.owner ? { reason: e.reason } : {}),
    width: e.width,
    height: e.height,
    award: e.award,
    views: e.views,
    votes: opts.showVotes || opts.organizer ? e.votes : null,
    imageUrl: mediaUrl(e, e.displayKey ? 'display' : 'original'),
    thumbUrl: mediaUrl(e, e.thumbKey ? 'thumb' : e.displayKey ? 'display' : 'original'),
    ...(opts.organizer || opts.owner ? { createdAt: e.createdAt } : {}),
    ...(opts.organizer ? { originalUrl: mediaUrl(e, 'original'), bytes: e.bytes, round: e.round } : {}),
    serial: e.serial,
    number: workNumber(e.serial),
  };
}

async function sha256hex(bytes: Uint8Array) {
  return b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** Checks an uploaded image by its bytes; returns the cleaned bytes and what they are. */
function checkImage(bytes: Uint8Array, max: number, c: Cfg, category: string | null) {
  if (bytes.length === 0) throw new ApiError('validation_failed', 'msg.image_empty');
  if (bytes.length > max) throw new ApiError('payload_too_large', 'msg.image_size', { mb: Math.round(max / 1048576) });
  const kind = sniff(bytes);
  if (kind !== 'jpeg' && kind !== 'png' && kind !== 'webp') throw new ApiError('unsupported_media_type', 'msg.image_type');
  const info = imageInfo(bytes);
  if (!info?.width || !info.height) throw new ApiError('unprocessable', 'msg.image_broken');
  if (info.width * info.height > c.maxPixels) throw new ApiError('payload_too_large', 'msg.image_pixels', { w: info.width, h: info.height });
  const minEdge = category ? (c.minLongEdge[category] ?? 0) : 0;
  const longEdge = Math.max(info.width, info.height);
  if (longEdge < minEdge) throw new ApiError('unprocessable', 'msg.image_small', { category: category!, px: minEdge, actual: longEdge });
  return { bytes: stripMetadata(bytes), info };
}

export const contestCampaignRoutes = createApp()
  .post(
    '/:id/entries',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Submit a work (multipart: title, category, description, authorName, image; optional display and thumb made in the browser, uploadId for safe retries). JPEG/PNG/WebP by magic bytes, ≤10 MB; EXIF (GPS) removed.',
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['title', 'category', 'authorName', 'image'],
              properties: {
                title: { type: 'string' },
                category: { type: 'string' },
                description: { type: 'string' },
                authorName: { type: 'string' },
                uploadId: { type: 'string' },
                image: { type: 'string', format: 'binary' },
                display: { type: 'string', format: 'binary' },
                thumb: { type: 'string', format: 'binary' },
              },
            },
          },
        },
      },
      responses: { 201: json(EntrySubmitted, 'Submitted') },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await contestOf(c, c.req.valid('param').id);
      const s = cfg(campaign);
      const now = Date.now();
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (!submissionsOpen(campaign, s, now)) throw new ApiError('conflict', 'msg.contest_closed_entries');
      const len = Number(c.req.header('content-length') ?? '0');
      if (len > MAX_IMAGE_BYTES + 2 * MAX_DERIVED_BYTES + 64 * 1024) throw new ApiError('payload_too_large', 'msg.image_size', { mb: 10 });
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (!type.startsWith('multipart/form-data')) throw new ApiError('unsupported_media_type', 'msg.image_missing');
      const hit = await rateHit(c.var.db, `upload:${viewer.id}`, 60e3);
      if (hit.count > 20) throw new ApiError('rate_limited', 'msg.vote_rate', {}, undefined, { 'Retry-After': String(Math.ceil(hit.retryAfterMs / 1000)) });
      const form = await c.req.formData().catch(() => null);
      if (!form) throw new ApiError('validation_failed', 'msg.image_missing');
      const text = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined);
      const fields = v.safeParse(
        EntryFields,
        Object.fromEntries(['title', 'category', 'description', 'authorName', 'uploadId'].filter((k) => text(k) !== undefined).map((k) => [k, text(k)])),
        { lang: c.var.lang },
      );
      if (!fields.success) throw validationError(fields.issues, c.var.lang);
      const f = fields.output;
      if (!s.categories.includes(f.category))
        throw new ApiError('validation_failed', undefined, {}, { category: { key: 'msg.contest_category', params: { list: s.categories.join('、') } } });
      const uploadId = f.uploadId ?? newId();
      if (f.uploadId) {
        const prior = await entryByUpload(c.var.db, campaign.id, viewer.id, f.uploadId);
        if (prior) return c.json({ entry: entryDto(prior, { organizer: false, owner: true, showVotes: s.showVoteCounts }), retried: true }, 200);
      }
      const file = form.get('image');
      if (!file || typeof file === 'string') throw new ApiError('validation_failed', undefined, {}, { image: { key: 'msg.image_missing' } });
      const original = checkImage(new Uint8Array(await file.arrayBuffer()), MAX_IMAGE_BYTES, s, f.category);
      const derived: Record<'display' | 'thumb', ReturnType<typeof checkImage> | null> = { display: null, thumb: null };
      for (const k of ['display', 'thumb'] as const) {
        const d = form.get(k);
        if (d && typeof d !== 'string' && d.size > 0) derived[k] = checkImage(new Uint8Array(await d.arrayBuffer()), MAX_DERIVED_BYTES, s, null);
      }
      const id = newId();
      const keys = {
        original: `entries/${campaign.id}/${id}/original`,
        display: derived.display ? `entries/${campaign.id}/${id}/display` : null,
        thumb: derived.thumb ? `entries/${campaign.id}/${id}/thumb` : null,
      };
      // Stored before the row exists: a failed insert leaves an unreferenced object, never a row without its image.
      await c.env.MEDIA.put(keys.original, original.bytes, { httpMetadata: { contentType: IMAGE_TYPES[original.info.kind] } });
      for (const k of ['display', 'thumb'] as const) {
        const d = derived[k];
        if (d && keys[k]) await c.env.MEDIA.put(keys[k]!, d.bytes, { httpMetadata: { contentType: IMAGE_TYPES[d.info.kind] } });
      }
      const row = {
        id,
        campaignId: campaign.id,
        userId: viewer.id,
        orgUnitId: (await memberUnit(c.var.db, viewer.id))?.id ?? null,
        uploadId,
        category: f.category,
        title: f.title,
        description: f.description,
        authorName: f.authorName,
        status: 'pending' as const,
        imageKey: keys.original,
        displayKey: keys.display,
        thumbKey: keys.thumb,
        contentType: IMAGE_TYPES[original.info.kind],
        width: original.info.width,
        height: original.info.height,
        bytes: original.bytes.length,
        sha256: await sha256hex(original.bytes),
        createdAt: new Date(now).toISOString(),
      };
      const res = await insertEntry(c.var.db, row, s.entriesPerPerson);
      if (res === 'quota') {
        await c.env.MEDIA.delete([keys.original, ...(keys.display ? [keys.display] : []), ...(keys.thumb ? [keys.thumb] : [])]);
        throw new ApiError('rate_limited', 'msg.contest_quota', { n: s.entriesPerPerson });
      }
      if (res === 'retry') {
        const prior = await entryByUpload(c.var.db, campaign.id, viewer.id, uploadId);
        return c.json({ entry: entryDto(prior!, { organizer: false, owner: true, showVotes: s.showVoteCounts }), retried: true }, 200);
      }
      return c.json(
        {
          entry: entryDto(
            {
              ...row,
              reason: null,
              round: 0,
              votes: 0,
              views: 0,
              award: null,
              serial: res.serial,
              reviewedAt: null,
              reviewedBy: null,
              source: 'platform' as const,
            },
            { organizer: false, owner: true, showVotes: s.showVoteCounts },
          ),
        },
        201,
      );
    },
  )
  .get(
    '/:id/entries',
    describeRoute({
      tags: ['Contests'],
      summary: 'The gallery of approved works (?category=); organizers filter by status; ?mine=true: my entries with status and reasons',
      responses: { 200: json(EntryPage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', EntryListQuery),
    async (c) => {
      const campaign = await contestOf(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const viewer = c.var.viewer;
      // reviewers (审核员) read the queue as organizers do
      const organizer = canReviewPath(viewer, campaign.orgPath);
      const mine = q.mine === 'true';
      if (mine) requireViewer(c);
      const s = cfg(campaign);
      // sorting by votes would tell the order the contest keeps hidden
      if (q.sort === 'votes' && !s.showVoteCounts && !organizer)
        throw new ApiError('validation_failed', undefined, {}, { sort: { key: 'msg.gallery_sort_votes' } });
      const offset = q.sort === 'newest' ? 0 : Number(decodeCursor(q.cursor)?.replace(/^o:/, '') ?? 0) || 0;
      const rows = await listEntries(c.var.db, campaign.id, {
        status: mine || organizer ? q.status : 'approved',
        category: q.category,
        userId: mine ? viewer!.id : undefined,
        limit: q.limit,
        before: q.sort === 'newest' ? decodeTimeCursor(q.cursor) : null,
        sort: q.sort,
        offset,
        // the public finds works by title or number; only organizers by the author's name (shown masked to the public)
        q: q.q ? { text: q.q, author: organizer || mine } : undefined,
      });
      const items = rows.slice(0, q.limit);
      const dupes = organizer ? await Promise.all(items.map((e) => duplicatesOf(c.var.db, campaign.id, e.sha256, e.id))) : [];
      if (!viewer) c.header('Cache-Control', 'public, max-age=30');
      return c.json({
        items: items.map((e, i) => ({
          ...entryDto(e, { organizer, owner: viewer?.id === e.userId, showVotes: s.showVoteCounts }),
          ...(organizer ? { duplicates: dupes[i] } : {}),
        })),
        nextCursor: q.sort === 'newest' ? nextTimeCursor(rows, items, q.limit) : rows.length > q.limit ? encodeCursor(`o:${offset + q.limit}`) : null,
      });
    },
  );

export const entryRoutes = createApp()
  .get(
    '/:id',
    describeRoute({
      tags: ['Contests'],
      summary: 'One work (public once approved; the entrant and organizers always)',
      responses: { 200: json(EntryView) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const e = await getEntry(c.var.db, c.req.valid('param').id);
      if (!e) throw new ApiError('not_found');
      const campaign = await getCampaign(c.var.db, e.campaignId);
      const organizer = canManagePath(c.var.viewer, campaign!.orgPath);
      const owner = c.var.viewer?.id === e.userId;
      if (e.status !== 'approved' && !organizer && !owner) throw new ApiError('not_found');
      if (campaign!.status === 'draft' && !organizer) throw new ApiError('not_found');
      return c.json({
        entry: entryDto(e, { organizer, owner, showVotes: cfg(campaign!).showVoteCounts }),
        campaign: { id: campaign!.id, slug: campaign!.slug, title: campaign!.title },
      });
    },
  )
  .post(
    '/:id/views',
    describeRoute({
      tags: ['Contests'],
      summary:
        'Count a view of a work in the gallery: once per viewer (account, or address when anonymous) per work per China day; an activity for signed-in viewers',
      responses: { 204: { description: 'Counted' } },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const e = await getEntry(c.var.db, c.req.valid('param').id);
      if (e?.status !== 'approved') throw new ApiError('not_found');
      const viewer = c.var.viewer;
      // one counted view per viewer (account, or address when anonymous) per work per day; only a hash is kept
      const who = viewer ? `user:${viewer.id}` : `addr:${clientAddress(c)}`;
      await addView(c.var.db, e, viewer?.id ?? null, await sha256(`contest-view:${who}`), chinaDay(Date.now()));
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/review',
    describeRoute({
      tags: ['Contests'],
      summary: 'Approve or reject (with a reason the entrant sees) — organizers and reviewers (审核员); approving a rejected work requalifies it',
      responses: { 200: json(EntryResponse) },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', ReviewBody),
    async (c) => {
      const e = await getEntry(c.var.db, c.req.valid('param').id);
      if (!e) throw new ApiError('not_found');
      const campaign = await contestOf(c, e.campaignId);
      const viewer = requireReview(c, campaign.orgPath);
      const b = c.req.valid('json');
      const notices = await reviewEntry(c.var.db, viewer.id, e, campaign.orgUnitId, b.decision, b.reason || null, {
        title: campaign.title,
        link: `/c/${encodeURIComponent(campaign.slug ?? campaign.id)}/contest`,
      });
      textAfterCommit(c, notices);
      const updated = (await getEntry(c.var.db, e.id))!;
      return c.json({ entry: entryDto(updated, { organizer: true, owner: false, showVotes: true }) });
    },
  );

/**
 * /media/entries/{id}/{variant}: works are served to the public only once approved;
 * until then only to their entrant and the campaign's organizers (and judges, for judging).
 */
export const entryMediaRoutes = createApp().get(
  '/:id/:variant',
  valid('param', v.object({ id: Id, variant: v.picklist(['original', 'display', 'thumb']) })),
  async (c) => {
    const { id, variant } = c.req.valid('param');
    const e = await getEntry(c.var.db, id);
    if (!e) throw new ApiError('not_found');
    const campaign = await getCampaign(c.var.db, e.campaignId);
    const viewer = c.var.viewer;
    const privileged =
      canManagePath(viewer, campaign!.orgPath) || viewer?.id === e.userId || (viewer ? await isJudge(c.var.db, e.campaignId, viewer.id) : false);
    if (!privileged && (e.status !== 'approved' || campaign!.status === 'draft')) throw new ApiError('not_found');
    const key = variant === 'original' ? e.imageKey : variant === 'display' ? e.displayKey : e.thumbKey;
    const obj = key ? await c.env.MEDIA.get(key) : null;
    if (!obj) throw new ApiError('not_found');
    const headers = new Headers();
    obj.writeHttpMetadata(headers);
    headers.set('ETag', obj.httpEtag);
    headers.set('Cache-Control', e.status === 'approved' && !privileged ? 'public, max-age=86400' : 'private, no-store');
    headers.set('Content-Disposition', 'inline');
    return new Response(obj.body, { headers });
  },
);
