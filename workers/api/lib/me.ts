import type { Viewer } from './env';

/**
 * The body of `GET /me` and of `GET /auth/session` (signed in): the user and their
 * memberships, made in one place so the two cannot drift apart.
 */
export function meBody(viewer: Viewer) {
  return { user: { id: viewer.id, name: viewer.name, phone: viewer.phone }, memberships: viewer.memberships };
}
