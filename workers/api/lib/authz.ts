import type { Context } from 'hono';
import type { AppEnv, Viewer } from './env';
import { ApiError } from './errors';
import type { Scope } from '../../../db/queries/campaigns';
import { covers } from '../../../shared/rights';

export function requireViewer(c: Context<AppEnv>): Viewer {
  const v = c.var.viewer;
  if (!v) throw new ApiError('unauthenticated');
  return v;
}

/** May this viewer manage the unit at `path` (and so everything in its subtree)? */
export function canManagePath(viewer: Viewer | null, path: string): boolean {
  if (!viewer) return false;
  return viewer.isPlatformAdmin || viewer.managedPaths.some((p) => path.startsWith(p));
}

/** 401 for the public, 403 for a viewer outside the subtree. */
export function requireManage(c: Context<AppEnv>, path: string): Viewer {
  const viewer = requireViewer(c);
  if (!canManagePath(viewer, path)) throw new ApiError('forbidden');
  c.set('authorizedPath', path);
  return viewer;
}

/** May this viewer check visitors in at an exhibition of the unit at `path` (检票员 or manager)? */
export function canGatePath(viewer: Viewer | null, path: string): boolean {
  if (!viewer) return false;
  return viewer.isPlatformAdmin || covers(viewer.gatePaths, path);
}

/** May this viewer approve service records and contest entries at `path` (审核员 or manager)? */
export function canReviewPath(viewer: Viewer | null, path: string): boolean {
  if (!viewer) return false;
  return viewer.isPlatformAdmin || covers(viewer.reviewPaths, path);
}

/** requireManage for the gate: 401 for the public, 403 for anyone neither staff nor manager there. */
export function requireGate(c: Context<AppEnv>, path: string): Viewer {
  const viewer = requireViewer(c);
  if (!canGatePath(viewer, path)) throw new ApiError('forbidden');
  return viewer;
}

/** requireManage for reviews: 401 for the public, 403 for anyone neither reviewer nor manager there. */
export function requireReview(c: Context<AppEnv>, path: string): Viewer {
  const viewer = requireViewer(c);
  if (!canReviewPath(viewer, path)) throw new ApiError('forbidden');
  c.set('authorizedPath', path);
  return viewer;
}

export function scopeOf(viewer: Viewer | null): Scope {
  return { managedPaths: viewer?.managedPaths ?? [], all: viewer?.isPlatformAdmin ?? false };
}

/** A review queue's scope: where the viewer reviews (reviewer units and managed subtrees). */
export function reviewScopeOf(viewer: Viewer | null): Scope {
  return { managedPaths: viewer?.reviewPaths ?? [], all: viewer?.isPlatformAdmin ?? false };
}
