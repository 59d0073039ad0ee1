import { For, Show, type JSX } from 'solid-js';
import { A, useLocation } from '@solidjs/router';
import { Icon, type IconName } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { t } from '../i18n';
import { StatusBadge } from './StatusBadge';
import '../pages/contest.css';
import { CampaignModulePage } from './CampaignModulePage';
import { reviewerOnly } from './ReviewFrame';

type Tab = 'entries' | 'judging' | 'votes' | 'results' | 'settings';

const TABS: { key: Tab; icon: IconName; label: () => string; path: string }[] = [
  { key: 'entries', icon: 'inbox', label: () => t('contest.nav.entries'), path: '/entries' },
  { key: 'judging', icon: 'edit', label: () => t('contest.nav.judging'), path: '/judging' },
  { key: 'votes', icon: 'flag', label: () => t('contest.nav.votes'), path: '/votes' },
  { key: 'results', icon: 'trophy', label: () => t('contest.nav.results'), path: '/results' },
  { key: 'settings', icon: 'file', label: () => t('contest.nav.settings'), path: '' },
];

/** The contest's sections: 作品 · 评审 · 投票审核 · 结果与奖项 · 设置 (the edit page). */
export function ContestTabs(props: { campaignId: string }) {
  const location = useLocation();
  const base = () => `/campaigns/${encodeURIComponent(props.campaignId)}`;
  const current = (path: string) => {
    const p = location.pathname.replace(/^\/console/, '').replace(/\/$/, '');
    return p === `${base()}${path}`;
  };
  return (
    <nav class="cs-ct-tabs" aria-label={t('contest.nav.label')}>
      <For each={TABS}>
        {(tab) => (
          <A href={`${base()}${tab.path}`} class="cs-ct-tab" aria-current={current(tab.path) ? 'page' : undefined} end>
            <Icon name={tab.icon} />
            <span>{tab.label()}</span>
          </A>
        )}
      </For>
    </nav>
  );
}

/**
 * A contest page of the console (/console/campaigns/:id/<section>): loads the campaign,
 * shows the not-found, error and loading states, the title with the section tabs, then the body.
 */
export function ContestPage(props: {
  title: string;
  wide?: boolean;
  /** a 审核员 who organizes nothing may open this section (the entries): no tabs, and the way back is their review home */
  reviewable?: boolean;
  children: (c: Campaign, mutate: (c: Campaign) => void) => JSX.Element;
}) {
  const review = () => !!props.reviewable && reviewerOnly();
  return (
    <CampaignModulePage
      kind="contest"
      icon="contest"
      class={`cs-ct-page ${props.wide ? 'cs-ct-wide' : ''}`}
      title={(c) => (c ? `${props.title} · ${c.title}` : props.title)}
      notKind={(kind) => t('contest.notContest', { kind })}
      back={() =>
        review() ? (
          <A href="/">
            <Icon name="chevronLeft" />
            {t('review.home')}
          </A>
        ) : (
          <A href="/campaigns">
            <Icon name="chevronLeft" />
            {t('form.backToList')}
          </A>
        )
      }
      // canManage is false for a reviewer; the API answers 403 to anything but the entries for them
      hidden={(c) => c.canManage === false && !review()}
    >
      {(c, mutate) => (
        <>
          <div class="cs-page-head cs-ct-head">
            <div>
              <h1>{props.title}</h1>
              <div class="tx-row">
                <span class="cs-ct-campaign">{c().title}</span>
                <StatusBadge status={c().status} />
                <a href={`${portalHref(c())}/gallery`} target="_blank" rel="noopener" class="tx-small">
                  {t('contest.viewGallery')}
                  <Icon name="external" />
                </a>
              </div>
            </div>
          </div>
          <Show when={!review()}>
            <ContestTabs campaignId={c().id} />
          </Show>
          {props.children(c(), mutate)}
        </>
      )}
    </CampaignModulePage>
  );
}

/** An entry's status in the console. */
export function EntryBadge(props: { status: 'pending' | 'approved' | 'rejected' }) {
  const cls = () => (props.status === 'approved' ? 'tx-badge-green' : props.status === 'pending' ? 'tx-badge-orange' : '');
  return <span class={`tx-badge ${cls()}`}>{t(`contest.status.${props.status}`)}</span>;
}
