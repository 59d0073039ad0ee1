import { createMemo, createResource, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { A, useParams, useSearchParams } from '@solidjs/router';
import { KIND_ACTION } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { ApiError, call } from '@ui/api';
import { LinkButton } from '@ui/components/Button';
import { LiveTag } from '@ui/components/LiveTag';
import { LoadMore } from '@ui/components/LoadMore';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, InlineError } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import { fmtNumber, phaseOf } from '@ui/format';
import { aggregationOf, aggregationText, fmtScore, type Aggregation, type BoardEntry, type MeBoard, type Scope, type ScoreUnit } from '@ui/leaderboard';
import { createLiveBoard } from '@ui/live-board';
import type { Campaign } from '@ui/types';
import { campaignHref, getCampaign } from '../data/campaigns';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { KindBadge } from '../ui/KindCover';

const PAGE = 20;

/**
 * 排行榜 of one campaign (/c/:idOrSlug/rank): 个人 / 组织 tabs, the top 20 with "load more",
 * "我的排名" for a signed-in participant, live over the board's socket while open.
 * Loaded on demand, so the portal's first page stays small.
 */
export default function LeaderboardPage() {
  const params = useParams<{ idOrSlug: string }>();
  const [search, setSearch] = useSearchParams<{ scope?: string }>();
  const scope = (): Scope => (search.scope === 'org' ? 'org' : 'individual');
  const me = () => (session.me.error ? undefined : session.me());

  const [campaignRes] = createResource(() => params.idOrSlug, getCampaign);
  // a resource throws its error when read: the board still works without the campaign's details
  const campaign = () => (campaignRes.error ? undefined : campaignRes.latest);

  // "我的排名": read again after changes, at most every few seconds
  const [mineRes, { refetch: refetchMine }] = createResource(
    () => (me() && scope() === 'individual' ? params.idOrSlug : false),
    (id) => call('GET /campaigns/{id}/leaderboard/me', { id }),
  );
  const mine = () => (mineRes.error ? undefined : mineRes.latest);
  let mineTimer: ReturnType<typeof setTimeout> | undefined;
  function mineChanged() {
    if (!me() || scope() !== 'individual' || mineTimer) return;
    mineTimer = setTimeout(() => {
      mineTimer = undefined;
      void refetchMine();
    }, 1500);
  }
  onCleanup(() => clearTimeout(mineTimer));

  const board = createLiveBoard({ campaign: () => params.idOrSlug, scope, pageSize: PAGE, onChange: mineChanged });

  // org rows carry only the unit's own name; its parent tells 第二党支部 from 第二党支部
  const [units] = createResource(
    () => scope() === 'org',
    async () => new Map((await call('GET /org-units', {})).items.map((u) => [u.id, u])),
  );
  const parentName = (unitId: string) => {
    const m = units.error ? undefined : units.latest;
    const p = m?.get(unitId)?.parentId;
    return p ? m?.get(p)?.name : undefined;
  };
  const myUnits = createMemo(() => new Set((me()?.memberships ?? []).map((m) => m.orgUnitId)));

  usePageMeta(() => {
    const c = campaign();
    return c
      ? { title: `${t('board.pageTitle', { title: c.title })} · ${t('app.name')}`, description: c.summary }
      : { title: `${t('board.title')} · ${t('app.name')}` };
  });

  const back = () => {
    const c = campaign();
    return c ? campaignHref(c) : `/c/${encodeURIComponent(params.idOrSlug)}`;
  };
  const agg = (): Aggregation => {
    const c = campaign();
    return c ? aggregationOf(c) : 'average';
  };
  const unit = (): ScoreUnit => board.meta()?.scoreUnit ?? 'points';

  return (
    <div class="pt-page pt-board">
      <p class="pt-board-back">
        <A href={back()}>
          <Icon name="chevronLeft" />
          {t('board.back')}
        </A>
      </p>
      <header class="pt-board-head">
        <div class="tx-row pt-board-eyebrow">
          <span class="pt-board-label">
            <Icon name="trophy" />
            {t('board.title')}
          </span>
          <Show when={campaign()}>{(c) => <KindBadge kind={c().kind} />}</Show>
          <Show when={board.meta()?.final}>
            <span class="tx-badge tx-badge-gold" data-testid="board-final">
              {t('board.final')}
            </span>
          </Show>
          <Show when={board.meta()?.frozen && !board.meta()?.final}>
            <span class="tx-badge tx-badge-orange" data-testid="board-frozen">
              {t('board.frozen')}
            </span>
          </Show>
        </div>
        <Show
          when={campaign()}
          fallback={
            <Show when={!campaignRes.error}>
              <span class="tx-skeleton tx-skeleton-title" />
            </Show>
          }
        >
          {(c) => <h1 class="pt-board-title">{c().title}</h1>}
        </Show>
      </header>

      <Show
        when={!board.missing()}
        fallback={
          <EmptyState
            icon="trophy"
            title={t('board.notRankingTitle')}
            body={notRankingMessage(board.error())}
            action={<LinkButton href={back()}>{t('board.back')}</LinkButton>}
          />
        }
      >
        <Tabs
          id="scope"
          class="pt-board-tabs"
          label={t('board.scopeLabel')}
          value={scope()}
          options={[
            { value: 'individual', label: t('board.individual') },
            { value: 'org', label: t('board.org') },
          ]}
          onChange={(s) => setSearch({ scope: s === 'org' ? 'org' : undefined }, { replace: true })}
        />
        <div role="tabpanel" id="scope-panel" aria-labelledby={`scope-tab-${scope()}`} class="pt-board-panel">
          <Show when={board.meta()}>
            {(m) => (
              <Switch>
                <Match when={m().final}>
                  <Notice kind="highlight" icon="trophy">
                    {t('board.finalNote')}
                  </Notice>
                </Match>
                <Match when={m().frozen}>
                  <Notice kind="warning" icon="clock">
                    <Show when={campaign()?.canManage} fallback={t('board.frozenPublic')}>
                      {t('board.frozenOrganizer')} <a href={`/console/campaigns/${encodeURIComponent(campaign()!.id)}/leaderboard`}>{t('board.manage')}</a>
                    </Show>
                  </Notice>
                </Match>
              </Switch>
            )}
          </Show>

          <div class="pt-board-cols" classList={{ 'pt-board-cols-single': scope() !== 'individual' }}>
            <Show when={scope() === 'individual'}>
              <aside class="pt-board-aside">
                <MyRank campaign={campaign()} mine={mine()} loading={mineRes.loading} error={mineRes.error} retry={refetchMine} unit={unit()} back={back()} />
              </aside>
            </Show>
            <div class="pt-board-main">
              <div class="pt-board-meta">
                <span class="tx-num">
                  <Show when={board.meta()} fallback={'\u00a0'}>
                    {(m) => (scope() === 'org' ? t('board.totalOrg', { n: fmtNumber(m().total) }) : t('board.total', { n: fmtNumber(m().total) }))}
                  </Show>
                </span>
                <span class="tx-spacer" />
                <LiveTag board={board} class="pt-board-live" />
              </div>
              <Show when={scope() === 'org'}>
                <p class="pt-board-rule tx-small tx-muted">{aggregationText(agg(), unit())}</p>
              </Show>

              <Switch>
                <Match when={board.error() && !board.entries().length}>
                  <ErrorState error={board.error()} onRetry={board.retry} />
                </Match>
                <Match when={board.loading() && !board.entries().length}>
                  <RowSkeletons count={8} />
                </Match>
                <Match when={board.meta() && board.entries().length === 0}>
                  <div class="tx-card">
                    <EmptyState
                      icon="trophy"
                      title={t('board.empty')}
                      body={scope() === 'org' ? t('board.emptyOrgBody') : t('board.emptyBody')}
                      action={
                        <Show when={campaign()}>
                          {(c) => (
                            <Show when={phaseOf(c()) !== 'ended'}>
                              <LinkButton href={back()} variant="primary">
                                {loc(KIND_ACTION[c().kind])}
                              </LinkButton>
                            </Show>
                          )}
                        </Show>
                      }
                    />
                  </div>
                </Match>
                <Match when={board.entries().length > 0}>
                  <ol class="pt-lb" data-testid="board" aria-label={scope() === 'org' ? t('board.org') : t('board.individual')}>
                    <For each={board.entries()}>
                      {(e) => (
                        <Row
                          entry={e}
                          unit={unit()}
                          scope={scope()}
                          agg={agg()}
                          me={scope() === 'individual' && !!mine() && e.key === mine()?.key}
                          myUnit={scope() === 'org' && myUnits().has(e.key)}
                          changed={board.changed().has(e.key)}
                          sub={scope() === 'org' ? parentName(e.key) : (e.orgUnitName ?? undefined)}
                        />
                      )}
                    </For>
                  </ol>
                  <LoadMore class="pt-more" state={board.more()} hasMore={board.hasMore()} onLoad={board.loadMore}>
                    <p class="tx-small tx-muted tx-num">
                      {t('board.shown', { shown: fmtNumber(board.entries().length), total: fmtNumber(board.meta()?.total ?? 0) })}
                    </p>
                  </LoadMore>
                </Match>
              </Switch>
            </div>
          </div>
        </div>
      </Show>
    </div>
  );
}

