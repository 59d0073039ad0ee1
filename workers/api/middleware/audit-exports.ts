import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/env';
import { auditExport } from '../../../db/queries/audit';

/**
 * Every table an organizer downloads is an audited export (API.md: "exports … are recorded"),
 * in one place rather than in each module: a successful `attachment` response on a request
 * that passed an organizer check is written down under the unit of the subtree that check
 * let it into (paths are ids: `/root/fgw/` is unit `fgw`). Personal downloads (/me/data)
 * pass no organizer check and are not organizers' exports.
 */
export const auditExports = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const path = c.var.authorizedPath;
  const viewer = c.var.viewer;
  if (!path || !viewer || c.res.status !== 200) return;
  const disposition = c.res.headers.get('content-disposition') ?? '';
  if (!disposition.startsWith('attachment')) return;
  const unitId = path.split('/').filter(Boolean).pop();
  if (!unitId) return;
  const file = /filename="([^"]*)"/.exec(disposition)?.[1] ?? '';
  await auditExport(c.var.db, viewer.id, unitId, { path: c.req.path, file });
});
