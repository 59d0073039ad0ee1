import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { kt } from '../i18n/kit';

export interface Column<T> {
  key: string;
  header: string;
  /** cell content; defaults to the row's value at `key` */
  cell?: (row: T) => JSX.Element;
  /** value to sort by; the column is sortable when given */
  sortValue?: (row: T) => string | number;
  numeric?: boolean;
  class?: string;
}

/** A plain data table with optional client-side sorting and an empty slot. */
export function Table<T>(props: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  caption?: string;
  empty?: JSX.Element;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  /** extra classes of a row (a highlight, say) */
  rowClass?: (row: T) => string | undefined;
}) {
  const [sort, setSort] = createSignal<{ key: string; dir: 'asc' | 'desc' } | null>(props.initialSort ?? null);

  const sorted = createMemo(() => {
    const s = sort();
    const col = s && props.columns.find((c) => c.key === s.key);
    if (!s || !col?.sortValue) return props.rows;
    const f = col.sortValue;
    const out = [...props.rows].sort((a, b) => {
      const x = f(a);
      const y = f(b);
      const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return s.dir === 'asc' ? r : -r;
    });
    return out;
  });

  function toggle(key: string) {
    const s = sort();
    setSort(s && s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });
  }

  const ariaSort = (key: string) => {
    const s = sort();
    return s && s.key === key ? (s.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  };

  return (
    <Show when={props.rows.length > 0} fallback={props.empty}>
      <div class="tx-table-wrap">
        <table class="tx-table">
          <Show when={props.caption}>
            <caption class="tx-visually-hidden">{props.caption}</caption>
          </Show>
          <thead>
            <tr>
              <For each={props.columns}>
                {(c) => (
                  <th class={`${c.numeric ? 'num' : ''} ${c.class ?? ''}`} aria-sort={ariaSort(c.key)} scope="col">
                    <Show when={c.sortValue} fallback={c.header}>
                      <button type="button" onClick={() => toggle(c.key)} title={kt('table.sortBy')}>
                        {c.header}
                        <span aria-hidden="true">{sort()?.key === c.key ? (sort()?.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                      </button>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={sorted()}>
              {(row) => (
                <tr data-key={props.rowKey(row)} class={props.rowClass?.(row)}>
                  <For each={props.columns}>
                    {(c) => (
                      <td class={`${c.numeric ? 'num' : ''} ${c.class ?? ''}`}>
                        {c.cell ? c.cell(row) : String((row as Record<string, unknown>)[c.key] ?? '')}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
