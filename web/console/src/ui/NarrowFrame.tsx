import type { JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { Icon, Logo } from '@ui/icons';
import { t } from '../i18n';
import { Bell, LangButton, SignOutButton, UserName } from './TopTools';

/**
 * The console for someone with one narrow role (检票员, 审核员) and no organizer's rights: a
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
