import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Field, Notice, fieldAria } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { org } from '../data/org';
import { approveRecord, chinaToday, fmtHours, listRecords, rejectRecord, reviewRecords, type RecordStatus, type ServiceRecord } from '../data/volunteer';
import { t } from '../i18n';
import { LabelOptions } from '@ui/components/LabelOptions';
import { createCursorPages, Pager } from './VolunteerPager';
import { UnitFilter } from './UnitSelect';
import { DataTable, Loaded } from './DataTable';

type StatusFilter = RecordStatus | 'all';
const STATUSES: readonly StatusFilter[] = ['pending', 'approved', 'rejected', 'all'];
const QUICK_REASONS = ['vol.quickReason1', 'vol.quickReason2', 'vol.quickReason3'] as const;

/**
 * 审核: the queue of service records of the unit, one page at a time (cursor paging, so thousands
 * of records never load at once), filters, select all on the page, bulk and single approve/reject.
 */
export function VolunteerReview(props: { campaign: Campaign; unitId: string; onChanged: () => unknown }) {
  const [status, setStatus] = createSignal<StatusFilter>('pending');
  const [unit, setUnit] = createSignal(props.unitId);
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [rejecting, setRejecting] = createSignal<ServiceRecord[] | null>(null);
  const [confirmApprove, setConfirmApprove] = createSignal(false);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const units = () => org.subtree(props.unitId);

  const pages = createCursorPages(
    () => ({ c: props.campaign.id, s: status(), u: unit() || props.unitId, from: from(), to: to() }),
    (k, cursor, limit) =>
      listRecords(k.c, { status: k.s === 'all' ? '' : k.s, orgUnitId: k.u, from: k.from || undefined, to: k.to || undefined, cursor, limit }),
  );
  const rows = () => pages.latest()?.items ?? [];
  const selectable = () => rows().filter((r) => r.status === 'pending');
  const chosen = () => rows().filter((r) => selected().has(r.id));
  const allOnPage = () => selectable().length > 0 && selectable().every((r) => selected().has(r.id));
  const someOnPage = () => selectable().some((r) => selected().has(r.id));

  // a new page (or filters) starts with nothing selected
  createEffect(
    on(
      () => pages.latest(),
      () => {
        setSelected(new Set<string>());
        setConfirmApprove(false);
      },
    ),
  );

  function toggle(id: string, on: boolean) {
    const s = new Set(selected());
    if (on) s.add(id);
    else s.delete(id);
    setSelected(s);
  }
  function toggleAll(on: boolean) {
    setSelected(on ? new Set(selectable().map((r) => r.id)) : new Set<string>());
  }

  async function after(text: string) {
    setNotice({ kind: 'success', text });
    setRejecting(null);
    setConfirmApprove(false);
    await pages.refetch();
    // the last records of a later page are gone: step back to a page that has some
    if (pages.latest()?.items.length === 0 && pages.hasPrev()) pages.prev();
    void props.onChanged();
  }

  async function approveOne(r: ServiceRecord) {
    setBusy(r.id);
    setNotice(null);
    try {
      await approveRecord(r.id);
      await after(t('vol.approvedOne', { name: r.name, n: fmtHours(r.hours) }));
    } catch (e) {
      setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  async function approveSelected() {
    const ids = chosen().map((r) => r.id);
    if (!ids.length) return;
    setBusy('bulk');
    setNotice(null);
    try {
      const r = await reviewRecords(props.campaign.id, ids, 'approve');
      await after(t('vol.approvedN', { n: fmtNumber(r.reviewed) }));
    } catch (e) {
      setNotice({ kind: 'warning', text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  async function reject(records: ServiceRecord[], reason: string) {
    setBusy('reject');
    setNotice(null);
    try {
      if (records.length === 1) {
        await rejectRecord(records[0]!.id, reason);
        await after(t('vol.rejectedOne', { name: records[0]!.name }));
      } else {
        const r = await reviewRecords(
          props.campaign.id,
          records.map((x) => x.id),
          'reject',
          reason,
        );
        await after(t('vol.rejectedN', { n: fmtNumber(r.reviewed) }));
      }
      return null;
    } catch (e) {
      return errorText(e);
    } finally {
      setBusy(null);
    }
  }

  const chosenHours = () => chosen().reduce((a, r) => a + r.hours, 0);

  return (
    <div class="vo-stack">
      <div class="vo-toolbar vo-filters" role="search">
        <label class="vo-filter">
          <span>{t('vol.filterStatus')}</span>
          <select class="tx-select" value={status()} onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)} data-testid="review-status">
            <LabelOptions ids={STATUSES} label={(s) => t(`vol.statusFilter.${s}` as 'vol.statusFilter.all')} selected={status()} />
          </select>
        </label>
        <UnitFilter class="vo-filter" label={t('vol.filterUnit')} rows={units()} value={unit()} onPick={setUnit} testid="review-unit" />
        <label class="vo-filter">
          <span>{t('vol.filterFrom')}</span>
          <input class="tx-input tx-num" type="date" max={to() || chinaToday()} value={from()} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="vo-filter">
          <span>{t('vol.filterTo')}</span>
          <input class="tx-input tx-num" type="date" min={from() || undefined} max={chinaToday()} value={to()} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
        <Show when={from() || to() || status() !== 'pending' || unit() !== props.unitId}>
          <Button
            small
            variant="ghost"
            onClick={() => {
              setStatus('pending');
              setUnit(props.unitId);
              setFrom('');
              setTo('');
            }}
          >
            {t('vol.resetFilters')}
          </Button>
        </Show>
      </div>

      <Show when={notice()}>{(n) => <Notice kind={n().kind}>{n().text}</Notice>}</Show>

      <Show when={rejecting()}>
        {(list) => (
          <RejectPanel records={list()} busy={busy() === 'reject'} onCancel={() => setRejecting(null)} onConfirm={(reason) => reject(list(), reason)} />
        )}
      </Show>

      <section class="tx-card vo-table-card" aria-labelledby="queue-title">
        <div class="tx-card-title vo-queue-title">
          <h2 id="queue-title">{t('vol.queueTitle')}</h2>
          <span class="tx-spacer" />
          <Show when={status() === 'pending' || status() === 'all'}>
            <div class="vo-bulk" classList={{ 'vo-bulk-on': chosen().length > 0 }} role="group" aria-label={t('vol.bulkLabel')}>
              <span class="tx-small tx-num" aria-live="polite">
                {chosen().length ? t('vol.selectedN', { n: chosen().length, h: fmtHours(chosenHours()) }) : t('vol.selectHint')}
              </span>
              <Button small variant="primary" disabled={!chosen().length || !!busy()} onClick={() => setConfirmApprove(true)} data-testid="bulk-approve">
                <Icon name="check" />
                {t('vol.bulkApprove')}
              </Button>
              <Button small variant="danger" disabled={!chosen().length || !!busy()} onClick={() => setRejecting(chosen())}>
                {t('vol.bulkReject')}
              </Button>
            </div>
          </Show>
        </div>

        <Show when={confirmApprove() && chosen().length > 0}>
          <div class="vo-confirm-bar" role="alertdialog" aria-labelledby="approve-confirm">
            <span id="approve-confirm">{t('vol.approveConfirm', { n: chosen().length, h: fmtHours(chosenHours()) })}</span>
            <Button small variant="primary" loading={busy() === 'bulk'} onClick={approveSelected} data-testid="bulk-approve-confirm">
              {t('vol.approveConfirmYes')}
            </Button>
            <Button small disabled={busy() === 'bulk'} onClick={() => setConfirmApprove(false)}>
              {t('action.cancel')}
            </Button>
          </div>
        </Show>

        <Loaded
          error={pages.page.error}
          retry={pages.refetch}
          loading={!pages.latest()}
          lines={10}
          empty={rows().length === 0}
          emptyView={
            <EmptyState
              icon={status() === 'pending' ? 'check' : 'inbox'}
              title={status() === 'pending' && !pages.hasPrev() ? t('vol.queueEmpty') : t('vol.queueEmptyFiltered')}
              body={status() === 'pending' && !pages.hasPrev() ? t('vol.queueEmptyBody') : undefined}
            />
          }
        >
          <DataTable
            class="vo-table"
            stale={pages.page.loading}
            testid="review-table"
            caption={t('vol.queueTitle')}
            head={[
              t('vol.colMember'),
              t('vol.colUnit'),
              t('vol.colDate'),
              { label: t('vol.colHours'), class: 'num' },
              t('vol.colWhat'),
              t('vol.colState'),
              t('campaigns.colActions'),
            ]}
            rows={rows()}
            lead={
              <th scope="col" class="vo-check-col">
                <input
                  type="checkbox"
                  class="vo-check"
                  aria-label={t('vol.selectAll')}
                  title={t('vol.selectAll')}
                  disabled={selectable().length === 0}
                  checked={allOnPage()}
                  ref={(el) => createEffect(() => (el.indeterminate = someOnPage() && !allOnPage()))}
                  onChange={(e) => toggleAll(e.currentTarget.checked)}
                  data-testid="select-all"
                />
              </th>
            }
          >
            {(r) => (
              <tr data-key={r.id} data-status={r.status} classList={{ 'vo-row-selected': selected().has(r.id) }}>
                <td class="vo-check-col">
                  <Show when={r.status === 'pending'}>
                    <input
                      type="checkbox"
                      class="vo-check"
                      aria-label={t('vol.selectRow', { name: r.name, date: r.date })}
                      checked={selected().has(r.id)}
                      onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                    />
                  </Show>
                </td>
                <td class="cs-nowrap">
                  <strong>{r.name}</strong>
                </td>
                <td class="cs-nowrap">{r.orgUnitName ?? '—'}</td>
                <td class="tx-num cs-nowrap">{r.date}</td>
                <td class="num tx-num cs-nowrap">
                  <strong>{fmtHours(r.hours)}</strong>
                </td>
                <td class="vo-desc">
                  <Show when={r.source === 'checkin'}>
                    <span class="tx-badge tx-badge-green vo-verified" title={t('sa.verifiedHint')} data-testid="verified-badge">
                      <Icon name="check" />
                      {t('sa.verified')}
                    </span>{' '}
                  </Show>
                  {r.description}
                </td>
                <td>
                  <StateCell r={r} />
                </td>
                <td class="cs-nowrap">
                  <Show when={r.status === 'pending'}>
                    <div class="tx-row cs-row-actions">
                      <Button
                        small
                        variant="ghost"
                        loading={busy() === r.id}
                        disabled={!!busy() && busy() !== r.id}
                        onClick={() => approveOne(r)}
                        aria-label={t('vol.approveOf', { name: r.name, date: r.date })}
                        data-testid="approve-one"
                      >
                        <Icon name="check" />
                        {t('vol.approve')}
                      </Button>
                      <Button
                        small
                        variant="ghost"
                        disabled={!!busy()}
                        onClick={() => setRejecting([r])}
                        aria-label={t('vol.rejectOf', { name: r.name, date: r.date })}
                      >
                        {t('vol.reject')}
                      </Button>
                    </div>
                  </Show>
                </td>
              </tr>
            )}
          </DataTable>
        </Loaded>
        <Pager id="review" pages={pages} />
      </section>
    </div>
  );
}

function StateCell(props: { r: ServiceRecord }) {
  const cls = () => (props.r.status === 'approved' ? 'tx-badge-green' : props.r.status === 'pending' ? 'tx-badge-orange' : '');
  return (
    <div class="vo-state">
      <span class={`tx-badge ${cls()}`}>{t(`vol.status.${props.r.status}` as 'vol.status.pending')}</span>
      <Show when={props.r.status === 'rejected' && props.r.reason}>
        <span class="tx-small vo-reason-cell">{props.r.reason}</span>
      </Show>
      <Show when={props.r.reviewedAt}>
        <span class="tx-small tx-muted tx-num cs-nowrap">{fmtDateTime(props.r.reviewedAt)}</span>
      </Show>
    </div>
  );
}

/** Rejecting needs a reason the member will read; common ones are one tap away. */
function RejectPanel(props: { records: ServiceRecord[]; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => Promise<string | null> }) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  async function confirm() {
    if (!reason().trim()) {
      setError(t('vol.rejectReasonRequired'));
      document.getElementById('reject-reason')?.focus();
      return;
    }
    setError(await props.onConfirm(reason().trim()));
  }
  const one = () => (props.records.length === 1 ? props.records[0]! : null);
  return (
    <div class="cs-confirm" role="alertdialog" aria-labelledby="reject-title">
      <Icon name="alert" class="cs-confirm-icon" />
      <div class="vo-grow">
        <h2 id="reject-title">
          {one()
            ? t('vol.rejectTitleOne', { name: one()!.name, date: one()!.date, n: fmtHours(one()!.hours) })
            : t('vol.rejectTitleN', { n: props.records.length })}
        </h2>
        <p>{t('vol.rejectBody')}</p>
        <Field id="reject-reason" label={t('vol.rejectReasonLabel')} error={error() ?? undefined}>
          <textarea
            id="reject-reason"
            class="tx-textarea vo-reason-input"
            rows={2}
            maxLength={200}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
            {...fieldAria('reject-reason', error() ?? undefined)}
          />
        </Field>
        <div class="tx-chips vo-quick" aria-label={t('vol.quickReasons')}>
          <For each={QUICK_REASONS}>
            {(k) => (
              <button type="button" class="tx-chip" aria-pressed={reason() === t(k)} onClick={() => setReason(t(k))}>
                {t(k)}
              </button>
            )}
          </For>
        </div>
        <div class="tx-row">
          <Button variant="primary" class="cs-danger-solid" loading={props.busy} onClick={confirm}>
            {t('vol.rejectConfirm')}
          </Button>
          <Button disabled={props.busy} onClick={props.onCancel}>
            {t('action.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}
