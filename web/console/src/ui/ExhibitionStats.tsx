import { createResource, Match, Show, Switch } from 'solid-js';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { visitStats, type VisitStats } from '../data/exhibition';
import { t } from '../i18n';
import { DayBars } from '@ui/components/DayBars';
import { MetricCard, MetricsSkeleton } from './Metric';

export function Stats(props: { campaign: Campaign }) {
  const [stats, { refetch }] = createResource(() => props.campaign.id, visitStats);
  const s = () => (stats.error ? undefined : stats.latest);
  return (
    <Switch>
      <Match when={stats.error}>
        <ErrorState error={stats.error} onRetry={refetch} />
      </Match>
      <Match when={!s()}>
        <MetricsSkeleton cards={5} />
        <div class="tx-card">
          <Skeleton title lines={6} />
        </div>
      </Match>
      <Match when={s()}>{(st) => <StatsView stats={st()} />}</Match>
    </Switch>
  );
}

function Metric(props: { id: string; label: string; tip: string; value: number; sub?: string }) {
  return <MetricCard id={props.id} label={props.label} tip={props.tip} value={fmtNumber(props.value)} sub={props.sub} />;
}

function StatsView(props: { stats: VisitStats }) {
  const st = () => props.stats;
  const rate = () => (st().booked ? st().checkedIn / st().booked : null);
  return (
    <>
      <div class="cs-metrics ex-metrics" data-testid="ex-stats">
        <Metric id="booked" label={t('ex.mBooked')} tip={t('ex.mBookedTip')} value={st().booked} />
        <Metric
          id="checkedIn"
          label={t('ex.mCheckedIn')}
          tip={t('ex.mCheckedInTip')}
          value={st().checkedIn}
          sub={t('ex.mRate', { rate: fmtPercent(rate()) })}
        />
        <Metric id="noShows" label={t('ex.mNoShows')} tip={t('ex.mNoShowsTip')} value={st().noShows} />
        <Metric id="cancelled" label={t('ex.mCancelled')} tip={t('ex.mCancelledTip')} value={st().cancelled} />
        <Metric id="insideToday" label={t('ex.mInside')} tip={t('ex.mInsideTip')} value={st().insideToday} />
      </div>
      <div class="ex-two ex-two-even">
        <section class="tx-card">
          <h2>{t('ex.byDay')}</h2>
          <DayChart rows={st().byDay} />
        </section>
        <section class="tx-card">
          <h2>{t('ex.byUnit')}</h2>
          <Table
            rows={st().byOrgUnit}
            rowKey={(r) => r.orgUnitId ?? '-'}
            caption={t('ex.byUnit')}
            initialSort={{ key: 'booked', dir: 'desc' }}
            empty={<EmptyState icon="building" title={t('ex.noUnits')} body={t('ex.noUnitsBody')} />}
            columns={[
              { key: 'name', header: t('ex.colUnit'), sortValue: (r) => r.name ?? '', cell: (r) => r.name ?? t('ex.noUnit') },
              { key: 'booked', header: t('ex.mBooked'), numeric: true, sortValue: (r) => r.booked, cell: (r) => fmtNumber(r.booked) },
              { key: 'checkedIn', header: t('ex.mCheckedIn'), numeric: true, sortValue: (r) => r.checkedIn, cell: (r) => fmtNumber(r.checkedIn) },
              {
                key: 'rate',
                header: t('ex.colRate'),
                numeric: true,
                sortValue: (r) => (r.booked ? r.checkedIn / r.booked : 0),
                cell: (r) => fmtPercent(r.booked ? r.checkedIn / r.booked : null),
              },
            ]}
          />
        </section>
      </div>
    </>
  );
}

/** Booked and checked-in people per day (the last three weeks). */
function DayChart(props: { rows: VisitStats['byDay'] }) {
  return (
    <Show when={props.rows.length} fallback={<EmptyState icon="chart" title={t('ex.noDays')} />}>
      <DayBars
        rows={props.rows}
        last={21}
        ariaLabel={t('ex.byDayAria')}
        format={fmtNumber}
        series={[
          { label: t('ex.mBooked'), value: (r) => r.booked },
          { label: t('ex.mCheckedIn'), value: (r) => r.checkedIn },
        ]}
      />
    </Show>
  );
}
