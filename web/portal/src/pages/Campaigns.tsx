import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { CAMPAIGN_KINDS, KIND_LABEL, type CampaignKind } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { Button } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
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
  const kind = (): CampaignKind | null =>
    (CAMPAIGN_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as CampaignKind) : null;
  const status = (): StatusFilter => (params.status === 'closed' ? 'closed' : 'published');

  const [extra, setExtra] = createSignal<Campaign[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [more, setMore] = createSignal<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const [page, { refetch }] = createResource(
    () => ({ kind: kind(), status: status() }),
    async (q) => {
      const p = await listCampaigns({ ...q, limit: 20 });
      setExtra([]);
      setCursor(p.nextCursor);
      return p;
    },
  );

  async function loadMore() {
    const c = cursor();
    if (!c) return;
    setMore({ busy: true, error: null });
    try {
      const p = await listCampaigns({ kind: kind(), status: status(), limit: 20, cursor: c });
      setExtra([...extra(), ...p.items]);
      setCursor(p.nextCursor);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    }
  }

  const items = () => [...(page.latest?.items ?? []), ...extra()];

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
          <Show when={cursor()}>
            <div class="pt-more">
              <Show when={more().error}>
                <p class="tx-field-error">{more().error}</p>
              </Show>
              <Button loading={more().busy} onClick={loadMore}>
                {t('action.loadMore')}
              </Button>
            </div>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
