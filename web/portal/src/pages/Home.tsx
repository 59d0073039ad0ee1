import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { CAMPAIGN_KINDS, KIND_LABEL, type CampaignKind } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { LinkButton } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { CampaignCard, CardSkeletons } from '../ui/CampaignCard';
import { KIND_ICON } from '../ui/KindCover';
import { HomeToday } from '../ui/HomeToday';
import { session } from '../data/session';
import '../home.css';

/** 首页: signed in, 我的今天 first; then published campaigns, one section per kind in the platform's order. */
export function Home() {
  usePageMeta(() => ({ title: t('home.title'), description: t('home.heroBody') }));
  const [page, { refetch }] = createResource(() => listCampaigns({ status: 'published', limit: 100 }));

  const groups = () => {
    const items = page()?.items ?? [];
    const by = new Map<CampaignKind, Campaign[]>();
    for (const c of items) by.set(c.kind, [...(by.get(c.kind) ?? []), c]);
    return CAMPAIGN_KINDS.filter((k) => by.has(k)).map((k) => ({ kind: k, items: by.get(k)! }));
  };

  return (
    <div class="pt-page">
      <section class="pt-hero">
        <h1>{t('home.heroTitle')}</h1>
        <p>{t('home.heroBody')}</p>
      </section>
      {/* 现场竞赛: in a hall the big screen shows a PIN; members look for where to type it here first */}
      <A href="/live" class="tx-card hm-live" data-testid="home-live">
        <Icon name="flag" />
        <span class="hm-item-main">
          <span class="hm-item-title">{t('live.homeEntry')}</span>
          <span class="tx-small tx-muted">{t('live.homeEntryHint')}</span>
        </span>
        <Icon name="chevronRight" />
      </A>
      {/* signed in, the home is personal: today, the streak, the quiz and what waits for me */}
      <Show when={!session.me.loading && !session.me.error && session.me()}>
        <HomeToday />
      </Show>
      <Switch>
        <Match when={page.error}>
          <ErrorState error={page.error} onRetry={refetch} />
        </Match>
        <Match when={page.loading && !page.latest}>
          <CardSkeletons count={3} />
        </Match>
        <Match when={groups().length === 0}>
          <EmptyState
            icon="flag"
            title={t('home.emptyTitle')}
            body={t('home.emptyBody')}
            action={<LinkButton href="/campaigns">{t('home.emptyAction')}</LinkButton>}
          />
        </Match>
        <Match when={groups().length > 0}>
          <For each={groups()}>
            {(g) => (
              <section class="pt-section" aria-labelledby={`kind-${g.kind}`}>
                <div class="pt-section-head">
                  <h2 id={`kind-${g.kind}`}>
                    <Icon name={KIND_ICON[g.kind]} />
                    {loc(KIND_LABEL[g.kind])}
                  </h2>
                  <Show when={g.items.length > 0}>
                    <A href={`/campaigns?kind=${g.kind}`} class="pt-see-all">
                      {t('home.seeAll')}
                      <Icon name="chevronRight" />
                    </A>
                  </Show>
                </div>
                <div class="pt-grid">
                  <For each={g.items}>{(c) => <CampaignCard campaign={c} />}</For>
                </div>
              </section>
            )}
          </For>
        </Match>
      </Switch>
    </div>
  );
}
