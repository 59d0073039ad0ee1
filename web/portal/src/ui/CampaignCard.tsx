import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { KIND_ACTION } from '@shared/kinds';
import { Icon } from '@ui/icons';
import { loc } from '@ui/i18n';
import { LinkButton } from '@ui/components/Button';
import { fmtRange, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { campaignHref } from '../data/campaigns';
import { t } from '../i18n';
import { KindBadge, KindCover } from './KindCover';

export function PhaseBadge(props: { campaign: Campaign }) {
  const phase = () => phaseOf(props.campaign);
  return (
    <span class={`tx-badge ${phase() === 'ongoing' ? 'tx-badge-green' : phase() === 'upcoming' ? 'tx-badge-orange' : 'tx-badge-neutral'}`}>
      {t(`card.${phase()}`)}
    </span>
  );
}

/** A campaign on a list: cover, kind badge, dates, organizer and its one call to action. */
export function CampaignCard(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const href = () => campaignHref(c());
  const ended = () => phaseOf(c()) === 'ended';
  return (
    <article class="pt-card" data-campaign={c().id}>
      <A href={href()} class="pt-card-cover" tabindex="-1" aria-hidden="true">
        <KindCover kind={c().kind} src={c().coverUrl} />
      </A>
      <div class="pt-card-body">
        <div class="tx-row pt-card-badges">
          <KindBadge kind={c().kind} />
          <PhaseBadge campaign={c()} />
        </div>
        <h3 class="pt-card-title">
          <A href={href()}>{c().title}</A>
        </h3>
        <Show when={c().summary}>
          <p class="pt-card-summary">{c().summary}</p>
        </Show>
        <ul class="pt-meta">
          <li>
            <Icon name="calendar" />
            <span class="tx-num">{fmtRange(c().startsAt, c().endsAt)}</span>
          </li>
          <li>
            <Icon name="building" />
            <span>{c().orgUnitName}</span>
          </li>
        </ul>
        <LinkButton href={href()} variant={ended() ? 'secondary' : 'primary'} block>
          {ended() ? t('card.view') : loc(KIND_ACTION[c().kind])}
          <Icon name="chevronRight" />
        </LinkButton>
      </div>
    </article>
  );
}

export function CardSkeletons(props: { count?: number }) {
  return (
    <div class="pt-grid">
      {Array.from({ length: props.count ?? 3 }, () => (
        <div class="pt-card" aria-hidden="true">
          <div class="pt-cover tx-skeleton pt-cover-skel" />
          <div class="pt-card-body">
            <span class="tx-skeleton tx-skeleton-title" />
            <span class="tx-skeleton" />
            <span class="tx-skeleton tx-skeleton-short" />
          </div>
        </div>
      ))}
    </div>
  );
}
