import { createEffect, createMemo, createSignal, Match, on, Show, Switch } from 'solid-js';
import { KIND_LABEL } from '@shared/kinds';
import { lang, loc } from '@ui/i18n';
import { API_BASE, call } from '@ui/api';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Table } from '@ui/components/Table';
import { Tabs } from '@ui/components/Tabs';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import { aggregationOf, aggregationText, boardApi, fmtScore, fmtUpdated, isRanking, type BoardEntry, type Scope } from '@ui/leaderboard';
import { createLiveBoard, type LiveBoard } from '@ui/live-board';
import type { Campaign } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { org } from '../data/org';
import { t } from '../i18n';
import { EmbedPanel } from '../ui/EmbedPanel';
import { BoardVisibility, ProgressEmbed } from '../ui/BoardSharing';
import { ScoreImport } from '../ui/ScoreImport';
import { StatusBadge } from '../ui/StatusBadge';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { Confirm } from '../ui/Confirm';

const PAGE = 20;

/** 排行榜 of one campaign (/console/campaigns/:id/leaderboard). Loaded on demand. */
export default function LeaderboardPage() {
  // a campaign this organizer may not manage reads as missing here, as on the edit page
  return (
    <CampaignModulePage
      kind={isRanking}
      icon="trophy"
      class="cs-lb-page"
      title={(c) => (c ? t('lb.pageTitle', { title: c.title }) : t('lb.title'))}
      notKind={(kind) => t('lb.notRanking', { kind })}
      hidden={(c) => c.canManage === false}
    >
      {(c, mutate) => <BoardPage campaign={c()} onChange={mutate} />}
    </CampaignModulePage>
  );
}

function BoardPage(props: { campaign: Campaign; onChange: (c: Campaign) => void }) {
  const [scope, setScope] = createSignal<Scope>('individual');
  const board = createLiveBoard({ campaign: () => props.campaign.id, scope, pageSize: PAGE, paged: true });
  const screenHref = () => `/embed/v1/leaderboard/${encodeURIComponent(props.campaign.id)}?mode=screen&lang=${lang()}`;

  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('lb.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <span class="tx-muted tx-small">{loc(KIND_LABEL[props.campaign.kind])}</span>
            <a href={`${portalHref(props.campaign)}/rank`} target="_blank" rel="noopener" class="tx-small">
              {t('lb.viewPortal')}
              <Icon name="external" />
            </a>
          </div>
        </div>
        <div class="tx-row">
          <a class="tx-btn tx-btn-secondary" href={screenHref()} target="_blank" rel="noopener">
            <Icon name="chart" />
            {t('lb.openScreen')}
          </a>
          {/* 颁奖大屏: full names, only because an organizer opens it (the server checks who asks) */}
          <a class="tx-btn tx-btn-secondary" href={`${screenHref()}&names=full`} target="_blank" rel="noopener" data-testid="lb-awards-screen">
            <Icon name="trophy" />
            {t('lb.openAwardsScreen')}
          </a>
        </div>
      </div>

      <Freeze campaign={props.campaign} board={board} />

      <section class="tx-card cs-lb-card" aria-labelledby="board-title">
        <div class="tx-card-title cs-lb-title">
          <h2 id="board-title">{t('lb.board')}</h2>
          <LiveTag board={board} />
          <span class="tx-spacer" />
          <a
            class="tx-btn tx-btn-ghost tx-btn-sm"
            href={`${API_BASE}${boardApi(props.campaign.id, '/export')}?format=xlsx&scope=${scope()}`}
            download=""
            data-testid="export-xlsx"
          >
            <Icon name="download" />
            {t('lb.exportXlsx')}
          </a>
          <a class="tx-btn tx-btn-ghost tx-btn-sm" href={`${API_BASE}${boardApi(props.campaign.id, '/export')}?format=csv&scope=${scope()}`} download="">
            <Icon name="download" />
            {t('lb.exportCsv')}
          </a>
        </div>
        <Tabs
          id="lb-scope"
          label={t('board.scopeLabel')}
          value={scope()}
          options={[
            { value: 'individual', label: t('board.individual') },
            { value: 'org', label: t('board.org') },
          ]}
          onChange={setScope}
        />
        <div role="tabpanel" id="lb-scope-panel" aria-labelledby={`lb-scope-tab-${scope()}`}>
          <p class="tx-small tx-muted cs-lb-note">
            <Show when={board.meta()}>
              {(m) => (
                <strong class="tx-num">
                  {scope() === 'org' ? t('board.totalOrg', { n: fmtNumber(m().total) }) : t('board.total', { n: fmtNumber(m().total) })}
                </strong>
              )}
            </Show>{' '}
            {scope() === 'org' ? aggregationText(aggregationOf(props.campaign), board.meta()?.scoreUnit ?? 'points') : t('lb.organizerView')}
          </p>
          <BoardTable board={board} scope={scope()} campaign={props.campaign} />
        </div>
      </section>

      <BoardVisibility campaign={props.campaign} onChange={props.onChange} />
      <ScoreImport campaign={props.campaign} />
      <EmbedPanel campaign={props.campaign} onChange={props.onChange} />
      <Show when={props.campaign.kind === 'drive'}>
        <ProgressEmbed campaign={props.campaign} />
      </Show>
    </>
  );
}

