import { createEffect, createResource, createSignal, Show } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, KIND_LABEL, STATUS_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Button, LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { Loaded } from '@ui/components/Loaded';
import { errorText } from '@ui/components/ErrorState';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtDate } from '@ui/format';
import type { CampaignListItem } from '@ui/types';
import { listManaged, portalHref, transition } from '../data/campaigns';
import { org } from '../data/org';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { PageHead } from '../ui/PageHead';
import { StatusBadge } from '../ui/StatusBadge';
import { CampaignModuleLinks, pendingPath } from '../ui/CampaignModuleLinks';

/** 活动: every campaign the organizer may manage inside the scoped subtree, with filters. */
export function Campaigns() {
  createEffect(() => {
    document.title = `${t('campaigns.title')} · ${t('console.name')}`;
  });
  const [params, setParams] = useSearchParams<{ kind?: string; status?: string }>();
  const [extra, setExtra] = createSignal<CampaignListItem[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [moreError, setMoreError] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [rowBusy, setRowBusy] = createSignal<string | null>(null);
  const [rowError, setRowError] = createSignal<{ id: string; message: string } | null>(null);
  const [patched, setPatched] = createSignal<Record<string, CampaignListItem>>({});

  const [page, { refetch }] = createResource(
    () => ({ kind: params.kind ?? '', status: params.status ?? '' }),
    async (q) => {
      const p = await listManaged(q);
      setExtra([]);
      setPatched({});
      setCursor(p.nextCursor);
      return p;
    },
  );

  async function loadMore() {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const p = await listManaged({ kind: params.kind, status: params.status, cursor: cursor() });
      setExtra([...extra(), ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setMoreError(errorText(e));
    } finally {
      setLoadingMore(false);
    }
  }

  async function publish(c: CampaignListItem) {
    setRowBusy(c.id);
    setRowError(null);
    try {
      const updated = await transition(c.id, 'publish');
      // the list's counts stay: publishing changes no participation
      setPatched({ ...patched(), [c.id]: { ...updated, counts: c.counts } });
    } catch (e) {
      setRowError({ id: c.id, message: errorText(e) });
    } finally {
      setRowBusy(null);
    }
  }

  const rows = () => [...(page.latest?.items ?? []), ...extra()].map((c) => patched()[c.id] ?? c).filter((c) => org.scopeIds().has(c.orgUnitId));
  const filtered = () => !!(params.kind || params.status);

  return (
    <div class="cs-page">
      <PageHead title={t('campaigns.title')} lead={page.latest ? t('campaigns.count', { n: rows().length }) : undefined}>
        <div class="tx-row">
          <LinkButton href="/campaigns/calendar">
            <Icon name="calendar" />
            {t('list.calendar')}
          </LinkButton>
          <LinkButton href="/campaigns/new" variant="primary">
            <Icon name="plus" />
            {t('campaigns.new')}
          </LinkButton>
        </div>
      </PageHead>
      <div class="cs-filters">
        <label>
          <span>{t('campaigns.filterKind')}</span>
          <select class="tx-select" value={params.kind ?? ''} onChange={(e) => setParams({ kind: e.currentTarget.value || undefined })}>
            <option value="">{t('campaigns.all')}</option>
            <LabelOptions ids={CAMPAIGN_KINDS} labels={KIND_LABEL} selected={params.kind} />
          </select>
        </label>
        <label>
          <span>{t('campaigns.filterStatus')}</span>
          <select class="tx-select" value={params.status ?? ''} onChange={(e) => setParams({ status: e.currentTarget.value || undefined })}>
            <option value="">{t('campaigns.all')}</option>
            <LabelOptions ids={CAMPAIGN_STATUSES} labels={STATUS_LABEL} selected={params.status} />
          </select>
        </label>
      </div>
      <Loaded error={page.error} retry={refetch} loading={page.loading} card lines={6}>
        <Table
          caption={t('campaigns.title')}
          rows={rows()}
          rowKey={(c) => c.id}
          initialSort={{ key: 'startsAt', dir: 'desc' }}
          empty={
            <div class="tx-card">
              <EmptyState
                icon="flag"
                title={filtered() ? t('campaigns.emptyFiltered') : t('campaigns.emptyTitle')}
                body={filtered() ? undefined : t('campaigns.emptyBody')}
                action={
                  filtered() ? (
                    <Button onClick={() => setParams({ kind: undefined, status: undefined })}>{t('campaigns.all')}</Button>
                  ) : (
                    <LinkButton href="/campaigns/new" variant="primary">
                      <Icon name="plus" />
                      {t('campaigns.new')}
                    </LinkButton>
                  )
                }
              />
            </div>
          }
          columns={[
            {
              key: 'title',
              header: t('campaigns.colTitle'),
              sortValue: (c) => c.title,
              class: 'cs-col-title',
              cell: (c) => (
                <>
                  <A href={`/campaigns/${encodeURIComponent(c.id)}`} class="cs-title-link">
                    {c.title}
                  </A>
                  <div class="tx-muted cs-title-sub">
                    {loc(KIND_LABEL[c.kind])} · {c.orgUnitName}
                  </div>
                  <Show when={rowError()?.id === c.id}>
                    <div class="tx-field-error" role="alert">
                      {rowError()?.message}
                    </div>
                  </Show>
                </>
              ),
            },
            {
              key: 'status',
              header: t('campaigns.colStatus'),
              sortValue: (c) => c.status,
              class: 'cs-nowrap',
              cell: (c) => <StatusBadge status={c.status} />,
            },
            {
              key: 'startsAt',
              header: t('list.colWhen'),
              sortValue: (c) => Date.parse(c.startsAt),
              class: 'tx-num cs-nowrap',
              cell: (c) => (
                <span title={`${fmtDate(c.startsAt)} – ${fmtDate(c.endsAt)}`}>
                  {fmtDate(c.startsAt)}
                  <br />
                  <span class="tx-muted">– {fmtDate(c.endsAt)}</span>
                </span>
              ),
            },
            {
              key: 'people',
              header: t('list.colPeople'),
              sortValue: (c) => c.counts?.participants ?? -1,
              class: 'tx-num cs-nowrap',
              cell: (c) => <span data-testid="participants">{c.counts ? c.counts.participants.toLocaleString() : t('list.none')}</span>,
            },
            {
              key: 'pending',
              header: t('list.colPending'),
              sortValue: (c) => c.counts?.pending ?? -1,
              class: 'tx-num cs-nowrap',
              cell: (c) => (
                <Show when={(c.counts?.pending ?? 0) > 0 && pendingPath(c)} fallback={<span class="tx-muted">{t('list.none')}</span>}>
                  <A href={pendingPath(c)!} class="cs-pending" data-testid="pending" title={t('list.pendingTitle', { n: c.counts!.pending })}>
                    {c.counts!.pending}
                  </A>
                </Show>
              ),
            },
            {
              key: 'actions',
              header: t('campaigns.colActions'),
              class: 'cs-col-actions',
              cell: (c) => (
                <div class="tx-row cs-row-actions">
                  <LinkButton href={`/campaigns/${encodeURIComponent(c.id)}`} small variant="ghost">
                    <Icon name="edit" />
                    {t('campaigns.edit')}
                  </LinkButton>
                  <CampaignModuleLinks campaign={c} compact />
                  <Show when={c.status === 'draft'}>
                    <Button small variant="primary" loading={rowBusy() === c.id} onClick={() => publish(c)}>
                      {t('form.publish')}
                    </Button>
                  </Show>
                  <Show when={c.status !== 'draft'}>
                    <a class="tx-btn tx-btn-ghost tx-btn-sm" href={portalHref(c)} target="_blank" rel="noopener">
                      {t('campaigns.view')}
                      <Icon name="external" />
                    </a>
                  </Show>
                </div>
              ),
            },
          ]}
        />
        <Show when={cursor()}>
          <div class="cs-more">
            <Show when={moreError()}>
              <p class="tx-field-error">{moreError()}</p>
            </Show>
            <Button loading={loadingMore()} onClick={loadMore}>
              {t('action.loadMore')}
            </Button>
          </div>
        </Show>
      </Loaded>
    </div>
  );
}
