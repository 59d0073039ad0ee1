import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { CAMPAIGN_KINDS, KIND_LABEL } from '@shared/kinds';
import { METRICS, type MetricName } from '@shared/metrics';
import { loc } from '@ui/i18n';
import { chinaDay } from '@shared/i18n';
import { api, qs } from '@ui/api';
import { ErrorState } from '@ui/components/ErrorState';
import { Table } from '@ui/components/Table';
import { Notice } from '@ui/components/Field';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Metrics } from '@ui/types';
import { org } from '../data/org';
import { t } from '../i18n';
import { MetricsTrend } from '../ui/MetricsTrend';
import { TodoCard } from '../ui/TodoCard';
import { UnitMetricsTable } from '../ui/UnitMetricsTable';
import { useWidth } from '../ui/useWidth';
import { lazy, Suspense } from 'solid-js';
import { MetricCard, MetricsSkeleton } from '../ui/Metric';
import { periodChange, previousPeriod } from '@shared/period';

// the "1+1" card (带动率, records to review), loaded on demand
const VolunteerInbox = lazy(() => import('../ui/VolunteerInbox'));

const PERIODS = [
  { days: 7, key: 'overview.p7' },
  { days: 30, key: 'overview.p30' },
  { days: 90, key: 'overview.p90' },
  { days: 0, key: 'overview.all' },
] as const;

const CARDS: MetricName[] = ['members', 'activeMembers', 'participationRate', 'points'];

