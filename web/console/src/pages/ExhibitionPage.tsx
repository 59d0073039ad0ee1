import { Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Notice } from '@ui/components/Field';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { ModuleHead, UrlTabs, useUrlTab } from '../ui/UrlTabs';
import '../exhibition.css';
import { Slots } from '../ui/ExhibitionSlots';
import { Bookings } from '../ui/ExhibitionBookings';
import { Stats } from '../ui/ExhibitionStats';

type Tab = 'slots' | 'bookings' | 'stats';
const TABS: readonly Tab[] = ['slots', 'bookings', 'stats'];
/** 展览 of one exhibition (/console/campaigns/:id/exhibition): 时段 · 预约 · 统计, and the way to 入场核验. Loaded on demand. */
export default function ExhibitionPage() {
  return (
    <CampaignModulePage
      kind="exhibition"
      icon="exhibition"
      class="ex-page"
      title={(c) => (c ? `${t('ex.title')} · ${c.title}` : t('ex.title'))}
      notKind={(kind) => t('ex.notExhibition', { kind })}
    >
      {(c) => <Exhibition campaign={c()} />}
    </CampaignModulePage>
  );
}

function Exhibition(props: { campaign: Campaign }) {
  const [tab, setTab] = useUrlTab(TABS);
  return (
    <>
      <ModuleHead
        campaign={props.campaign}
        title={t('ex.pageTitle', { title: props.campaign.title })}
        portalPath="/visit"
        actions={
          <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/check-in`} class="tx-btn tx-btn-primary" data-testid="ex-checkin-link">
            <Icon name="check" />
            {t('ex.checkIn')}
          </A>
        }
      />
      <Show when={props.campaign.status === 'draft'}>
        <Notice kind="warning">{t('ex.draftNote')}</Notice>
      </Show>
      <UrlTabs
        id="ex-tab"
        panelClass="ex-panel"
        label={t('ex.title')}
        tabs={TABS}
        tab={tab()}
        labelOf={(k) => t(`ex.tab.${k}` as 'ex.tab.slots')}
        onChange={setTab}
      >
        <Switch>
          <Match when={tab() === 'slots'}>
            <Slots campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'bookings'}>
            <Bookings campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'stats'}>
            <Stats campaign={props.campaign} />
          </Match>
        </Switch>
      </UrlTabs>
    </>
  );
}

/* ---------- 时段 ---------- */
