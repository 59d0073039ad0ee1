import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, KIND_LABEL, STATUS_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Button, LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Icon } from '@ui/icons';
import { fmtDate } from '@ui/format';
import { isRanking } from '@ui/leaderboard';
import type { Campaign } from '@ui/types';
import { listManaged, portalHref, transition } from '../data/campaigns';
import { org } from '../data/org';
import { t } from '../i18n';
import { StatusBadge } from '../ui/StatusBadge';

/** 活动: every campaign the organizer may manage inside the scoped subtree, with filters. */
export function Campaigns() {
  createEffect(() => {
    document.title = `${t('campaigns.title')} · ${t('console.name')}`;
  });
  const [params, setParams] = useSearchParams<{ kind?: string; status?: string }>();
  const [extra, setExtra] = createSignal<Campaign[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [moreError, setMoreError] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [rowBusy, setRowBusy] = createSignal<string | null>(null);
  const [rowError, setRowError] = createSignal<{ id: string; message: string } | null>(null);
  const [patched, setPatched] = createSignal<Record<string, Campaign>>({});

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

  async function publish(c: Campaign) {
    setRowBusy(c.id);
    setRowError(null);
    try {
      const updated = await transition(c.id, 'publish');
      setPatched({ ...patched(), [c.id]: updated });
    } catch (e) {
      setRowError({ id: c.id, message: errorText(e) });
    } finally {
      setRowBusy(null);
    }
  }

  const rows = () =>
    [...(page.latest?.items ?? []), ...extra()]
      .map((c) => patched()[c.id] ?? c)
      .filter((c) => org.scopeIds().has(c.orgUnitId));
  const filtered = () => !!(params.kind || params.status);

  return (
    <div class="cs-page">
      <div class="cs-page-head">
        <div>
          <h1>{t('campaigns.title')}</h1>
          <Show when={page.latest}>
            <p class="tx-muted">{t('campaigns.count', { n: rows().length })}</p>
          </Show>
        </div>
        <LinkButton href="/campaigns/new" variant="primary">
          <Icon name="plus" />
          {t('campaigns.new')}
        </LinkButton>
      </div>
      <div class="cs-filters">
        <label>
          <span>{t('campaigns.filterKind')}</span>
          <select class="tx-select" value={params.kind ?? ''} onChange={(e) => setParams({ kind: e.currentTarget.value || undefined })}>
            <option value="">{t('campaigns.all')}</option>
            <For each={CAMPAIGN_KINDS}>{(k) => <option value={k} selected={k === params.kind}>{loc(KIND_LABEL[k])}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('campaigns.filterStatus')}</span>
          <select class="tx-select" value={params.status ?? ''} onChange={(e) => setParams({ status: e.currentTarget.value || undefined })}>
            <option value="">{t('campaigns.all')}</option>
            <For each={CAMPAIGN_STATUSES}>{(s) => <option value={s} selected={s === params.status}>{loc(STATUS_LABEL[s])}</option>}</For>
          </select>
        </label>
      </div>
      <Switch>
        <Match when={page.error}>
          <ErrorState error={page.error} onRetry={refetch} />
        </Match>
        <Match when={page.loading}>
          <div class="tx-card">
            <Skeleton lines={6} />
          </div>
        </Match>
        <Match when={page.latest}>
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
                    <Show when={rowError()?.id === c.id}>
                      <div class="tx-field-error" role="alert">
                        {rowError()?.message}
                      </div>
                    </Show>
                  </>
                ),
              },
              { key: 'kind', header: t('campaigns.colKind'), sortValue: (c) => c.kind, class: 'cs-nowrap', cell: (c) => loc(KIND_LABEL[c.kind]) },
              { key: 'status', header: t('campaigns.colStatus'), sortValue: (c) => c.status, class: 'cs-nowrap', cell: (c) => <StatusBadge status={c.status} /> },
              { key: 'unit', header: t('campaigns.colUnit'), sortValue: (c) => c.orgUnitName, cell: (c) => c.orgUnitName },
              { key: 'startsAt', header: t('campaigns.colStarts'), sortValue: (c) => Date.parse(c.startsAt), class: 'tx-num cs-nowrap', cell: (c) => fmtDate(c.startsAt) },
              { key: 'endsAt', header: t('campaigns.colEnds'), sortValue: (c) => Date.parse(c.endsAt), class: 'tx-num cs-nowrap', cell: (c) => fmtDate(c.endsAt) },
              {
                key: 'actions',
                header: t('campaigns.colActions'),
                class: 'cs-nowrap',
                cell: (c) => (
                  <div class="tx-row cs-row-actions">
                    <LinkButton href={`/campaigns/${encodeURIComponent(c.id)}`} small variant="ghost">
                      {t('campaigns.edit')}
                    </LinkButton>
                    <Show when={isRanking(c.kind)}>
                      <A
                        href={`/campaigns/${encodeURIComponent(c.id)}/leaderboard`}
                        class="tx-btn tx-btn-ghost tx-btn-sm"
                        title={t('campaigns.board')}
                      >
                        <Icon name="trophy" />
                        <span class="tx-visually-hidden">{t('campaigns.board')}</span>
                      </A>
                    </Show>
                    <Show when={c.kind === 'quiz'}>
                      <A href={`/campaigns/${encodeURIComponent(c.id)}/quiz`} class="tx-btn tx-btn-ghost tx-btn-sm" title={t('quiz.manage.title')} data-testid="quiz-manage">
                        <Icon name="quiz" />
                        <span class="tx-visually-hidden">{t('quiz.manage.title')}</span>
                      </A>
                    </Show>
                    <Show when={c.kind === 'contest'}>
                      <A href={`/campaigns/${encodeURIComponent(c.id)}/entries`} class="tx-btn tx-btn-ghost tx-btn-sm" title={t('contest.nav.entries')} data-testid="contest-entries">
                        <Icon name="inbox" />
                        <span class="tx-visually-hidden">{t('contest.nav.entries')}</span>
                      </A>
                    </Show>
                    <Show when={c.kind === 'volunteer'}>
                      <A href={`/campaigns/${encodeURIComponent(c.id)}/volunteer`} class="tx-btn tx-btn-ghost tx-btn-sm" title={t('vol.manage')} data-testid="vol-manage">
                        <Icon name="volunteer" />
                        <span class="tx-visually-hidden">{t('vol.manage')}</span>
                      </A>
                    </Show>
                    <Show when={c.kind === 'drive'}>
                      <A href={`/campaigns/${encodeURIComponent(c.id)}/drive`} class="tx-btn tx-btn-ghost tx-btn-sm" title={t('drive.manage')} data-testid="drive-manage">
                        <Icon name="drive" />
                        <span class="tx-visually-hidden">{t('drive.manage')}</span>
                      </A>
                    </Show>
                    <Show when={c.kind === 'exhibition'}>
                      <A href={`/campaigns/${encodeURIComponent(c.id)}/exhibition`} class="tx-btn tx-btn-ghost tx-btn-sm" title={t('ex.title')} data-testid="ex-manage">
                        <Icon name="exhibition" />
                        <span class="tx-visually-hidden">{t('ex.title')}</span>
                      </A>
                    </Show>
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
        </Match>
      </Switch>
    </div>
  );
}
