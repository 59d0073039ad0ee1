import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button } from '@ui/components/Button';
import { Field, Notice, fieldAria } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDateTime } from '@ui/format';
import type { Campaign } from '@ui/types';
import { fenToYuanText, fmtMoney, listPledges, receiptUrl, rejectPledge, verifyPledge, yuanToFen, type OrgPledge, type PledgeStatus } from '../data/drive';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { createList, PledgeStatusBadge, UnitSelect } from './DrivePledgeKit';

type StatusFilter = PledgeStatus | 'all';

const STATUSES: readonly StatusFilter[] = ['receipt_submitted', 'pledged', 'verified', 'rejected', 'all'];

const QUICK_REASONS = ['drive.quickReason1', 'drive.quickReason2', 'drive.quickReason3'] as const;

export function Review(props: { campaign: Campaign; onChanged: () => unknown }) {
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
  createEffect(
    on(list.items, (items) => {
      if (!items.some((p) => p.id === selectedId())) setSelectedId(items[0]?.id ?? null);
    }),
  );

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
            <LabelOptions ids={STATUSES} label={(s) => t(`drive.statusFilter.${s}` as 'drive.statusFilter.all')} selected={status()} />
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
              <EmptyState
                icon="check"
                title={status() === 'receipt_submitted' ? t('drive.queueEmpty') : t('drive.listEmpty')}
                body={status() === 'receipt_submitted' ? t('drive.queueEmptyBody') : undefined}
              />
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
      setErr({
        field: e instanceof ApiError && e.fields.amount ? 'amount' : 'form',
        text: e instanceof ApiError && e.fields.amount ? e.fields.amount : errorText(e),
      });
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
              <img
                src={receiptUrl(p())}
                alt={t('drive.receiptAlt', { name: p().userName ?? p().displayName })}
                onError={() => setImgFailed(true)}
                data-testid="receipt-img"
              />
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
                <Field
                  id="dr-amount"
                  label={t('drive.verifyAmount')}
                  error={err()?.field === 'amount' ? err()!.text : undefined}
                  hint={t('drive.verifyAmountHint')}
                >
                  <div class="dr-amount-input">
                    <span aria-hidden="true">¥</span>
                    <input
                      id="dr-amount"
                      class="tx-input tx-num"
                      inputmode="decimal"
                      value={amount()}
                      onInput={(e) => setAmount(e.currentTarget.value)}
                      {...fieldAria('dr-amount', err()?.field === 'amount' ? err()!.text : undefined, 'hint')}
                      data-testid="verify-amount"
                    />
                  </div>
                </Field>
                <div class="tx-row">
                  <Button
                    variant="primary"
                    loading={busy() === 'verify'}
                    disabled={!!busy() || (p().status === 'verified' && yuanToFen(amount()) === p().verifiedAmount)}
                    onClick={verify}
                    data-testid="verify"
                  >
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
                <textarea
                  id="dr-reason"
                  class="tx-textarea"
                  rows={2}
                  maxLength={200}
                  value={reason()}
                  onInput={(e) => setReason(e.currentTarget.value)}
                  {...fieldAria('dr-reason', err()?.field === 'reason' ? err()!.text : undefined, 'hint')}
                  data-testid="reject-reason"
                />
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
