import { createResource, For, Match, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import type { CampaignKind } from '@shared/kinds';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtRange } from '@ui/format';
import { campaignHref, listCampaigns } from '../data/campaigns';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';

/** Kinds whose campaigns have leaderboards (API.md, Leaderboards). */
const RANKED: CampaignKind[] = ['quiz', 'contest', 'volunteer', 'drive'];

/** Leaderboards arrive in a later release: list the campaigns that will be ranked, honestly. */
export function Rank() {
  usePageMeta(() => ({ title: `${t('rank.title')} · ${t('app.name')}` }));
  const [page, { refetch }] = createResource(() => listCampaigns({ status: 'published', limit: 100 }));
  const ranked = () => (page()?.items ?? []).filter((c) => RANKED.includes(c.kind));

  return (
    <div class="pt-page">
      <h1>{t('rank.title')}</h1>
      <div class="pt-rank-intro">
        <Icon name="trophy" class="pt-rank-icon" />
        <div>
          <h2>{t('rank.soonTitle')}</h2>
          <p>{t('rank.soonBody')}</p>
        </div>
      </div>
      <Switch>
        <Match when={page.error}>
          <ErrorState error={page.error} onRetry={refetch} />
        </Match>
        <Match when={page.loading}>
          <div class="tx-card">
            <Skeleton lines={4} />
          </div>
        </Match>
        <Match when={ranked().length === 0}>
          <EmptyState icon="trophy" title={t('rank.emptyTitle')} body={t('rank.emptyBody')} />
        </Match>
        <Match when={ranked().length > 0}>
          <ul class="pt-rank-list">
            <For each={ranked()}>
              {(c) => (
                <li>
                  <A href={campaignHref(c)} class="pt-rank-item">
                    <div class="pt-rank-main">
                      <KindBadge kind={c.kind} />
                      <strong>{c.title}</strong>
                      <span class="tx-muted tx-small tx-num">{fmtRange(c.startsAt, c.endsAt)}</span>
                    </div>
                    <span class="tx-badge tx-badge-neutral">{t('rank.boardSoon')}</span>
                    <Icon name="chevronRight" />
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}
