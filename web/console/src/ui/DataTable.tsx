import { For, Show, type Accessor, type JSX } from 'solid-js';
import { Button } from '@ui/components/Button';
import { t } from '../i18n';

/** A column head: its label, or the label and the classes of its <th> (`num` for numbers). */
export type HeadCell = string | { label: JSX.Element; class?: string };

/**
 * The console's list table: the scrolling wrap (dimmed while the next page loads), the
 * table with a hidden caption for screen readers, a head row of column labels (after an
 * optional lead cell such as a select-all box) and one body row per item, drawn by the caller.
 */
export function DataTable<T>(props: {
  class?: string;
  /** the rows on screen are being replaced (another page or filter is loading) */
  stale?: boolean;
  testid?: string;
  caption?: string;
  lead?: JSX.Element;
  head: HeadCell[];
  rows: readonly T[];
  children: (row: T, i: Accessor<number>) => JSX.Element;
}) {
  return (
    <div class={props.stale ? 'tx-table-wrap cs-stale' : 'tx-table-wrap'}>
      <table class={props.class ? `tx-table ${props.class}` : 'tx-table'} data-testid={props.testid}>
        <Show when={props.caption}>
          <caption class="tx-visually-hidden">{props.caption}</caption>
        </Show>
        <thead>
          <tr>
            {props.lead}
            <For each={props.head}>
              {(h) =>
                typeof h === 'string' ? (
                  <th scope="col">{h}</th>
                ) : (
                  <th scope="col" class={h.class}>
                    {h.label}
                  </th>
                )
              }
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{props.children}</For>
        </tbody>
      </table>
    </div>
  );
}

/** The states of a loaded list (error, first load, empty, content): the kit's, named here for the console's tables. */
export { Loaded } from '@ui/components/Loaded';

/** Under a list read in pages by cursor: an optional line (how many are shown), the last failure, and 加载更多 while there is more. */
export function LoadMore(props: { error?: string | null; busy: boolean; more: unknown; onMore: () => unknown; children?: JSX.Element }) {
  return (
    <div class="cs-more">
      {props.children}
      <Show when={props.error}>
        <p class="tx-field-error">{props.error}</p>
      </Show>
      <Show when={props.more}>
        <Button loading={props.busy} onClick={() => void props.onMore()}>
          {t('action.loadMore')}
        </Button>
      </Show>
    </div>
  );
}