function LiveTag(props: { board: LiveBoard }) {
  return (
    <span class="cs-lb-live">
      <span class="tx-live" data-state={props.board.live()} data-testid="live-state">
        {props.board.live() === 'live' ? t('board.live') : props.board.live() === 'polling' ? t('board.polling') : t('board.connecting')}
      </span>
      <Show when={props.board.meta()}>{(m) => <span class="tx-small tx-muted tx-num">{t('board.updatedAt', { time: fmtUpdated(m().updatedAt) })}</span>}</Show>
    </span>
  );
}

function BoardTable(props: { board: LiveBoard; scope: Scope; campaign: Campaign }) {
  const b = props.board;
  const unit = () => b.meta()?.scoreUnit ?? 'points';
  const agg = () => aggregationOf(props.campaign);
  const parentName = (unitId: string) => {
    const p = org.byId().get(unitId)?.parentId;
    return p ? (org.byId().get(p)?.name ?? '') : '';
  };
  /** Another page, with the table's top back in view (the pager sits under it). */
  function turn(n: number) {
    b.setPage(n);
    document.getElementById('lb-scope-panel')?.scrollIntoView({ block: 'start' });
  }
  return (
    <Switch>
      <Match when={b.error() && !b.entries().length}>
        <ErrorState error={b.error()} onRetry={b.retry} />
      </Match>
      <Match when={b.loading() && !b.entries().length}>
        <Skeleton lines={8} />
      </Match>
      <Match when={true}>
        <div class={b.loading() ? 'cs-stale' : ''}>
          <Table<BoardEntry>
            caption={t('lb.board')}
            rows={b.entries()}
            rowKey={(e) => e.key}
            rowClass={(e) => (b.changed().has(e.key) ? 'tx-changed' : undefined)}
            empty={<EmptyState icon="trophy" title={t('board.empty')} />}
            columns={[
              {
                key: 'rank',
                header: t('board.rank'),
                class: 'cs-lb-rank',
                cell: (e) => <span class={`tx-rank ${e.rank <= 3 ? 'tx-rank-top' : ''}`}>{e.rank}</span>,
              },
              { key: 'name', header: props.scope === 'org' ? t('board.unit') : t('board.name'), class: 'cs-lb-name', cell: (e) => <strong>{e.name}</strong> },
              {
                key: 'unit',
                header: props.scope === 'org' ? t('lb.parentUnit') : t('board.unit'),
                cell: (e) => <span class="tx-muted">{props.scope === 'org' ? parentName(e.key) : (e.orgUnitName ?? '')}</span>,
              },
              { key: 'score', header: t('board.score'), numeric: true, class: 'cs-lb-score', cell: (e) => fmtScore(e.score, unit(), props.scope, agg()) },
              { key: 'key', header: t('lb.key'), class: 'cs-lb-key', cell: (e) => <code>{e.key}</code> },
            ]}
          />
        </div>
        <Show when={b.pages() > 1}>
          <nav class="cs-pager" aria-label={t('lb.pager')}>
            <Button small disabled={b.page() === 0} onClick={() => turn(b.page() - 1)}>
              <Icon name="chevronLeft" />
              {t('lb.prev')}
            </Button>
            <span class="tx-num tx-small" aria-live="polite">
              {t('lb.pageOf', { page: b.page() + 1, pages: b.pages() })}
            </span>
            <Button small disabled={b.page() >= b.pages() - 1} onClick={() => turn(b.page() + 1)}>
              {t('lb.next')}
              <Icon name="chevronRight" />
            </Button>
          </nav>
        </Show>
      </Match>
    </Switch>
  );
}

