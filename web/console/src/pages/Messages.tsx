import { useNavigate } from '@solidjs/router';
import { NotificationList } from '@ui/components/NotificationList';
import { nt } from '@ui/i18n/notifications';
import { PageHead } from '../ui/PageHead';

/** 消息中心 in the console (/console/messages): the same list as the portal's; portal links leave the console. */
export default function Messages() {
  const navigate = useNavigate();
  const follow = (link: string) => {
    if (link.startsWith('/console/')) navigate(link.slice('/console'.length));
    else window.location.assign(link);
  };
  return (
    <div class="cs-page cs-messages">
      <PageHead title={nt('notify.title')} lead={nt('notify.lead')} />
      <NotificationList follow={follow} />
    </div>
  );
}
