import { createMemo, createSignal, For, Show } from 'solid-js';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { t } from '../i18n';
import { fmtFigure, type ReportData } from './ReportFormat';

/** 按年度: every figure (rows) for each calendar year of the period (columns), clipped to the period. */
export function ReportByYear(props: { report: ReportData }) {
  const years = createMemo(() => Object.keys(props.report.byYear).sort());
  return (
    <section class="tx-card cs-report-years" data-testid="report-by-year">
      <div class="cs-section-head">
        <div>
          <h2>{t('report.byYear')}</h2>
          <p class="tx-small tx-muted">{t('report.byYearLead')}</p>
        </div>
      </div>
      <Table
        caption={t('report.byYear')}
        rowKey={(f) => f.id}
        rows={props.report.figures}
        columns={[
          { key: 'label', header: t('report.figure'), cell: (f) => f.label },
          ...years().map((y) => ({
            key: y,
            header: y,
            numeric: true,
            cell: (f: ReportData['figures'][number]) => fmtFigure(f.id, props.report.byYear[y]?.[f.id] ?? null),
          })),
        ]}
      />
    </section>
  );
}

/**
 * 按下级组织: one figure (picked) for each unit directly below, sortable, with the units under
 * their average marked — so a 机关党委 sees which branches lag. A name opens that unit's report.
 */
export function ReportByUnit(props: { report: ReportData; onOpen: (id: string) => void }) {
  const [figure, setFigure] = createSignal('training.coverageRate');
  const fig = createMemo(() => props.report.figures.find((f) => f.id === figure()) ?? props.report.figures[0]);
  const unitValue = (u: ReportData['units'][number]) => u.figures[fig()?.id ?? ''] ?? null;
  const average = createMemo(() => {
    const vs = props.report.units.map(unitValue).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : null;
  });
  const max = createMemo(() => Math.max(0, ...props.report.units.map((u) => unitValue(u) ?? 0)));
  const lagging = (u: ReportData['units'][number]) => {
    const v = unitValue(u);
    const avg = average();
    return v !== null && avg !== null && v < avg;
  };
  return (
    <section class="tx-card cs-report-units" data-testid="report-by-unit">
      <div class="cs-section-head">
        <div>
          <h2>{t('report.byUnit')}</h2>
          <p class="tx-small tx-muted">{t('report.byUnitLead')}</p>
        </div>
        <label class="cs-report-field">
          <span>{t('report.compare')}</span>
          <select class="tx-select" value={figure()} onChange={(e) => setFigure(e.currentTarget.value)} data-testid="report-compare">
            <For each={props.report.figures}>{(f) => <option value={f.id}>{f.label}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={props.report.units.length} fallback={<p class="tx-muted">{t('report.noUnits')}</p>}>
        <Show when={average() !== null}>
          <p class="tx-small tx-muted tx-num">{t('report.average', { v: fmtFigure(fig()?.id ?? '', Math.round((average() ?? 0) * 10) / 10) })}</p>
        </Show>
        <Table
          caption={t('report.byUnit')}
          rowKey={(u) => u.orgUnitId}
          rows={props.report.units}
          rowClass={(u) => (lagging(u) ? 'cs-lagging' : undefined)}
          initialSort={{ key: 'value', dir: 'asc' }}
          columns={[
            {
              key: 'name',
              header: t('report.unit'),
              sortValue: (u) => u.name,
              cell: (u) => (
                <button type="button" class="cs-link-btn" onClick={() => props.onOpen(u.orgUnitId)}>
                  {u.name}
                </button>
              ),
            },
            {
              key: 'value',
              header: fig()?.label ?? '',
              numeric: true,
              // unfilled sorts first: it is the most behind
              sortValue: (u) => unitValue(u) ?? -1,
              cell: (u) => (
                <span class="cs-rate">
                  <span class="cs-rate-track" aria-hidden="true">
                    <span class="cs-rate-bar" style={{ width: `${max() ? Math.round(((unitValue(u) ?? 0) / max()) * 100) : 0}%` }} />
                  </span>
                  <span class="tx-num">{fmtFigure(fig()?.id ?? '', unitValue(u))}</span>
                  <Show when={lagging(u)}>
                    <span class="cs-lag-mark" title={t('report.lagging')}>
                      <Icon name="alert" />
                      <span class="tx-visually-hidden">{t('report.lagging')}</span>
                    </span>
                  </Show>
                </span>
              ),
            },
          ]}
        />
      </Show>
    </section>
  );
}
