import { Match, Show, Switch, type Resource } from 'solid-js';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Tooltip } from '@ui/components/Tooltip';
import { Icon } from '@ui/icons';
import { fmtNumber, fmtPercent } from '@ui/format';
import { org } from '../data/org';
import { fmtHours, type UnitStats, type VolunteerStats } from '../data/volunteer';
import { t } from '../i18n';
import { MetricCard, MetricsSkeleton } from './Metric';

/** 概况: 带动率, residents, approved hours and the review queue as cards; the units in a table with a bar for the rate. */
export function VolunteerOverview(props: { stats: Resource<VolunteerStats | undefined>; retry: () => unknown; onReview: () => void }) {
  const s = () => (props.stats.error ? undefined : props.stats.latest);
  const parentName = (id: string) => {
    const p = org.byId().get(id)?.parentId;
    return p ? (org.byId().get(p)?.name ?? '') : '';
  };
  return (
    <Switch>
      <Match when={props.stats.error}>
        <ErrorState error={props.stats.error} onRetry={props.retry} />
      </Match>
      <Match when={!s()}>
        <MetricsSkeleton cards={4} />
        <div class="tx-card">
          <Skeleton title lines={6} />
        </div>
      </Match>
      <Match when={s()}>
        {(st) => (
          <div class={props.stats.loading ? 'cs-stale' : ''}>
            <div class="cs-metrics vo-metrics" data-testid="vol-stats">
              <MetricCard
                id="leadRate"
                label={t('vol.leadRate')}
                tip={t('vol.leadRateTip')}
                value={fmtPercent(st().leadRate)}
                sub={t('vol.leadersOf', { leaders: fmtNumber(st().leaders), members: fmtNumber(st().members) })}
              />
              <MetricCard
                id="residents"
                label={t('vol.residents')}
                tip={t('vol.residentsTip')}
                value={fmtNumber(st().residents)}
                sub={t('vol.pairsN', { n: fmtNumber(st().pairs) })}
              />
              <MetricCard id="approvedHours" label={t('vol.approvedHours')} tip={t('vol.approvedHoursTip')} value={fmtHours(st().approvedHours)}>
                <div class="tx-small tx-muted">{t('vol.hoursUnit')}</div>
              </MetricCard>
              <MetricCard
                id="pendingRecords"
                label={t('vol.pending')}
                tip={t('vol.pendingTip')}
                value={fmtNumber(st().pendingRecords ?? 0)}
                valueClass={st().pendingRecords ? 'vo-pending' : 'vo-zero'}
              >
                <Show when={st().pendingRecords} fallback={<div class="tx-small tx-muted">{t('vol.pendingNone')}</div>}>
                  <Button small variant="ghost" class="vo-metric-action" onClick={props.onReview}>
                    {t('vol.goReview')}
                    <Icon name="chevronRight" />
                  </Button>
                </Show>
              </MetricCard>
            </div>

            <section class="tx-card" aria-labelledby="by-unit-title">
              <div class="tx-card-title">
                <h2 id="by-unit-title">{t('vol.byUnit')}</h2>
                <Tooltip text={t('vol.byUnitTip')} label={t('vol.byUnit')} />
              </div>
              <Table<UnitStats>
                caption={t('vol.byUnit')}
                rows={st().byUnit ?? []}
                rowKey={(u) => u.orgUnitId}
                initialSort={{ key: 'leadRate', dir: 'desc' }}
                empty={<EmptyState icon="tree" title={t('vol.byUnitEmpty')} />}
                columns={[
                  {
                    key: 'name',
                    header: t('vol.colUnit'),
                    sortValue: (u) => u.name,
                    class: 'vo-unit-cell',
                    cell: (u) => (
                      <span class="vo-unit">
                        <strong>{u.name}</strong>
                        <Show when={parentName(u.orgUnitId)}>
                          <small class="tx-muted">{parentName(u.orgUnitId)}</small>
                        </Show>
                      </span>
                    ),
                  },
                  { key: 'members', header: t('vol.colMembers'), numeric: true, sortValue: (u) => u.members, cell: (u) => fmtNumber(u.members) },
                  { key: 'leaders', header: t('vol.colLeaders'), numeric: true, sortValue: (u) => u.leaders, cell: (u) => fmtNumber(u.leaders) },
                  { key: 'residents', header: t('vol.colResidents'), numeric: true, sortValue: (u) => u.residents, cell: (u) => fmtNumber(u.residents) },
                  { key: 'hours', header: t('vol.colHours'), numeric: true, sortValue: (u) => u.hours, cell: (u) => fmtHours(u.hours) },
                  {
                    key: 'leadRate',
                    header: t('vol.leadRate'),
                    sortValue: (u) => u.leadRate,
                    class: 'vo-rate-cell',
                    cell: (u) => (
                      <span class="vo-rate">
                        <span class="vo-rate-track" aria-hidden="true">
                          <span class="vo-rate-bar" style={{ width: `${Math.round(Math.max(0, Math.min(1, u.leadRate)) * 100)}%` }} />
                        </span>
                        <span class="vo-rate-value tx-num">{fmtPercent(u.leadRate)}</span>
                      </span>
                    ),
                  },
                ]}
              />
            </section>
          </div>
        )}
      </Match>
    </Switch>
  );
}