/** The server's reason, unless it only repeats the title. */
function notRankingMessage(e: unknown): string | undefined {
  if (!(e instanceof ApiError) || !e.message) return undefined;
  return e.message.replace(/[。.]$/, '') === t('board.notRankingTitle') ? undefined : e.message;
}

function Row(props: {
  entry: BoardEntry;
  unit: ScoreUnit;
  scope: Scope;
  agg: Aggregation;
  me?: boolean;
  myUnit?: boolean;
  changed?: boolean;
  sub?: string | undefined;
}) {
  const e = () => props.entry;
  return (
    <li class="pt-lb-row" classList={{ 'is-me': !!props.me || !!props.myUnit, 'tx-changed': !!props.changed }} data-key={e().key} data-rank={e().rank}>
      <span class={`tx-rank ${e().rank <= 3 ? 'tx-rank-top' : ''}`} title={t('board.topRank', { rank: e().rank })}>
        {e().rank}
      </span>
      <span class="pt-lb-name">
        <span class="pt-lb-name-line">
          <strong>{e().name}</strong>
          <Show when={props.me}>
            <span class="tx-badge">{t('board.me')}</span>
          </Show>
          <Show when={props.myUnit}>
            <span class="tx-badge">{t('board.myUnit')}</span>
          </Show>
        </span>
        <Show when={props.sub}>
          <small>{props.sub}</small>
        </Show>
      </span>
      <span class="pt-lb-score tx-num">{fmtScore(e().score, props.unit, props.scope, props.agg)}</span>
    </li>
  );
}

