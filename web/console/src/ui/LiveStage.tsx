import { For, Match, Show, Switch } from 'solid-js';
import { secondsLeft, type LiveState } from '@shared/live-room';
import { answerText, joinUrlOf, qrSrc } from '../data/live';
import { t } from '../i18n';

/**
 * What a live room shows on the host's screen and on the 大屏: the PIN and QR while players
 * join, the question with its countdown and how many answered, the answer distribution and
 * the top ten after each question, unit teams, and the podium at the end. The countdown
 * runs to the server's deadline on the server's clock (`serverNow`).
 */
export function LiveStage(props: { state: LiveState; serverNow: number; big?: boolean }) {
  const s = () => props.state;
  const left = () => secondsLeft(s().deadline, props.serverNow);
  const dist = () => {
    const q = s().question;
    const d = s().distribution ?? {};
    const keys = q?.type === 'judge' ? ['true', 'false'] : q?.type === 'blank' ? ['right', 'wrong'] : (q?.options ?? []).map((o) => o.key);
    const max = Math.max(1, ...keys.map((k) => d[k] ?? 0));
    const label = (k: string) => (k === 'true' ? t('live.true') : k === 'false' ? t('live.false') : k === 'right' ? '✔' : k === 'wrong' ? '✘' : k);
    const right = (k: string) => {
      const a = s().correctAnswer;
      return a === true ? k === 'true' : a === false ? k === 'false' : Array.isArray(a) ? (q?.type === 'blank' ? k === 'right' : a.includes(k)) : a === k;
    };
    return keys.map((k) => ({ key: label(k), n: d[k] ?? 0, share: (d[k] ?? 0) / max, right: right(k) }));
  };
  return (
    <div class={`lv-stage${props.big ? ' lv-stage-big' : ''}`} data-testid="live-stage" data-phase={s().phase}>
      <Switch>
        <Match when={s().phase === 'lobby'}>
          <div class="lv-lobby">
            <h1>{s().title}</h1>
            <Show when={s().pin}>
              {(pin) => (
                <div class="lv-join">
                  <img class="lv-qr" src={qrSrc(pin())} alt={joinUrlOf(pin())} width="280" height="280" />
                  <div>
                    <p>{t('live.waiting')}</p>
                    <p class="lv-pin" data-testid="live-pin">
                      {pin()}
                    </p>
                    <p class="lv-url">{joinUrlOf(pin())}</p>
                  </div>
                </div>
              )}
            </Show>
            <p class="lv-count" data-testid="live-count">
              {t('live.players')}: <b>{s().players}</b>
            </p>
          </div>
        </Match>
        <Match when={s().phase === 'question' || s().phase === 'reveal'}>
          <div class="lv-q">
            <div class="lv-q-head">
              <span>{t('live.question', { i: s().index + 1, n: s().total })}</span>
              <span class={`lv-timer${left() <= 5 && s().phase === 'question' ? ' lv-warn' : ''}`} role="timer" data-testid="live-timer">
                {s().phase === 'question' && left() > 0 ? t('live.left', { s: left() }) : t('live.timeUp')}
              </span>
              <span data-testid="live-answered">{t('live.answered', { a: s().answered ?? 0, n: s().players })}</span>
            </div>
            <h2 class="lv-stem">{s().question?.stem}</h2>
            <Show when={s().phase === 'question'}>
              <ol class="lv-opts">
                <For each={s().question?.options ?? []}>
                  {(o) => (
                    <li>
                      <b>{o.key}</b> {o.text}
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <Show when={s().phase === 'reveal'}>
              <p class="lv-correct" data-testid="live-correct">
                {t('live.correct', { a: answerText(s().correctAnswer, t('live.true'), t('live.false')) })}
              </p>
              <div class="lv-dist" data-testid="live-dist">
                <For each={dist()}>
                  {(d) => (
                    <div class={`lv-bar${d.right ? ' lv-right' : ''}`}>
                      <span class="lv-bar-key">{d.key}</span>
                      <span class="lv-bar-fill" style={{ width: `${Math.round(d.share * 100)}%` }} />
                      <span class="lv-bar-n">{d.n}</span>
                    </div>
                  )}
                </For>
              </div>
            </Show>
          </div>
        </Match>
        <Match when={s().phase === 'ended'}>
          <div class="lv-podium" data-testid="live-podium">
            <h1>{t('live.podium')}</h1>
            <div class="lv-steps">
              <For each={[1, 0, 2].map((i) => s().top?.[i]).filter((e) => !!e)}>
                {(e) => (
                  <div class={`lv-step lv-step-${e!.rank}`}>
                    <span class="lv-step-name">{e!.name}</span>
                    <span class="lv-step-score">{e!.score}</span>
                    <span class="lv-step-rank">{e!.rank}</span>
                  </div>
                )}
              </For>
            </div>
          </div>
        </Match>
      </Switch>
      <Show when={(s().phase === 'reveal' || s().phase === 'ended') && s().top?.length}>
        <div class="lv-tables">
          <section>
            <h3>{t('live.top')}</h3>
            <ol class="lv-top" data-testid="live-top">
              <For each={s().top}>
                {(e) => (
                  <li>
                    <span class="lv-rank">{e.rank}</span>
                    <span>{e.name}</span>
                    <small>{e.unit ?? ''}</small>
                    <b>{e.score}</b>
                  </li>
                )}
              </For>
            </ol>
          </section>
          <Show when={s().teams?.length}>
            <section>
              <h3>{t('live.teams')}</h3>
              <ol class="lv-top" data-testid="live-teams">
                <For each={s().teams}>
                  {(e) => (
                    <li>
                      <span class="lv-rank">{e.rank}</span>
                      <span>{e.name}</span>
                      <small>{e.players}</small>
                      <b>{e.score}</b>
                    </li>
                  )}
                </For>
              </ol>
            </section>
          </Show>
        </div>
      </Show>
    </div>
  );
}
