import { createResource, For, Match, Show, Switch } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { CAMPAIGN_KINDS, KIND_LABEL, type CampaignKind } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { LoadMore } from '@ui/components/LoadMore';
import { createCursorList } from '@ui/paging';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { CampaignCard, CardSkeletons } from '../ui/CampaignCard';

type StatusFilter = 'published' | 'closed';

/** Every public campaign, filtered by kind (?kind=) and running/ended (?status=). */
export function Campaigns() {
  usePageMeta(() => ({ title: `${t('campaigns.title')} · ${t('app.name')}` }));
  const [params, setParams] = useSearchParams<{ kind?: string; status?: string }>();
  const kind = (): CampaignKind | null => ((CAMPAIGN_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as CampaignKind) : null);
  const status = (): StatusFilter => (params.status === 'closed' ? 'closed' : 'published');

  const list = createCursorList<Campaign>((cursor) => listCampaigns({ kind: kind(), status: status(), limit: 20, cursor }));
  const [page, { refetch }] = createResource(
    () => ({ kind: kind(), status: status() }),
    async (q) => list.first(await listCampaigns({ ...q, limit: 20 })),
  );

  const items = () => [...(page.latest?.items ?? []), ...list.extra()];

  return (
    <div class="pt-page">
      <h1>{t('campaigns.title')}</h1>
      <div class="tx-chips" role="group" aria-label={t('campaigns.filterKind')}>
        <button type="button" class="tx-chip" aria-pressed={kind() === null} onClick={() => setParams({ kind: undefined })}>
          {t('campaigns.all')}
        </button>
        <For each={CAMPAIGN_KINDS}>
          {(k) => (
            <button type="button" class="tx-chip" aria-pressed={kind() === k} onClick={() => setParams({ kind: k })}>
              {loc(KIND_LABEL[k])}
            </button>
          )}
        </For>
      </div>
      <div class="tx-segmented pt-status-filter" role="group" aria-label={t('campaigns.statusFilter')}>
        <button type="button" aria-pressed={status() === 'published'} onClick={() => setParams({ status: undefined })}>
          {t('campaigns.ongoing')}
        </button>
        <button type="button" aria-pressed={status() === 'closed'} onClick={() => setParams({ status: 'closed' })}>
          {t('campaigns.ended')}
        </button>
      </div>
      <Switch>
        <Match when={page.error}>
          <ErrorState error={page.error} onRetry={refetch} />
        </Match>
        <Match when={page.loading}>
          <CardSkeletons count={4} />
        </Match>
        <Match when={items().length === 0}>
          <EmptyState
            icon="list"
            title={t('campaigns.emptyTitle')}
            body={t('campaigns.emptyBody')}
            action={
              <Show when={kind() || status() === 'closed'}>
                <Button onClick={() => setParams({ kind: undefined, status: undefined })}>{t('campaigns.emptyAction')}</Button>
              </Show>
            }
          />
        </Match>
        <Match when={items().length > 0}>
          <div class="pt-grid">
            <For each={items()}>{(c) => <CampaignCard campaign={c} />}</For>
          </div>
          <Show when={list.cursor()}>
            <LoadMore class="pt-more" state={list.more.state()} hasMore onLoad={list.more.run} />
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
