import type { UnitTotals } from './ranking';

/*
 * Unit boards by level (API.md "Leaderboards", scope=org&level=N): units N levels below the
 * campaign's unit (level 1 under the root: the 机关党委) ranked against each other, each by
 * the points and members of its whole subtree — a 机关党委 has no members of its own, its
 * 党支部 do.
 */

/** The id of the unit on `path` (`/root/a/b/`, ids) at `depth` (the root is 0); null when shallower. */
export function ancestorAt(path: string, depth: number): string | null {
  const ids = path.split('/').filter(Boolean);
  return ids[depth] ?? null;
}

/** How deep a path is (the root is 0). */
export const depthOf = (path: string): number => path.split('/').filter(Boolean).length - 1;

/**
 * Rolls the per-unit totals of a board (by each participant's own unit) up to the units of
 * one level: sums and participants add up along the path; members are each level unit's
 * whole subtree, counted once. Totals of units above the level (or unknown) count for none.
 */
export function rollUp(
  totals: Array<{ orgUnitId: string; sum: number; participants: number }>,
  paths: ReadonlyMap<string, string>,
  level: Array<{ orgUnitId: string; name: string; members: number }>,
  depth: number,
): UnitTotals[] {
  const out = new Map(level.map((u) => [u.orgUnitId, { ...u, sum: 0, participants: 0 }]));
  for (const t of totals) {
    const path = paths.get(t.orgUnitId);
    const at = path ? ancestorAt(path, depth) : null;
    const u = at ? out.get(at) : undefined;
    if (!u) continue;
    u.sum += t.sum;
    u.participants += t.participants;
  }
  return [...out.values()];
}
