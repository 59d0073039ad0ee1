import { Match, Show, Switch, type JSX } from 'solid-js';
import { A, Navigate, useLocation, } from '@solidjs/router';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, Logo } from '@ui/icons';
import { judging } from '../data/contest';
import { t } from '../i18n';
import '../pages/contest.css';
import { Bell, LangButton, SignOutButton, UserName } from './TopTools';

/** /console/judging is the one console page open to judges who organize nothing. */
export const isJudgingPath = (p: string) => /^\/console\/judging\/?$/.test(p);

/** The frame a judge without organizer rights sees: the scoring page and a way out, nothing else. */
export function JudgeFrame(props: { children: JSX.Element }) {
  return (
    <div class="cs-judge-app">
      <header class="cs-judge-top">
        <a href="/" class="cs-judge-brand">
          <Logo class="cs-logo" />
          <span>{t('contest.score.frameTitle')}</span>
        </a>
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
 * What a signed-in user who organizes nothing gets: the judging page when they are on a
 * panel (or already on it), the "no access" page otherwise.
 */
export function JudgeGate(props: { fallback: JSX.Element; children: JSX.Element }) {
  const location = useLocation();
  return (
    <Switch fallback={props.fallback}>
      <Match when={isJudgingPath(location.pathname)}>
        <JudgeFrame>{props.children}</JudgeFrame>
      </Match>
      <Match when={judging.assignments.error}>
        <div class="cs-center">
          <ErrorState error={judging.assignments.error} onRetry={judging.refetch} />
        </div>
      </Match>
      <Match when={judging.assignments.loading && !judging.assignments.latest}>
        <div class="cs-center" aria-busy="true">
          <Skeleton title lines={3} />
        </div>
      </Match>
      <Match when={(judging.assignments.latest ?? []).length > 0}>
        <Navigate href="/judging" />
      </Match>
    </Switch>
  );
}

/** 评审打分 in the organizers' navigation, shown only to those who are also judges. */
export function JudgingNavLink() {
  const location = useLocation();
  return (
    <Show when={judging.open().length > 0}>
      <A href="/judging" class="cs-nav-link" aria-current={isJudgingPath(location.pathname) ? 'page' : undefined}>
        <Icon name="edit" />
        <span>{t('contest.nav.myJudging')}</span>
      </A>
    </Show>
  );
}
