import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { A, Navigate, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { ORG_KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { LargeToggle } from '@ui/components/Prefs';
import { Icon, Logo, type IconName } from '@ui/icons';
import { org } from '../data/org';
import { session } from '../data/session';
import { t } from '../i18n';
import { JudgeGate, JudgingNavLink } from './JudgingFrame';
import { GateGate } from './GateFrame';
import { ReviewGate } from './ReviewFrame';
import { UnitOptions } from './UnitSelect';
import { Bell, LangButton, SignOutButton, UserName } from './TopTools';

const NAV: { href: string; icon: IconName; label: () => string; match: (p: string) => boolean }[] = [
  { href: '/', icon: 'chart', label: () => t('nav.overview'), match: (p) => p === '/console' || p === '/console/' },
  { href: '/report', icon: 'file', label: () => t('nav.report'), match: (p) => p.startsWith('/console/report') },
  { href: '/org', icon: 'tree', label: () => t('nav.org'), match: (p) => p.startsWith('/console/org') },
  { href: '/campaigns', icon: 'flag', label: () => t('nav.campaigns'), match: (p) => p.startsWith('/console/campaigns') },
  { href: '/quiz-banks', icon: 'quiz', label: () => t('quiz.nav'), match: (p) => p.startsWith('/console/quiz-banks') },
  { href: '/history', icon: 'upload', label: () => t('nav.history'), match: (p) => p.startsWith('/console/history') },
];

/** Signed-in organizer frame: left navigation, top bar with the subtree switcher, the page. */
export function Layout(props: RouteSectionProps): JSX.Element {
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname.replace(/^\/console/, '') || '/');
  return (
    <Switch>
      <Match when={session.me.error}>
        <div class="cs-center">
          <ErrorState error={session.me.error} onRetry={session.refetch} />
        </div>
      </Match>
      <Match when={session.me.loading || (session.me() && org.units.loading && !org.units.latest)}>
        <div class="cs-center" aria-busy="true">
          <Skeleton title lines={4} />
        </div>
      </Match>
      <Match when={session.me() === null}>
        <Navigate href={`/login?next=${next()}`} />
      </Match>
      <Match when={org.units.error}>
        <div class="cs-center">
          <ErrorState error={org.units.error} onRetry={org.refetch} />
        </div>
      </Match>
      <Match when={org.managedRoots().length === 0}>
        {/* judges who organize nothing get their scoring page (and only that) */}
        {/* …and 检票员 their check-in pages (and only those), 审核员 their review screens */}
        <JudgeGate fallback={<GateGate fallback={<ReviewGate fallback={<NoAccess />}>{props.children}</ReviewGate>}>{props.children}</GateGate>}>
          {props.children}
        </JudgeGate>
      </Match>
      <Match when={true}>
        <Frame>{props.children}</Frame>
      </Match>
    </Switch>
  );
}

function Frame(props: { children: JSX.Element }) {
  const location = useLocation();
  return (
    <div class="cs-app">
      <aside class="cs-side">
        <A href="/" class="cs-brand">
          <Logo class="cs-logo" />
          <span>{t('console.name')}</span>
        </A>
        <nav class="cs-nav" aria-label={t('nav.label')}>
          <For each={NAV}>
            {(n) => (
              <A href={n.href} class="cs-nav-link" aria-current={n.match(location.pathname) ? 'page' : undefined}>
                <Icon name={n.icon} />
                <span>{n.label()}</span>
              </A>
            )}
          </For>
          <JudgingNavLink />
        </nav>
        <a href="/" class="cs-nav-portal">
          <Icon name="home" />
          <span>{t('nav.portal')}</span>
        </a>
      </aside>
      <div class="cs-body">
        <TopBar />
        <main class="cs-main" id="main">
          {props.children}
        </main>
      </div>
    </div>
  );
}

function TopBar() {
  return (
    <header class="cs-top">
      <label class="cs-scope">
        <span class="cs-scope-label">{t('top.unit')}</span>
        <select class="tx-select cs-scope-select" value={org.scopeId() ?? ''} onChange={(e) => org.setScope(e.currentTarget.value)} data-testid="scope">
          <UnitOptions
            rows={org.scopeOptions()}
            selected={org.scopeId()}
            label={(u) => t('top.unitOption', { name: u.name, kind: loc(ORG_KIND_LABEL[u.kind]) })}
          />
        </select>
      </label>
      <span class="tx-spacer" />
      <div class="cs-top-tools">
        <label class="cs-large" title={t('pref.largeHint')}>
          <span>{t('pref.large')}</span>
          <LargeToggle />
        </label>
        <Bell href="/console/messages" />
        <LangButton />
        <UserName />
        <SignOutButton />
      </div>
    </header>
  );
}

function NoAccess() {
  const navigate = useNavigate();
  return (
    <div class="cs-center">
      <div class="tx-card cs-login-card">
        <Logo class="cs-login-logo" />
        <h1>{t('noAccess.title')}</h1>
        <p class="tx-muted">{t('noAccess.body')}</p>
        <div class="tx-row">
          <a class="tx-btn tx-btn-primary" href="/">
            {t('noAccess.portal')}
          </a>
          <Show when={session.me()}>
            <Button
              variant="secondary"
              onClick={async () => {
                await session.signOut();
                navigate('/login', { replace: true });
              }}
            >
              {t('top.signOut')}
            </Button>
          </Show>
        </div>
      </div>
    </div>
  );
}
