import { batch, createEffect, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { answerKeys, getAttempt, localDeadline, nextQuestion, resultHref, sendAnswer, type AnswerValue, type Attempt, type QuizQuestion } from '../data/quiz';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import '../quiz.css';
import { type Feedback, FeedbackPanel, markOf } from '../ui/QuizPlayFeedback';

/** The server's grace after a deadline (2 s) and a margin: a late answer is sent after this. */
const LATE_AFTER_MS = 3000;

interface Current {
  question: QuizQuestion;
  index: number;
  total: number;
  /** when time runs out, on this device's clock (ms) */
  endsAt: number;
  seconds: number;
}

/**
 * 答题 (/quiz/:attemptId): one question at a time against the server's clock. Nothing is sent
 * before a tap; after each answer the result (and, when revealed, the answer and explanation)
 * shows, for as long as it takes to read: the next question's clock starts only on 下一题
 * (POST /attempts/{id}/next). A reload or a return after a call resumes from GET
 * /attempts/{id}: a question whose time ran out meanwhile counts as timed out there.
 */
export default function QuizPlay() {
  const params = useParams<{ attemptId: string }>();
  const navigate = useNavigate();
  usePageMeta(() => ({ title: `${t('quiz.playTitle')} · ${t('app.name')}` }));

  const [attempt, setAttempt] = createSignal<Attempt | null>(null);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [current, setCurrent] = createSignal<Current | null>(null);
  const [fetchingNext, setFetchingNext] = createSignal(false);
  const [feedback, setFeedback] = createSignal<Feedback | null>(null);
  const [choice, setChoice] = createSignal<string[]>([]);
  const [blank, setBlank] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [sendError, setSendError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const [now, setNow] = createSignal(Date.now());
  const [correctSoFar, setCorrectSoFar] = createSignal(0);

  const timer = setInterval(() => setNow(Date.now()), 200);
  onCleanup(() => clearInterval(timer));

  /** Reads the attempt: the current question (resume), or the result when it is over. */
  async function load(message?: string) {
    setLoadError(null);
    try {
      const r = await getAttempt(params.attemptId);
      const a = r.attempt;
      if (a.status !== 'active') {
        navigate(resultHref(a.id), { replace: true });
        return;
      }
      // Between questions (back after a call, or a reload while reading feedback): the next
      // question is served now, with its full time; one that ran out while away was counted.
      const served =
        a.served && a.question ? { question: a.question, index: a.index, deadline: a.deadline, fresh: false } : { ...(await nextQuestion(a.id)), fresh: true };
      batch(() => {
        setAttempt(a);
        setCorrectSoFar(a.correct);
        show({
          question: served.question,
          index: served.index,
          total: a.total,
          endsAt: localDeadline(served.deadline, a.secondsPerQuestion, served.fresh),
          seconds: a.secondsPerQuestion,
        });
        setFeedback(null);
        setNote(message ?? (a.served ? null : a.index > 0 ? t('quiz.resumed') : null));
      });
    } catch (e) {
      setLoadError(e);
    }
  }

  function show(c: Current) {
    batch(() => {
      setCurrent(c);
      setChoice([]);
      setBlank('');
      setSendError(null);
    });
  }

  createEffect(
    on(
      () => params.attemptId,
      () => void load(),
    ),
  );

  // signed out in the middle (the session ended): back to sign-in, then here again
  createEffect(() => {
    if (!session.me.loading && !session.me.error && session.me() === null) navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  });

  const q = () => current()?.question;
  const left = () => Math.max(0, (current()?.endsAt ?? 0) - now());
  const secondsLeft = () => Math.ceil(left() / 1000);
  const timedOut = () => !!current() && !feedback() && left() <= 0;
  const warn = () => !feedback() && secondsLeft() <= 5;

  /** What the choice on screen would send; null when it is not a whole answer yet. */
  function answerOf(): AnswerValue | null {
    const qq = q();
    if (!qq) return null;
    if (qq.type === 'single') return choice()[0] ?? null;
    if (qq.type === 'multiple') return choice().length ? [...choice()].sort() : null;
    if (qq.type === 'blank') return blank().trim() ? blank().trim() : null;
    return choice()[0] === 'true' ? true : choice()[0] === 'false' ? false : null;
  }

  /** After time ran out the server counts any answer as wrong; this moves it on with what is on screen, or a placeholder. */
  function placeholder(qq: QuizQuestion): AnswerValue {
    if (qq.type === 'judge') return false;
    if (qq.type === 'blank') return '';
    const k = qq.options[0]?.key ?? 'A';
    return qq.type === 'multiple' ? [k] : k;
  }

  async function submit(value: AnswerValue | null) {
    const c = current();
    const a = attempt();
    if (!c || !a || sending() || feedback()) return;
    const late = timedOut();
    if (value === null && !late) return;
    const body = value ?? placeholder(c.question);
    setSending(true);
    setSendError(null);
    setNote(null);
    try {
      // After time ran out the server still takes an answer as on time for a short grace
      // (network delay); wait that out, so what the screen says (超时 = wrong) is what counts.
      if (late) {
        const wait = c.endsAt + LATE_AFTER_MS - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const reply = await sendAnswer(a.id, c.question.id, body);
      batch(() => {
        setFeedback({ reply, sent: value });
        setCorrectSoFar(reply.score);
      });
      requestAnimationFrame(() => document.getElementById('qz-feedback')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    } catch (e) {
      if (e instanceof ApiError && (e.reason === 'quiz_not_current' || e.reason === 'quiz_finished' || e.reason === 'quiz_not_served')) {
        // already answered (a double tap, another tab) or finished: continue from the server's state
        await load(t('quiz.synced'));
      } else {
        setSendError(errorText(e));
      }
    } finally {
      setSending(false);
    }
  }

  /** 下一题: asks the server for the next question, whose clock starts now (never while reading). */
  async function next() {
    const f = feedback();
    const a = attempt();
    const c = current();
    if (!f || !a || !c || fetchingNext()) return;
    if (f.reply.finished || !f.reply.next) {
      navigate(resultHref(a.id), { replace: true });
      return;
    }
    setFetchingNext(true);
    setSendError(null);
    try {
      const n = await nextQuestion(a.id);
      batch(() => {
        show({ question: n.question, index: n.index, total: n.total, endsAt: localDeadline(n.deadline, c.seconds, true), seconds: c.seconds });
        setFeedback(null);
      });
      window.scrollTo({ top: 0 });
    } catch (e) {
      if (e instanceof ApiError && (e.reason === 'quiz_finished' || e.reason === 'quiz_not_current')) await load(t('quiz.synced'));
      else setSendError(errorText(e));
    } finally {
      setFetchingNext(false);
    }
  }

  function tap(key: string) {
    const qq = q();
    if (!qq || feedback() || sending()) return;
    if (qq.type === 'multiple') setChoice(choice().includes(key) ? choice().filter((k) => k !== key) : [...choice(), key]);
    else setChoice([key]);
  }

  return (
    <div class="pt-page qz-page qz-play">
      <Switch>
        <Match when={loadError() instanceof ApiError && (loadError() as ApiError).status === 404}>
          <EmptyState icon="quiz" title={t('quiz.attemptMissing')} action={<LinkButton href="/campaigns">{t('nav.campaigns')}</LinkButton>} />
        </Match>
        <Match when={loadError()}>
          <ErrorState error={loadError()} onRetry={() => load()} />
        </Match>
        <Match when={!current()}>
          <div class="tx-card">
            <Skeleton title lines={5} />
          </div>
        </Match>
        <Match when={current()}>
          {(c) => (
            <>
              <div class="qz-top">
                <div class="qz-top-row">
                  <span class="qz-progress tx-num" aria-label={t('quiz.progressLabel', { i: c().index + 1, n: c().total })} data-testid="quiz-progress">
                    <strong>{c().index + 1}</strong>
                    <Show when={attempt()?.mode !== 'challenge'} fallback={<span class="tx-small"> {t('quiz.challengeHint')}</span>}>
                      {' '}
                      / {c().total}
                    </Show>
                  </span>
                  <span class="tx-badge tx-badge-neutral">{t(`quiz.type.${c().question.type}`)}</span>
                  <span class="tx-spacer" />
                  <span
                    class="qz-timer tx-num"
                    classList={{ 'is-warn': warn(), 'is-out': timedOut() }}
                    role="timer"
                    aria-label={t('quiz.timerLabel')}
                    data-testid="quiz-timer"
                  >
                    <Icon name="clock" />
                    <Show when={!feedback()} fallback={<span>—</span>}>
                      {timedOut() ? t('quiz.timeUp') : t('quiz.secondsLeft', { s: secondsLeft() })}
                    </Show>
                  </span>
                </div>
                <div class="qz-bar" classList={{ 'is-warn': warn() }} aria-hidden="true">
                  <div class="qz-bar-fill" style={{ width: `${feedback() ? 0 : Math.min(100, (left() / (c().seconds * 1000)) * 100)}%` }} />
                </div>
                <span class="tx-visually-hidden" aria-live="assertive">
                  {!feedback() && secondsLeft() === 5 ? t('quiz.warn5') : timedOut() ? t('quiz.timeUp') : ''}
                </span>
              </div>

              <Show when={note()}>
                <Notice>{note()}</Notice>
              </Show>

              <h1 class="qz-stem" data-testid="quiz-stem">
                {c().question.stem}
              </h1>
              <Show when={c().question.type === 'multiple' && !feedback()}>
                <p class="tx-small tx-muted qz-hint">{t('quiz.multipleHint')}</p>
              </Show>

              <Switch>
                <Match when={c().question.type === 'judge'}>
                  <div class="qz-judge" role="group" aria-label={t('quiz.type.judge')}>
                    <For
                      each={[
                        { v: 'true', label: t('quiz.judgeYes'), icon: 'check' as const },
                        { v: 'false', label: t('quiz.judgeNo'), icon: 'plus' as const },
                      ]}
                    >
                      {(o) => (
                        <button
                          type="button"
                          class="qz-option qz-judge-btn"
                          classList={markOf(feedback(), feedback()?.reply.correctAnswer === (o.v === 'true'), choice().includes(o.v), 'judge')}
                          aria-pressed={choice().includes(o.v)}
                          disabled={!!feedback() || sending()}
                          data-testid="quiz-option"
                          onClick={() => {
                            tap(o.v);
                            void submit(o.v === 'true');
                          }}
                        >
                          <Icon name={o.icon} class={`tx-icon ${o.v === 'false' ? 'qz-x' : ''}`} />
                          {o.label}
                        </button>
                      )}
                    </For>
                  </div>
                </Match>
                <Match when={c().question.type === 'blank'}>
                  <form
                    class="qz-blank"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void submit(answerOf());
                    }}
                  >
                    <label for="qz-blank-input" class="tx-visually-hidden">
                      {t('quiz.blankLabel')}
                    </label>
                    <input
                      id="qz-blank-input"
                      class="tx-input qz-blank-input"
                      classList={markOf(feedback(), feedback()?.reply.correct ?? false, true, 'blank')}
                      autocomplete="off"
                      enterkeyhint="done"
                      maxLength={200}
                      placeholder={t('quiz.blankPlaceholder')}
                      value={blank()}
                      disabled={!!feedback() || sending()}
                      onInput={(e) => setBlank(e.currentTarget.value)}
                      data-testid="quiz-blank"
                    />
                  </form>
                </Match>
                <Match when={true}>
                  <ul class="qz-options" data-type={c().question.type} role="group" aria-label={t(`quiz.type.${c().question.type}`)}>
                    <For each={c().question.options}>
                      {(o) => (
                        <li>
                          <button
                            type="button"
                            class="qz-option"
                            classList={markOf(
                              feedback(),
                              answerKeys(feedback()?.reply.correctAnswer).includes(o.key),
                              choice().includes(o.key),
                              c().question.type,
                            )}
                            aria-pressed={choice().includes(o.key)}
                            disabled={!!feedback() || sending()}
                            onClick={() => tap(o.key)}
                            data-testid="quiz-option"
                          >
                            <span class="qz-key" aria-hidden="true">
                              {o.key}
                            </span>
                            <span class="qz-option-text">{o.text}</span>
                            <span class="tx-visually-hidden">{choice().includes(o.key) ? t('quiz.selected') : ''}</span>
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </Match>
              </Switch>

              <Show when={timedOut()}>
                <Notice kind="warning" icon="clock">
                  <strong>{t('quiz.timeUp')}</strong>
                  <br />
                  {t('quiz.timeUpBody')}
                </Notice>
              </Show>
              <FormError message={sendError()} />

              <Show when={feedback()}>{(f) => <FeedbackPanel feedback={f()} question={c().question} />}</Show>

              {/* after an answer the button follows the feedback in the flow, so it never covers the explanation */}
              <div class="qz-actions" classList={{ 'is-flow': !!feedback() }}>
                <Switch>
                  <Match when={feedback()}>
                    <Button variant="primary" block class="qz-big" loading={fetchingNext()} onClick={() => void next()} data-testid="quiz-next">
                      {feedback()!.reply.finished || !feedback()!.reply.next ? t('quiz.finish') : t('quiz.next')}
                      <Icon name="chevronRight" />
                    </Button>
                  </Match>
                  <Match when={c().question.type === 'judge' && !timedOut()}>
                    <p class="tx-small tx-muted qz-center">{t('quiz.judgeHint')}</p>
                  </Match>
                  <Match when={true}>
                    <Button
                      variant="primary"
                      block
                      class="qz-big"
                      loading={sending()}
                      disabled={!timedOut() && answerOf() === null}
                      onClick={() => void submit(answerOf())}
                      data-testid="quiz-confirm"
                    >
                      {sending() ? t('state.sending') : timedOut() ? t('quiz.continue') : t('quiz.confirm')}
                    </Button>
                  </Match>
                </Switch>
                <p class="qz-score tx-small tx-muted tx-num">
                  {t('quiz.scoreSoFar', { n: correctSoFar() })}
                  <Show when={attempt()}>
                    {' · '}
                    <A href={`/c/${encodeURIComponent(attempt()!.campaignId)}/quiz`}>{t('quiz.leave')}</A>
                  </Show>
                </p>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
