import type { Role } from './kinds';

/** A membership as the session loads it: the role and where (the unit's path and depth). */
export interface HeldRole {
  role: Role;
  path: string;
  depth: number;
}

/**
 * What a person may do where, from their memberships (API.md "People, roles and the member
 * registry"): organizers and admins manage their subtrees; a 检票员 (gate_staff) only checks
 * visitors in, a 审核员 (reviewer) only reviews records and entries — each in their unit's
 * subtree, and managers do both wherever they manage. Members get nothing here.
 */
export function rightsOf(held: readonly HeldRole[]) {
  const managed = held.filter((m) => m.role === 'organizer' || m.role === 'admin');
  const managedPaths = managed.map((m) => m.path);
  const narrow = (role: 'gate_staff' | 'reviewer') => [...managedPaths, ...held.filter((m) => m.role === role).map((m) => m.path)];
  return {
    managedPaths,
    gatePaths: narrow('gate_staff'),
    reviewPaths: narrow('reviewer'),
    isPlatformAdmin: managed.some((m) => m.role === 'admin' && m.depth === 0),
  };
}

/** Does any of `paths` cover the unit at `path` (the unit itself or a unit above it)? */
export const covers = (paths: readonly string[], path: string) => paths.some((p) => path.startsWith(p));
