import { createResource, For, Match, Show, Switch, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import type { CampaignKind } from '@shared/kinds';
import { InlineError } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, type IconName } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';

export interface KindItem<T> {
  campaign: Campaign;
  /** this person's part in the campaign; null when it could not be read (the link still shows) */
  mine: T | null;
}

/**
 * A card on 我的 for one kind of campaign: the published ones (at most three) with what
 * this person did in each. Absent when there is none; a retry when the list fails.
 */
export function KindMeCard<T>(props: {
  kind: CampaignKind;
  title: string;
  icon: IconName;
  testId: string;
  /** which campaigns of the kind the card is about (daily quizzes that are on now, say) */
  filter?: (c: Campaign) => boolean;
  mine: (c: Campaign) => Promise<T>;
  children: (item: KindItem<T>) => JSX.Element;
  class?: string;
  listClass?: string;
  /** under the list (a link to everything, say) */
  footer?: JSX.Element;
}) {
  const [items, { refetch }] = createResource(async (): Promise<Array<KindItem<T>>> => {
    const page = await listCampaigns({ kind: props.kind, status: 'published', limit: 50 });
    const shown = page.items.filter((c) => props.filter?.(c) ?? true).slice(0, 3);
    return Promise.all(shown.map(async (campaign) => ({ campaign, mine: await props.mine(campaign).catch(() => null) })));
  });
  const titleId = `${props.testId}-title`;
  return (
    <Show when={items.loading || items.error || (items.latest?.length ?? 0) > 0}>
      <section class={`tx-card pt-kind-card ${props.class ?? ''}`} aria-labelledby={titleId} data-testid={props.testId}>
        <h2 id={titleId} class="pt-kind-card-title">
          <Icon name={props.icon} />
          {props.title}
        </h2>
        <Switch>
          <Match when={items.error}>
            <InlineError error={items.error} onRetry={() => refetch()} />
          </Match>
          <Match when={items.loading}>
            <Skeleton lines={2} />
          </Match>
          <Match when={items.latest}>
            <ul class={props.listClass ?? 'pt-list pt-kind-list'}>
              <For each={items.latest}>{(it) => <li>{props.children(it)}</li>}</For>
            </ul>
            {props.footer}
          </Match>
        </Switch>
      </section>
    </Show>
  );
}

/** One row of a 我的 card: the campaign's title, a summary line, and a chevron; the whole row links. */
export function KindMeRow(props: { href: string; title: string; children?: JSX.Element }) {
  return (
    <A href={props.href} class="pt-kind-row">
      <span class="pt-kind-main">
        <strong>{props.title}</strong>
        <Show when={props.children}>
          <span class="tx-small tx-muted tx-num">{props.children}</span>
        </Show>
      </span>
      <Icon name="chevronRight" />
    </A>
  );
}