const FROZEN_AT = (id: string) => `tx.console.frozenAt.${id}`;

function readFrozenAt(id: string): string | null {
  try {
    return localStorage.getItem(FROZEN_AT(id));
  } catch {
    return null;
  }
}

/**
 * 封榜 / 解除封榜 with a confirmation, and a banner that always says what the public sees.
 * The board reads do not carry the freeze time, so it is remembered from the freeze answer.
 */
function Freeze(props: { campaign: Campaign; board: LiveBoard }) {
  const id = () => props.campaign.id;
  const [override, setOverride] = createSignal<boolean | null>(null);
  const [frozenAt, setFrozenAt] = createSignal<string | null>(readFrozenAt(id()));
  const [confirm, setConfirm] = createSignal<'freeze' | 'unfreeze' | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  // the socket's next message confirms the change; until then show what the server answered
  createEffect(
    on(
      () => props.board.meta()?.frozen,
      (f) => f === override() && setOverride(null),
    ),
  );
  const frozen = createMemo(() => override() ?? props.board.meta()?.frozen ?? false);
  const final = () => props.board.meta()?.final ?? false;

  async function act(action: 'freeze' | 'unfreeze') {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await call(`POST /campaigns/{id}/leaderboard/${action}`, { id: id() }, { body: {} });
      setOverride(r.frozen);
      setFrozenAt(r.frozenAt);
      try {
        if (r.frozenAt) localStorage.setItem(FROZEN_AT(id()), r.frozenAt);
        else localStorage.removeItem(FROZEN_AT(id()));
      } catch {
        // the time shows until the page is reloaded
      }
      setConfirm(null);
      setNotice(r.frozen ? t('lb.frozenDone') : t('lb.unfrozenDone'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={props.board.meta() || override() !== null}>
      <div class={`cs-freeze ${frozen() ? 'cs-freeze-on' : ''}`} role="status" data-testid="freeze-banner" data-frozen={frozen() ? 'true' : 'false'}>
        <Icon name={frozen() ? 'clock' : 'check'} class="cs-freeze-icon" />
        <div class="cs-freeze-text">
          <strong>{frozen() ? (frozenAt() ? t('lb.frozenBanner', { time: fmtDateTime(frozenAt()) }) : t('lb.frozenBannerNoTime')) : t('lb.liveBanner')}</strong>
          <span class="tx-small">{final() ? t('lb.final') : frozen() ? t('lb.frozenBody') : t('lb.liveBody')}</span>
        </div>
        <Show when={!confirm()}>
          <Button
            variant={frozen() ? 'secondary' : 'danger'}
            onClick={() => {
              setNotice(null);
              setConfirm(frozen() ? 'unfreeze' : 'freeze');
            }}
          >
            <Icon name={frozen() ? 'refresh' : 'clock'} />
            {frozen() ? t('lb.unfreeze') : t('lb.freeze')}
          </Button>
        </Show>
      </div>
      <Show when={confirm()}>
        {(which) => (
          <Confirm
            id="freeze-title"
            describedBy="freeze-body"
            title={which() === 'freeze' ? t('lb.freezeConfirmTitle') : t('lb.unfreezeConfirmTitle')}
            action={which() === 'freeze' ? t('lb.freezeConfirm') : t('lb.unfreezeConfirm')}
            busy={busy()}
            onAction={() => act(which())}
            onCancel={() => setConfirm(null)}
          >
            <p id="freeze-body">{which() === 'freeze' ? t('lb.freezeConfirmBody') : t('lb.unfreezeConfirmBody')}</p>
          </Confirm>
        )}
      </Show>
      <FormError message={error()} />
      <Show when={notice()}>
        <div class="cs-gap">
          <Notice kind="success">{notice()}</Notice>
        </div>
      </Show>
    </Show>
  );
}