function RowSkeletons(props: { count: number }) {
  return (
    <div aria-busy="true" role="status">
      <span class="tx-visually-hidden">{t('state.loading')}</span>
      <ol class="pt-lb" aria-hidden="true">
        {Array.from({ length: props.count }, () => (
          <li class="pt-lb-row">
            <span class="tx-skeleton pt-lb-skel-rank" />
            <span class="pt-lb-name">
              <span class="tx-skeleton pt-lb-skel-name" />
            </span>
            <span class="tx-skeleton pt-lb-skel-score" />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** 我的排名: rank, score and the ±5 around me; or why I am not on the board and what to do. */
function MyRank(props: {
  campaign: Campaign | undefined;
  mine: MeBoard | undefined;
  loading: boolean;
  error: unknown;
  retry: () => unknown;
  unit: ScoreUnit;
  back: string;
}) {
  const signedOut = () => !session.me.loading && !session.me.error && !session.me();
  // boards never carry user ids: my rows are the ones with my own board key
  return (
    <section class="tx-card pt-mine" aria-labelledby="mine-title" data-testid="my-rank">
      <h2 id="mine-title">{t('board.mine')}</h2>
      <Switch>
        <Match when={session.me.loading || (props.loading && !props.mine)}>
          <Skeleton lines={2} />
        </Match>
        <Match when={signedOut()}>
          <LinkButton href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} variant="primary" block>
            {t('board.signInForMine')}
          </LinkButton>
        </Match>
        <Match when={props.error && !props.mine}>
          <InlineError error={props.error} onRetry={() => props.retry()} />
        </Match>
        <Match when={props.mine && props.mine.rank === null}>
          <p class="pt-mine-none">
            <strong>{t('board.notOnBoard')}</strong>
            <br />
            <span class="tx-muted">{t('board.notOnBoardBody')}</span>
          </p>
          <Show when={props.campaign && phaseOf(props.campaign) !== 'ended'}>
            <LinkButton href={props.back} variant="primary" block>
              {loc(KIND_ACTION[props.campaign!.kind])}
              <Icon name="chevronRight" />
            </LinkButton>
          </Show>
        </Match>
        <Match when={props.mine}>
          {(m) => (
            <>
              <div class="pt-mine-figures">
                <div>
                  <div class="pt-key-figure tx-num" data-testid="my-rank-value">
                    {t('board.topRank', { rank: fmtNumber(m().rank) })}
                  </div>
                  <div class="tx-small tx-muted tx-num">{t('board.ofTotal', { n: fmtNumber(m().total) })}</div>
                </div>
                <div class="pt-mine-score">
                  <div class="tx-small tx-muted">{t('board.myScore')}</div>
                  <div class="pt-mine-score-value tx-num">{m().score === null ? '—' : fmtScore(m().score!, props.unit)}</div>
                </div>
              </div>
              <Show when={m().around.length > 1}>
                <h3 class="pt-mine-around">{t('board.around')}</h3>
                <ol class="pt-lb pt-lb-compact">
                  <For each={m().around}>
                    {(e) => (
                      <Row entry={e} unit={props.unit} scope="individual" agg="average" me={e.key === props.mine?.key} sub={e.orgUnitName ?? undefined} />
                    )}
                  </For>
                </ol>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
