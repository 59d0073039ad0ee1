import { createEffect, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { NotificationList } from '@ui/components/NotificationList';
import { nt } from '@ui/i18n/notifications';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';

/** 消息中心 (/messages): my notifications; a console link (评审任务) leaves the portal for the console. */
export function Messages() {
  usePageMeta(() => ({ title: `${nt('notify.title')} · ${t('app.name')}` }));
  const navigate = useNavigate();
  createEffect(() => {
    if (!session.me.loading && !session.me.error && session.me() === null) navigate('/login?next=%2Fmessages', { replace: true });
  });
  const follow = (link: string) => {
    if (link.startsWith('/console/')) window.location.assign(link);
    else navigate(link);
  };
  return (
    <div class="pt-page pt-messages">
      <h1>{nt('notify.title')}</h1>
      <p class="tx-muted">{nt('notify.lead')}</p>
      <Show when={session.me()}>
        <NotificationList follow={follow} />
      </Show>
    </div>
  );
}
