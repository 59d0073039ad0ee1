import { createResource, Match, Switch } from 'solid-js';
import type { TodoItemDto } from '@shared/contracts/org';
import { call } from '@ui/api';
import { InlineError } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, type IconName } from '@ui/icons';
import { LinkRows } from '@ui/components/LinkRows';
import { fmtNumber } from '@ui/format';
import { org } from '../data/org';
import { t } from '../i18n';

const enc = encodeURIComponent;

/** Where each kind of to-do is done, and how it reads. */
const WHAT: Record<
  TodoItemDto['what'],
  { icon: IconName; href: (id: string) => string; text: 'todo.entries' | 'todo.receipts' | 'todo.flagged' | 'todo.draft' }
> = {
  entries_pending: { icon: 'contest', href: (id) => `/campaigns/${enc(id)}/entries`, text: 'todo.entries' },
  receipts_pending: { icon: 'drive', href: (id) => `/campaigns/${enc(id)}/drive`, text: 'todo.receipts' },
  attempts_flagged: { icon: 'quiz', href: (id) => `/campaigns/${enc(id)}/quiz?tab=attempts`, text: 'todo.flagged' },
  draft: { icon: 'edit', href: (id) => `/campaigns/${enc(id)}`, text: 'todo.draft' },
};

/** 待办: what waits for this scope's organizers, each a link to where it is done. */
export function TodoCard() {
  const [items, { refetch }] = createResource(
    () => org.scopeId() ?? false,
    (id) => call('GET /org-units/{id}/todo', { id }).then((r) => r.items),
  );
  return (
    <section class="tx-card cs-todo" aria-labelledby="cs-todo-title" data-testid="todo">
      <h2 id="cs-todo-title">
        <Icon name="inbox" />
        {t('todo.title')}
      </h2>
      <Switch>
        <Match when={items.error}>
          <InlineError error={items.error} onRetry={() => refetch()} />
        </Match>
        <Match when={items.loading && !items.latest}>
          <Skeleton lines={2} />
        </Match>
        <Match when={items.latest?.length === 0}>
          <p class="cs-todo-none">
            <Icon name="check" />
            {t('todo.none')}
          </p>
        </Match>
        <Match when={items.latest}>
          <LinkRows
            class="cs-todo-list"
            rowClass="cs-todo-row"
            items={items.latest!}
            href={(it) => WHAT[it.what].href(it.campaignId)}
            attrs={(it) => ({ 'data-what': it.what })}
          >
            {(it) => (
              <>
                <Icon name={WHAT[it.what].icon} />
                <span class="cs-todo-text">
                  <strong>{it.campaignTitle}</strong>
                  <span class="tx-small">{t(WHAT[it.what].text, { n: fmtNumber(it.count) })}</span>
                </span>
              </>
            )}
          </LinkRows>
        </Match>
      </Switch>
    </section>
  );
}
