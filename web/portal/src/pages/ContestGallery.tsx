import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { A, useParams, useSearchParams } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { LoadMore } from '@ui/components/LoadMore';
import { createLoadMore } from '@ui/paging';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtDateTime } from '@ui/format';
import { contestConfig, submitState, voteState, windowsOf, type Entry } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { contestHref, galleryList, listGallery, setGalleryList, workHref, type GallerySort } from '../data/contest';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { ContestGate, ContestHead, createToast, VoteButton, VotesLeftNote, votesText } from '../ui/ContestBits';

const PAGE = 24;

/** /c/:idOrSlug/gallery — 作品展厅: category tabs, a grid of thumbnails, voting. */
export default function ContestGallery() {
  const params = useParams<{ idOrSlug: string }>();
  return (
    <div class="pt-page ct-page ct-wide">
      <ContestGate idOrSlug={params.idOrSlug} skeleton={<GridSkeleton />}>
        {(c) => <Gallery campaign={c} />}
      </ContestGate>
    </div>
  );
}

function GridSkeleton() {
  return (
    <>
      <span class="tx-skeleton tx-skeleton-title" />
      <ul class="ct-grid" aria-busy="true">
        <For each={[0, 1, 2, 3, 4, 5]}>
          {() => (
            <li class="ct-tile">
              <span class="ct-tile-img tx-skeleton" />
              <span class="ct-tile-body">
                <span class="tx-skeleton" />
                <span class="tx-skeleton tx-skeleton-short" />
              </span>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

function Gallery(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const cfg = () => contestConfig(c());
  const [search, setSearch] = useSearchParams<{ category?: string; q?: string; sort?: string }>();
  const category = () => (search.category && cfg().categories.includes(search.category) ? search.category : null);
  const query = () => (search.q ?? '').trim().slice(0, 40);
  // sorting by votes only where the contest shows them (the API refuses it otherwise)
  const sorts = (): GallerySort[] => (cfg().showVoteCounts ? ['newest', 'votes', 'number'] : ['newest', 'number']);
  const sort = (): GallerySort => (sorts().includes(search.sort as GallerySort) ? (search.sort as GallerySort) : 'newest');
  const view = () => (query() || sort() !== 'newest' ? `${query()}|${sort()}` : '');
  const [typed, setTyped] = createSignal(query());
  const toast = createToast();
  usePageMeta(() => ({ title: `${t('contest.gallery.title')} · ${c().title} · ${t('app.name')}`, description: c().summary }));

  const [cursor, setCursor] = createSignal<string | null>(null);
  const [first, { refetch }] = createResource(
    () => ({ id: c().id, category: category(), q: query(), sort: sort(), view: view() }),
    async (q) => {
      const p = await listGallery(q.id, { category: q.category, limit: PAGE, q: q.q, sort: q.sort });
      setGalleryList({ campaignId: q.id, category: q.category, view: q.view, items: p.items });
      setCursor(p.nextCursor);
      return p;
    },
  );
  // the list lives in the shared store so votes (here or in the viewer) update both
  const items = () => {
    const g = galleryList();
    return g && g.campaignId === c().id && g.category === category() && (g.view ?? '') === view() ? g.items : (first.latest?.items ?? []);
  };

  const more = createLoadMore(async () => {
    const p = await listGallery(c().id, { category: category(), cursor: cursor(), limit: PAGE, q: query(), sort: sort() });
    const known = new Set(items().map((e) => e.id));
    setGalleryList({ campaignId: c().id, category: category(), view: view(), items: [...items(), ...p.items.filter((e) => !known.has(e.id))] });
    setCursor(p.nextCursor);
  });
  createEffect(on([category, view], more.clear, { defer: true }));
  const sortLabel: Record<GallerySort, () => string> = {
    newest: () => t('contest.gallery.sortNewest'),
    votes: () => t('contest.gallery.sortVotes'),
    number: () => t('contest.gallery.sortNumber'),
  };

  const vs = () => voteState(c());
  const w = () => windowsOf(c());

  return (
    <>
      <ContestHead campaign={c()} title={t('contest.gallery.title')}>
        <div class="ct-gallery-bar">
          <Switch>
            <Match when={vs() === 'open'}>
              <span class="ct-vote-rule">
                <Icon name="star" />
                <VotesLeftNote campaign={c()} perDay={cfg().votesPerDay} />
              </span>
            </Match>
            <Match when={vs() === 'before'}>
              <span class="ct-vote-rule">
                <Icon name="clock" />
                {t('contest.vote.soon', { date: fmtDateTime(w().voteFrom) })}
              </span>
            </Match>
            <Match when={vs() === 'after'}>
              <span class="ct-vote-rule">
                <Icon name="clock" />
                {t('contest.vote.ended')}
              </span>
            </Match>
          </Switch>
          <Show when={submitState(c()) === 'open'}>
            <LinkButton
              href={session.me() ? contestHref(c(), 'submit') : `/login?next=${encodeURIComponent(contestHref(c(), 'submit'))}`}
              small
              variant="secondary"
            >
              <Icon name="upload" />
              {t('contest.hub.submit')}
            </LinkButton>
          </Show>
        </div>
      </ContestHead>

      <div class="tx-chips ct-cats-bar" role="group" aria-label={t('contest.gallery.categories')}>
        <button type="button" class="tx-chip" aria-pressed={category() === null} onClick={() => setSearch({ category: undefined }, { replace: true })}>
          {t('contest.gallery.all')}
        </button>
        <For each={cfg().categories}>
          {(cat) => (
            <button type="button" class="tx-chip" aria-pressed={category() === cat} onClick={() => setSearch({ category: cat }, { replace: true })}>
              {cat}
            </button>
          )}
        </For>
      </div>

      <form
        class="ct-gallery-find"
        role="search"
        onSubmit={(ev) => {
          ev.preventDefault();
          setSearch({ q: typed().trim() || undefined }, { replace: true });
        }}
      >
        <input
          class="tx-input"
          type="search"
          enterkeyhint="search"
          maxLength={40}
          placeholder={t('contest.gallery.search')}
          aria-label={t('contest.gallery.search')}
          value={typed()}
          onInput={(ev) => setTyped(ev.currentTarget.value)}
          data-testid="gallery-search"
        />
        <select
          class="tx-select"
          aria-label={t('contest.gallery.sort')}
          value={sort()}
          onChange={(ev) => setSearch({ sort: ev.currentTarget.value === 'newest' ? undefined : ev.currentTarget.value }, { replace: true })}
          data-testid="gallery-sort"
        >
          <For each={sorts()}>
            {(s) => (
              <option value={s} selected={s === sort()}>
                {sortLabel[s]()}
              </option>
            )}
          </For>
        </select>
      </form>

      <Switch>
        <Match when={first.error && !items().length}>
          <ErrorState error={first.error} onRetry={refetch} />
        </Match>
        <Match when={first.loading && !first.latest}>
          <GridSkeleton />
        </Match>
        <Match when={items().length === 0}>
          <div class="tx-card">
            <EmptyState
              icon="exhibition"
              title={
                query()
                  ? t('contest.gallery.noMatch', { q: query() })
                  : category()
                    ? t('contest.gallery.emptyCategory', { category: category()! })
                    : t('contest.gallery.emptyTitle')
              }
              body={t('contest.gallery.emptyBody')}
              action={
                submitState(c()) === 'open' ? (
                  <LinkButton href={contestHref(c(), 'submit')} variant="primary">
                    <Icon name="upload" />
                    {t('contest.hub.submit')}
                  </LinkButton>
                ) : undefined
              }
            />
          </div>
        </Match>
        <Match when={items().length > 0}>
          <ul class={`ct-grid ${first.loading ? 'ct-stale' : ''}`} data-testid="gallery">
            <For each={items()}>{(e) => <Tile entry={e} campaign={c()} notify={toast.show} category={category()} />}</For>
          </ul>
          <LoadMore class="pt-more" state={more.state()} hasMore={!!cursor()} onLoad={more.run} />
        </Match>
      </Switch>
      <Show when={vs() === 'open' && !session.me() && !session.me.loading}>
        <Notice icon="info">{t('contest.vote.signInNote')}</Notice>
      </Show>
      <toast.View />
    </>
  );
}

function Tile(props: { entry: Entry; campaign: Campaign; notify: (text: string, kind?: 'ok' | 'error') => void; category: string | null }) {
  const e = () => props.entry;
  return (
    <li class="ct-tile" data-entry={e().id}>
      <A
        href={`${workHref(e().id)}${props.category ? `?category=${encodeURIComponent(props.category)}` : ''}`}
        state={{ from: 'gallery' }}
        class="ct-tile-link"
      >
        <span class="ct-tile-img">
          <img src={e().thumbUrl} alt={e().title} loading="lazy" decoding="async" width={e().width} height={e().height} />
          <Show when={e().award}>
            <span class="tx-badge tx-badge-gold ct-tile-award">{e().award}</span>
          </Show>
        </span>
        <span class="ct-tile-body">
          <strong class="ct-tile-title">{e().title}</strong>
          <Show when={e().number}>
            <span class="ct-tile-number tx-num">{t('contest.work.number', { n: e().number! })}</span>
          </Show>
          <span class="ct-tile-meta">
            {e().authorName} · {e().category}
          </span>
        </span>
      </A>
      <div class="ct-tile-foot">
        <Show when={e().votes !== null} fallback={<span />}>
          <span class="ct-tile-votes tx-num" data-testid="votes">
            {votesText(e().votes)}
          </span>
        </Show>
        <VoteButton campaign={props.campaign} entry={e()} notify={props.notify} small />
      </div>
    </li>
  );
}
