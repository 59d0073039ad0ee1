import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Tooltip } from '@ui/components/Tooltip';
import { Icon } from '@ui/icons';
import { fmtDate, fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign } from '@ui/types';
import { fmtMoney, getReport, reportXlsxUrl, type DriveReport } from '../data/drive';
import { t } from '../i18n';
import { createList, PledgeStatusBadge, UnitSelect } from './DrivePledgeKit';

export function Report(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [report, { refetch }] = createResource(() => ({ id: props.campaign.id, u: unit() }), (k) => getReport(k.id, k.u || null));
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
          <div class="cs-metrics">
            <For each={[1, 2, 3, 4]}>
              {() => (
                <div class="tx-card">
                  <Skeleton lines={2} />
                </div>
              )}
            </For>
          </div>
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
            <div class="tx-card cs-metric" data-metric={c.key}>
              <div class="cs-metric-label">
                <span>{t(`drive.metric.${c.key}` as 'drive.metric.goal')}</span>
                <Tooltip text={t(`drive.metricDef.${c.key}` as 'drive.metricDef.goal')} label={t(`drive.metric.${c.key}` as 'drive.metric.goal')} />
              </div>
              <div class="cs-metric-value tx-num">{c.value}</div>
              <Show when={c.sub}>
                <div class="tx-small tx-muted tx-num">{c.sub}</div>
              </Show>
            </div>
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
            <div class="tx-table-wrap">
              <table class="tx-table">
                <thead>
                  <tr>
                    <th scope="col">{t('drive.colUnit')}</th>
                    <th scope="col" class="dr-num">{t('drive.colPledges')}</th>
                    <th scope="col" class="dr-num">{t('drive.colPledged')}</th>
                    <th scope="col" class="dr-num">{t('drive.colVerified')}</th>
                    <th scope="col" class="dr-num">{t('drive.colDonors')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={[...r().byUnit].sort((a, b) => b.verified - a.verified)}>
                    {(u) => (
                      <tr>
                        <td>{u.name}</td>
                        <td class="tx-num dr-num">{fmtNumber(u.pledges)}</td>
                        <td class="tx-num dr-num">{fmtMoney(u.pledged)}</td>
                        <td class="tx-num dr-num">{fmtMoney(u.verified)}</td>
                        <td class="tx-num dr-num">{fmtNumber(u.donors)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </section>
      </div>
    </>
  );
}

/** Pledged and verified amounts per day, as plain SVG bars (no chart library). */
function DayChart(props: { days: DriveReport['byDay'] }) {
  const W = 640;
  const H = 220;
  const PAD = { l: 8, r: 8, t: 12, b: 28 };
  const days = () => [...props.days].sort((a, b) => a.day.localeCompare(b.day)).slice(-31);
  const max = () => Math.max(1, ...days().map((d) => Math.max(d.pledged, d.verified)));
  const slot = () => (W - PAD.l - PAD.r) / Math.max(1, days().length);
  const bw = () => Math.max(2, (slot() - 4) / 2);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / max());
  const every = () => Math.ceil(days().length / 8);
  return (
    <figure class="dr-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('drive.byDayLabel', { n: days().length, max: fmtMoney(max()) })} preserveAspectRatio="none">
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} class="dr-axis" />
        <For each={days()}>
          {(d, i) => (
            <g>
              <title>{`${d.day}: ${t('drive.colPledged')} ${fmtMoney(d.pledged)} · ${t('drive.colVerified')} ${fmtMoney(d.verified)} · ${t('drive.colPledges')} ${d.pledges}`}</title>
              <rect class="dr-bar-pledged" x={PAD.l + i() * slot() + 2} y={y(d.pledged)} width={bw()} height={H - PAD.b - y(d.pledged)} />
              <rect class="dr-bar-verified" x={PAD.l + i() * slot() + 2 + bw()} y={y(d.verified)} width={bw()} height={H - PAD.b - y(d.verified)} />
              <Show when={i() % every() === 0}>
                <text x={PAD.l + i() * slot() + slot() / 2} y={H - 10} class="dr-tick" text-anchor="middle">
                  {d.day.slice(5)}
                </text>
              </Show>
            </g>
          )}
        </For>
      </svg>
      <figcaption class="dr-legend">
        <span>
          <i class="dr-swatch dr-bar-pledged" />
          {t('drive.colPledged')}
        </span>
        <span>
          <i class="dr-swatch dr-bar-verified" />
          {t('drive.colVerified')}
        </span>
        <span class="tx-muted tx-num">{t('drive.chartMax', { max: fmtMoney(max()) })}</span>
        <span class="tx-muted tx-num">{days().length ? `${fmtDate(days()[0]!.day)} – ${fmtDate(days()[days().length - 1]!.day)}` : ''}</span>
      </figcaption>
    </figure>
  );
}
