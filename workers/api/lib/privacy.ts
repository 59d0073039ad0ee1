import type { Viewer } from './env';
import { canManagePath } from './authz';
import { maskPhone } from '../../../shared/mask';

/**
 * The one rule for phones in responses (API.md: "No response ever shows the phone of a
 * person outside the actor's subtree"). A person is placed by the org paths they belong to
 * (their memberships, or the unit a booking or pair was made under); with no path at all
 * — a resident, a visitor — they are placed by `fallbackPath`, the unit of the campaign or
 * activity they gave their number to, since its organizers are who they gave it to.
 */
export interface PhoneOwner {
  userId?: string | null | undefined;
  /** org paths of the person's units (any may be null/empty) */
  paths: ReadonlyArray<string | null | undefined>;
  /** where a person with no unit is placed: the campaign's (or activity's) org path */
  fallbackPath?: string | null | undefined;
}

/** May this viewer read the person's full phone? Themself, or a manager of a unit whose subtree holds them. */
export function seesPhoneOf(viewer: Viewer | null, owner: PhoneOwner): boolean {
  if (!viewer) return false;
  if (owner.userId && owner.userId === viewer.id) return true;
  const paths = owner.paths.filter((p): p is string => !!p);
  const placed = paths.length ? paths : owner.fallbackPath ? [owner.fallbackPath] : [];
  return placed.some((p) => canManagePath(viewer, p));
}

/** The phone as this viewer may see it: full, or masked (138****0000). */
export function phoneFor(viewer: Viewer | null, phone: string, owner: PhoneOwner): string {
  return seesPhoneOf(viewer, owner) ? phone : maskPhone(phone);
}

/** Paths aggregated by SQL (`group_concat(org_path, ' ')`) back into a list; org paths hold no spaces. */
export const pathList = (joined: string | null | undefined): string[] => (joined ? joined.split(' ').filter(Boolean) : []);
