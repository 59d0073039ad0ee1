import { createResource, Match, Switch } from 'solid-js';
import { KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Notice } from '@ui/components/Field';
import { fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { getReport } from '../data/drive';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { ModuleHead, UrlTabs, useUrlTab } from '../ui/UrlTabs';
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
      {(c) => <Drive campaign={c()} />}
    </CampaignModulePage>
  );
}

function Drive(props: { campaign: Campaign }) {
  const [tab, setTab] = useUrlTab(TABS);
  const [report, { refetch: refetchReport }] = createResource(
    () => props.campaign.id,
    (id) => getReport(id),
  );
  const pending = () => (report.error ? undefined : report.latest?.receiptsPending);
  const label = (k: Tab) =>
    k === 'review' && typeof pending() === 'number' ? t('drive.tabReviewN', { n: fmtNumber(pending()!) }) : t(`drive.tab.${k}` as 'drive.tab.review');

  return (
    <>
      <ModuleHead
        campaign={props.campaign}
        title={t('drive.pageTitle', { title: props.campaign.title })}
        portalPath="/drive"
        badges={<span class="tx-muted tx-small">{loc(KIND_LABEL[props.campaign.kind])}</span>}
      />
      <Notice icon="info">{t('drive.noMoneyNote')}</Notice>
      <UrlTabs id="drive-tab" class="dr-tabs" panelClass="dr-panel" label={t('drive.title')} tabs={TABS} tab={tab()} labelOf={label} onChange={setTab}>
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
      </UrlTabs>
    </>
  );
}
