import { batch, createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { errorText } from '@ui/components/ErrorState';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import { contestConfig, fmtBytes, type Entry, type EntryStatus } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { listEntries, review, runEach } from '../data/contest';
import { t } from '../i18n';
import { ContestPage, EntryBadge } from '../ui/ContestNav';
import { DataTable, LoadMore, Loaded } from '../ui/DataTable';
import { RejectDrawer } from '../ui/ContestRejectDrawer';

const STATUSES: (EntryStatus | '')[] = ['pending', 'approved', 'rejected', ''];

/** 作品 of one contest (/console/campaigns/:id/entries): review, duplicates, bulk actions. */
export default function ContestEntriesPage() {
  return (
    <ContestPage title={t('contest.entries.title')} wide reviewable>
      {(c) => <Entries campaign={c} />}
    </ContestPage>
  );
}

function Entries(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const cfg = () => contestConfig(c());
  const [params, setParams] = useSearchParams<{ status?: string; category?: string }>();
  const status = (): EntryStatus | '' =>
    params.status === 'all' ? '' : STATUSES.includes(params.status as EntryStatus) ? (params.status as EntryStatus) : 'pending';
  const category = () => params.category ?? '';

  const [extra, setExtra] = createSignal<Entry[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [more, setMore] = createSignal<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [patched, setPatched] = createSignal<Record<string, Entry>>({});
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [rowBusy, setRowBusy] = createSignal<Set<string>>(new Set());
  const [bulk, setBulk] = createSignal<{ done: number; total: number; label: string } | null>(null);
  const [report, setReport] = createSignal<{ kind: 'success' | 'warning'; text: string; failures: string[] } | null>(null);
  const [drawer, setDrawer] = createSignal<string[] | null>(null);

  const [page, { refetch }] = createResource(
    () => ({ id: c().id, status: status(), category: category() }),
    async (q) => {
      const p = await listEntries(q.id, { status: q.status, category: q.category });
      batch(() => {
        setExtra([]);
        setPatched({});
        setSelected(new Set<string>());
        setCursor(p.nextCursor);
      });
      return p;
    },
  );
  const rows = createMemo(() => [...(page.latest?.items ?? []), ...extra()].map((e) => patched()[e.id] ?? e));
  const byId = createMemo(() => new Map(rows().map((e) => [e.id, e])));

  async function loadMore() {
    setMore({ busy: true, error: null });
    try {
      const p = await listEntries(c().id, { status: status(), category: category(), cursor: cursor() });
      setExtra([...extra(), ...p.items]);
      setCursor(p.nextCursor);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    }
  }

  function toggle(id: string, on: boolean) {
    const s = new Set(selected());
    if (on) s.add(id);
    else s.delete(id);
    setSelected(s);
  }
  const allSelected = () => rows().length > 0 && rows().every((e) => selected().has(e.id));
  const setBusy = (ids: string[], on: boolean) => {
    const s = new Set(rowBusy());
    for (const id of ids) on ? s.add(id) : s.delete(id);
    setRowBusy(s);
  };

  /** Approves or rejects entries, a few at a time, and says what went wrong where. */
  async function decide(ids: string[], decision: 'approve' | 'reject', reason?: string): Promise<boolean> {
    setReport(null);
    setBusy(ids, true);
    const total = ids.length;
    if (total > 1) setBulk({ done: 0, total, label: decision === 'approve' ? t('contest.entries.approving') : t('contest.entries.rejecting') });
    const failed = await runEach(
      ids,
      async (id) => {
        const r = await review(id, decision, reason);
        setPatched({ ...patched(), [id]: { ...byId().get(id)!, ...r.entry } });
      },
      (n) => total > 1 && setBulk({ done: n, total, label: bulk()?.label ?? '' }),
    );
    setBusy(ids, false);
    setBulk(null);
    const ok = total - failed.length;
    const s = new Set(selected());
    for (const id of ids) if (!failed.some((f) => f.item === id)) s.delete(id);
    setSelected(s);
    setReport({
      kind: failed.length ? 'warning' : 'success',
      text:
        t(decision === 'approve' ? 'contest.entries.approved' : 'contest.entries.rejected', { n: fmtNumber(ok) }) +
        (failed.length ? ' ' + t('contest.entries.failed', { n: fmtNumber(failed.length) }) : ''),
      failures: failed.map((f) => `${byId().get(f.item)?.title ?? f.item}: ${errorText(f.error)}`),
    });
    return failed.length === 0;
  }

  const chosen = () => rows().filter((e) => selected().has(e.id));

  return (
    <>
      <div class="cs-filters cs-ct-filters">
        <div class="tx-segmented" role="group" aria-label={t('contest.entries.statusFilter')}>
          <For each={STATUSES}>
            {(s) => (
              <button type="button" aria-pressed={status() === s} onClick={() => setParams({ status: s || 'all' })}>
                {s ? t(`contest.status.${s}`) : t('campaigns.all')}
              </button>
            )}
          </For>
        </div>
        <label>
          <span>{t('contest.entries.category')}</span>
          <select class="tx-select" value={category()} onChange={(e) => setParams({ category: e.currentTarget.value || undefined })}>
            <option value="">{t('campaigns.all')}</option>
            <For each={cfg().categories}>
              {(cat) => (
                <option value={cat} selected={cat === category()}>
                  {cat}
                </option>
              )}
            </For>
          </select>
        </label>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={() => void refetch()} loading={page.loading && !!page.latest}>
          <Icon name="refresh" />
          {t('contest.refresh')}
        </Button>
      </div>

      <Show when={report()}>
        {(r) => (
          <div class="cs-gap">
            <Notice kind={r().kind}>
              {r().text}
              <Show when={r().failures.length}>
                <ul class="cs-ct-failures">
                  <For each={r().failures}>{(f) => <li>{f}</li>}</For>
                </ul>
              </Show>
            </Notice>
          </div>
        )}
      </Show>

      <Show when={selected().size > 0 || bulk()}>
        <div class="cs-ct-bulk" role="region" aria-label={t('contest.entries.bulk')}>
          <Show
            when={bulk()}
            fallback={
              <>
                <strong class="tx-num">{t('contest.entries.selected', { n: fmtNumber(selected().size) })}</strong>
                <Button
                  small
                  variant="primary"
                  onClick={() =>
                    void decide(
                      chosen().map((e) => e.id),
                      'approve',
                    )
                  }
                  data-testid="bulk-approve"
                >
                  <Icon name="check" />
                  {t('contest.entries.approveSelected')}
                </Button>
                <Button small variant="danger" onClick={() => setDrawer(chosen().map((e) => e.id))}>
                  {t('contest.entries.rejectSelected')}
                </Button>
                <Button small variant="ghost" onClick={() => setSelected(new Set<string>())}>
                  {t('contest.entries.clearSelection')}
                </Button>
              </>
            }
          >
            {(b) => (
              <div class="cs-ct-bulk-progress">
                <span class="tx-num">
                  {b().label} {fmtNumber(b().done)} / {fmtNumber(b().total)}
                </span>
                <ProgressBar value={b().done / b().total} label={b().label} />
              </div>
            )}
          </Show>
        </div>
      </Show>

      <Loaded
        of={page}
        retry={refetch}
        lines={8}
        card
        empty={rows().length === 0}
        emptyView={
          <EmptyState
            icon="inbox"
            title={status() === 'pending' ? t('contest.entries.emptyPending') : t('contest.entries.empty')}
            body={status() === 'pending' ? t('contest.entries.emptyPendingBody') : undefined}
            action={
              status() !== '' || category() ? (
                <Button onClick={() => setParams({ status: 'all', category: undefined })}>{t('contest.entries.showAll')}</Button>
              ) : undefined
            }
          />
        }
      >
        <DataTable
          class="cs-ct-table"
          stale={page.loading}
          testid="entries"
          caption={t('contest.entries.title')}
          head={[
            t('contest.entries.colImage'),
            t('contest.entries.colWork'),
            t('contest.entries.colAuthor'),
            t('contest.entries.colFile'),
            t('contest.entries.colStatus'),
            { label: t('contest.entries.colVotes'), class: 'num' },
            t('campaigns.colActions'),
          ]}
          rows={rows()}
          lead={
            <th scope="col" class="cs-ct-check">
              <input
                type="checkbox"
                aria-label={t('contest.entries.selectAll')}
                checked={allSelected()}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows().map((x) => x.id)) : new Set<string>())}
              />
            </th>
          }
        >
          {(e) => (
            <tr data-entry={e.id} classList={{ 'cs-ct-dup': (e.duplicates?.length ?? 0) > 0, 'cs-ct-selected': selected().has(e.id) }}>
              <td class="cs-ct-check">
                <input
                  type="checkbox"
                  aria-label={t('contest.entries.select', { title: e.title })}
                  checked={selected().has(e.id)}
                  onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                />
              </td>
              <td class="cs-ct-thumbcell">
                <a href={e.originalUrl ?? e.imageUrl} target="_blank" rel="noopener" class="cs-ct-thumb" title={t('contest.entries.openOriginal')}>
                  <img src={e.thumbUrl} alt="" loading="lazy" decoding="async" />
                </a>
              </td>
              <td class="cs-ct-work">
                <strong>{e.title}</strong>
                <span class="tx-badge tx-badge-neutral">{e.category}</span>
                <Show when={e.description}>
                  <p class="cs-ct-desc">{e.description}</p>
                </Show>
                <Show when={(e.duplicates?.length ?? 0) > 0}>
                  <div class="cs-ct-dupnote" role="note">
                    <Icon name="alert" />
                    <span>
                      {t('contest.entries.duplicate')}
                      {(e.duplicates ?? [])
                        .map((d) => t('contest.entries.dupItem', { title: d.title, author: d.authorName }))
                        .join(t('contest.entries.dupSep'))}
                    </span>
                  </div>
                </Show>
              </td>
              <td>{e.authorName}</td>
              <td class="tx-num cs-nowrap tx-small">
                {fmtNumber(e.width)} × {fmtNumber(e.height)}
                <br />
                <span class="tx-muted">{fmtBytes(e.bytes)}</span>
                <Show when={e.createdAt}>
                  <br />
                  <span class="tx-muted">{fmtDateTime(e.createdAt)}</span>
                </Show>
              </td>
              <td class="cs-ct-status">
                <EntryBadge status={e.status} />
                <Show when={e.status === 'rejected' && e.reason}>
                  <p class="tx-small tx-muted cs-ct-reason">{e.reason}</p>
                </Show>
              </td>
              <td class="num">{fmtNumber(e.votes)}</td>
              <td class="cs-ct-actions-cell">
                <div class="tx-row cs-row-actions">
                  <Show when={e.status !== 'approved'}>
                    <Button
                      small
                      variant="primary"
                      loading={rowBusy().has(e.id) && !bulk()}
                      disabled={!!bulk()}
                      onClick={() => void decide([e.id], 'approve')}
                      data-testid="approve"
                    >
                      {e.status === 'rejected' ? t('contest.entries.requalify') : t('contest.entries.approve')}
                    </Button>
                  </Show>
                  <Show when={e.status !== 'rejected'}>
                    <Button small variant="danger" disabled={rowBusy().has(e.id) || !!bulk()} onClick={() => setDrawer([e.id])}>
                      {t('contest.entries.reject')}
                    </Button>
                  </Show>
                  <a class="tx-btn tx-btn-ghost tx-btn-sm" href={e.originalUrl ?? e.imageUrl} target="_blank" rel="noopener">
                    {t('contest.entries.original')}
                    <Icon name="external" />
                  </a>
                </div>
              </td>
            </tr>
          )}
        </DataTable>
        <LoadMore error={more().error} busy={more().busy} more={cursor()} onMore={loadMore}>
          <p class="tx-small tx-muted tx-num">{t('contest.entries.shown', { n: fmtNumber(rows().length) })}</p>
        </LoadMore>
      </Loaded>

      <Show when={drawer()}>
        {(ids) => (
          <RejectDrawer
            entries={ids()
              .map((id) => byId().get(id))
              .filter((e): e is Entry => !!e)}
            onClose={() => setDrawer(null)}
            onReject={async (reason) => {
              const ok = await decide(ids(), 'reject', reason);
              if (ok) setDrawer(null);
              return ok;
            }}
          />
        )}
      </Show>
    </>
  );
}
