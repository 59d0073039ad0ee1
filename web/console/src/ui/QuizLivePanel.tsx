import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { fmtDateTime } from '@ui/format';
import type { Campaign } from '@ui/types';
import { listBanks } from '../data/quiz';
import { createRoom, listRooms } from '../data/live';
import { DataTable, Loaded } from './DataTable';
import { t } from '../i18n';
import { createAction } from '@ui/action';
import '../live.css';

/** 现场竞赛 of a quiz campaign: create a room from a bank, and the rooms with their host, 大屏 and results links. */
export function LivePanel(props: { campaign: Campaign }) {
  const [rooms, { refetch }] = createResource(() => props.campaign.id, listRooms);
  const [banks] = createResource(listBanks);
  const [title, setTitle] = createSignal(t('live.titleDefault'));
  const [bankId, setBankId] = createSignal('');
  const [count, setCount] = createSignal(10);
  const [seconds, setSeconds] = createSignal(20);
  const { busy, error, run } = createAction();
  const [created, setCreated] = createSignal<string | null>(null);
  const bank = () => bankId() || ((props.campaign.settings as { bankIds?: string[] } | undefined)?.bankIds?.[0] ?? banks.latest?.[0]?.id ?? '');

  async function create(e: Event) {
    e.preventDefault();
    await run(async () => {
      const r = await createRoom(props.campaign.id, { title: title().trim(), bankId: bank(), count: count(), secondsPerQuestion: seconds() });
      setCreated(r.pin);
      await refetch();
    });
  }

  return (
    <div class="qz-live" data-testid="live-panel">
      <form class="tx-card qz-live-form" onSubmit={create}>
        <h2>{t('live.create')}</h2>
        <p class="tx-muted tx-small">{t('live.createHint')}</p>
        <div class="qz-live-fields">
          <label>
            {t('live.titleLabel')}
            <input class="tx-input" value={title()} maxLength={60} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="live-title" />
          </label>
          <label>
            {t('live.bank')}
            <select class="tx-input" value={bank()} onChange={(e) => setBankId(e.currentTarget.value)} data-testid="live-bank">
              <For each={banks.latest ?? []}>{(b) => <option value={b.id}>{b.title}</option>}</For>
            </select>
          </label>
          <label>
            {t('live.count')}
            <input class="tx-input" type="number" min={1} max={50} value={count()} onInput={(e) => setCount(Number(e.currentTarget.value))} />
          </label>
          <label>
            {t('live.seconds')}
            <input
              class="tx-input"
              type="number"
              min={5}
              max={120}
              value={seconds()}
              onInput={(e) => setSeconds(Number(e.currentTarget.value))}
              data-testid="live-seconds"
            />
          </label>
        </div>
        <FormError message={error()} />
        <Show when={created()}>
          {(pin) => (
            <Notice kind="success">
              <span data-testid="live-created">{t('live.created', { pin: pin() })}</span>
            </Notice>
          )}
        </Show>
        <div>
          <Button type="submit" variant="primary" loading={busy()} disabled={!bank() || !title().trim()} data-testid="live-create">
            {t('live.create')}
          </Button>
        </div>
      </form>
      <h2>{t('live.rooms')}</h2>
      <Loaded of={rooms} retry={refetch} empty={!rooms.latest?.length} emptyView={<p class="tx-muted">{t('live.none')}</p>} card>
        <DataTable
          testid="live-rooms"
          head={[t('live.titleLabel'), t('live.pin'), t('live.status'), { label: t('live.players'), class: 'num' }, t('live.createdAt'), '']}
          rows={rooms.latest ?? []}
        >
          {(r) => (
            <tr>
              <td>{r.title}</td>
              <td class="tx-num">{r.status === 'open' ? r.pin : '—'}</td>
              <td>{t(`live.phase.${r.phase}`)}</td>
              <td class="num">{r.players}</td>
              <td>{fmtDateTime(r.createdAt)}</td>
              <td class="tx-row">
                <A href={`/rooms/${encodeURIComponent(r.id)}`} class="tx-btn tx-btn-sm tx-btn-secondary" data-testid="live-host-link">
                  {r.status === 'open' ? t('live.host') : t('live.results')}
                </A>
                <Show when={r.status === 'open'}>
                  <a href={`/console/rooms/${encodeURIComponent(r.id)}/screen`} target="_blank" rel="noopener" class="tx-btn tx-btn-sm tx-btn-ghost">
                    {t('live.screen')}
                  </a>
                </Show>
              </td>
            </tr>
          )}
        </DataTable>
      </Loaded>
    </div>
  );
}
