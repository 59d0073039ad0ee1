import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { A, Navigate, useLocation, useNavigate } from '@solidjs/router';
import { lang, switchLang } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, Logo } from '@ui/icons';
import { judging } from '../data/contest';
import { session } from '../data/session';
import { t } from '../i18n';
import '../pages/contest.css';

/** /console/judging is the one console page open to judges who organize nothing. */
export const isJudgingPath = (p: string) => /^\/console\/judging\/?$/.test(p);

/** The frame a judge without organizer rights sees: the scoring page and a way out, nothing else. */
export function JudgeFrame(props: { children: JSX.Element }) {
  const navigate = useNavigate();
  const [leaving, setLeaving] = createSignal(false);
  async function signOut() {
    setLeaving(true);
    try {
      await session.signOut();
      navigate('/login', { replace: true });
    } finally {
      setLeaving(false);
    }
  }
  return (
    <div class="cs-judge-app">
      <header class="cs-judge-top">
        <a href="/" class="cs-judge-brand">
          <Logo class="cs-logo" />
          <span>{t('contest.score.frameTitle')}</span>
        </a>
        <span class="tx-spacer" />
        <button
          type="button"
          class="tx-btn tx-btn-ghost tx-btn-sm"
          aria-label={t('top.langLabel')}
          lang={lang() === 'en' ? 'zh-CN' : 'en'}
          onClick={() => void switchLang(lang() === 'en' ? 'zh-CN' : 'en')}
        >
          <Icon name="globe" />
          {t('top.langSwitch')}
        </button>
        <span class="cs-user">
          <Icon name="user" />
          {session.me()?.user.name}
        </span>
        <a href="/me" class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="home" />
          {t('nav.portal')}
        </a>
        <Button small variant="secondary" loading={leaving()} onClick={signOut}>
          <Icon name="logout" />
          {t('top.signOut')}
        </Button>
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
