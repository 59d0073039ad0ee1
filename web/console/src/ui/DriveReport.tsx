import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDate, fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { fmtMoney, getReport, reportXlsxUrl, type DriveReport } from '../data/drive';
import { t } from '../i18n';
import { UnitSelect } from './DrivePledgeKit';
import { DayBars } from '@ui/components/DayBars';
import { DataTable } from './DataTable';
import { MetricCard, MetricsSkeleton } from './Metric';

export function Report(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [report, { refetch }] = createResource(
    () => ({ id: props.campaign.id, u: unit() }),
    (k) => getReport(k.id, k.u || null),
  );
  return (
    <div class="dr-stack">
      <div class="dr-toolbar" role="search">
        <UnitSelect campaign={props.campaign} value={unit()} onChange={setUnit} id="report-unit" />
        <span class="tx-spacer" />
        <a class="tx-btn tx-btn-secondary" href={reportXlsxUrl(props.campaign.id, unit() || null)} download="" data-testid="report-xlsx">
          <Icon name="download" />
          {t('drive.exportXlsx')}
        </a>
      </div>
      <Switch>
        <Match when={report.error}>
          <ErrorState error={report.error} onRetry={refetch} />
        </Match>
        <Match when={!report.latest}>
          <MetricsSkeleton cards={4} />
          <div class="tx-card">
            <Skeleton block lines={3} />
          </div>
        </Match>
        <Match when={report.latest}>{(r) => <ReportBody report={r()} stale={report.loading} />}</Match>
      </Switch>
    </div>
  );
}

function ReportBody(props: { report: DriveReport; stale: boolean }) {
  const r = () => props.report;
  const cards = () => [
    { key: 'goal', value: fmtMoney(r().goal) },
    { key: 'pledged', value: fmtMoney(r().pledged) },
    { key: 'verified', value: fmtMoney(r().verified), sub: r().goal ? fmtPercent(r().verified / r().goal) : undefined },
    { key: 'donors', value: fmtNumber(r().donors) },
    { key: 'receiptsPending', value: fmtNumber(r().receiptsPending) },
  ];
  return (
    <>
      <div class={`cs-metrics dr-metrics ${props.stale ? 'cs-stale' : ''}`}>
        <For each={cards()}>
          {(c) => (
            <MetricCard
              id={c.key}
              label={t(`drive.metric.${c.key}` as 'drive.metric.goal')}
              tip={t(`drive.metricDef.${c.key}` as 'drive.metricDef.goal')}
              value={c.value}
              sub={c.sub}
            />
          )}
        </For>
      </div>
      <div class="dr-report-grid">
        <section class="tx-card" aria-labelledby="dr-day-title">
          <h2 id="dr-day-title">{t('drive.byDay')}</h2>
          <Show when={r().byDay.length > 0} fallback={<EmptyState icon="chart" title={t('drive.noData')} />}>
            <DayChart days={r().byDay} />
          </Show>
        </section>
        <section class="tx-card" aria-labelledby="dr-unit-title">
          <h2 id="dr-unit-title">{t('drive.byUnit')}</h2>
          <Show when={r().byUnit.length > 0} fallback={<EmptyState icon="building" title={t('drive.noData')} />}>
            <DataTable
              head={[
                t('drive.colUnit'),
                { label: t('drive.colPledges'), class: 'dr-num' },
                { label: t('drive.colPledged'), class: 'dr-num' },
                { label: t('drive.colVerified'), class: 'dr-num' },
                { label: t('drive.colDonors'), class: 'dr-num' },
              ]}
              rows={[...r().byUnit].sort((a, b) => b.verified - a.verified)}
            >
              {(u) => (
                <tr>
                  <td>{u.name}</td>
                  <td class="tx-num dr-num">{fmtNumber(u.pledges)}</td>
                  <td class="tx-num dr-num">{fmtMoney(u.pledged)}</td>
                  <td class="tx-num dr-num">{fmtMoney(u.verified)}</td>
                  <td class="tx-num dr-num">{fmtNumber(u.donors)}</td>
                </tr>
              )}
            </DataTable>
          </Show>
        </section>
      </div>
    </>
  );
}

/** Pledged and verified amounts per day (the last month). */
function DayChart(props: { days: DriveReport['byDay'] }) {
  const sorted = () => [...props.days].sort((a, b) => a.day.localeCompare(b.day)).slice(-31);
  const max = () => Math.max(1, ...sorted().map((d) => Math.max(d.pledged, d.verified)));
  return (
    <DayBars
      rows={props.days}
      last={31}
      ariaLabel={t('drive.byDayLabel', { n: sorted().length, max: fmtMoney(max()) })}
      format={fmtMoney}
      series={[
        { label: t('drive.colPledged'), value: (d) => d.pledged },
        { label: t('drive.colVerified'), value: (d) => d.verified },
      ]}
      legendExtra={
        <span class="tx-muted tx-num">{sorted().length ? `${fmtDate(sorted()[0]!.day)} – ${fmtDate(sorted()[sorted().length - 1]!.day)}` : ''}</span>
      }
    />
  );
}
