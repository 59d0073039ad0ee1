import { createMemo, createResource, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Notice } from '@ui/components/Field';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { getStats, workingUnit } from '../data/volunteer';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { ModuleHead, UrlTabs, useUrlTab } from '../ui/UrlTabs';
import { reviewerOnly } from '../ui/ReviewFrame';
import { VolunteerExport } from '../ui/VolunteerExport';
import { VolunteerOverview } from '../ui/VolunteerOverview';
import { VolunteerPairs } from '../ui/VolunteerPairs';
import { VolunteerReview } from '../ui/VolunteerReview';
import { VolunteerActivities } from '../ui/VolunteerActivities';
import '../volunteer.css';

type Tab = 'overview' | 'pairs' | 'activities' | 'review' | 'export';
const TABS: readonly Tab[] = ['overview', 'pairs', 'activities', 'review', 'export'];
const REVIEW_TABS: readonly Tab[] = ['review'];

/** "1+1" of one campaign (/console/campaigns/:id/volunteer): 概况 · 结对 · 服务活动 · 审核 · 导出. Loaded on demand. */
export default function VolunteerPage() {
  return (
    <CampaignModulePage
      kind="volunteer"
      icon="volunteer"
      class="vo-page"
      title={(c) => (c ? t('vol.pageTitle', { title: c.title }) : t('vol.title'))}
      notKind={(kind) => t('vol.notVolunteer', { kind })}
      // organizers of a unit below the campaign's may not edit it (canManage is false) but review
      // their part of it: their way back is the overview, where they found it
      back={(c, id) =>
        reviewerOnly() ? (
          <A href="/">
            <Icon name="chevronLeft" />
            {t('review.home')}
          </A>
        ) : c?.canManage === false ? (
          <A href="/">
            <Icon name="chevronLeft" />
            {t('vol.backOverview')}
          </A>
        ) : (
          <A href={`/campaigns/${encodeURIComponent(id)}`}>
            <Icon name="chevronLeft" />
            {t('lb.back')}
          </A>
        )
      }
    >
      {(c) => <Volunteer campaign={c()} />}
    </CampaignModulePage>
  );
}

function Volunteer(props: { campaign: Campaign }) {
  // a 审核员 who organizes nothing has the review queue only: the other tabs call organizer-only endpoints
  const tabs = reviewerOnly() ? REVIEW_TABS : TABS;
  const [tab, setTab] = useUrlTab(tabs);
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
      <ModuleHead
        campaign={props.campaign}
        title={t('vol.pageTitle', { title: props.campaign.title })}
        portalPath=""
        badges={
          <>
            <span class="tx-muted tx-small">{loc(KIND_LABEL[props.campaign.kind])}</span>
            <Show when={unit()}>
              <span class="tx-badge tx-badge-neutral">
                <Icon name="building" />
                {org.byId().get(unit()!)?.name}
              </span>
            </Show>
          </>
        }
        actions={
          reviewerOnly() ? undefined : (
            <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/leaderboard`} class="tx-btn tx-btn-secondary">
              <Icon name="trophy" />
              {t('vol.hoursBoard')}
            </A>
          )
        }
      />

      <Show when={unit()} fallback={<Notice kind="warning">{t('vol.outOfScope', { unit: props.campaign.orgUnitName })}</Notice>}>
        {(u) => (
          <>
            <Show when={props.campaign.status === 'draft'}>
              <Notice kind="warning">{t('vol.draftNote')}</Notice>
            </Show>
            <UrlTabs id="vol-tab" class="vo-tabs" panelClass="vo-panel" label={t('vol.title')} tabs={tabs} tab={tab()} labelOf={label} onChange={setTab}>
              <Switch>
                <Match when={tab() === 'overview'}>
                  <VolunteerOverview stats={stats} retry={refetchStats} onReview={() => setTab('review')} />
                </Match>
                <Match when={tab() === 'pairs'}>
                  <VolunteerPairs campaign={props.campaign} unitId={u()} onChanged={refetchStats} />
                </Match>
                <Match when={tab() === 'activities'}>
                  <VolunteerActivities campaign={props.campaign} unitId={u()} />
                </Match>
                <Match when={tab() === 'review'}>
                  <VolunteerReview campaign={props.campaign} unitId={u()} onChanged={refetchStats} />
                </Match>
                <Match when={tab() === 'export'}>
                  <VolunteerExport campaign={props.campaign} unitId={u()} />
                </Match>
              </Switch>
            </UrlTabs>
          </>
        )}
      </Show>
    </>
  );
}
