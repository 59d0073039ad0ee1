import { For, type JSX, type Resource } from 'solid-js';
import { A } from '@solidjs/router';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { Icon, type IconName, Logo } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { t } from '../i18n';
import { Bell, LangButton, SignOutButton, UserName } from './TopTools';

/**
 * The console for someone with one narrow role (检票员, 审核员, 评委) and no organizer's rights: a
 * title, the language, who is signed in, a way back to the portal and out — and the work.
 */
export function NarrowFrame(props: { title: string; children: JSX.Element }) {
  return (
    <div class="cs-judge-app">
      <header class="cs-judge-top">
        <A href="/" class="cs-judge-brand">
          <Logo class="cs-logo" />
          <span>{props.title}</span>
        </A>
        <span class="tx-spacer" />
        <Bell href="/messages" />
        <LangButton />
        <UserName />
        <a href="/me" class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="home" />
          {t('nav.portal')}
        </a>
        <SignOutButton />
      </header>
      <main class="cs-main cs-judge-main" id="main">
        {props.children}
      </main>
    </div>
  );
}

/**
 * The first page of a narrow role: the running campaigns where there is work for them, each a
 * card with one button to the only screen they work on.
 */
export function NarrowHome(props: {
  testId: string;
  title: string;
  lead: string;
  emptyIcon: IconName;
  emptyTitle: string;
  list: Resource<Campaign[]>;
  refetch: () => void;
  /** the campaigns of `list` this person has work in */
  mine: () => Campaign[];
  subtitle: (c: Campaign) => string;
  open: (c: Campaign) => { href: string; label: string; testId: string };
}) {
  return (
    <div class="cs-page" data-testid={props.testId}>
      <h1>{props.title}</h1>
      <p class="tx-muted">{props.lead}</p>
      <Loaded
        error={props.list.error}
        retry={props.refetch}
        loading={!props.list.latest}
        lines={3}
        empty={props.mine().length === 0}
        emptyView={<EmptyState icon={props.emptyIcon} title={props.emptyTitle} />}
      >
        <ul class="tx-stack">
          <For each={props.mine()}>
            {(c) => (
              <li class="tx-card tx-row">
                <div>
                  <strong>{c.title}</strong>
                  <div class="tx-small tx-muted">{props.subtitle(c)}</div>
                </div>
                <span class="tx-spacer" />
                <A class="tx-btn tx-btn-primary" href={props.open(c).href} data-testid={props.open(c).testId}>
                  <Icon name="check" />
                  {props.open(c).label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Loaded>
    </div>
  );
}
