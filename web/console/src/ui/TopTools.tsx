import { createSignal } from 'solid-js';
import { useLocation, useNavigate } from '@solidjs/router';
import { NotificationBell } from '@ui/components/NotificationBell';
import { lang, switchLang } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import { session } from '../data/session';
import { t } from '../i18n';

/** 中文 / English: switches the interface language (the button is labelled in the other one). */
export function LangButton() {
  return (
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
  );
}

/** Who is signed in, by name. */
export function UserName() {
  return (
    <span class="cs-user">
      <Icon name="user" />
      {session.me()?.user.name}
    </span>
  );
}

/** 退出登录, then the sign-in page (the history entry replaced, so Back does not return). */
export function SignOutButton() {
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
    <Button small variant="secondary" loading={leaving()} onClick={signOut}>
      <Icon name="logout" />
      {t('top.signOut')}
    </Button>
  );
}

/**
 * 消息: the bell with the unread count. The organizer's frame opens the console's 消息中心
 * (/console/messages); the narrow frames (judges, 检票员, 审核员) the portal's.
 */
export function Bell(props: { href: string }) {
  const location = useLocation();
  return <NotificationBell href={props.href} path={location.pathname} />;
}
