import { For } from 'solid-js';
import { kt } from '../i18n/kit';

/** Grey placeholder lines while content loads; announced once to screen readers. */
export function Skeleton(props: { lines?: number; title?: boolean; block?: boolean; class?: string }) {
  const lines = () => Array.from({ length: props.lines ?? 3 }, (_, i) => i);
  return (
    <div class={props.class} aria-busy="true" role="status">
      <span class="tx-visually-hidden">{kt('state.loading')}</span>
      {props.title && <span class="tx-skeleton tx-skeleton-title" />}
      {props.block && <span class="tx-skeleton tx-skeleton-block" />}
      <For each={lines()}>{(i) => <span class={`tx-skeleton ${i === (props.lines ?? 3) - 1 ? 'tx-skeleton-short' : ''}`} />}</For>
    </div>
  );
}
