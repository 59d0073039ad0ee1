import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { KIND_LABEL } from '@shared/kinds';
import { loc } from '@ui/i18n';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, Notice, fieldAria } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Tabs } from '@ui/components/Tabs';
import { Tooltip } from '@ui/components/Tooltip';
import { Icon } from '@ui/icons';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent } from '@ui/format';
import type { Campaign, Page } from '@ui/types';
import { portalHref } from '../data/campaigns';
import { org } from '../data/org';
import {
  fenToYuanText,
  fmtMoney,
  getOrgBoard,
  getReport,
  listPledges,
  receiptUrl,
  rejectPledge,
  reportXlsxUrl,
  setMessage,
  verifyPledge,
  yuanToFen,
  type DriveReport,
  type OrgPledge,
  type PledgeStatus,
} from '../data/drive';
import { t } from '../i18n';
import { CampaignModulePage } from '../ui/CampaignModulePage';
import { StatusBadge } from '../ui/StatusBadge';
import '../drive.css';

type Tab = 'review' | 'messages' | 'board' | 'report';
const TABS: readonly Tab[] = ['review', 'messages', 'board', 'report'];

/** 募捐 of one drive (/console/campaigns/:id/drive): 认捐审核 · 留言审核 · 单位排行 · 汇总. Loaded on demand. */
export default function DrivePledges() {
  return (
    <CampaignModulePage
      kind="drive"
      icon="drive"
      class="dr-page"
      title={(c) => (c ? t('drive.pageTitle', { title: c.title }) : t('drive.title'))}
      notKind={(kind) => t('drive.notDrive', { kind })}
      backLabel={t('drive.backToCampaign')}
    >
      {(c) => <Drive campaign={c} />}
    </CampaignModulePage>
  );
}

function Drive(props: { campaign: Campaign }) {
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (TABS.includes(search.tab as Tab) ? (search.tab as Tab) : 'review');
  const [report, { refetch: refetchReport }] = createResource(() => props.campaign.id, (id) => getReport(id));
  const pending = () => (report.error ? undefined : report.latest?.receiptsPending);
  const label = (k: Tab) =>
    k === 'review' && typeof pending() === 'number' ? t('drive.tabReviewN', { n: fmtNumber(pending()!) }) : t(`drive.tab.${k}` as 'drive.tab.review');

  return (
    <>
      <div class="cs-page-head">
        <div>
          <h1>{t('drive.pageTitle', { title: props.campaign.title })}</h1>
          <div class="tx-row">
            <StatusBadge status={props.campaign.status} />
            <span class="tx-muted tx-small">{loc(KIND_LABEL[props.campaign.kind])}</span>
            <Show when={props.campaign.status !== 'draft'}>
              <a href={`${portalHref(props.campaign)}/drive`} target="_blank" rel="noopener" class="tx-small">
                {t('form.viewOnPortal')}
                <Icon name="external" />
              </a>
            </Show>
          </div>
        </div>
      </div>
      <Notice icon="info">{t('drive.noMoneyNote')}</Notice>
      <Tabs id="drive-tab" class="dr-tabs" label={t('drive.title')} value={tab()} options={TABS.map((k) => ({ value: k, label: label(k) }))} onChange={(k) => setSearch({ tab: k === 'review' ? undefined : k })} />
      <div role="tabpanel" id="drive-tab-panel" aria-labelledby={`drive-tab-tab-${tab()}`} class="dr-panel">
        <Switch>
          <Match when={tab() === 'review'}>
            <Review campaign={props.campaign} onChanged={refetchReport} />
          </Match>
          <Match when={tab() === 'messages'}>
            <Messages campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'board'}>
            <Board campaign={props.campaign} />
          </Match>
          <Match when={tab() === 'report'}>
            <Report campaign={props.campaign} />
          </Match>
        </Switch>
      </div>
    </>
  );
}

