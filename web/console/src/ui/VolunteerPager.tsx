import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import type { Page } from '@ui/types';
import { t } from '../i18n';

/**
 * One page of a cursor-paged list at a time (the API's `nextCursor`), with the cursors of the
 * pages before it kept so "上一页" works. A new key (filters) starts again at page 1.
 * Nothing but the page on screen is ever loaded, however long the list.
 */
export function createCursorPages<K, T>(key: () => K | false, fetch: (k: K, cursor: string | null, limit: number) => Promise<Page<T>>, initialLimit = 20) {
  const [limit, setLimitRaw] = createSignal(initialLimit);
  const keyStr = createMemo(() => JSON.stringify([key(), limit()]));
  const [nav, setNav] = createSignal<{ key: string; stack: (string | null)[] }>({ key: '', stack: [null] });
  const stack = () => (nav().key === keyStr() ? nav().stack : [null]);
  const setStack = (s: (string | null)[]) => setNav({ key: keyStr(), stack: s });

  const [page, { refetch }] = createResource(
    () => {
      const k = key();
      return k === false ? false : { k, cursor: stack()[stack().length - 1] ?? null, limit: limit(), v: keyStr() };
    },
    (q) => fetch(q.k as K, q.cursor, q.limit),
  );
  const latest = () => (page.error ? undefined : page.latest);

  return {
    page,
    latest,
    refetch,
    limit,
    setLimit: (n: number) => setLimitRaw(n),
    index: () => stack().length - 1,
    hasPrev: () => stack().length > 1,
    hasNext: () => !!latest()?.nextCursor,
    next: () => {
      const n = latest()?.nextCursor;
      if (n) setStack([...stack(), n]);
    },
    prev: () => {
      if (stack().length > 1) setStack(stack().slice(0, -1));
    },
    first: () => setStack([null]),
  };
}

export type CursorPages<T> = ReturnType<typeof createCursorPages<unknown, T>>;

/**
 * 上一页 · 第 N 页 · 下一页, and how many rows a page shows, for a list made by
 * createCursorPages. Absent until a page has loaded, and on an empty first page.
 */
export function Pager(props: { pages: CursorPages<unknown>; id: string; sizes?: number[] }) {
  const p = () => props.pages;
  const busy = () => p().page.loading;
  return (
    <Show when={p().latest() && ((p().latest()?.items.length ?? 0) > 0 || p().hasPrev())}>
      <nav class="vo-pager" aria-label={t('lb.pager')}>
        <Button small disabled={!p().hasPrev() || busy()} onClick={p().prev}>
          <Icon name="chevronLeft" />
          {t('lb.prev')}
        </Button>
        <span class="tx-num tx-small" aria-live="polite">
          {t('vol.pageN', { n: p().index() + 1 })}
        </span>
        <Button small disabled={!p().hasNext() || busy()} onClick={p().next} data-testid={`${props.id}-next`}>
          {t('lb.next')}
          <Icon name="chevronRight" />
        </Button>
        <label class="vo-pager-size">
          <span>{t('vol.perPage')}</span>
          <select class="tx-select" value={p().limit()} onChange={(e) => p().setLimit(Number(e.currentTarget.value))}>
            <For each={props.sizes ?? [20, 50, 100]}>
              {(n) => (
                <option value={n} selected={n === p().limit()}>
                  {n}
                </option>
              )}
            </For>
          </select>
        </label>
      </nav>
    </Show>
  );
}
