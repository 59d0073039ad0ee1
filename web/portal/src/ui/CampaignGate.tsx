import { createResource, Match, Show, Switch, type JSX } from 'solid-js';
import { A, useLocation, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Icon, type IconName } from '@ui/icons';
import type { Campaign } from '@ui/types';
import type { CampaignKind } from '@shared/kinds';
import { campaignHref, getCampaign } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';

/** What a signed-out visitor reads where a page needs an account. */
export interface SignInPrompt {
  title: string;
  body: string;
  label: string;
  /** shown under the prompt (e.g. what the module is about) */
  extra?: JSX.Element;
  icon?: IconName;
  class?: string;
}

/**
 * The one frame of a module's portal page under /c/:idOrSlug/…: a back link, then the campaign
 * loaded by the route's id or slug, with its not-found, error, loading and wrong-kind states, and
 * (for pages that need an account) the sign-in prompt. Children get the loaded campaign and create
 * their own resources from it, so each page keeps only what is its own.
 */
export function CampaignGate(props: {
  kind: CampaignKind;
  /** the page's class (module styles hang on it) and the back link's */
  class: string;
  backClass: string;
  backLabel: string;
  /** where the back link goes once the campaign is known (its page by default) */
  backHref?: (c: Campaign) => string;
  /** the page title (and share description) from the campaign, while loading too */
  meta: (c: Campaign | undefined) => { title: string; description?: string };
  notKind: string;
  /** the wrong-kind page's way back to the campaign (the back label by default) */
  notKindBack?: string;
  skeleton: () => JSX.Element;
  /** set when the page needs a signed-in member */
  signIn?: SignInPrompt;
  children: (c: Campaign) => JSX.Element;
}) {
  const params = useParams<{ idOrSlug: string }>();
  const location = useLocation();
  const [campaign, { refetch }] = createResource(() => params.idOrSlug, getCampaign);
  // a resource throws its error when read: everything but the Switch reads it through this
  const loaded = () => (campaign.error ? undefined : campaign.latest);
  usePageMeta(() => props.meta(loaded()));
  const missing = () => campaign.error instanceof ApiError && campaign.error.status === 404;
  const back = () => {
    const c = loaded();
    if (!c) return `/c/${encodeURIComponent(params.idOrSlug)}`;
    return props.backHref ? props.backHref(c) : campaignHref(c);
  };

  const signedIn = (c: Campaign) => (
    <Switch>
      <Match when={session.me.error}>
        <ErrorState error={session.me.error} onRetry={session.refetch} />
      </Match>
      <Match when={session.me.loading}>{props.skeleton()}</Match>
      <Match when={!session.me()}>
        <section class={`tx-card ${props.signIn!.class ?? ''}`}>
          <Show when={props.signIn!.icon}>{(i) => <Icon name={i()} class={`${props.signIn!.class ?? 'pt-gate'}-icon`} />}</Show>
          <h2>{props.signIn!.title}</h2>
          <p class="tx-muted">{props.signIn!.body}</p>
          <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary" block>
            {props.signIn!.label}
          </LinkButton>
        </section>
        {props.signIn!.extra}
      </Match>
      <Match when={session.me()}>{props.children(c)}</Match>
    </Switch>
  );

  return (
    <div class={`pt-page ${props.class}`}>
      <p class={props.backClass}>
        <A href={back()}>
          <Icon name="chevronLeft" />
          {props.backLabel}
        </A>
      </p>
      <Switch>
        <Match when={missing()}>
          <EmptyState
            icon="flag"
            title={t('campaign.notFoundTitle')}
            body={t('campaign.notFoundBody')}
            action={<LinkButton href="/">{t('campaign.backHome')}</LinkButton>}
          />
        </Match>
        <Match when={campaign.error}>
          <ErrorState error={campaign.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>{props.skeleton()}</Match>
        <Match when={loaded()?.kind !== props.kind}>
          <EmptyState
            icon={props.kind as IconName}
            title={props.notKind}
            action={<LinkButton href={loaded() ? campaignHref(loaded()!) : '/'}>{props.notKindBack ?? props.backLabel}</LinkButton>}
          />
        </Match>
        <Match when={loaded()}>
          {(c) => (
            <Show when={props.signIn} fallback={props.children(c())}>
              {signedIn(c())}
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}
