import { createResource, For, Match, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtRange, phaseOf } from '@ui/format';
import { isRanking } from '@ui/leaderboard';
import { boardHref, listCampaigns } from '../data/campaigns';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { PhaseBadge } from '../ui/CampaignCard';
import { KindBadge } from '../ui/KindCover';

const ORDER = { ongoing: 0, upcoming: 1, ended: 2, draft: 3 } as const;

/** 排行: every campaign that ranks, running ones first, each leading to its leaderboard. */
export function Rank() {
  usePageMeta(() => ({ title: `${t('rank.title')} · ${t('app.name')}`, description: t('rank.lead') }));
  // the public sees published and closed campaigns; closed ones keep their final boards
  const [page, { refetch }] = createResource(() => listCampaigns({ limit: 100 }));
  const ranked = () =>
    (page()?.items ?? [])
      .filter((c) => isRanking(c.kind))
      .sort((a, b) => ORDER[phaseOf(a)] - ORDER[phaseOf(b)] || Date.parse(b.startsAt) - Date.parse(a.startsAt));

  return (
    <div class="pt-page">
      <h1>{t('rank.title')}</h1>
      <div class="pt-rank-intro">
        <Icon name="trophy" class="pt-rank-icon" />
        <p>{t('rank.lead')}</p>
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
          <ul class="pt-rank-list" data-testid="ranked-campaigns">
            <For each={ranked()}>
              {(c) => (
                <li>
                  <A href={boardHref(c)} class="pt-rank-item">
                    <div class="pt-rank-main">
                      <div class="tx-row">
                        <KindBadge kind={c.kind} />
                        <PhaseBadge campaign={c} />
                      </div>
                      <strong>{c.title}</strong>
                      <span class="tx-muted tx-small tx-num">{fmtRange(c.startsAt, c.endsAt)}</span>
                    </div>
                    <span class="pt-rank-go">
                      <Icon name="trophy" />
                      <span class="pt-rank-go-label">{t('rank.viewBoard')}</span>
                    </span>
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
