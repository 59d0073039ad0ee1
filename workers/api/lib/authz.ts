import type { Context } from 'hono';
import type { AppEnv, Viewer } from './env';
import { ApiError } from './errors';
import type { Scope } from '../../../db/queries/campaigns';

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
  return viewer;
}

export function scopeOf(viewer: Viewer | null): Scope {
  return { managedPaths: viewer?.managedPaths ?? [], all: viewer?.isPlatformAdmin ?? false };
}
