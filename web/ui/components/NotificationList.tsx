import { createResource, createSignal, For, Show } from 'solid-js';
import type { InferOutput } from 'valibot';
import type { NotificationItem } from '@shared/contracts/notifications';
import { call } from '../api';
import { fmtDateTime } from '../format';
import { nt } from '../i18n/notifications';
import { unread } from '../notifications';
import { createCursorList } from '../paging';
import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadMore } from './LoadMore';
import { Skeleton } from './Skeleton';

type Note = InferOutput<typeof NotificationItem>;
const PAGE = 20;

/**
 * 消息中心, shared by the portal page and the console page: newest first, unread ones marked
 * (a dot and 未读 in words), 只看未读, 全部已读, and a tap that marks one read and follows its
 * link through `follow` (each app knows which links are its own).
 */
export function NotificationList(props: { follow: (link: string) => void }) {
  const [onlyUnread, setOnlyUnread] = createSignal(false);
  const [readHere, setReadHere] = createSignal<Set<string>>(new Set());
  const query = (cursor?: string) => ({ limit: PAGE, ...(onlyUnread() ? { unread: 1 } : {}), ...(cursor ? { cursor } : {}) });
  const list = createCursorList((cursor) => call('GET /me/notifications', {}, { query: query(cursor) }));
  // the source is an object: a bare `false` would keep the resource from fetching at all
  const [page, { refetch }] = createResource(
    () => ({ unread: onlyUnread() }),
    async () => {
      const p = list.first(await call('GET /me/notifications', {}, { query: query() }));
      unread.set(p.unread);
      setReadHere(new Set<string>());
      return p;
    },
  );
  const items = () => [...(page.latest?.items ?? []), ...list.extra()];
  const isUnread = (n: Note) => n.readAt === null && !readHere().has(n.id);
  const [busy, setBusy] = createSignal(false);

  async function open(n: Note) {
    if (isUnread(n)) {
      setReadHere(new Set([...readHere(), n.id]));
      try {
        unread.set((await call('POST /me/notifications/read', {}, { body: { ids: [n.id] } })).unread);
      } catch {
        // the link still opens; the message stays unread on the server and shows so next time
      }
    }
    if (n.link) props.follow(n.link);
  }
  async function allRead() {
    setBusy(true);
    try {
      unread.set((await call('POST /me/notifications/read', {}, { body: { all: true } })).unread);
      setReadHere(new Set(items().map((n) => n.id)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="tx-notes">
      <div class="tx-notes-bar">
        <span class="tx-notes-count" aria-live="polite">
          {nt('notify.unreadCount', { n: unread.count() })}
        </span>
        <span class="tx-spacer" />
        <button type="button" class="tx-btn tx-btn-ghost tx-btn-sm" aria-pressed={onlyUnread()} onClick={() => setOnlyUnread(!onlyUnread())}>
          {nt('notify.unreadOnly')}
        </button>
        <Button small variant="secondary" loading={busy()} disabled={unread.count() === 0} onClick={allRead} data-testid="notifications-all-read">
          {nt('notify.allRead')}
        </Button>
      </div>
      <Show when={!page.error} fallback={<ErrorState error={page.error} onRetry={refetch} />}>
        <Show when={page.latest} fallback={<Skeleton lines={4} />}>
          <Show
            when={items().length > 0}
            fallback={
              <EmptyState
                icon="bell"
                title={onlyUnread() ? nt('notify.emptyUnread') : nt('notify.emptyTitle')}
                body={onlyUnread() ? undefined : nt('notify.emptyBody')}
              />
            }
          >
            <ul class="tx-notes-list">
              <For each={items()}>
                {(n) => (
                  <li>
                    <button type="button" class="tx-note" classList={{ 'is-unread': isUnread(n) }} onClick={() => void open(n)} data-kind={n.kind}>
                      <span class="tx-note-head">
                        <Show when={isUnread(n)}>
                          <span class="tx-note-dot" aria-hidden="true" />
                          <span class="tx-visually-hidden">{nt('notify.unreadTag')}</span>
                        </Show>
                        <strong class="tx-note-title">{n.title}</strong>
                        <time class="tx-note-time" datetime={n.createdAt}>
                          {fmtDateTime(n.createdAt)}
                        </time>
                      </span>
                      <span class="tx-note-body">{n.body}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <LoadMore class="tx-notes-more" state={list.more.state()} hasMore={list.cursor() !== null} onLoad={list.more.run} />
          </Show>
        </Show>
      </Show>
    </div>
  );
}
