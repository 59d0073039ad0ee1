import { For, Show, type JSX } from 'solid-js';
import { Skeleton } from '@ui/components/Skeleton';
import { Tooltip } from '@ui/components/Tooltip';

/**
 * One figure card of a report (累计认捐, 已入场…): its name with the definition behind a tip,
 * the value, and what stands under it (`sub` as a muted line, or the caller's children).
 */
export function MetricCard(props: { id: string; label: string; tip: string; value: JSX.Element; valueClass?: string; sub?: string; children?: JSX.Element }) {
  return (
    <div class="tx-card cs-metric" data-metric={props.id}>
      <div class="cs-metric-label">
        <span>{props.label}</span>
        <Tooltip text={props.tip} label={props.label} />
      </div>
      <div class={props.valueClass ? `cs-metric-value tx-num ${props.valueClass}` : 'cs-metric-value tx-num'}>{props.value}</div>
      <Show when={props.sub}>
        <div class="tx-small tx-muted tx-num">{props.sub}</div>
      </Show>
      {props.children}
    </div>
  );
}

/** The row of figure cards while the report loads. */
export function MetricsSkeleton(props: { cards: number }) {
  return (
    <div class="cs-metrics">
      <For each={Array.from({ length: props.cards })}>
        {() => (
          <div class="tx-card">
            <Skeleton lines={2} />
          </div>
        )}
      </For>
    </div>
  );
}
