import { Show } from 'solid-js';
import type { UnitMetricsDto } from '@shared/contracts/org';
import { API_BASE, qs } from '@ui/api';
import { Icon } from '@ui/icons';
import { Table } from '@ui/components/Table';
import { fmtNumber, fmtPercent } from '@ui/format';
import { t } from '../i18n';

/**
 * 下级组织: the same metrics for each unit directly below, so a 机关工委 sees which
 * 机关党委 (and a 机关党委 which 党支部) lag behind; a name opens that unit's overview.
 */
export function UnitMetricsTable(props: {
  unitId: string;
  units: UnitMetricsDto[];
  /** this level's own rate: units below it are marked */
  rate: number;
  from: string | undefined;
  to?: string | undefined;
  onOpen: (id: string) => void;
  stale?: boolean;
}) {
  const exportUrl = (format: 'xlsx' | 'csv') =>
    `${API_BASE}/org-units/${encodeURIComponent(props.unitId)}/metrics/export${qs({ from: props.from, to: props.to, format })}`;
  const lagging = (u: UnitMetricsDto) => u.members > 0 && u.participationRate < props.rate;
  return (
    <section class={`tx-card cs-units ${props.stale ? 'cs-stale' : ''}`} data-testid="unit-metrics">
      <div class="cs-section-head">
        <div>
          <h2>{t('overview.units')}</h2>
          <p class="tx-small tx-muted">{t('overview.unitsLead')}</p>
        </div>
        <div class="cs-actions">
          <a class="tx-btn tx-btn-secondary tx-btn-sm" href={exportUrl('xlsx')} download="" data-testid="metrics-export-xlsx">
            <Icon name="download" />
            {t('overview.exportXlsx')}
          </a>
          <a class="tx-btn tx-btn-secondary tx-btn-sm" href={exportUrl('csv')} download="">
            <Icon name="download" />
            {t('overview.exportCsv')}
          </a>
        </div>
      </div>
      <Table
        caption={t('overview.units')}
        rowKey={(u) => u.orgUnitId}
        rows={props.units}
        rowClass={(u) => (lagging(u) ? 'cs-lagging' : undefined)}
        columns={[
          {
            key: 'name',
            header: t('overview.unit'),
            sortValue: (u) => u.name,
            cell: (u) => (
              <button type="button" class="cs-link-btn" onClick={() => props.onOpen(u.orgUnitId)} aria-label={t('overview.openUnit', { name: u.name })}>
                {u.name}
              </button>
            ),
          },
          { key: 'members', header: t('overview.members'), numeric: true, sortValue: (u) => u.members, cell: (u) => fmtNumber(u.members) },
          {
            key: 'activeMembers',
            header: t('overview.activeMembers'),
            numeric: true,
            sortValue: (u) => u.activeMembers,
            cell: (u) => fmtNumber(u.activeMembers),
          },
          {
            key: 'rate',
            header: t('overview.rate'),
            numeric: true,
            sortValue: (u) => u.participationRate,
            cell: (u) => (
              <span class="cs-rate">
                <span class="cs-rate-track" aria-hidden="true">
                  <span class="cs-rate-bar" style={{ width: `${Math.round(u.participationRate * 100)}%` }} />
                </span>
                <span class="tx-num">{fmtPercent(u.participationRate)}</span>
                <Show when={lagging(u)}>
                  <span class="cs-lag-mark" title={t('overview.lagging')}>
                    <Icon name="alert" />
                    <span class="tx-visually-hidden">{t('overview.lagging')}</span>
                  </span>
                </Show>
              </span>
            ),
          },
          { key: 'points', header: t('overview.points'), numeric: true, sortValue: (u) => u.points, cell: (u) => fmtNumber(u.points) },
        ]}
      />
    </section>
  );
}
