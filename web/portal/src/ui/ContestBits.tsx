import { createResource, createSignal, Match, onCleanup, Show, Switch, type JSX } from 'solid-js';
import { A, useLocation } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { voteState, type Entry, type EntryStatus } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { campaignHref, getCampaign } from '../data/campaigns';
import { castVote, patchEntry, votedToday, votesLeft } from '../data/contest';
import { session } from '../data/session';
import '../pages/contest.css';
import { t } from '../i18n';

/** "12 票" / "1 vote" */
export function votesText(n: number | null | undefined): string {
  return t(n === 1 ? 'contest.votesOne' : 'contest.votes', { n: fmtNumber(n) });
}

/** 待审核 / 已通过 / 未通过 */
export function EntryStatusBadge(props: { status: EntryStatus }) {
  const cls = () => (props.status === 'approved' ? 'tx-badge-green' : props.status === 'pending' ? 'tx-badge-orange' : '');
  return (
    <span class={`tx-badge ${cls()}`} data-status={props.status}>
      {t(`contest.status.${props.status}`)}
    </span>
  );
}

/**
 * Loads the contest campaign of a page (/c/:idOrSlug/…) and shows skeleton, error with retry,
 * or a "not found" state; the page body gets the campaign once it is there.
 */
export function ContestGate(props: { idOrSlug: string; children: (c: Campaign, refetch: () => void) => JSX.Element; skeleton?: JSX.Element }) {
  const [campaign, { refetch }] = createResource(() => props.idOrSlug, getCampaign);
  const missing = () =>
    (campaign.error instanceof ApiError && campaign.error.status === 404) || (!campaign.error && campaign.latest && campaign.latest.kind !== 'contest');
  return (
    <Switch>
      <Match when={missing()}>
        <EmptyState
          icon="flag"
          title={t('campaign.notFoundTitle')}
          body={t('campaign.notFoundBody')}
          action={<LinkButton href="/campaigns">{t('nav.campaigns')}</LinkButton>}
        />
      </Match>
      <Match when={campaign.error}>
        <ErrorState error={campaign.error} onRetry={refetch} />
      </Match>
      <Match when={!campaign.latest}>
        {props.skeleton ?? (
          <>
            <span class="tx-skeleton tx-skeleton-title" />
            <Skeleton lines={5} />
          </>
        )}
      </Match>
      <Match when={campaign.latest}>{(c) => props.children(c(), () => void refetch())}</Match>
    </Switch>
  );
}

/** Back link and the page's heading under the campaign's title. */
export function ContestHead(props: { campaign: Campaign; title: string; back?: { href: string; label: string }; children?: JSX.Element }) {
  return (
    <header class="ct-head">
      <p class="ct-back">
        <A href={props.back?.href ?? `${campaignHref(props.campaign)}/contest`}>
          <Icon name="chevronLeft" />
          {props.back?.label ?? t('contest.backHub')}
        </A>
      </p>
      <div class="ct-eyebrow">{props.campaign.title}</div>
      <h1 class="ct-title">{props.title}</h1>
      {props.children}
    </header>
  );
}

/** A short message that floats above the tab bar for a few seconds (vote results). */
export function createToast() {
  const [msg, setMsg] = createSignal<{ text: string; kind: 'ok' | 'error' } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  function show(text: string, kind: 'ok' | 'error' = 'ok') {
    clearTimeout(timer);
    setMsg({ text, kind });
    timer = setTimeout(() => setMsg(null), 3500);
  }
  onCleanup(() => clearTimeout(timer));
  const View = (p: { dark?: boolean }) => (
    <div class="ct-toast-zone" aria-live="polite" role="status">
      <Show when={msg()}>
        {(m) => (
          <div class={`ct-toast ${m().kind === 'error' ? 'ct-toast-error' : ''} ${p.dark ? 'ct-toast-dark' : ''}`} data-testid="toast">
            <Icon name={m().kind === 'error' ? 'alert' : 'check'} />
            <span>{m().text}</span>
          </div>
        )}
      </Show>
    </div>
  );
  return { show, View };
}

/**
 * 投票 for one work: asks to sign in first, shows 已投 once voted today and 票已用完 when the
 * day's votes are used; reports the outcome through `notify`.
 */
export function VoteButton(props: {
  campaign: Campaign;
  entry: Entry;
  notify: (text: string, kind?: 'ok' | 'error') => void;
  small?: boolean;
  block?: boolean;
  class?: string;
}) {
  const location = useLocation();
  const [busy, setBusy] = createSignal(false);
  const voted = () => votedToday(props.campaign.id, props.entry.id);
  const left = () => votesLeft(props.campaign.id);
  const open = () => voteState(props.campaign) === 'open' && props.entry.status === 'approved';

  async function vote(e: MouseEvent) {
    e.preventDefault();
    e.stopPropagation();
    setBusy(true);
    const r = await castVote(props.campaign.id, props.entry.id);
    setBusy(false);
    if (r.ok) {
      if (props.entry.votes !== null) patchEntry(props.entry.id, { votes: props.entry.votes + 1 });
      props.notify(r.left > 0 ? t('contest.vote.done', { n: fmtNumber(r.left) }) : t('contest.vote.doneLast'));
    } else props.notify(errorText(r.error), 'error');
  }

  return (
    <Show when={open()}>
      <Show
        when={session.me()}
        fallback={
          <LinkButton
            href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
            small={props.small}
            block={props.block}
            class={`ct-vote ${props.class ?? ''}`}
          >
            <Icon name="star" />
            {t('contest.vote.signIn')}
          </LinkButton>
        }
      >
        <Button
          variant={voted() ? 'secondary' : 'primary'}
          small={props.small}
          block={props.block}
          class={`ct-vote ${props.class ?? ''}`}
          loading={busy()}
          disabled={voted() || left() === 0}
          onClick={vote}
          data-testid="vote"
          aria-label={voted() ? t('contest.vote.votedFor', { title: props.entry.title }) : t('contest.vote.for', { title: props.entry.title })}
        >
          <Show when={!busy()}>
            <Icon name={voted() ? 'check' : 'star'} />
          </Show>
          {voted() ? t('contest.vote.voted') : left() === 0 ? t('contest.vote.none') : t('contest.vote.vote')}
        </Button>
      </Show>
    </Show>
  );
}

/** "今日还可投 3 票" / "每天可投 5 票" */
export function VotesLeftNote(props: { campaign: Campaign; perDay: number }) {
  const left = () => votesLeft(props.campaign.id);
  return (
    <span class="ct-votes-left tx-num" data-testid="votes-left">
      <Show when={left() !== null && session.me()} fallback={t('contest.vote.perDay', { n: fmtNumber(props.perDay) })}>
        {t('contest.vote.left', { n: fmtNumber(left()!), total: fmtNumber(props.perDay) })}
      </Show>
    </span>
  );
}
