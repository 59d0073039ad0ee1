import { Match, Show, Switch } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { Notice } from '@ui/components/Field';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
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
      {(c) => <Exhibition campaign={c} />}
    </CampaignModulePage>
  );
}

function Exhibition(props: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (TABS.includes(search.tab as Tab) ? (search.tab as Tab) : 'slots');
  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('ex.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <Show when={props.campaign.status !== 'draft'}>
              <a href={`${portalHref(props.campaign)}/visit`} target="_blank" rel="noopener" class="tx-small">
                {t('form.viewOnPortal')}
                <Icon name="external" />
              </a>
            </Show>
          </div>
        </div>
        <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/check-in`} class="tx-btn tx-btn-primary" data-testid="ex-checkin-link">
          <Icon name="check" />
          {t('ex.checkIn')}
        </A>
      </div>
      <Show when={props.campaign.status === 'draft'}>
        <Notice kind="warning">{t('ex.draftNote')}</Notice>
      </Show>
      <Tabs id="ex-tab" label={t('ex.title')} value={tab()} options={TABS.map((k) => ({ value: k, label: t(`ex.tab.${k}` as 'ex.tab.slots') }))} onChange={(k) => setSearch({ tab: k === 'slots' ? undefined : k })} />
      <div role="tabpanel" id="ex-tab-panel" aria-labelledby={`ex-tab-tab-${tab()}`} class="ex-panel">
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
      </div>
    </>
  );
}

/* ---------- 时段 ---------- */

