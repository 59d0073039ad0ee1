import { createMemo, createResource, createRoot, createSignal } from 'solid-js';
import { call } from '@ui/api';
import type { OrgUnit } from '@ui/types';
import { session } from './session';

const UNIT_KEY = 'tx.console.unit';

export interface TreeRow {
  unit: OrgUnit;
  depth: number;
}

/** The org tree, the units this organizer manages, and the subtree the console is scoped to. */
export const org = createRoot(() => {
  const [units, { refetch }] = createResource<OrgUnit[]>(async () => (await call('GET /org-units', {})).items);

  const byId = createMemo(() => new Map((units() ?? []).map((u) => [u.id, u])));
  const children = createMemo(() => {
    const m = new Map<string | null, OrgUnit[]>();
    for (const u of units() ?? []) m.set(u.parentId, [...(m.get(u.parentId) ?? []), u]);
    return m;
  });

  /** A unit and everything below it, depth first, with depths relative to the unit. */
  function subtree(rootId: string | null | undefined): TreeRow[] {
    const root = rootId ? byId().get(rootId) : undefined;
    if (!root) return [];
    const out: TreeRow[] = [];
    const walk = (u: OrgUnit, depth: number) => {
      out.push({ unit: u, depth });
      for (const c of children().get(u.id) ?? []) walk(c, depth + 1);
    };
    walk(root, 0);
    return out;
  }

  /** Units where the user holds one of `roles`, outermost first; units inside another are dropped. */
  const rootsOf = (roles: readonly string[]): OrgUnit[] => {
    const me = session.me();
    if (!me || !units()) return [];
    const ids = new Set(me.memberships.filter((m) => roles.includes(m.role)).map((m) => m.orgUnitId));
    const isInside = (u: OrgUnit): boolean => {
      let p = u.parentId ? byId().get(u.parentId) : undefined;
      while (p) {
        if (ids.has(p.id)) return true;
        p = p.parentId ? byId().get(p.parentId) : undefined;
      }
      return false;
    };
    return [...ids].map((id) => byId().get(id)).filter((u): u is OrgUnit => !!u && !isInside(u));
  };
  const managedRoots = createMemo<OrgUnit[]>(() => rootsOf(['organizer', 'admin']));
  /** Units where the user is 审核员 (reviewer), outermost first. */
  const reviewRoots = createMemo<OrgUnit[]>(() => rootsOf(['reviewer']));

  /**
   * Every unit the switcher offers: the managed subtrees, indented. A 审核员 who organizes
   * nothing works in their reviewed subtrees instead, so the review screens have a scope.
   */
  const scopeOptions = createMemo<TreeRow[]>(() => (managedRoots().length ? managedRoots() : reviewRoots()).flatMap((r) => subtree(r.id)));

  const [chosen, setChosen] = createSignal<string | null>(readUnit());
  const scopeId = createMemo<string | null>(() => {
    const opts = scopeOptions();
    const c = chosen();
    if (c && opts.some((o) => o.unit.id === c)) return c;
    return opts[0]?.unit.id ?? null;
  });
  const scope = createMemo(() => (scopeId() ? (byId().get(scopeId()!) ?? null) : null));
  const scopeTree = createMemo(() => subtree(scopeId()));
  const scopeIds = createMemo(() => new Set(scopeTree().map((r) => r.unit.id)));

  function setScope(id: string): void {
    try {
      localStorage.setItem(UNIT_KEY, id);
    } catch {
      // remembered for this visit only
    }
    setChosen(id);
  }

  return { units, refetch, byId, subtree, managedRoots, reviewRoots, scopeOptions, scopeId, scope, scopeTree, scopeIds, setScope };
});

function readUnit(): string | null {
  try {
    return localStorage.getItem(UNIT_KEY);
  } catch {
    return null;
  }
}

/** Child kind that usually sits below a kind (工委 → 机关党委 → 党总支 → 党支部). */
export const NEXT_KIND = {
  committee: 'party_committee',
  party_committee: 'general_branch',
  general_branch: 'branch',
  branch: 'branch',
} as const;
