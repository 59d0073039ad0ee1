import { For, Show, type JSX } from 'solid-js';

/** One series of a day chart: its name (legend and tooltips) and how to read its value. */
export interface BarSeries<R> {
  label: string;
  value: (row: R) => number;
}

/**
 * The kit's day chart: two or more series as grouped bars per day, in plain SVG (no chart
 * library on a phone), the first series light and the last strong, with a legend and a tooltip
 * per day. Used wherever organizers compare "asked for" against "done" by day (booked vs
 * checked in, pledged vs verified).
 */
export function DayBars<R extends { day: string }>(props: {
  rows: R[];
  series: BarSeries<R>[];
  /** describes the whole chart for screen readers */
  ariaLabel: string;
  /** formats values in tooltips and the axis (numbers by default) */
  format?: (v: number) => string;
  /** the most recent days shown */
  last?: number;
  /** extra legend items (range, maximum …) */
  legendExtra?: JSX.Element;
  class?: string;
}) {
  const W = 640;
  const H = 220;
  const PAD = { l: 40, r: 8, t: 12, b: 32 };
  const fmt = (v: number) => (props.format ? props.format(v) : v.toLocaleString());
  const rows = () => [...props.rows].sort((a, b) => a.day.localeCompare(b.day)).slice(-(props.last ?? 31));
  const max = () => Math.max(1, ...rows().flatMap((r) => props.series.map((s) => s.value(r))));
  const slot = () => (W - PAD.l - PAD.r) / Math.max(1, rows().length);
  const bw = () => Math.max(2, (slot() - 4) / props.series.length);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / max());
  // a date under about every eighth day, never crowded
  const every = () => Math.max(1, Math.ceil(rows().length / 8));
  return (
    <figure class={`tx-daybars ${props.class ?? ''}`}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.ariaLabel} preserveAspectRatio="none">
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} class="tx-daybars-axis" />
        <text x={PAD.l - 6} y={y(max()) + 4} text-anchor="end" class="tx-daybars-tick">
          {fmt(max())}
        </text>
        <text x={PAD.l - 6} y={y(0) + 4} text-anchor="end" class="tx-daybars-tick">
          0
        </text>
        <For each={rows()}>
          {(r, i) => (
            <g>
              <title>{`${r.day}: ${props.series.map((s) => `${s.label} ${fmt(s.value(r))}`).join(' · ')}`}</title>
              <For each={props.series}>
                {(s, k) => (
                  <rect
                    class={`tx-daybars-s${k() === props.series.length - 1 ? 'last' : k()}`}
                    x={PAD.l + i() * slot() + 2 + k() * bw()}
                    y={y(s.value(r))}
                    width={bw()}
                    height={y(0) - y(s.value(r))}
                  />
                )}
              </For>
              <Show when={i() % every() === 0}>
                <text x={PAD.l + i() * slot() + slot() / 2} y={H - 10} class="tx-daybars-tick" text-anchor="middle">
                  {r.day.slice(5)}
                </text>
              </Show>
            </g>
          )}
        </For>
      </svg>
      <figcaption class="tx-daybars-legend">
        <For each={props.series}>
          {(s, k) => (
            <span>
              <i class={`tx-daybars-key tx-daybars-s${k() === props.series.length - 1 ? 'last' : k()}`} />
              {s.label}
            </span>
          )}
        </For>
        {props.legendExtra}
      </figcaption>
    </figure>
  );
}
