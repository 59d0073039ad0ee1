import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canManagePath } from '../../lib/authz';
import { managedCampaign } from '../../lib/guards';
import { checkCover, coverUrlOf, MAX_COVER_BYTES } from '../../lib/cover';
import { Id } from '../../../../shared/contracts/common';
import { CoverResponse } from '../../../../shared/contracts/campaigns';
import { newId } from '../../../../db/ids';
import { getCampaign, setCover } from '../../../../db/queries/campaigns';

/** Campaign covers (organizers upload one; without it the portal draws the kind's designed default). */
export const coverRoutes = createApp()
  .put(
    '/:id/cover',
    describeRoute({
      tags: ['Campaigns'],
      summary:
        "Upload the campaign's cover (multipart: image). JPEG, PNG or WebP checked by its bytes, ≤ 5 MB, metadata (EXIF, GPS) removed; replaces any earlier cover. Organizers of the campaign.",
      requestBody: {
        content: { 'multipart/form-data': { schema: { type: 'object', required: ['image'], properties: { image: { type: 'string', format: 'binary' } } } } },
      },
      responses: { 200: json(CoverResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      if (Number(c.req.header('content-length') ?? '0') > MAX_COVER_BYTES + 64 * 1024)
        throw new ApiError('payload_too_large', 'msg.image_size', { mb: MAX_COVER_BYTES / 1048576 });
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data'))
        throw new ApiError('unsupported_media_type', 'msg.cover_missing');
      const form = await c.req.formData().catch(() => null);
      const file = form?.get('image');
      if (!file || typeof file === 'string') throw new ApiError('validation_failed', undefined, {}, { image: { key: 'msg.cover_missing' } });
      const img = checkCover(new Uint8Array(await file.arrayBuffer()));
      const key = `covers/${campaign.id}/${newId()}`;
      // stored before the row points at it: a failed write leaves an unreferenced object, never a broken cover
      await c.env.MEDIA.put(key, img.bytes, { httpMetadata: { contentType: img.type } });
      const old = await setCover(c.var.db, viewer.id, campaign, key);
      if (old) await c.env.MEDIA.delete(old);
      return c.json({ coverUrl: coverUrlOf(campaign.id, key) });
    },
  )
  .delete(
    '/:id/cover',
    describeRoute({
      tags: ['Campaigns'],
      summary: "Remove the campaign's cover (the kind's designed default shows again). Organizers of the campaign.",
      responses: { 200: json(CoverResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      const old = await setCover(c.var.db, viewer.id, campaign, null);
      if (old) await c.env.MEDIA.delete(old);
      return c.json({ coverUrl: null });
    },
  );

/** /media/covers/{campaignId}/{version}: the public sees covers of published and closed campaigns; a draft's, its organizers only. */
export const coverMediaRoutes = createApp().get('/:id/:version', valid('param', v.object({ id: Id, version: Id })), async (c) => {
  const { id, version } = c.req.valid('param');
  const campaign = await getCampaign(c.var.db, id);
  const key = campaign?.coverKey;
  if (!campaign || !key?.endsWith(`/${version}`)) throw new ApiError('not_found');
  const draft = campaign.status === 'draft';
  if (draft && !canManagePath(c.var.viewer, campaign.orgPath)) throw new ApiError('not_found');
  const obj = await c.env.MEDIA.get(key);
  if (!obj) throw new ApiError('not_found');
  const headers = new Headers();
  obj.writeHttpMetadata(headers);
  headers.set('ETag', obj.httpEtag);
  // a version's bytes never change (a new upload gets a new address)
  headers.set('Cache-Control', draft ? 'private, no-store' : 'public, max-age=31536000, immutable');
  headers.set('Content-Disposition', 'inline');
  return new Response(obj.body, { headers });
});
