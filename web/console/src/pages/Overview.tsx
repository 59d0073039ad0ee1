import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { CAMPAIGN_KINDS, KIND_LABEL } from '@shared/kinds';
import { METRICS, type MetricName } from '@shared/metrics';
import { loc } from '@ui/i18n';
import { call } from '@ui/api';
import { ErrorState } from '@ui/components/ErrorState';
import { Table } from '@ui/components/Table';
import { Notice } from '@ui/components/Field';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Metrics } from '@ui/types';
import { org } from '../data/org';
import { t } from '../i18n';
import { PageHead } from '../ui/PageHead';
import { MetricsTrend } from '../ui/MetricsTrend';
import { TodoCard } from '../ui/TodoCard';
import { UnitMetricsTable } from '../ui/UnitMetricsTable';
import { useWidth } from '../ui/useWidth';
import { lazy, Suspense } from 'solid-js';
import { MetricCard, MetricsSkeleton } from '../ui/Metric';
import { PeriodChange } from '../ui/PeriodChange';
import { AsOf } from '../ui/AsOf';
import { RangePicker, rangeBounds, rangeDays, type OverviewRange } from '../ui/RangePicker';

// the "1+1" card (带动率, records to review), loaded on demand
const VolunteerInbox = lazy(() => import('../ui/VolunteerInbox'));

const CARDS: MetricName[] = ['members', 'activeMembers', 'participationRate', 'points'];
/** a trend of more days than this draws weeks */
const DAILY_UP_TO = 120;

/** 概览: the subtree's member metrics as cards (with their definitions and the change on the previous period), the trend, the units below and activity by kind. */
export function Overview() {
  const [range, setRange] = createSignal<OverviewRange>({ days: 30 });
  createEffect(() => {
    document.title = `${t('overview.title')} · ${t('console.name')}`;
  });

  const step = () => {
    const n = rangeDays(range());
    return (n !== null && n <= DAILY_UP_TO ? 'day' : 'week') as 'day' | 'week';
  };
  const bounds = createMemo(() => rangeBounds(range()));
  // with a start, the server adds the previous period of equal length (all time has none)
  // "recount now" asks once for fresh figures (a city's root is otherwise a snapshot of a few minutes)
  const [fresh, setFresh] = createSignal(false);
  const [metrics, { refetch }] = createResource(
    () => (org.scopeId() ? { id: org.scopeId()!, ...bounds(), series: step(), fresh: fresh() } : null),
    async ({ id, from, to, series, fresh: now }) => {
      try {
        return await call(
          'GET /org-units/{id}/metrics',
          { id },
          { query: { from, to, series, compare: from ? 'previous' : undefined, ...(now ? { fresh: '1' as const } : {}) } },
        );
      } finally {
        if (now) setFresh(false);
      }
    },
  );

  // registered members are a stock, not something done in the period: no change shown for them
  const change = (m: Metrics, name: MetricName) => {
    const p = m.previous;
    if (!p || name === 'members') return undefined;
    return <PeriodChange current={m[name]} previous={p[name]} rate={name === 'participationRate'} from={p.from} to={p.to} />;
  };

  const value = (m: Metrics, name: MetricName) => (name === 'participationRate' ? fmtPercent(m.participationRate) : fmtNumber(m[name]));

  return (
    <div class="cs-page">
      <PageHead title={t('overview.title')} lead={t('overview.lead', { unit: org.scope()?.name ?? '' })}>
        <RangePicker value={range()} onChange={setRange} />
      </PageHead>
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
              <Show when={'from' in range()}>
                <p class="tx-small tx-muted" data-testid="overview-range">
                  {t('overview.rangeShown', { from: bounds().from ?? '', to: bounds().to ?? '' })}
                </p>
              </Show>
              <AsOf asOf={m().asOf} busy={fresh()} onFresh={() => setFresh(true)} />
              <div class={`cs-metrics ${metrics.loading ? 'cs-stale' : ''}`}>
                <For each={CARDS}>
                  {(name) => (
                    <MetricCard id={name} label={loc(METRICS[name].label)} tip={loc(METRICS[name].meaning)} value={value(m(), name)}>
                      {change(m(), name)}
                    </MetricCard>
                  )}
                </For>
              </div>
              <MetricsTrend series={m().series ?? []} step={step()} stale={metrics.loading} />
              <Show when={m().units.length}>
                <UnitMetricsTable
                  unitId={m().orgUnitId}
                  units={m().units}
                  rate={m().participationRate}
                  from={bounds().from}
                  to={bounds().to}
                  onOpen={(id) => org.setScope(id)}
                  stale={metrics.loading}
                />
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
            {
              key: 'activeMembers',
              header: t('overview.activeMembers'),
              numeric: true,
              sortValue: (r) => r.activeMembers,
              cell: (r) => fmtNumber(r.activeMembers),
            },
            { key: 'points', header: t('overview.points'), numeric: true, sortValue: (r) => r.points, cell: (r) => fmtNumber(r.points) },
          ]}
        />
      </div>
    </section>
  );
}
