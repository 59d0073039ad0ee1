import { SharePanel } from '@ui/components/SharePanel';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber, fmtPercent } from '@ui/format';
import { byRank, contestConfig, fmtScore100, groupByAward, type ResultItem } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { contestHref, getResults, workHref } from '../data/contest';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { ContestGate, ContestHead } from '../ui/ContestBits';

/** /c/:idOrSlug/results — 评选结果: the awards, best first, with thumbnails. */
export default function ContestResultsPage() {
  const params = useParams<{ idOrSlug: string }>();
  return (
    <div class="pt-page ct-page">
      <ContestGate idOrSlug={params.idOrSlug}>{(c) => <ResultsView campaign={c} />}</ContestGate>
    </div>
  );
}

function ResultsView(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const cfg = () => contestConfig(c());
  usePageMeta(() => ({ title: `${t('contest.results.title')} · ${c().title} · ${t('app.name')}`, description: c().summary }));
  const [results, { refetch }] = createResource(() => c().id, getResults);
  const hidden = () => results.error instanceof ApiError && results.error.status === 403;
  const groups = () => groupByAward(results.latest?.items ?? [], cfg().awards);

  return (
    <>
      <ContestHead campaign={c()} title={t('contest.results.title')} />
      <Switch>
        <Match when={hidden()}>
          <div class="tx-card" data-testid="results-hidden">
            <EmptyState
              icon="clock"
              title={t('contest.results.notYet')}
              body={t('contest.results.notYetBody', { date: fmtDateTime(c().endsAt) })}
              action={
                <LinkButton href={contestHref(c(), 'gallery')} variant="primary">
                  {t('contest.hub.gallery')}
                </LinkButton>
              }
            />
          </div>
        </Match>
        <Match when={results.error}>
          <ErrorState error={results.error} onRetry={refetch} />
        </Match>
        <Match when={results.loading && !results.latest}>
          <div class="tx-card">
            <Skeleton title lines={5} />
          </div>
        </Match>
        <Match when={results.latest}>
          {(r) => (
            <>
              <Show when={!r().published}>
                <div class="ct-gap">
                  <Notice kind="warning">{t('contest.results.previewNote')}</Notice>
                </div>
              </Show>
              <p class="tx-small tx-muted">
                {t('contest.rules.judgingValue', { judges: fmtPercent(r().judgeWeight), public: fmtPercent(1 - r().judgeWeight) })}
              </p>
              <Show when={r().published}>
                <div class="ct-gap">
                  <SharePanel
                    small
                    path={contestHref(c(), 'results')}
                    title={`${c().title} · ${t('contest.results.title')}`}
                    subtitle={`${c().orgUnitName ?? ''} · ${fmtDateTime(c().endsAt)}`}
                    fileName={`${c().slug}-results`}
                  />
                </div>
              </Show>
              <Show
                when={groups().length > 0}
                fallback={
                  <Show
                    when={r().items.length > 0}
                    fallback={
                      <div class="tx-card">
                        <EmptyState icon="trophy" title={t('contest.results.emptyTitle')} body={t('contest.results.emptyBody')} />
                      </div>
                    }
                  >
                    <section class="ct-award">
                      <h2 class="ct-award-name">{t('contest.results.ranking')}</h2>
                      <ol class="ct-award-list">
                        <For each={[...r().items].sort(byRank).slice(0, 30)}>{(it) => <ResultRow item={it} />}</For>
                      </ol>
                    </section>
                  </Show>
                }
              >
                <For each={groups()}>
                  {(g, i) => (
                    <section class={`ct-award ${i() === 0 ? 'ct-award-top' : ''}`} data-award={g.award}>
                      <h2 class="ct-award-name">
                        <Icon name="trophy" />
                        {g.award}
                        <span class="tx-small tx-muted tx-num">{t('contest.results.count', { n: fmtNumber(g.items.length) })}</span>
                      </h2>
                      <ol class="ct-award-list">
                        <For each={g.items}>{(it) => <ResultRow item={it} />}</For>
                      </ol>
                    </section>
                  )}
                </For>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <Show when={!hidden()}>
        <p class="ct-back">
          <A href={contestHref(c(), 'gallery')}>
            {t('contest.hub.gallery')}
            <Icon name="chevronRight" />
          </A>
        </p>
      </Show>
    </>
  );
}

function ResultRow(props: { item: ResultItem }) {
  const it = () => props.item;
  return (
    <li class="ct-result">
      <A href={workHref(it().entryId)} class="ct-result-thumb" aria-label={it().title}>
        <img src={it().thumbUrl} alt="" loading="lazy" decoding="async" />
      </A>
      <div class="ct-result-main">
        <A href={workHref(it().entryId)} class="ct-result-title">
          {it().title}
        </A>
        <span class="tx-small tx-muted">
          {it().authorName} · {it().category}
        </span>
      </div>
      <div class="ct-result-score">
        <Show when={it().rank !== null} fallback={<span class="tx-badge tx-badge-neutral">{t('contest.results.unfinished')}</span>}>
          <span class={`tx-rank ${(it().rank ?? 99) <= 3 ? 'tx-rank-top' : ''}`}>{it().rank}</span>
          <span class="tx-small tx-muted tx-num">{t('contest.results.score', { n: fmtScore100(it().score) })}</span>
        </Show>
      </div>
    </li>
  );
}
