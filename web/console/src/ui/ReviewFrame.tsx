import { createMemo, createResource, Show, type JSX } from 'solid-js';
import { useLocation } from '@solidjs/router';
import { call } from '@ui/api';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { t } from '../i18n';
import { NarrowFrame, NarrowHome } from './NarrowFrame';

/** The review screens a 审核员 works on: a volunteer campaign's page (its 审核 tab) and a contest's entries. */
const isReviewPath = (p: string) => /^\/console\/campaigns\/[^/]+\/(volunteer|entries)\/?$/.test(p);

/** A 审核员 who organizes nothing: the review screens show them only what they may review. */
export const reviewerOnly = () => org.managedRoots().length === 0 && org.reviewRoots().length > 0;

/**
 * What a 审核员 who organizes nothing sees of the console: the review screens, or a list of
 * the running campaigns they review in, in a frame with a way out — nothing else.
 * Anyone else gets `fallback`.
 */
export function ReviewGate(props: { fallback: JSX.Element; children: JSX.Element }) {
  const location = useLocation();
  return (
    <Show when={org.reviewRoots().length > 0} fallback={props.fallback}>
      <NarrowFrame title={t('review.title')}>
        <Show when={isReviewPath(location.pathname)} fallback={<ReviewHome />}>
          {props.children}
        </Show>
      </NarrowFrame>
    </Show>
  );
}

/**
 * Campaigns a reviewer has work in. Service records are filed at the member's unit, so a
 * volunteer campaign of a unit above theirs (a city-wide 1+1) counts as well as one inside
 * their subtree; contest entries are reviewed at the campaign's unit, so only those inside.
 */
function reviewable(c: Campaign, inside: Set<string>, above: Set<string>) {
  return inside.has(c.orgUnitId) || (c.kind === 'volunteer' && above.has(c.orgUnitId));
}

/** The running volunteer and contest campaigns of the reviewer's units, each a link to its review screen. */
function ReviewHome() {
  // the public list (published campaigns) is all a reviewer needs: none of it is organizer-only
  const fetchKind = async (kind: 'volunteer' | 'contest') => (await call('GET /campaigns', {}, { query: { kind, status: 'published', limit: 100 } })).items;
  const [list, { refetch }] = createResource(async () => [...(await fetchKind('volunteer')), ...(await fetchKind('contest'))]);
  const mine = createMemo(() => {
    const roots = org.reviewRoots();
    const inside = new Set(roots.flatMap((u) => org.subtree(u.id).map((r) => r.unit.id)));
    const above = new Set<string>();
    for (const r of roots)
      for (let u = r.parentId ? org.byId().get(r.parentId) : undefined; u; u = u.parentId ? org.byId().get(u.parentId) : undefined) above.add(u.id);
    return (list.latest ?? []).filter((c) => reviewable(c, inside, above));
  });
  return (
    <NarrowHome
      testId="review-home"
      title={t('review.title')}
      lead={t('review.lead')}
      emptyIcon="inbox"
      emptyTitle={t('review.empty')}
      list={list}
      refetch={refetch}
      mine={mine}
      subtitle={(c) => `${c.kind === 'volunteer' ? t('review.volunteer') : t('review.contest')} · ${c.orgUnitName}`}
      open={(c) =>
        c.kind === 'volunteer'
          ? { href: `/campaigns/${c.id}/volunteer?tab=review`, label: t('review.records'), testId: `review-open-${c.slug}` }
          : { href: `/campaigns/${c.id}/entries`, label: t('review.entries'), testId: `review-open-${c.slug}` }
      }
    />
  );
}
