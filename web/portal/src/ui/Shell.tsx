import { For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Icon, Logo, type IconName } from '@ui/icons';
import { lang, switchLang } from '@ui/i18n';
import { large, setLarge } from '@ui/prefs';
import { session } from '../data/session';
import { t } from '../i18n';

// the bell (and its strings) load once someone is signed in: the first page stays within its budget
const NotificationBell = lazy(() => import('./Notify').then((m) => ({ default: m.NotificationBell })));

/** /c/:idOrSlug/rank belongs to 排行, the rest of /c/ to 活动. */
const isBoard = (p: string) => /^\/c\/[^/]+\/rank\/?$/.test(p);

const TABS: { href: string; icon: IconName; label: () => string; match: (p: string) => boolean }[] = [
  { href: '/', icon: 'home', label: () => t('nav.home'), match: (p) => p === '/' },
  {
    href: '/campaigns',
    icon: 'list',
    label: () => t('nav.campaigns'),
    match: (p) =>
      p.startsWith('/campaigns') || (p.startsWith('/c/') && !isBoard(p)) || p.startsWith('/quiz/') || p.startsWith('/works/') || p.startsWith('/live'),
  },
  { href: '/rank', icon: 'trophy', label: () => t('nav.rank'), match: (p) => p.startsWith('/rank') || isBoard(p) },
  { href: '/me', icon: 'user', label: () => t('nav.me'), match: (p) => p.startsWith('/me') || p === '/login' || p === '/register' },
];

/** 答题中 (/quiz/:attemptId, not its result): the tab bar hides, so a stray tap cannot leave the clock running. */
const isPlaying = (p: string) => /^\/quiz\/[^/]+\/?$/.test(p);

/** Header on top; on phones a bottom tab bar, on wider screens the same tabs in the header. */
export function Shell(props: RouteSectionProps): JSX.Element {
  const location = useLocation();
  const tabs = (cls: string) => (
    <For each={TABS}>
      {(tab) => (
        <A href={tab.href} class={cls} aria-current={tab.match(location.pathname) ? 'page' : undefined}>
          <Icon name={tab.icon} />
          <span>{tab.label()}</span>
        </A>
      )}
    </For>
  );
  return (
    <div class="pt-app" classList={{ 'is-playing': isPlaying(location.pathname) }}>
      <a class="pt-skip" href="#main">
        {t('nav.skip')}
      </a>
      <header class="pt-header">
        <div class="pt-header-inner">
          <A href="/" class="pt-brand">
            <Logo class="pt-logo" />
            <span>{t('app.name')}</span>
          </A>
          <nav class="pt-topnav" aria-label={t('nav.main')}>
            {tabs('pt-topnav-link')}
          </nav>
          {/* 消息: the bell and its unread badge, for the signed-in */}
          <Show when={session.me()}>
            <Suspense>
              <NotificationBell href="/messages" path={location.pathname} class="pt-bell" />
            </Suspense>
          </Show>
          {/* 长辈模式 on every page, signed in or not: one tap, remembered on the device (tx.large) */}
          <button type="button" id="large-switch" class="pt-lang pt-large" aria-pressed={large()} title={t('large.title')} onClick={() => setLarge(!large())}>
            <Icon name="text" />
            <span>{t('large.short')}</span>
          </button>
          <button
            type="button"
            class="pt-lang"
            aria-label={t('lang.switchLabel')}
            lang={lang() === 'en' ? 'zh-CN' : 'en'}
            onClick={() => void switchLang(lang() === 'en' ? 'zh-CN' : 'en')}
          >
            <Icon name="globe" />
            <span>{t('lang.switchShort')}</span>
          </button>
        </div>
      </header>
      <main id="main" class="pt-main">
        {props.children}
      </main>
      <Show when={!isPlaying(location.pathname)}>
        <nav class="pt-tabbar" aria-label={t('nav.main')}>
          {tabs('pt-tab')}
        </nav>
      </Show>
    </div>
  );
}
