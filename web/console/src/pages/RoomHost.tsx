import { createEffect, createResource, createSignal, on, Show } from 'solid-js';
import { useParams } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { createLiveRoom } from '@ui/live-room';
import { resultsHref, roomLivePath, roomResults, type Command } from '../data/live';
import { Confirm } from '../ui/Confirm';
import { DataTable, Loaded } from '../ui/DataTable';
import { LiveStage } from '../ui/LiveStage';
import { t } from '../i18n';
import '../live.css';

/**
 * 主持 a live room (/console/rooms/:id): what the hall sees, with the host's buttons
 * (开始, 揭晓答案, 下一题, 结束比赛) over the room's socket; at the end the results
 * (written to the board by the first read) with their export.
 */
export default function RoomHost() {
  const params = useParams<{ id: string }>();
  const room = createLiveRoom(() => roomLivePath(params.id), 'host');
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const ended = () => room.state()?.phase === 'ended';
  const [results, { refetch }] = createResource(() => (ended() ? params.id : null), roomResults);
  createEffect(on(ended, (e) => e && void refetch()));
  const s = room.state;
  const send = (type: Command) => room.send({ type });

  return (
    <div class="cs-page lv-host" data-testid="room-host">
      <Show when={room.error() === 'not_allowed'}>
        <Notice kind="warning">{t('live.notHost')}</Notice>
      </Show>
      <Show when={s()} fallback={<p>{t('live.connecting')}</p>}>
        {(st) => (
          <>
            <header class="lv-host-head">
              <h1>{t('live.hostTitle', { title: st().title })}</h1>
              <span class="tx-badge">{t(`live.phase.${st().phase}`)}</span>
              <Show when={!room.connected()}>
                <span class="tx-badge tx-badge-warning">{t('live.offline')}</span>
              </Show>
              <span class="tx-spacer" />
              <a class="tx-btn tx-btn-secondary" href={`/console/rooms/${encodeURIComponent(params.id)}/screen`} target="_blank" rel="noopener">
                {t('live.openScreen')}
              </a>
            </header>
            <div class="lv-controls tx-row" data-testid="host-controls">
              <Show when={st().phase === 'lobby'}>
                <Button variant="primary" onClick={() => send('start')} disabled={!st().players} data-testid="host-start">
                  {t('live.start')}
                </Button>
              </Show>
              <Show when={st().phase === 'question'}>
                <Button variant="primary" onClick={() => send('reveal')} data-testid="host-reveal">
                  {t('live.reveal')}
                </Button>
              </Show>
              <Show when={st().phase === 'reveal' && st().index + 1 < st().total}>
                <Button variant="primary" onClick={() => send('next')} data-testid="host-next">
                  {t('live.next')}
                </Button>
              </Show>
              <Show when={!ended()}>
                <Button variant="danger" onClick={() => setConfirmEnd(true)} data-testid="host-end">
                  {t('live.end')}
                </Button>
              </Show>
            </div>
            <Show when={confirmEnd() && !ended()}>
              <Confirm
                title={t('live.end')}
                action={t('live.end')}
                actionTestid="host-end-confirm"
                busy={false}
                onAction={() => {
                  send('end');
                  setConfirmEnd(false);
                }}
                onCancel={() => setConfirmEnd(false)}
              >
                <p>{t('live.endConfirm')}</p>
              </Confirm>
            </Show>
            <LiveStage state={st()} serverNow={room.serverNow()} />
            <Show when={ended()}>
              <section class="lv-results" data-testid="room-results">
                <header class="tx-row">
                  <h2>{t('live.results')}</h2>
                  <span class="tx-spacer" />
                  <a class="tx-btn tx-btn-secondary" href={resultsHref(params.id, 'xlsx')} download="" data-testid="room-export">
                    {t('live.exportXlsx')}
                  </a>
                  <a class="tx-btn tx-btn-ghost" href={resultsHref(params.id, 'csv')} download="">
                    {t('live.exportCsv')}
                  </a>
                </header>
                <Loaded of={results} retry={refetch} empty={!results.latest?.top.length} emptyView={<p class="tx-muted">—</p>}>
                  <DataTable
                    head={[
                      t('live.rank'),
                      t('live.name'),
                      t('live.unit'),
                      { label: t('live.score'), class: 'num' },
                      { label: t('live.correctCol'), class: 'num' },
                    ]}
                    rows={results.latest?.top ?? []}
                  >
                    {(p) => (
                      <tr>
                        <td>{p.rank}</td>
                        <td>{p.name}</td>
                        <td>{p.unit ?? ''}</td>
                        <td class="num">{p.score}</td>
                        <td class="num">{p.correct}</td>
                      </tr>
                    )}
                  </DataTable>
                  <h3>{t('live.questions')}</h3>
                  <DataTable
                    head={[t('live.stem'), { label: t('live.answeredCol'), class: 'num' }, { label: t('live.correctCol'), class: 'num' }]}
                    rows={results.latest?.questions ?? []}
                  >
                    {(q) => (
                      <tr>
                        <td>{q.stem}</td>
                        <td class="num">{q.answered}</td>
                        <td class="num">{q.correct}</td>
                      </tr>
                    )}
                  </DataTable>
                </Loaded>
              </section>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
