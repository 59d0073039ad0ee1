import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { ErrorState } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber, fmtPercent } from '@ui/format';
import { contestConfig, resultsPublic, submitState, voteState, windowsOf } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { campaignHref } from '../data/campaigns';
import { contestHref, listGallery, workHref } from '../data/contest';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';
import { PhaseBadge } from '../ui/CampaignCard';
import { ContestGate } from '../ui/ContestBits';
import { MineList } from './ContestMine';

/** /c/:idOrSlug/contest — the contest's home: rules, 我要投稿, 我的作品, the gallery and results. */
export default function ContestHub() {
  const params = useParams<{ idOrSlug: string }>();
  return (
    <div class="pt-page ct-page">
      <ContestGate idOrSlug={params.idOrSlug}>{(c) => <Hub campaign={c} />}</ContestGate>
    </div>
  );
}

function Hub(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const cfg = () => contestConfig(c());
  const w = () => windowsOf(c());
  usePageMeta(() => ({ title: `${c().title} · ${t('app.name')}`, description: c().summary }));
  const [preview, { refetch }] = createResource(
    () => c().id,
    (id) => listGallery(id, { limit: 6 }),
  );
  const submitOpen = () => submitState(c()) === 'open';
  const submitHref = () => (session.me() ? contestHref(c(), 'submit') : `/login?next=${encodeURIComponent(contestHref(c(), 'submit'))}`);
  const minEdges = () => Object.entries(cfg().minLongEdge).filter(([cat, px]) => px > 0 && cfg().categories.includes(cat));

  return (
    <article class="ct-hub">
      <p class="ct-back">
        <A href={campaignHref(c())}>
          <Icon name="chevronLeft" />
          {t('contest.backCampaign')}
        </A>
      </p>
      <div class="ct-hero">
        <div class="tx-row">
          <KindBadge kind={c().kind} />
          <PhaseBadge campaign={c()} />
        </div>
        <h1 class="ct-hero-title">{c().title}</h1>
        <Show when={c().summary}>
          <p class="ct-hero-lead">{c().summary}</p>
        </Show>
        <div class="ct-hero-actions">
          <Switch>
            <Match when={submitOpen()}>
              <LinkButton href={submitHref()} variant="primary" block>
                <Icon name="upload" />
                {t('contest.hub.submit')}
              </LinkButton>
            </Match>
            <Match when={submitState(c()) === 'before'}>
              <Notice icon="clock">{t('contest.hub.submitSoon', { date: fmtDateTime(w().submitFrom) })}</Notice>
            </Match>
            <Match when={true}>
              <Notice icon="clock">{t('contest.hub.submitClosed')}</Notice>
            </Match>
          </Switch>
          <div class="ct-hero-links">
            <LinkButton href={contestHref(c(), 'gallery')}>
              <Icon name="exhibition" />
              {t('contest.hub.gallery')}
            </LinkButton>
            <Show when={resultsPublic(c())}>
              <LinkButton href={contestHref(c(), 'results')}>
                <Icon name="star" />
                {t('contest.hub.results')}
              </LinkButton>
            </Show>
            <LinkButton href={`${campaignHref(c())}/rank`}>
              <Icon name="trophy" />
              {t('contest.hub.board')}
            </LinkButton>
          </div>
        </div>
      </div>

      <Show when={resultsPublic(c())}>
        <A href={contestHref(c(), 'results')} class="ct-results-banner">
          <Icon name="trophy" />
          <span>
            <strong>{t('contest.hub.resultsOut')}</strong>
            <br />
            <span class="tx-small">{t('contest.hub.resultsOutBody')}</span>
          </span>
          <Icon name="chevronRight" />
        </A>
      </Show>

      <section class="tx-card ct-rules" aria-labelledby="rules-title">
        <h2 id="rules-title">{t('contest.rules.title')}</h2>
        <dl class="ct-facts">
          <div>
            <dt>{t('contest.rules.categories')}</dt>
            <dd>
              <span class="ct-cats">
                <For each={cfg().categories}>{(cat) => <span class="tx-badge tx-badge-neutral">{cat}</span>}</For>
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('contest.rules.limit')}</dt>
            <dd>{t('contest.rules.limitValue', { n: fmtNumber(cfg().entriesPerPerson) })}</dd>
          </div>
          <div>
            <dt>{t('contest.rules.deadline')}</dt>
            <dd class="tx-num">{fmtDateTime(w().submitUntil)}</dd>
          </div>
          <div>
            <dt>{t('contest.rules.voting')}</dt>
            <dd class="tx-num">
              {fmtDateTime(w().voteFrom)} – {fmtDateTime(w().voteUntil)}
              <br />
              <span class="tx-muted tx-small">{t('contest.rules.votesPerDay', { n: fmtNumber(cfg().votesPerDay) })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('contest.rules.judging')}</dt>
            <dd>{t('contest.rules.judgingValue', { judges: fmtPercent(cfg().judgeWeight), public: fmtPercent(1 - cfg().judgeWeight) })}</dd>
          </div>
          <div>
            <dt>{t('contest.rules.image')}</dt>
            <dd>
              {t('contest.rules.imageValue')}
              <For each={minEdges()}>
                {([cat, px]) => (
                  <>
                    <br />
                    <span class="tx-small">{t('contest.rules.minEdge', { category: cat, px: fmtNumber(px) })}</span>
                  </>
                )}
              </For>
            </dd>
          </div>
        </dl>
        <Show when={voteState(c()) === 'open'}>
          <p class="tx-small tx-muted ct-rules-note">{t('contest.rules.voteOpen')}</p>
        </Show>
      </section>

      <Show when={session.me()}>
        <section class="tx-card" id="mine" aria-labelledby="mine-title">
          <div class="tx-card-title">
            <h2 id="mine-title">{t('contest.mine.title')}</h2>
          </div>
          <MineList campaign={c()} />
        </section>
      </Show>

      <section class="ct-section" aria-labelledby="preview-title">
        <div class="pt-section-head">
          <h2 id="preview-title">
            <Icon name="exhibition" />
            {t('contest.hub.latest')}
          </h2>
          <A href={contestHref(c(), 'gallery')} class="pt-see-all">
            {t('contest.hub.seeAll')}
            <Icon name="chevronRight" />
          </A>
        </div>
        <Switch>
          <Match when={preview.error}>
            <ErrorState error={preview.error} onRetry={refetch} />
          </Match>
          <Match when={preview.loading && !preview.latest}>
            <ul class="ct-strip" aria-busy="true">
              <For each={[0, 1, 2, 3, 4, 5]}>{() => <li class="ct-strip-item tx-skeleton" />}</For>
            </ul>
          </Match>
          <Match when={preview.latest && preview.latest.items.length === 0}>
            <p class="tx-muted ct-empty-line">{t('contest.gallery.emptyBody')}</p>
          </Match>
          <Match when={preview.latest}>
            {(p) => (
              <ul class="ct-strip">
                <For each={p().items}>
                  {(e) => (
                    <li class="ct-strip-item">
                      <A href={workHref(e.id)} state={{ from: 'hub' }} aria-label={e.title}>
                        <img src={e.thumbUrl} alt="" loading="lazy" decoding="async" />
                        <span class="ct-strip-title">{e.title}</span>
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Match>
        </Switch>
      </section>

      <Show when={c().description}>
        <section class="pt-about">
          <h2>{t('campaign.about')}</h2>
          <div class="tx-pre">{c().description}</div>
        </section>
      </Show>
    </article>
  );
}
