import { createEffect, createSignal, For, Match, on, Show, Switch, type JSX } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { Spinner } from '@ui/components/Spinner';
import { createLiveRoom } from '@ui/live-room';
import { secondsLeft } from '@shared/live-room';
import { answerLabel } from '../data/live';
import { t } from '../i18n';
import '../live.css';

/**
 * A phone in a live room or match: waiting room, the question with its countdown (to the
 * server's deadline), the answer sent, the reveal with right/wrong, score and rank, and the
 * end. Only the server judges and times; this screen sends one answer and shows what it says.
 */
export function LiveGame(props: { path: string; onEnded?: () => void; footer?: JSX.Element }) {
  const room = createLiveRoom(() => props.path, 'player');
  const [choice, setChoice] = createSignal<string[]>([]);
  const [blank, setBlank] = createSignal('');
  const s = room.state;
  const q = () => s()?.question ?? null;
  const left = () => secondsLeft(s()?.deadline, room.serverNow());
  const answered = () => !!s()?.you?.answered || room.reply()?.accepted === true;

  // a new question clears what was chosen for the last one
  createEffect(
    on(
      () => `${s()?.phase}:${s()?.index}`,
      () => {
        setChoice([]);
        setBlank('');
      },
    ),
  );
  createEffect(
    on(
      () => s()?.phase,
      (p) => p === 'ended' && props.onEnded?.(),
    ),
  );

  function send(value: string | string[] | boolean) {
    const qq = q();
    if (!qq || answered() || left() <= 0) return;
    room.answer(qq.id, value);
  }
  function tap(key: string) {
    const qq = q();
    if (!qq || answered()) return;
    if (qq.type === 'single') return send(key);
    setChoice(choice().includes(key) ? choice().filter((k) => k !== key) : [...choice(), key]);
  }

  return (
    <div class="lv-game" data-testid="live-game" data-phase={s()?.phase ?? 'connecting'}>
      <Show when={room.error()}>
        <Notice kind="warning">{room.error() === 'full' ? t('live.errFull') : t('live.errNotAllowed')}</Notice>
      </Show>
      <Show when={!room.connected() && s()}>
        <p class="lv-reconnect" role="status">
          {t('live.reconnecting')}
        </p>
      </Show>
      <Switch
        fallback={
          <p class="lv-wait">
            <Spinner /> {t('live.connecting')}
          </p>
        }
      >
        <Match when={s()?.phase === 'lobby'}>
          <div class="lv-card lv-center">
            <h2>{s()!.title}</h2>
            <p class="lv-big">{s()!.kind === 'match' ? t('live.waitStart') : t('live.waitHost')}</p>
            <p class="tx-muted" data-testid="live-players">
              {t('live.players', { n: s()!.players })}
            </p>
          </div>
        </Match>
        <Match when={s()?.phase === 'question' && q()}>
          <div class="lv-card">
            <div class="lv-top">
              <span>{t('live.question', { i: s()!.index + 1, n: s()!.total })}</span>
              <span class={`lv-clock${left() <= 5 ? ' lv-warn' : ''}`} role="timer" data-testid="live-clock">
                {left() > 0 ? t('live.secondsLeft', { s: left() }) : t('live.timeUp')}
              </span>
            </div>
            <h2 class="lv-stem" data-testid="live-stem">
              {q()!.stem}
            </h2>
            <Show
              when={!answered()}
              fallback={
                <p class="lv-sent" role="status" data-testid="live-sent">
                  {t('live.sent')}
                </p>
              }
            >
              <Switch>
                <Match when={q()!.type === 'judge'}>
                  <div class="lv-options lv-two">
                    <button type="button" class="lv-option" onClick={() => send(true)} disabled={left() <= 0}>
                      {t('live.judgeTrue')}
                    </button>
                    <button type="button" class="lv-option" onClick={() => send(false)} disabled={left() <= 0}>
                      {t('live.judgeFalse')}
                    </button>
                  </div>
                </Match>
                <Match when={q()!.type === 'blank'}>
                  <form
                    class="lv-blank"
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (blank().trim()) send(blank().trim());
                    }}
                  >
                    <input
                      class="tx-input"
                      value={blank()}
                      maxLength={200}
                      placeholder={t('live.blankPlaceholder')}
                      onInput={(e) => setBlank(e.currentTarget.value)}
                    />
                    <Button type="submit" variant="primary" block disabled={!blank().trim() || left() <= 0}>
                      {t('live.submit')}
                    </Button>
                  </form>
                </Match>
                <Match when={true}>
                  <div class="lv-options">
                    <For each={q()!.options}>
                      {(o) => (
                        <button
                          type="button"
                          class={`lv-option${choice().includes(o.key) ? ' lv-chosen' : ''}`}
                          aria-pressed={choice().includes(o.key)}
                          onClick={() => tap(o.key)}
                          disabled={left() <= 0}
                          data-key={o.key}
                        >
                          <b>{o.key}</b> {o.text}
                        </button>
                      )}
                    </For>
                  </div>
                  <Show when={q()!.type === 'multiple'}>
                    <Button variant="primary" block disabled={!choice().length || left() <= 0} onClick={() => send([...choice()].sort())}>
                      {t('live.submit')}
                    </Button>
                  </Show>
                </Match>
              </Switch>
            </Show>
            <Show when={room.reply()?.accepted === false}>
              <Notice kind="warning">{t('live.notAccepted')}</Notice>
            </Show>
          </div>
        </Match>
        <Match when={s()?.phase === 'reveal'}>
          <div class={`lv-card lv-center lv-result ${s()!.you?.correct ? 'lv-ok' : 'lv-bad'}`} data-testid="live-reveal">
            <p class="lv-big">{s()!.you?.answered ? (s()!.you?.correct ? t('live.right') : t('live.wrong')) : t('live.noAnswer')}</p>
            <p>{t('live.correctAnswer', { a: answerLabel(s()!.correctAnswer, t('live.judgeTrue'), t('live.judgeFalse')) })}</p>
            <Show when={s()!.you}>
              {(you) => (
                <p class="lv-score" data-testid="live-score">
                  {t('live.yourScore', { score: you().score })} · {t('live.yourRank', { rank: you().rank })}
                </p>
              )}
            </Show>
            <p class="tx-muted">{t('live.waitNext')}</p>
          </div>
        </Match>
        <Match when={s()?.phase === 'ended'}>
          <div class="lv-card lv-center" data-testid="live-ended">
            <h2>{t('live.ended')}</h2>
            <Show when={s()!.you}>{(you) => <p class="lv-big">{t('live.finalRank', { rank: you().rank, score: you().score })}</p>}</Show>
            <h3>{t('live.top')}</h3>
            <ol class="lv-top-list">
              <For each={(s()!.top ?? []).slice(0, 10)}>
                {(e) => (
                  <li>
                    <span>{e.rank}</span> {e.name} <b>{e.score}</b>
                  </li>
                )}
              </For>
            </ol>
            {props.footer}
          </div>
        </Match>
      </Switch>
    </div>
  );
}
