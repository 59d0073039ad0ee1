import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDateTime, fmtNumber } from '@ui/format';
import type { Campaign } from '@ui/types';
import { fmtMoney, getOrgBoard, listPledges, setMessage, type OrgPledge } from '../data/drive';
import { t } from '../i18n';
import { createList, UnitSelect } from './DrivePledgeKit';
import { DataTable, Loaded } from './DataTable';

export function Messages(props: { campaign: Campaign }) {
  const [unit, setUnit] = createSignal('');
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const list = createList(
    () => ({ u: unit() }),
    (k, cursor) => listPledges(props.campaign.id, { messages: 'pending', orgUnitId: k.u || undefined, cursor }),
  );

  async function decide(p: OrgPledge, visible: boolean) {
    setBusy(p.id);
    setNotice(null);
    try {
      await setMessage(p.id, visible);
      list.setItems(list.items().filter((x) => x.id !== p.id));
      setNotice({
        kind: 'success',
        text: visible ? t('drive.msgShown', { name: p.userName ?? p.displayName }) : t('drive.msgHidden', { name: p.userName ?? p.displayName }),
      });
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
                        {p.anonymous ? t('drive.anonymous') : p.displayName || p.userName} · {p.orgUnitName ?? t('drive.noUnit')} ·{' '}
                        <span class="tx-num">{fmtDateTime(p.createdAt)}</span>
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

export function Board(props: { campaign: Campaign }) {
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
      <Loaded
        error={board.error}
        retry={refetch}
        loading={!board.latest}
        lines={6}
        empty={board.latest?.entries.length === 0}
        emptyView={<EmptyState icon="trophy" title={t('drive.boardEmpty')} />}
      >
        <DataTable
          class="dr-board"
          head={[t('drive.colRank'), t('drive.colUnit'), { label: t('drive.colVerified'), class: 'dr-num' }]}
          rows={board.latest?.entries ?? []}
        >
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
              <td class="tx-num dr-num">{board.latest?.scoreUnit === 'fen' ? fmtMoney(e.score) : fmtNumber(e.score)}</td>
            </tr>
          )}
        </DataTable>
      </Loaded>
    </section>
  );
}
