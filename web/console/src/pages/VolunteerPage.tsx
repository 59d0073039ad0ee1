import { createEffect, createMemo, createResource, Match, Show, Switch } from 'solid-js';
import { A, useParams, useSearchParams } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { ApiError } from '@ui/api';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { getCampaign, portalHref } from '../data/campaigns';
import { org } from '../data/org';
import { getStats, workingUnit } from '../data/volunteer';
import { t } from '../i18n';
import { StatusBadge } from '../ui/StatusBadge';
import { VolunteerExport } from '../ui/VolunteerExport';
import { VolunteerOverview } from '../ui/VolunteerOverview';
import { VolunteerPairs } from '../ui/VolunteerPairs';
import { VolunteerReview } from '../ui/VolunteerReview';
import '../volunteer.css';

type Tab = 'overview' | 'pairs' | 'review' | 'export';
const TABS: readonly Tab[] = ['overview', 'pairs', 'review', 'export'];

/** "1+1" of one campaign (/console/campaigns/:id/volunteer): 概况 · 结对 · 审核 · 导出. Loaded on demand. */
export default function VolunteerPage() {
  const params = useParams<{ id: string }>();
  const [campaign, { refetch }] = createResource(() => params.id, getCampaign);
  const current = () => (campaign.error ? undefined : campaign.latest);
  createEffect(() => {
    const c = current();
    document.title = `${c ? t('vol.pageTitle', { title: c.title }) : t('vol.title')} · ${t('console.name')}`;
  });
  // organizers of a unit below the campaign's may not edit it (canManage is false) but review their part of it
  const missing = () => campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 403);

  return (
    <div class="cs-page vo-page">
      <p class="cs-crumb">
        <Show
          when={current()?.canManage !== false}
          fallback={
            <A href="/">
              <Icon name="chevronLeft" />
              {t('vol.backOverview')}
            </A>
          }
        >
          <A href={`/campaigns/${encodeURIComponent(params.id)}`}>
            <Icon name="chevronLeft" />
            {t('lb.back')}
          </A>
        </Show>
      </p>
      <Switch>
        <Match when={missing()}>
          <EmptyState icon="flag" title={t('form.notFound')} action={<A href="/campaigns" class="tx-btn tx-btn-secondary">{t('form.backToList')}</A>} />
        </Match>
        <Match when={campaign.error}>
          <ErrorState error={campaign.error} onRetry={refetch} />
        </Match>
        <Match when={!current()}>
          <div class="tx-card">
            <Skeleton title lines={8} />
          </div>
        </Match>
        <Match when={current()?.kind !== 'volunteer'}>
          <EmptyState icon="volunteer" title={t('vol.notVolunteer', { kind: loc(KIND_LABEL[current()!.kind]) })} />
        </Match>
        <Match when={current()}>{(c) => <Volunteer campaign={c()} />}</Match>
      </Switch>
    </div>
  );
}

function Volunteer(props: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (TABS.includes(search.tab as Tab) ? (search.tab as Tab) : 'overview');
  const unit = createMemo(() => workingUnit(props.campaign));
  const [stats, { refetch: refetchStats }] = createResource(
    () => (unit() ? { id: props.campaign.id, unit: unit()! } : false),
    (k) => getStats(k.id, k.unit),
  );
  const pending = () => (stats.error ? undefined : stats.latest?.pendingRecords);
  const label = (k: Tab) => {
    if (k === 'review' && typeof pending() === 'number') return t('vol.tabReviewN', { n: fmtNumber(pending()!) });
    return t(`vol.tab.${k}` as 'vol.tab.overview');
  };

  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('vol.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <span class="tx-muted tx-small">{loc(KIND_LABEL[props.campaign.kind])}</span>
            <Show when={unit()}>
              <span class="tx-badge tx-badge-neutral">
                <Icon name="building" />
                {org.byId().get(unit()!)?.name}
              </span>
            </Show>
            <Show when={props.campaign.status !== 'draft'}>
              <a href={`${portalHref(props.campaign)}`} target="_blank" rel="noopener" class="tx-small">
                {t('form.viewOnPortal')}
                <Icon name="external" />
              </a>
            </Show>
          </div>
        </div>
        <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/leaderboard`} class="tx-btn tx-btn-secondary">
          <Icon name="trophy" />
          {t('vol.hoursBoard')}
        </A>
      </div>

      <Show
        when={unit()}
        fallback={
          <Notice kind="warning">
            {t('vol.outOfScope', { unit: props.campaign.orgUnitName })}
          </Notice>
        }
      >
        {(u) => (
          <>
            <Show when={props.campaign.status === 'draft'}>
              <Notice kind="warning">{t('vol.draftNote')}</Notice>
            </Show>
            <Tabs id="vol-tab" class="vo-tabs" label={t('vol.title')} value={tab()} options={TABS.map((k) => ({ value: k, label: label(k) }))} onChange={(k) => setSearch({ tab: k === 'overview' ? undefined : k })} />
            <div role="tabpanel" id="vol-tab-panel" aria-labelledby={`vol-tab-tab-${tab()}`} class="vo-panel">
              <Switch>
                <Match when={tab() === 'overview'}>
                  <VolunteerOverview stats={stats} retry={refetchStats} onReview={() => setSearch({ tab: 'review' })} />
                </Match>
                <Match when={tab() === 'pairs'}>
                  <VolunteerPairs campaign={props.campaign} unitId={u()} onChanged={refetchStats} />
                </Match>
                <Match when={tab() === 'review'}>
                  <VolunteerReview campaign={props.campaign} unitId={u()} onChanged={refetchStats} />
                </Match>
                <Match when={tab() === 'export'}>
                  <VolunteerExport campaign={props.campaign} unitId={u()} />
                </Match>
              </Switch>
            </div>
          </>
        )}
      </Show>
    </>
  );
}