/** A list read page by page with a cursor, "load more" at the bottom; reset when the key changes. */
function createList<K>(key: () => K, fetch: (k: K, cursor: string | null) => Promise<Page<OrgPledge>>) {
  const [items, setItems] = createSignal<OrgPledge[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [state, setState] = createSignal<'loading' | 'idle' | 'error'>('loading');
  const [error, setError] = createSignal<unknown>(null);
  let seq = 0;
  async function load(more: boolean) {
    const my = ++seq;
    setState('loading');
    try {
      const page = await fetch(key(), more ? cursor() : null);
      if (my !== seq) return;
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState('idle');
    } catch (e) {
      if (my !== seq) return;
      setError(e);
      setState('error');
    }
  }
  createEffect(on(() => JSON.stringify(key()), () => void load(false)));
  return {
    items,
    setItems,
    state,
    error,
    hasMore: () => !!cursor(),
    more: () => load(true),
    reload: () => load(false),
  };
}

type StatusFilter = PledgeStatus | 'all';
const STATUSES: readonly StatusFilter[] = ['receipt_submitted', 'pledged', 'verified', 'rejected', 'all'];
const QUICK_REASONS = ['drive.quickReason1', 'drive.quickReason2', 'drive.quickReason3'] as const;

export function PledgeStatusBadge(props: { status: PledgeStatus }) {
  const cls: Record<PledgeStatus, string> = { pledged: 'tx-badge-neutral', receipt_submitted: 'tx-badge-orange', verified: 'tx-badge-green', rejected: 'dr-badge-rejected' };
  return <span class={`tx-badge ${cls[props.status] ?? 'tx-badge-neutral'}`}>{t(`drive.status.${props.status}` as 'drive.status.pledged')}</span>;
}

function UnitSelect(props: { campaign: Campaign; value: string; onChange: (v: string) => void; id: string }) {
  const units = () => org.subtree(props.campaign.orgUnitId);
  return (
    <label class="dr-filter">
      <span>{t('drive.filterUnit')}</span>
      <select class="tx-select" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} data-testid={props.id}>
        <option value="">{t('drive.allUnits')}</option>
        <For each={units()}>
          {(o) => (
            <option value={o.unit.id} selected={o.unit.id === props.value}>
              {'\u3000'.repeat(o.depth)}
              {o.unit.name}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}

function Review(props: { campaign: Campaign; onChanged: () => unknown }) {
  const [status, setStatus] = createSignal<StatusFilter>('receipt_submitted');
  const [unit, setUnit] = createSignal('');
  const [selectedId, setSelectedId] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const list = createList(
    () => ({ s: status(), u: unit() }),
    (k, cursor) => listPledges(props.campaign.id, { status: k.s === 'all' ? undefined : k.s, orgUnitId: k.u || undefined, cursor }),
  );
  const selected = () => list.items().find((p) => p.id === selectedId()) ?? null;
  // the first pledge of a fresh list is opened, so a reviewer goes down the queue without extra clicks
  createEffect(on(list.items, (items) => {
    if (!items.some((p) => p.id === selectedId())) setSelectedId(items[0]?.id ?? null);
  }));

  function done(p: OrgPledge, text: string) {
    setNotice({ kind: 'success', text });
    const items = list.items();
    const i = items.findIndex((x) => x.id === p.id);
    const stays = status() === 'all' || status() === p.status;
    if (stays) list.setItems(items.map((x) => (x.id === p.id ? { ...x, ...p } : x)));
    else {
      const next = items[i + 1] ?? items[i - 1] ?? null;
      list.setItems(items.filter((x) => x.id !== p.id));
      setSelectedId(next?.id ?? null);
    }
    void props.onChanged();
  }

  return (
    <div class="dr-stack">
      <div class="dr-toolbar" role="search">
        <label class="dr-filter">
          <span>{t('drive.filterStatus')}</span>
          <select class="tx-select" value={status()} onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)} data-testid="review-status">
            <For each={STATUSES}>{(s) => <option value={s} selected={s === status()}>{t(`drive.statusFilter.${s}` as 'drive.statusFilter.all')}</option>}</For>
          </select>
        </label>
        <UnitSelect campaign={props.campaign} value={unit()} onChange={setUnit} id="review-unit" />
        <Button small variant="ghost" onClick={() => void list.reload()}>
          <Icon name="refresh" />
          {t('drive.refresh')}
        </Button>
      </div>
      <Show when={notice()}>{(n) => <Notice kind={n().kind}>{n().text}</Notice>}</Show>
      <div class="dr-review">
        <section class="tx-card dr-queue" aria-labelledby="dr-queue-title">
          <h2 id="dr-queue-title" class="tx-visually-hidden">
            {t('drive.queueTitle')}
          </h2>
          <Switch>
            <Match when={list.state() === 'error' && list.items().length === 0}>
              <ErrorState error={list.error()} onRetry={list.reload} />
            </Match>
            <Match when={list.state() === 'loading' && list.items().length === 0}>
              <Skeleton lines={6} />
            </Match>
            <Match when={list.items().length === 0}>
              <EmptyState icon="check" title={status() === 'receipt_submitted' ? t('drive.queueEmpty') : t('drive.listEmpty')} body={status() === 'receipt_submitted' ? t('drive.queueEmptyBody') : undefined} />
            </Match>
            <Match when={list.items().length > 0}>
              <ul class="dr-rows" role="listbox" aria-label={t('drive.queueTitle')}>
                <For each={list.items()}>
                  {(p) => (
                    <li>
                      <button
                        type="button"
                        class="dr-row"
                        role="option"
                        aria-selected={p.id === selectedId()}
                        onClick={() => {
                          setSelectedId(p.id);
                          setNotice(null);
                        }}
                        data-testid="pledge-row"
                        data-id={p.id}
                      >
                        <span class="dr-row-main">
                          <strong>{p.userName}</strong>
                          <span class="tx-small tx-muted">{p.orgUnitName ?? t('drive.noUnit')}</span>
                        </span>
                        <span class="dr-row-side">
                          <span class="tx-num dr-amount">{fmtMoney(p.amount)}</span>
                          <PledgeStatusBadge status={p.status} />
                        </span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={list.state() === 'error'}>
                <p class="tx-field-error">{errorText(list.error())}</p>
              </Show>
              <Show when={list.hasMore()}>
                <Button block small loading={list.state() === 'loading'} onClick={() => void list.more()}>
                  {t('drive.loadMore')}
                </Button>
              </Show>
            </Match>
          </Switch>
        </section>
        <Show
          when={selected()}
          keyed
          fallback={
            <section class="tx-card dr-detail dr-detail-empty">
              <p class="tx-muted">{t('drive.pickOne')}</p>
            </section>
          }
        >
          {(p) => <PledgeDetail pledge={p} onDone={done} />}
        </Show>
      </div>
    </div>
  );
}

function PledgeDetail(props: { pledge: OrgPledge; onDone: (p: OrgPledge, text: string) => void }) {
  const p = () => props.pledge;
  const [amount, setAmount] = createSignal(fenToYuanText(p().verifiedAmount ?? p().amount));
  const [reason, setReason] = createSignal('');
  const [mode, setMode] = createSignal<'idle' | 'reject'>('idle');
  const [busy, setBusy] = createSignal<'verify' | 'reject' | null>(null);
  const [err, setErr] = createSignal<{ field: 'amount' | 'reason' | 'form'; text: string } | null>(null);
  const [imgFailed, setImgFailed] = createSignal(false);
  const decidable = () => p().status === 'receipt_submitted' || p().status === 'pledged';

  async function verify() {
    setErr(null);
    const fen = yuanToFen(amount());
    if (fen === null) return setErr({ field: 'amount', text: t('drive.errAmount') });
    setBusy('verify');
    try {
      const r = await verifyPledge(p().id, fen);
      props.onDone(r.pledge, t('drive.verifiedOne', { name: p().userName ?? p().displayName, amount: fmtMoney(fen) }));
    } catch (e) {
      setErr({ field: e instanceof ApiError && e.fields.amount ? 'amount' : 'form', text: e instanceof ApiError && e.fields.amount ? e.fields.amount : errorText(e) });
    } finally {
      setBusy(null);
    }
  }
  async function reject() {
    setErr(null);
    if (reason().trim().length < 2) return setErr({ field: 'reason', text: t('drive.errReason') });
    setBusy('reject');
    try {
      const r = await rejectPledge(p().id, reason().trim());
      props.onDone(r.pledge, t('drive.rejectedOne', { name: p().userName ?? p().displayName }));
    } catch (e) {
      setErr({ field: 'form', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="tx-card dr-detail" aria-labelledby="dr-detail-title" data-testid="pledge-detail">
      <div class="dr-receipt">
        <Show when={p().hasReceipt} fallback={<EmptyState icon="file" title={t('drive.noReceipt')} body={t('drive.noReceiptBody')} />}>
          <Show
            when={!imgFailed()}
            fallback={
              <div class="dr-pdf">
                <Icon name="file" class="dr-pdf-icon" />
                <p>{t('drive.receiptNotImage')}</p>
                <a class="tx-btn tx-btn-secondary" href={receiptUrl(p())} target="_blank" rel="noopener" data-testid="receipt-open">
                  <Icon name="external" />
                  {t('drive.openReceipt')}
                </a>
              </div>
            }
          >
            <a href={receiptUrl(p())} target="_blank" rel="noopener" title={t('drive.openReceipt')}>
              <img src={receiptUrl(p())} alt={t('drive.receiptAlt', { name: p().userName ?? p().displayName })} onError={() => setImgFailed(true)} data-testid="receipt-img" />
            </a>
          </Show>
        </Show>
      </div>
      <div class="dr-facts">
        <h2 id="dr-detail-title">
          {p().userName}
          <span class="tx-spacer" />
          <PledgeStatusBadge status={p().status} />
        </h2>
        <dl>
          <div>
            <dt>{t('drive.colAmount')}</dt>
            <dd class="tx-num dr-amount">{fmtMoney(p().amount)}</dd>
          </div>
          <Show when={p().verifiedAmount !== null}>
            <div>
              <dt>{t('drive.colVerified')}</dt>
              <dd class="tx-num">{fmtMoney(p().verifiedAmount)}</dd>
            </div>
          </Show>
          <div>
            <dt>{t('drive.colUnit')}</dt>
            <dd>{p().orgUnitName ?? t('drive.noUnit')}</dd>
          </div>
          <div>
            <dt>{t('drive.colShownAs')}</dt>
            <dd>{p().anonymous ? t('drive.anonymous') : p().displayName || p().userName}</dd>
          </div>
          <div>
            <dt>{t('drive.colTime')}</dt>
            <dd class="tx-num">{fmtDateTime(p().createdAt)}</dd>
          </div>
          <Show when={p().message}>
            <div>
              <dt>{t('drive.colMessage')}</dt>
              <dd>“{p().message}”</dd>
            </div>
          </Show>
          <Show when={p().status === 'rejected'}>
            <div>
              <dt>{t('drive.colReason')}</dt>
              <dd>{p().reason || '—'}</dd>
            </div>
          </Show>
        </dl>
        <Show when={err()?.field === 'form'}>
          <p class="tx-field-error" role="alert">
            <Icon name="alert" />
            {err()!.text}
          </p>
        </Show>
        <Show when={decidable() || p().status === 'verified' || p().status === 'rejected'}>
          <Show when={!decidable()}>
            <p class="tx-small tx-muted">{t('drive.reReview')}</p>
          </Show>
          <Show
            when={mode() === 'reject'}
            fallback={
              <div class="dr-decide">
                <Field id="dr-amount" label={t('drive.verifyAmount')} error={err()?.field === 'amount' ? err()!.text : undefined} hint={t('drive.verifyAmountHint')}>
                  <div class="dr-amount-input">
                    <span aria-hidden="true">¥</span>
                    <input id="dr-amount" class="tx-input tx-num" inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} {...fieldAria('dr-amount', err()?.field === 'amount' ? err()!.text : undefined, 'hint')} data-testid="verify-amount" />
                  </div>
                </Field>
                <div class="tx-row">
                  <Button variant="primary" loading={busy() === 'verify'} disabled={!!busy() || p().status === 'verified' && yuanToFen(amount()) === p().verifiedAmount} onClick={verify} data-testid="verify">
                    <Icon name="check" />
                    {t('drive.verify')}
                  </Button>
                  <Show when={p().status !== 'rejected'}>
                    <Button variant="danger" disabled={!!busy()} onClick={() => setMode('reject')} data-testid="reject-open">
                      {t('drive.reject')}
                    </Button>
                  </Show>
                </div>
              </div>
            }
          >
            <div class="dr-decide">
              <Field id="dr-reason" label={t('drive.rejectReason')} error={err()?.field === 'reason' ? err()!.text : undefined} hint={t('drive.rejectHint')}>
                <textarea id="dr-reason" class="tx-textarea" rows={2} maxLength={200} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} {...fieldAria('dr-reason', err()?.field === 'reason' ? err()!.text : undefined, 'hint')} data-testid="reject-reason" />
              </Field>
              <div class="tx-chips">
                <For each={QUICK_REASONS}>
                  {(k) => (
                    <button type="button" class="tx-chip" onClick={() => setReason(t(k))}>
                      {t(k)}
                    </button>
                  )}
                </For>
              </div>
              <div class="tx-row">
                <Button variant="danger" loading={busy() === 'reject'} disabled={!!busy()} onClick={reject} data-testid="reject-confirm">
                  {t('drive.rejectConfirm')}
                </Button>
                <Button disabled={!!busy()} onClick={() => setMode('idle')}>
                  {t('action.cancel')}
                </Button>
              </div>
            </div>
          </Show>
        </Show>
      </div>
    </section>
  );
}

function Messages(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const list = createList(() => ({ u: unit() }), (k, cursor) => listPledges(props.campaign.id, { messages: 'pending', orgUnitId: k.u || undefined, cursor }));

  async function decide(p: OrgPledge, visible: boolean) {
    setBusy(p.id);
    setNotice(null);
    try {
      await setMessage(p.id, visible);
      list.setItems(list.items().filter((x) => x.id !== p.id));
      setNotice({ kind: 'success', text: visible ? t('drive.msgShown', { name: p.userName ?? p.displayName }) : t('drive.msgHidden', { name: p.userName ?? p.displayName }) });
    } catch (e) {
      setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="dr-stack">
      <div class="dr-toolbar" role="search">
        <UnitSelect campaign={props.campaign} value={unit()} onChange={setUnit} id="msg-unit" />
      </div>
      <p class="tx-small tx-muted">{t('drive.msgLead')}</p>
      <Show when={notice()}>{(n) => <Notice kind={n().kind}>{n().text}</Notice>}</Show>
      <section class="tx-card">
        <Switch>
          <Match when={list.state() === 'error' && list.items().length === 0}>
            <ErrorState error={list.error()} onRetry={list.reload} />
          </Match>
          <Match when={list.state() === 'loading' && list.items().length === 0}>
            <Skeleton lines={5} />
          </Match>
          <Match when={list.items().length === 0}>
            <EmptyState icon="check" title={t('drive.msgEmpty')} body={t('drive.msgEmptyBody')} />
          </Match>
          <Match when={list.items().length > 0}>
            <ul class="dr-msgs">
              <For each={list.items()}>
                {(p) => (
                  <li class="dr-msg" data-testid="message-row">
                    <div class="dr-msg-main">
                      <p class="dr-msg-text">“{p.message}”</p>
                      <span class="tx-small tx-muted">
                        {p.anonymous ? t('drive.anonymous') : p.displayName || p.userName} · {p.orgUnitName ?? t('drive.noUnit')} · <span class="tx-num">{fmtDateTime(p.createdAt)}</span>
                      </span>
                    </div>
                    <div class="tx-row dr-msg-actions">
                      <Button small variant="primary" loading={busy() === p.id} disabled={!!busy()} onClick={() => decide(p, true)}>
                        {t('drive.msgShow')}
                      </Button>
                      <Button small disabled={!!busy()} onClick={() => decide(p, false)}>
                        {t('drive.msgHide')}
                      </Button>
                    </div>
                  </li>
                )}
              </For>
            </ul>
            <Show when={list.hasMore()}>
              <Button block small loading={list.state() === 'loading'} onClick={() => void list.more()}>
                {t('drive.loadMore')}
              </Button>
            </Show>
          </Match>
        </Switch>
      </section>
    </div>
  );
}

function Board(props: { campaign: Campaign }) {
  const [board, { refetch }] = createResource(() => props.campaign.id, getOrgBoard);
  const top = () => Math.max(1, ...(board.latest?.entries.map((e) => e.score) ?? [1]));
  return (
    <section class="tx-card" aria-labelledby="dr-board-title">
      <div class="tx-card-title">
        <h2 id="dr-board-title">{t('drive.boardTitle')}</h2>
        <span class="tx-spacer" />
        <A href={`/campaigns/${encodeURIComponent(props.campaign.id)}/leaderboard`} class="tx-btn tx-btn-ghost tx-btn-sm">
          <Icon name="trophy" />
          {t('drive.boardManage')}
        </A>
      </div>
      <p class="tx-small tx-muted">{t('drive.boardLead')}</p>
      <Switch>
        <Match when={board.error}>
          <ErrorState error={board.error} onRetry={refetch} />
        </Match>
        <Match when={!board.latest}>
          <Skeleton lines={6} />
        </Match>
        <Match when={board.latest!.entries.length === 0}>
          <EmptyState icon="trophy" title={t('drive.boardEmpty')} />
        </Match>
        <Match when={board.latest}>
          {(b) => (
            <div class="tx-table-wrap">
              <table class="tx-table dr-board">
                <thead>
                  <tr>
                    <th scope="col">{t('drive.colRank')}</th>
                    <th scope="col">{t('drive.colUnit')}</th>
                    <th scope="col" class="dr-num">{t('drive.colVerified')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={b().entries}>
                    {(e) => (
                      <tr>
                        <td>
                          <span class={`tx-rank ${e.rank <= 3 ? 'tx-rank-top' : ''}`}>{e.rank}</span>
                        </td>
                        <td>
                          {e.name}
                          <div class="dr-mini-track" aria-hidden="true">
                            <span style={{ width: `${(e.score / top()) * 100}%` }} />
                          </div>
                        </td>
                        <td class="tx-num dr-num">{b().scoreUnit === 'fen' ? fmtMoney(e.score) : fmtNumber(e.score)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function Report(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [report, { refetch }] = createResource(() => ({ id: props.campaign.id, u: unit() }), (k) => getReport(k.id, k.u || null));
  return (
    <div class="dr-stack">
      <div class="dr-toolbar" role="search">
        <UnitSelect campaign={props.campaign} value={unit()} onChange={setUnit} id="report-unit" />
        <span class="tx-spacer" />
        <a class="tx-btn tx-btn-secondary" href={reportXlsxUrl(props.campaign.id, unit() || null)} download="" data-testid="report-xlsx">
          <Icon name="download" />
          {t('drive.exportXlsx')}
        </a>
      </div>
      <Switch>
        <Match when={report.error}>
          <ErrorState error={report.error} onRetry={refetch} />
        </Match>
        <Match when={!report.latest}>
          <div class="cs-metrics">
            <For each={[1, 2, 3, 4]}>
              {() => (
                <div class="tx-card">
                  <Skeleton lines={2} />
                </div>
              )}
            </For>
          </div>
          <div class="tx-card">
            <Skeleton block lines={3} />
          </div>
        </Match>
        <Match when={report.latest}>{(r) => <ReportBody report={r()} stale={report.loading} />}</Match>
      </Switch>
    </div>
  );
}

function ReportBody(props: { report: DriveReport; stale: boolean }) {
  const r = () => props.report;
  const cards = () => [
    { key: 'goal', value: fmtMoney(r().goal) },
    { key: 'pledged', value: fmtMoney(r().pledged) },
    { key: 'verified', value: fmtMoney(r().verified), sub: r().goal ? fmtPercent(r().verified / r().goal) : undefined },
    { key: 'donors', value: fmtNumber(r().donors) },
    { key: 'receiptsPending', value: fmtNumber(r().receiptsPending) },
  ];
  return (
    <>
      <div class={`cs-metrics dr-metrics ${props.stale ? 'cs-stale' : ''}`}>
        <For each={cards()}>
          {(c) => (
            <div class="tx-card cs-metric" data-metric={c.key}>
              <div class="cs-metric-label">
                <span>{t(`drive.metric.${c.key}` as 'drive.metric.goal')}</span>
                <Tooltip text={t(`drive.metricDef.${c.key}` as 'drive.metricDef.goal')} label={t(`drive.metric.${c.key}` as 'drive.metric.goal')} />
              </div>
              <div class="cs-metric-value tx-num">{c.value}</div>
              <Show when={c.sub}>
                <div class="tx-small tx-muted tx-num">{c.sub}</div>
              </Show>
            </div>
          )}
        </For>
      </div>
      <div class="dr-report-grid">
        <section class="tx-card" aria-labelledby="dr-day-title">
          <h2 id="dr-day-title">{t('drive.byDay')}</h2>
          <Show when={r().byDay.length > 0} fallback={<EmptyState icon="chart" title={t('drive.noData')} />}>
            <DayChart days={r().byDay} />
          </Show>
        </section>
        <section class="tx-card" aria-labelledby="dr-unit-title">
          <h2 id="dr-unit-title">{t('drive.byUnit')}</h2>
          <Show when={r().byUnit.length > 0} fallback={<EmptyState icon="building" title={t('drive.noData')} />}>
            <div class="tx-table-wrap">
              <table class="tx-table">
                <thead>
                  <tr>
                    <th scope="col">{t('drive.colUnit')}</th>
                    <th scope="col" class="dr-num">{t('drive.colPledges')}</th>
                    <th scope="col" class="dr-num">{t('drive.colPledged')}</th>
                    <th scope="col" class="dr-num">{t('drive.colVerified')}</th>
                    <th scope="col" class="dr-num">{t('drive.colDonors')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={[...r().byUnit].sort((a, b) => b.verified - a.verified)}>
                    {(u) => (
                      <tr>
                        <td>{u.name}</td>
                        <td class="tx-num dr-num">{fmtNumber(u.pledges)}</td>
                        <td class="tx-num dr-num">{fmtMoney(u.pledged)}</td>
                        <td class="tx-num dr-num">{fmtMoney(u.verified)}</td>
                        <td class="tx-num dr-num">{fmtNumber(u.donors)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </section>
      </div>
    </>
  );
}

/** Pledged and verified amounts per day, as plain SVG bars (no chart library). */
function DayChart(props: { days: DriveReport['byDay'] }) {
  const W = 640;
  const H = 220;
  const PAD = { l: 8, r: 8, t: 12, b: 28 };
  const days = () => [...props.days].sort((a, b) => a.day.localeCompare(b.day)).slice(-31);
  const max = () => Math.max(1, ...days().map((d) => Math.max(d.pledged, d.verified)));
  const slot = () => (W - PAD.l - PAD.r) / Math.max(1, days().length);
  const bw = () => Math.max(2, (slot() - 4) / 2);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / max());
  const every = () => Math.ceil(days().length / 8);
  return (
    <figure class="dr-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('drive.byDayLabel', { n: days().length, max: fmtMoney(max()) })} preserveAspectRatio="none">
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} class="dr-axis" />
        <For each={days()}>
          {(d, i) => (
            <g>
              <title>{`${d.day}: ${t('drive.colPledged')} ${fmtMoney(d.pledged)} · ${t('drive.colVerified')} ${fmtMoney(d.verified)} · ${t('drive.colPledges')} ${d.pledges}`}</title>
              <rect class="dr-bar-pledged" x={PAD.l + i() * slot() + 2} y={y(d.pledged)} width={bw()} height={H - PAD.b - y(d.pledged)} />
              <rect class="dr-bar-verified" x={PAD.l + i() * slot() + 2 + bw()} y={y(d.verified)} width={bw()} height={H - PAD.b - y(d.verified)} />
              <Show when={i() % every() === 0}>
                <text x={PAD.l + i() * slot() + slot() / 2} y={H - 10} class="dr-tick" text-anchor="middle">
                  {d.day.slice(5)}
                </text>
              </Show>
            </g>
          )}
        </For>
      </svg>
      <figcaption class="dr-legend">
        <span>
          <i class="dr-swatch dr-bar-pledged" />
          {t('drive.colPledged')}
        </span>
        <span>
          <i class="dr-swatch dr-bar-verified" />
          {t('drive.colVerified')}
        </span>
        <span class="tx-muted tx-num">{t('drive.chartMax', { max: fmtMoney(max()) })}</span>
        <span class="tx-muted tx-num">{days().length ? `${fmtDate(days()[0]!.day)} – ${fmtDate(days()[days().length - 1]!.day)}` : ''}</span>
      </figcaption>
    </figure>
  );
}