/** 概览: the subtree's member metrics as cards (with their definitions), the trend, the units below and activity by kind. */
export function Overview() {
  const [days, setDays] = createSignal<number>(30);
  createEffect(() => {
    document.title = `${t('overview.title')} · ${t('console.name')}`;
  });

  // "all time" draws weeks; the shorter periods draw days
  const step = () => (days() ? 'day' : 'week') as 'day' | 'week';
  // "近30天" = the last 30 calendar days in China, today included (a report's natural unit)
  const from = createMemo(() => (days() ? new Date(`${chinaDay(Date.now() - (days() - 1) * 86_400_000)}T00:00:00+08:00`).toISOString() : undefined));
  const [metrics, { refetch }] = createResource(
    () => (org.scopeId() ? { id: org.scopeId()!, from: from(), series: step() } : null),
    async ({ id, from, series }) => api<Metrics>('GET', `/org-units/${encodeURIComponent(id)}/metrics${qs({ from, series })}`),
  );

  // the previous period of equal length, for the change on each card (not for 全部, nor for the registered members, a stock)
  const [previous] = createResource(
    () => (org.scopeId() && from() ? { id: org.scopeId()!, ...previousPeriod(from()!, new Date(Date.parse(from()!) + days() * 86_400_000).toISOString()) } : null),
    async ({ id, from, to }) => api<Metrics>('GET', `/org-units/${encodeURIComponent(id)}/metrics${qs({ from, to })}`),
  );
  const change = (m: Metrics, name: MetricName): string | undefined => {
    const p = previous.error || previous.loading ? undefined : previous.latest;
    if (!p || !from() || name === 'members') return undefined;
    const rate = name === 'participationRate';
    const c = periodChange(rate ? m.participationRate : m[name], rate ? p.participationRate : p[name]);
    if (c.delta === 0) return t('overview.changeSame');
    // a rate changes in percentage points; a count by itself and its share of the previous one
    const v = rate ? fmtPercent(Math.abs(c.delta)) : c.ratio === null ? fmtNumber(Math.abs(c.delta)) : `${fmtNumber(Math.abs(c.delta))} (${fmtPercent(Math.abs(c.ratio))})`;
    return t(c.delta > 0 ? 'overview.changeUp' : 'overview.changeDown', { v });
  };

  const value = (m: Metrics, name: MetricName) =>
    name === 'participationRate' ? fmtPercent(m.participationRate) : fmtNumber(m[name]);

  return (
    <div class="cs-page">
      <div class="cs-page-head">
        <div>
          <h1>{t('overview.title')}</h1>
          <p class="tx-muted">{t('overview.lead', { unit: org.scope()?.name ?? '' })}</p>
        </div>
        <div class="tx-segmented" role="group" aria-label={t('overview.period')}>
          <For each={PERIODS}>
            {(p) => (
              <button type="button" aria-pressed={days() === p.days} onClick={() => setDays(p.days)}>
                {t(p.key)}
              </button>
            )}
          </For>
        </div>
      </div>
      <TodoCard />
      <Suspense>
        <VolunteerInbox />
      </Suspense>
      <Switch>
        <Match when={metrics.error}>
          <ErrorState error={metrics.error} onRetry={refetch} />
        </Match>
        <Match when={metrics.loading && !metrics.latest}>
          <MetricsSkeleton cards={CARDS.length} />
        </Match>
        <Match when={metrics.latest}>
          {(m) => (
            <>
              <div class={`cs-metrics ${metrics.loading ? 'cs-stale' : ''}`}>
                <For each={CARDS}>
                  {(name) => (
                    <MetricCard id={name} label={loc(METRICS[name].label)} tip={loc(METRICS[name].meaning)} value={value(m(), name)} sub={change(m(), name)} />
                  )}
                </For>
              </div>
              <MetricsTrend series={m().series ?? []} step={step()} stale={metrics.loading} />
              <Show when={m().units.length}>
                <UnitMetricsTable unitId={m().orgUnitId} units={m().units} rate={m().participationRate} from={from()} onOpen={(id) => org.setScope(id)} stale={metrics.loading} />
              </Show>
              <ByKind metrics={m()} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function ByKind(props: { metrics: Metrics }) {
  const rows = () =>
    CAMPAIGN_KINDS.map((k) => ({
      kind: k,
      events: props.metrics.byKind[k]?.events ?? 0,
      activeMembers: props.metrics.byKind[k]?.activeMembers ?? 0,
      points: props.metrics.byKind[k]?.points ?? 0,
    }));
  const max = () => Math.max(1, ...rows().map((r) => r.events));
  const empty = () => rows().every((r) => r.events === 0);
  const [W, box] = useWidth(480);
  const LABEL = () => (W() < 400 ? 120 : 150);
  const ROW = 40;
  const track = () => W() - LABEL() - 64;
  const bar = (v: number) => (track() * v) / max();

  return (
    <section class="tx-card cs-bykind">
      <h2>{t('overview.byKind')}</h2>
      <Show when={empty()}>
        <Notice>{t('overview.noActivity')}</Notice>
      </Show>
      <div class="cs-bykind-grid">
        <div class="cs-chart-box" ref={box}>
        <svg class="cs-chart" viewBox={`0 0 ${W()} ${ROW * 5 + 10}`} role="img" aria-label={t('overview.chartLabel')}>
          <For each={rows()}>
            {(r, i) => (
              <g transform={`translate(0 ${i() * ROW + 5})`}>
                <text x={LABEL() - 10} y={ROW / 2} text-anchor="end" dominant-baseline="central" class="cs-chart-label">
                  {loc(KIND_LABEL[r.kind])}
                </text>
                <rect x={LABEL()} y={8} width={track()} height={ROW - 16} rx="4" class="cs-chart-track" />
                <rect x={LABEL()} y={8} width={Math.max(bar(r.events), r.events ? 2 : 0)} height={ROW - 16} rx="4" class="cs-chart-bar" />
                <text x={LABEL() + bar(r.events) + 8} y={ROW / 2} dominant-baseline="central" class="cs-chart-value">
                  {fmtNumber(r.events)}
                </text>
              </g>
            )}
          </For>
        </svg>
        </div>
        <Table
          caption={t('overview.byKind')}
          rowKey={(r) => r.kind}
          rows={rows()}
          columns={[
            { key: 'kind', header: t('overview.kind'), cell: (r) => loc(KIND_LABEL[r.kind]) },
            { key: 'events', header: t('overview.events'), numeric: true, sortValue: (r) => r.events, cell: (r) => fmtNumber(r.events) },
            { key: 'activeMembers', header: t('overview.activeMembers'), numeric: true, sortValue: (r) => r.activeMembers, cell: (r) => fmtNumber(r.activeMembers) },
            { key: 'points', header: t('overview.points'), numeric: true, sortValue: (r) => r.points, cell: (r) => fmtNumber(r.points) },
          ]}
        />
      </div>
    </section>
  );
}
