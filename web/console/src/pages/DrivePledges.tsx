import { createResource, Match, Show, Switch } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Notice } from '@ui/components/Field';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { getReport } from '../data/drive';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
import '../drive.css';
import { Review } from '../ui/DriveReview';
import { Messages, Board } from '../ui/DriveMessages';
import { Report } from '../ui/DriveReport';

type Tab = 'review' | 'messages' | 'board' | 'report';
const TABS: readonly Tab[] = ['review', 'messages', 'board', 'report'];

/** 募捐 of one drive (/console/campaigns/:id/drive): 认捐审核 · 留言审核 · 单位排行 · 汇总. Loaded on demand. */
export default function DrivePledges() {
  return (
    <CampaignModulePage
      kind="drive"
      icon="drive"
      class="dr-page"
      title={(c) => (c ? t('drive.pageTitle', { title: c.title }) : t('drive.title'))}
      notKind={(kind) => t('drive.notDrive', { kind })}
      backLabel={t('drive.backToCampaign')}
    >
      {(c) => <Drive campaign={c} />}
    </CampaignModulePage>
  );
}

function Drive(props: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (TABS.includes(search.tab as Tab) ? (search.tab as Tab) : 'review');
  const [report, { refetch: refetchReport }] = createResource(() => props.campaign.id, (id) => getReport(id));
  const pending = () => (report.error ? undefined : report.latest?.receiptsPending);
  const label = (k: Tab) =>
    k === 'review' && typeof pending() === 'number' ? t('drive.tabReviewN', { n: fmtNumber(pending()!) }) : t(`drive.tab.${k}` as 'drive.tab.review');

  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('drive.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <span class="tx-muted tx-small">{loc(KIND_LABEL[props.campaign.kind])}</span>
            <Show when={props.campaign.status !== 'draft'}>
              <a href={`${portalHref(props.campaign)}/drive`} target="_blank" rel="noopener" class="tx-small">
                {t('form.viewOnPortal')}
                <Icon name="external" />
              </a>
            </Show>
          </div>
        </div>
      </div>
      <Notice icon="info">{t('drive.noMoneyNote')}</Notice>
      <Tabs id="drive-tab" class="dr-tabs" label={t('drive.title')} value={tab()} options={TABS.map((k) => ({ value: k, label: label(k) }))} onChange={(k) => setSearch({ tab: k === 'review' ? undefined : k })} />
      <div role="tabpanel" id="drive-tab-panel" aria-labelledby={`drive-tab-tab-${tab()}`} class="dr-panel">
        <Switch>
          <Match when={tab() === 'review'}>
            <Review campaign={props.campaign} onChanged={refetchReport} />
          </Match>
          <Match when={tab() === 'messages'}>
            <Messages campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'board'}>
            <Board campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'report'}>
            <Report campaign={props.campaign} />
          </Match>
        </Switch>
      </div>
    </>
  );
}

