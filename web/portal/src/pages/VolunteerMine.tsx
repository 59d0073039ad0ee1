import { createResource, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { boardHref } from '../data/campaigns';
import { certificateHref, fmtHours, myVolunteer, type MyVolunteer } from '../data/volunteer';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import { OnePlusOne } from '../ui/VolunteerBits';
import { ServiceActivities } from '../ui/ServiceActivities';
import '../volunteer.css';
import { InviteCard, Pairs } from '../ui/VolunteerInvite';
import { ReportForm, Records } from '../ui/VolunteerReport';
import { CampaignGate } from '../ui/CampaignGate';

/**
 * 我的1+1 (/c/:idOrSlug/volunteer): my invite (code, QR, link), my pairs and places left,
 * my hours, the 登记服务 form, my records with their review, and the way to my certificate.
 */
export default function VolunteerMine() {
  return (
    <CampaignGate
      kind="volunteer"
      class="vl-page"
      backClass="vl-back"
      backLabel={t('vol.backToCampaign')}
      meta={(c) => ({ title: `${t('vol.mineTitle')}${c ? ` · ${c.title}` : ''} · ${t('app.name')}` })}
      notKind={t('vol.notVolunteer')}
      skeleton={() => <PageSkeleton />}
      signIn={{
        title: t('vol.signInTitle'),
        body: t('vol.signInBody'),
        label: t('vol.signIn'),
        icon: 'volunteer',
        class: 'vl-signin',
        extra: <OnePlusOne open />,
      }}
    >
      {(c) => <MyVolunteerLoader campaign={c} />}
    </CampaignGate>
  );
}

function MyVolunteerLoader(props: { campaign: Campaign }) {
  const [mine, { refetch: refetchMine }] = createResource(() => props.campaign.id, myVolunteer);
  return (
    <>
      <header class="vl-head">
        <KindBadge kind="volunteer" />
        <h1 class="vl-title">{t('vol.mineTitle')}</h1>
        <p class="tx-muted vl-sub">{props.campaign.title}</p>
      </header>
      <Switch>
        <Match when={mine.error}>
          <ErrorState error={mine.error} onRetry={refetchMine} />
        </Match>
        <Match when={!mine.latest}>
          <PageSkeleton />
        </Match>
        <Match when={!mine.error && mine.latest}>{(m) => <Mine campaign={props.campaign} data={m()} reload={refetchMine} />}</Match>
      </Switch>
    </>
  );
}

function PageSkeleton() {
  return (
    <>
      <div class="vl-stats">
        <div class="tx-card">
          <Skeleton lines={2} />
        </div>
        <div class="tx-card">
          <Skeleton lines={2} />
        </div>
        <div class="tx-card">
          <Skeleton lines={2} />
        </div>
      </div>
      <div class="tx-card">
        <Skeleton title block lines={2} />
      </div>
      <div class="tx-card">
        <Skeleton title lines={4} />
      </div>
    </>
  );
}

function Mine(props: { campaign: Campaign; data: MyVolunteer; reload: () => unknown }) {
  const d = () => props.data;
  const open = () => props.campaign.status === 'published';
  const placesLeft = () => Math.max(0, d().pairCap - d().pairs.length);
  const pending = () => d().records.filter((r) => r.status === 'pending').length;

  return (
    <>
      <section class="vl-stats" aria-label={t('vol.hoursTitle')}>
        <div class="tx-card vl-stat">
          <span class="vl-stat-label">{t('vol.approvedHours')}</span>
          <span class="vl-stat-value vl-stat-key tx-num" data-testid="approved-hours">
            {fmtHours(d().approvedHours)}
          </span>
          <span class="vl-stat-unit">{t('vol.hoursUnit')}</span>
        </div>
        <div class="tx-card vl-stat">
          <span class="vl-stat-label">{t('vol.pendingHours')}</span>
          <span class="vl-stat-value tx-num" data-testid="pending-hours">
            {fmtHours(d().pendingHours)}
          </span>
          <span class="vl-stat-unit">{pending() ? t('vol.pendingCount', { n: pending() }) : t('vol.hoursUnit')}</span>
        </div>
        <div class="tx-card vl-stat">
          <span class="vl-stat-label">{t('vol.pairsLabel')}</span>
          <span class="vl-stat-value tx-num">
            {d().pairs.length}
            <small>/{d().pairCap}</small>
          </span>
          <span class="vl-stat-unit">{placesLeft() ? t('vol.placesLeft', { n: placesLeft() }) : t('vol.placesFull')}</span>
        </div>
      </section>

      <InviteCard campaign={props.campaign} data={d()} placesLeft={placesLeft()} />
      <OnePlusOne open={d().pairs.length === 0} />
      <Pairs data={d()} placesLeft={placesLeft()} />
      <ServiceActivities campaignId={props.campaign.id} open={open()} />
      <Show when={open()} fallback={<Notice kind="warning">{t('vol.closedNoReport')}</Notice>}>
        <ReportForm campaign={props.campaign} data={d()} onDone={props.reload} />
      </Show>
      <Records records={d().records} />

      <section class="tx-card vl-cert-link">
        <Icon name="file" class="vl-cert-icon" />
        <div class="vl-cert-text">
          <h2>{t('vol.certTitle')}</h2>
          <p class="tx-small tx-muted">{d().approvedHours > 0 ? t('vol.certReady', { n: fmtHours(d().approvedHours) }) : t('vol.certNotYet')}</p>
        </div>
        <Show when={d().approvedHours > 0}>
          <LinkButton href={certificateHref(props.campaign)} variant="secondary">
            {t('vol.certOpen')}
            <Icon name="chevronRight" />
          </LinkButton>
        </Show>
      </section>
      <p class="vl-links">
        <A href={boardHref(props.campaign)}>
          <Icon name="trophy" />
          {t('vol.board')}
        </A>
      </p>
    </>
  );
}
