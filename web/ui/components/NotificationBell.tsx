import { createEffect, on, Show } from 'solid-js';
import { Icon } from '../icons';
import { kt } from '../i18n/kit';
import { unread } from '../notifications';

/**
 * 消息 in the header of the portal and the console: a bell with the unread count. The link's
 * name says the count in words ("消息，3 条未读"), so a screen reader hears what the red dot shows.
 * `path` is the current route: a navigation refreshes the count (at most every 15 s).
 */
export function NotificationBell(props: { href: string; path: string; class?: string; onClick?: (e: MouseEvent) => void }) {
  unread.poll();
  createEffect(
    on(
      () => props.path,
      () => void unread.refresh(),
    ),
  );
  const label = () => (unread.count() > 0 ? kt('notify.bellUnread', { n: unread.count() }) : kt('notify.bell'));
  return (
    <a
      href={props.href}
      class={`tx-bell ${props.class ?? ''}`}
      aria-label={label()}
      title={label()}
      data-testid="notification-bell"
      onClick={(e) => props.onClick?.(e)}
    >
      <Icon name="bell" />
      <Show when={unread.count() > 0}>
        <span class="tx-bell-badge" aria-hidden="true">
          {unread.count() > 99 ? '99+' : unread.count()}
        </span>
      </Show>
    </a>
  );
}
