import { createMemo, createSignal, For, Show } from 'solid-js';
import type { MetricsPointDto } from '@shared/contracts/org';
import { fmtNumber } from '@ui/format';
import { chinaDay } from '@shared/china-time';
import { isPartialPoint } from '@shared/period';
import { t } from '../i18n';
import { useWidth } from './useWidth';

type Measure = 'activeMembers' | 'events' | 'points';
const MEASURES: Array<{ key: Measure; label: 'overview.activeMembers' | 'overview.events' | 'overview.points' }> = [
  { key: 'activeMembers', label: 'overview.activeMembers' },
  { key: 'events', label: 'overview.events' },
  { key: 'points', label: 'overview.points' },
];

const H = 200;
const PAD = { top: 16, right: 12, bottom: 28, left: 44 };

/** "2026-11-03" → "11-03" (the year is in the period the organizer picked). */
const short = (at: string) => at.slice(5);

/** 参与趋势: one line over the period's days or weeks, with the quiet ones at zero. */
export function MetricsTrend(props: { series: MetricsPointDto[]; step: 'day' | 'week'; stale?: boolean }) {
  const [measure, setMeasure] = createSignal<Measure>('activeMembers');
  const [hover, setHover] = createSignal<number | null>(null);
  const [W, box] = useWidth(640);
  const label = (at: string) => (props.step === 'week' ? t('overview.weekOf', { at: short(at) }) : short(at));

  const values = createMemo(() => props.series.map((p) => p[measure()]));
  // a round top for the axis: 1, 2, 5 × 10^n
  const top = createMemo(() => {
    const m = Math.max(1, ...values());
    const p = 10 ** Math.floor(Math.log10(m));
    return [1, 2, 5, 10].map((k) => k * p).find((x) => x >= m)!;
  });
  const x = (i: number) => PAD.left + (props.series.length <= 1 ? 0 : (i * (W() - PAD.left - PAD.right)) / (props.series.length - 1));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top());
  // today's (this week's) point is still running: drawn apart, dashed, so a half-day never reads as a drop
  const partial = createMemo(() => {
    const n = props.series.length;
    return n >= 2 && isPartialPoint(props.series[n - 1]!.at, props.step, chinaDay());
  });
  const solid = () => (partial() ? values().slice(0, -1) : values());
  const line = () =>
    solid()
      .map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join('');
  const tail = () => {
    const n = values().length;
    return `M${x(n - 2).toFixed(1)},${y(values()[n - 2]!).toFixed(1)}L${x(n - 1).toFixed(1)},${y(values()[n - 1]!).toFixed(1)}`;
  };
  const area = () => `${line()}L${x(solid().length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z`;
  const peak = createMemo(() => {
    let best = 0;
    values().forEach((v, i) => v > values()[best]! && (best = i));
    return best;
  });
  // a few dates under the axis, never crowded: about one per 90 px
  const ticks = createMemo(() => {
    const n = props.series.length;
    const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((W() - PAD.left) / 90))));
    return props.series
      .map((_, i) => i)
      .filter((i) => i % every === 0 || i === n - 1)
      .filter((i, k, a) => i === n - 1 || a[k + 1] === undefined || a[k + 1]! - i >= every * 0.6);
  });
  const totals = createMemo(() => props.series.reduce((s, p) => ({ events: s.events + p.events, points: s.points + p.points }), { events: 0, points: 0 }));
  const what = () => t(MEASURES.find((m) => m.key === measure())!.label);
  const point = (i: number) => {
    const p = props.series[i]!;
    return t('overview.trendPoint', { at: label(p.at), active: fmtNumber(p.activeMembers), events: fmtNumber(p.events), points: fmtNumber(p.points) });
  };

  return (
    <section class={`tx-card cs-trend ${props.stale ? 'cs-stale' : ''}`} data-testid="metrics-trend">
      <div class="cs-section-head">
        <div>
          <h2>{t('overview.trend')}</h2>
          <p class="tx-small tx-muted">{t(props.step === 'week' ? 'overview.trendLead.week' : 'overview.trendLead.day')}</p>
        </div>
        <div class="tx-segmented cs-segmented-sm" role="group" aria-label={t('overview.trend')}>
          <For each={MEASURES}>
            {(m) => (
              <button type="button" aria-pressed={measure() === m.key} onClick={() => setMeasure(m.key)}>
                {t(m.label)}
              </button>
            )}
          </For>
        </div>
      </div>
      <div class="cs-chart-box" ref={box}>
        <svg
          class="cs-chart"
          viewBox={`0 0 ${W()} ${H}`}
          role="img"
          aria-label={t('overview.trendLabel', {
            what: what(),
            n: props.series.length,
            unit: t(props.step === 'week' ? 'overview.unitWeek' : 'overview.unitDay'),
            max: fmtNumber(values()[peak()] ?? 0),
            at: props.series[peak()] ? label(props.series[peak()]!.at) : '—',
          })}
          onMouseLeave={() => setHover(null)}
        >
          <For each={[0, 0.5, 1]}>
            {(f) => (
              <g>
                <line x1={PAD.left} x2={W() - PAD.right} y1={y(top() * f)} y2={y(top() * f)} class="cs-chart-grid" />
                <text x={PAD.left - 6} y={y(top() * f)} text-anchor="end" dominant-baseline="central" class="cs-chart-axis">
                  {fmtNumber(top() * f)}
                </text>
              </g>
            )}
          </For>
          <Show when={props.series.length}>
            <path d={area()} class="cs-chart-area" />
            <path d={line()} class="cs-chart-line" />
          </Show>
          <Show when={partial()}>
            <path d={tail()} class="cs-chart-line" stroke-dasharray="6 5" opacity="0.7" data-testid="trend-partial" />
            <circle cx={x(values().length - 1)} cy={y(values()[values().length - 1]!)} r="4" fill="#fff" stroke="var(--tx-red)" stroke-width="2" />
            <text x={x(values().length - 1) - 6} y={PAD.top - 4} text-anchor="end" class="cs-chart-axis">
              {t(props.step === 'week' ? 'overview.partialWeek' : 'overview.partialDay')}
            </text>
          </Show>
          <For each={ticks()}>
            {(i) => (
              <text x={x(i)} y={H - 8} text-anchor={i === 0 ? 'start' : i === props.series.length - 1 ? 'end' : 'middle'} class="cs-chart-axis">
                {short(props.series[i]!.at)}
              </text>
            )}
          </For>
          {/* one invisible column per point: hovering shows its figures */}
          <For each={props.series}>
            {(_, i) => {
              const half = () => (props.series.length <= 1 ? W() / 2 : (W() - PAD.left - PAD.right) / (props.series.length - 1) / 2);
              return (
                <rect
                  x={x(i()) - half()}
                  y={PAD.top}
                  width={half() * 2}
                  height={H - PAD.top - PAD.bottom}
                  fill="transparent"
                  onMouseEnter={() => setHover(i())}
                />
              );
            }}
          </For>
          <Show when={hover() !== null && props.series[hover()!]}>
            <line x1={x(hover()!)} x2={x(hover()!)} y1={PAD.top} y2={H - PAD.bottom} class="cs-chart-cursor" />
            <circle cx={x(hover()!)} cy={y(values()[hover()!]!)} r="4" class="cs-chart-dot" />
          </Show>
        </svg>
      </div>
      <p class="tx-small tx-muted cs-trend-foot" aria-live="polite">
        <Show
          when={hover() !== null && props.series[hover()!]}
          fallback={
            <>
              {t('overview.trendPeak', {
                what: what(),
                value: fmtNumber(values()[peak()] ?? 0),
                at: props.series[peak()] ? label(props.series[peak()]!.at) : '—',
              })}
              {' · '}
              {t('overview.trendTotal', { events: fmtNumber(totals().events), points: fmtNumber(totals().points) })}
              <Show when={partial()}>
                {' · '}
                {t(props.step === 'week' ? 'overview.partialWeekNote' : 'overview.partialDayNote')}
              </Show>
            </>
          }
        >
          {point(hover()!)}
        </Show>
      </p>
    </section>
  );
}
