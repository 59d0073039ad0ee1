import { batch, createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { EmptyState } from '@ui/components/EmptyState';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import type { Vote } from '@ui/contest';
import type { Campaign } from '@ui/types';
import { discountVotes, listVotes } from '../data/contest';
import { t } from '../i18n';
import { ContestPage } from '../ui/ContestNav';
import { DataTable, LoadMore, Loaded } from '../ui/DataTable';

/** The /24 (IPv4) or /48 (IPv6) of an address, as the API groups bursts. */
function subnetOf(ip: string): string {
  if (ip.includes(':')) return ip.split(':').slice(0, 3).join(':') + '::/48';
  return ip.split('.').slice(0, 3).join('.') + '.0/24';
}

interface Group {
  key: string;
  entryId: string;
  entryTitle: string;
  subnet: string;
  votes: Vote[];
}

/** 投票审核 (/console/campaigns/:id/votes): suspicious votes grouped by work and subnet, discounting. */
export default function ContestVotesPage() {
  return (
    <ContestPage title={t('contest.votes.title')} wide>
      {(c) => <Votes campaign={c} />}
    </ContestPage>
  );
}

function Votes(props: { campaign: Campaign }) {
  const c = () => props.campaign;
  const [flagged, setFlagged] = createSignal(true);
  const [extra, setExtra] = createSignal<Vote[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [more, setMore] = createSignal<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const [page, { refetch }] = createResource(
    () => ({ id: c().id, flagged: flagged() }),
    async (q) => {
      const p = await listVotes(q.id, { flagged: q.flagged });
      batch(() => {
        setExtra([]);
        setCursor(p.nextCursor);
        setSelected(new Set<string>());
      });
      return p;
    },
  );
  const votes = () => [...(page.latest?.items ?? []), ...extra()];
  const groups = createMemo<Group[]>(() => {
    const m = new Map<string, Group>();
    for (const v of votes()) {
      const subnet = subnetOf(v.ip);
      const key = `${v.entryId}|${subnet}`;
      const g = m.get(key) ?? { key, entryId: v.entryId, entryTitle: v.entryTitle, subnet, votes: [] };
      g.votes.push(v);
      m.set(key, g);
    }
    return [...m.values()].sort((a, b) => b.votes.length - a.votes.length);
  });

  async function loadMore() {
    setMore({ busy: true, error: null });
    try {
      const p = await listVotes(c().id, { flagged: flagged(), cursor: cursor() });
      setExtra([...extra(), ...p.items]);
      setCursor(p.nextCursor);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    }
  }

  const selectable = (v: Vote) => !v.discounted;
  function setMany(ids: string[], on: boolean) {
    const s = new Set(selected());
    for (const id of ids) on ? s.add(id) : s.delete(id);
    setSelected(s);
  }

  function ask() {
    setDone(null);
    setFailure(null);
    if (!reason().trim()) {
      setReasonError(t('contest.votes.reasonRequired'));
      document.getElementById('discount-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setConfirming(true);
  }

  async function discount() {
    setBusy(true);
    setFailure(null);
    try {
      const ids = [...selected()];
      let n = 0;
      for (let i = 0; i < ids.length; i += 500) n += (await discountVotes(c().id, ids.slice(i, i + 500), reason().trim())).discounted;
      batch(() => {
        setDone(t('contest.votes.done', { n: fmtNumber(n) }));
        setConfirming(false);
        setReason('');
      });
      await refetch();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="tx-muted cs-ct-lead">{t('contest.votes.lead')}</p>
      <div class="cs-filters cs-ct-filters">
        <div class="tx-segmented" role="group" aria-label={t('contest.votes.filter')}>
          <button type="button" aria-pressed={flagged()} onClick={() => setFlagged(true)}>
            {t('contest.votes.flagged')}
          </button>
          <button type="button" aria-pressed={!flagged()} onClick={() => setFlagged(false)}>
            {t('contest.votes.all')}
          </button>
        </div>
        <span class="tx-spacer" />
        <Button small variant="ghost" onClick={() => void refetch()} loading={page.loading && !!page.latest}>
          <Icon name="refresh" />
          {t('contest.refresh')}
        </Button>
      </div>
      <Show when={done()}>
        <div class="cs-gap">
          <Notice kind="success">{done()}</Notice>
        </div>
      </Show>

      <Loaded
        of={page}
        retry={refetch}
        lines={6}
        card
        empty={votes().length === 0}
        emptyView={
          <EmptyState
            icon="check"
            title={flagged() ? t('contest.votes.emptyFlagged') : t('contest.votes.empty')}
            body={flagged() ? t('contest.votes.emptyFlaggedBody') : undefined}
            action={flagged() ? <Button onClick={() => setFlagged(false)}>{t('contest.votes.all')}</Button> : undefined}
          />
        }
      >
        <div class={`cs-ct-groups ${page.loading ? 'cs-stale' : ''}`} data-testid="vote-groups">
          <For each={groups()}>
            {(g) => {
              const open = () => g.votes.filter(selectable);
              const all = () => open().length > 0 && open().every((v) => selected().has(v.id));
              const fresh = () => g.votes.filter((v) => Date.parse(v.createdAt) - Date.parse(v.accountCreatedAt) < 24 * 3600e3).length;
              return (
                <section class="tx-card cs-ct-group">
                  <header class="cs-ct-group-head">
                    <label class="cs-check">
                      <input
                        type="checkbox"
                        checked={all()}
                        disabled={open().length === 0}
                        onChange={(e) =>
                          setMany(
                            open().map((v) => v.id),
                            e.currentTarget.checked,
                          )
                        }
                        aria-label={t('contest.votes.selectGroup', { title: g.entryTitle, subnet: g.subnet })}
                      />
                    </label>
                    <div class="tx-spacer">
                      <h2>《{g.entryTitle}》</h2>
                      <p class="tx-small tx-muted tx-num">
                        {t('contest.votes.groupLine', { subnet: g.subnet, n: fmtNumber(g.votes.length), fresh: fmtNumber(fresh()) })}
                      </p>
                    </div>
                    <Show when={g.votes.some((v) => v.flagged)}>
                      <span class="tx-badge tx-badge-orange">{t('contest.votes.flaggedBadge')}</span>
                    </Show>
                  </header>
                  <DataTable
                    class="cs-ct-votes"
                    head={[
                      { label: '', class: 'cs-ct-check' },
                      t('contest.votes.voter'),
                      t('contest.votes.ip'),
                      t('contest.votes.accountAge'),
                      t('contest.votes.time'),
                      t('contest.votes.state'),
                    ]}
                    rows={g.votes}
                  >
                    {(v) => (
                      <tr classList={{ 'cs-ct-selected': selected().has(v.id), 'cs-ct-discounted': v.discounted }}>
                        <td class="cs-ct-check">
                          <input
                            type="checkbox"
                            disabled={!selectable(v)}
                            checked={selected().has(v.id)}
                            onChange={(e) => setMany([v.id], e.currentTarget.checked)}
                            aria-label={t('contest.votes.select', { name: v.voterName })}
                          />
                        </td>
                        <td>{v.voterName}</td>
                        <td class="tx-num">{v.ip}</td>
                        <td class="tx-num tx-small">{fmtDateTime(v.accountCreatedAt)}</td>
                        <td class="tx-num tx-small">{fmtDateTime(v.createdAt)}</td>
                        <td>
                          <Switch fallback={<span class="tx-badge tx-badge-green">{t('contest.votes.counted')}</span>}>
                            <Match when={v.discounted}>
                              <span class="tx-badge tx-badge-neutral">{t('contest.votes.discounted')}</span>
                              <Show when={v.discountReason}>
                                <span class="tx-small tx-muted"> {v.discountReason}</span>
                              </Show>
                            </Match>
                            <Match when={v.flagged}>
                              <span class="tx-badge tx-badge-orange">{t('contest.votes.flaggedBadge')}</span>
                              <Show when={v.flagReason}>
                                <span class="tx-small tx-muted"> {v.flagReason === 'burst' ? t('contest.votes.flagBurst') : v.flagReason}</span>
                              </Show>
                            </Match>
                          </Switch>
                        </td>
                      </tr>
                    )}
                  </DataTable>
                </section>
              );
            }}
          </For>
        </div>
        <LoadMore error={more().error} busy={more().busy} more={cursor()} onMore={loadMore} />
      </Loaded>

      <Show when={selected().size > 0}>
        <div class="cs-ct-bulk cs-ct-bulk-bottom" role="region" aria-label={t('contest.votes.discountTitle')}>
          <Show
            when={confirming()}
            fallback={
              <form
                class="cs-ct-discount"
                onSubmit={(e) => {
                  e.preventDefault();
                  ask();
                }}
                novalidate
              >
                <strong class="tx-num">{t('contest.votes.selected', { n: fmtNumber(selected().size) })}</strong>
                <TextField
                  id="discount-reason"
                  label={t('contest.votes.reason')}
                  error={reasonError()}
                  fieldClass="cs-ct-grow"
                  maxLength={200}
                  placeholder={t('contest.votes.reasonPh')}
                  value={reason()}
                  onInput={setReason}
                />
                <Button type="submit" variant="danger">
                  {t('contest.votes.discount')}
                </Button>
                <Button variant="ghost" onClick={() => setSelected(new Set<string>())}>
                  {t('contest.entries.clearSelection')}
                </Button>
              </form>
            }
          >
            <div class="cs-ct-confirm-inline" role="alertdialog" aria-labelledby="discount-title">
              <Icon name="alert" class="cs-confirm-icon" />
              <div class="tx-spacer">
                <strong id="discount-title">{t('contest.votes.confirmTitle', { n: fmtNumber(selected().size) })}</strong>
                <p class="tx-small">{t('contest.votes.confirmBody', { reason: reason().trim() })}</p>
                <Show when={failure()}>
                  <p class="tx-field-error">{errorText(failure())}</p>
                </Show>
              </div>
              <Button variant="primary" class="cs-ct-danger" loading={busy()} onClick={discount}>
                {t('contest.votes.confirm')}
              </Button>
              <Button variant="secondary" disabled={busy()} onClick={() => setConfirming(false)}>
                {t('action.cancel')}
              </Button>
            </div>
          </Show>
        </div>
      </Show>
    </>
  );
}
