import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useNavigate, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { SharePanel } from '@ui/components/SharePanel';
import { FormError } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtNumber } from '@ui/format';
import { boardHref, campaignHref, getCampaign } from '../data/campaigns';
import {
  answerKeys,
  answerText,
  getAttempt,
  getLobby,
  playHref,
  quizHref,
  startAttempt,
  startBlock,
  type Attempt,
  type AttemptResult,
  type ResultQuestion,
} from '../data/quiz';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import '../quiz.css';

/** 成绩 (/quiz/:attemptId/result): score, time, points, rank, and every question with its answer. */
export default function QuizResult() {
  const params = useParams<{ attemptId: string }>();
  const navigate = useNavigate();
  const [data, { refetch }] = createResource(() => params.attemptId, getAttempt);
  const attempt = () => (data.error ? undefined : data.latest?.attempt);
  const [campaign] = createResource(() => attempt()?.campaignId ?? false, getCampaign);
  const [lobby] = createResource(() => attempt()?.campaignId ?? false, getLobby);

  createEffect(() => {
    const a = attempt();
    if (a && a.status === 'active') navigate(playHref(a.id), { replace: true });
  });

  usePageMeta(() => {
    const c = campaign.error ? undefined : campaign.latest;
    return { title: `${t('quiz.resultTitle')}${c ? ` · ${c.title}` : ''} · ${t('app.name')}` };
  });

  const missing = () => data.error instanceof ApiError && data.error.status === 404;

  return (
    <div class="pt-page qz-page qz-result">
      <Switch>
        <Match when={missing()}>
          <EmptyState icon="quiz" title={t('quiz.attemptMissing')} action={<LinkButton href="/campaigns">{t('nav.campaigns')}</LinkButton>} />
        </Match>
        <Match when={data.error}>
          <ErrorState error={data.error} onRetry={refetch} />
        </Match>
        <Match when={!data.latest?.result}>
          <div class="tx-card">
            <Skeleton title lines={4} />
          </div>
          <div class="tx-card qz-gap">
            <Skeleton lines={6} />
          </div>
        </Match>
        <Match when={data.latest?.result}>
          {(r) => (
            <>
              <Summary attempt={attempt()!} result={r()} title={campaign.error ? undefined : campaign.latest?.title} />
              <Actions
                campaignId={attempt()!.campaignId}
                campaign={campaign.error ? undefined : campaign.latest}
                canAgain={!lobby.error && !!lobby.latest && (!!lobby.latest.activeAttemptId || !startBlock(lobby.latest))}
                resumeId={lobby.latest?.activeAttemptId ?? null}
              />
              <Show when={!campaign.error && campaign.latest}>
                {(c) => (
                  <div class="qz-share">
                    <SharePanel
                      small
                      path={quizHref(c())}
                      title={
                        attempt()!.mode === 'challenge'
                          ? t('quiz.shareStreak', { title: c().title, n: r().correct })
                          : t('quiz.shareScore', { title: c().title, correct: r().correct, total: r().total })
                      }
                      subtitle={r().rank ? t('quiz.shareRank', { rank: r().rank!, s: r().seconds }) : t('quiz.shareTime', { s: r().seconds })}
                      fileName={`${c().slug}-result`}
                      caption={t('quiz.shareCaption')}
                    />
                  </div>
                )}
              </Show>
              <Review result={r()} mode={attempt()!.mode} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function Summary(props: { attempt: Attempt; result: AttemptResult; title: string | undefined }) {
  const r = () => props.result;
  const challenge = () => props.attempt.mode === 'challenge';
  // a challenge ends at the first wrong answer: judge it by the questions reached
  const ratio = () => (challenge() ? (r().questions.length ? r().correct / r().questions.length : 0) : r().total ? r().correct / r().total : 0);
  const praise = () => (ratio() >= 0.9 ? t('quiz.praiseHigh') : ratio() >= 0.6 ? t('quiz.praiseMid') : t('quiz.praiseLow'));
  return (
    <section class="tx-card qz-summary" data-testid="quiz-result">
      <Show when={props.title}>
        <p class="tx-small tx-muted qz-summary-campaign">{props.title}</p>
      </Show>
      <h1 class="qz-summary-title">{t('quiz.resultTitle')}</h1>
      <div class="qz-ring" style={{ '--qz-p': `${Math.round(ratio() * 100)}` }}>
        <div class="qz-ring-inner">
          <span class="qz-ring-num tx-num" data-testid="quiz-score">
            {fmtNumber(r().correct)}
            <Show when={!challenge()}>
              <small>/{fmtNumber(r().total)}</small>
            </Show>
          </span>
          <span class="tx-small tx-muted">{challenge() ? t('quiz.streakLabel') : t('quiz.correctLabel')}</span>
        </div>
      </div>
      <p class="qz-praise">{praise()}</p>
      <dl class="qz-figures">
        <div>
          <dt>{t('quiz.rank')}</dt>
          <dd class="tx-num" data-testid="quiz-rank">
            <Show when={r().rank !== null} fallback={<span class="tx-muted">{t('quiz.notRanked')}</span>}>
              <span classList={{ 'qz-gold': (r().rank ?? 99) <= 3 }}>{t('board.topRank', { rank: fmtNumber(r().rank) })}</span>
              <small>{t('board.ofTotal', { n: fmtNumber(r().boardTotal) })}</small>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('quiz.time')}</dt>
          <dd class="tx-num">{t('quiz.seconds', { s: fmtNumber(r().seconds) })}</dd>
        </div>
        <div>
          <dt>{t('quiz.pointsEarned')}</dt>
          <dd class="tx-num qz-points">+{fmtNumber(r().points)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Actions(props: { campaignId: string; campaign: { id: string; slug: string } | undefined; canAgain: boolean; resumeId: string | null }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const ref = () => props.campaign ?? { id: props.campaignId, slug: '' };

  async function again() {
    if (props.resumeId) return navigate(playHref(props.resumeId));
    setBusy(true);
    setError(null);
    try {
      navigate(playHref(await startAttempt(props.campaignId)));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="qz-result-actions">
      <FormError message={error()} />
      <LinkButton href={boardHref(ref())} variant="primary" block class="qz-big">
        <Icon name="trophy" />
        {t('campaign.viewBoard')}
      </LinkButton>
      <Show when={props.canAgain}>
        <Button block loading={busy()} onClick={again} data-testid="quiz-again">
          <Icon name="refresh" />
          {props.resumeId ? t('quiz.resume') : t('quiz.again')}
        </Button>
      </Show>
      <div class="qz-result-links">
        <LinkButton href={quizHref(ref())} variant="ghost">
          {t('quiz.toLobby')}
        </LinkButton>
        <LinkButton href={campaignHref(ref())} variant="ghost">
          {t('quiz.back')}
        </LinkButton>
      </div>
    </div>
  );
}

function Review(props: { result: AttemptResult; mode: string }) {
  return (
    <section class="qz-review" aria-labelledby="qz-review-title">
      <h2 id="qz-review-title">{t('quiz.review')}</h2>
      <Show when={props.result.questions.length > 0 && !props.result.questions.some((q) => q.correctAnswer !== undefined)}>
        <p class="tx-small tx-muted">{t('quiz.revealOff')}</p>
      </Show>
      <Show when={props.result.questions.length > 0} fallback={<p class="tx-muted">{t('quiz.reviewEmpty')}</p>}>
        <ol class="qz-review-list">
          <For each={props.result.questions}>{(q, i) => <ReviewItem q={q} n={i() + 1} />}</For>
        </ol>
      </Show>
      <Show when={props.result.questions.length < props.result.total && props.mode !== 'challenge'}>
        <p class="tx-small tx-muted qz-unanswered">{t('quiz.unanswered', { n: props.result.total - props.result.questions.length })}</p>
      </Show>
    </section>
  );
}

function ReviewItem(props: { q: ResultQuestion; n: number }) {
  const q = () => props.q;
  const words = () => ({ yes: t('quiz.judgeYes'), no: t('quiz.judgeNo'), none: t('quiz.noAnswer') });
  const revealed = () => q().correctAnswer !== undefined;
  const right = () => new Set(answerKeys(q().correctAnswer));
  // a late answer counts as wrong whatever it was (after a timeout the screen sends a placeholder)
  const mine = () => new Set(q().late ? [] : answerKeys(q().yourAnswer));
  return (
    <li class="tx-card qz-review-item" classList={{ 'is-right': q().correct, 'is-wrong': !q().correct }} data-testid="quiz-review-item">
      <div class="tx-row qz-review-head">
        <span class="qz-review-n tx-num">{t('quiz.qn', { n: props.n })}</span>
        <span class="tx-badge tx-badge-neutral">{t(`quiz.type.${q().type}`)}</span>
        <span class="tx-spacer" />
        <span class={`tx-badge ${q().correct ? 'tx-badge-green' : 'tx-badge-orange'}`}>
          <Icon name={q().correct ? 'check' : q().late ? 'clock' : 'alert'} />
          {q().correct ? t('quiz.isRight') : q().late ? t('quiz.isLate') : t('quiz.isWrong')}
        </span>
      </div>
      <p class="qz-review-stem">{q().stem}</p>
      <Show when={q().options.length > 0}>
        <ul class="qz-review-options">
          <For each={q().options}>
            {(o) => (
              <li
                classList={{
                  'is-right': revealed() && right().has(o.key),
                  'is-mine': mine().has(o.key),
                  'is-wrong': mine().has(o.key) && revealed() && !right().has(o.key),
                }}
              >
                <span class="qz-key qz-key-sm" aria-hidden="true">
                  {o.key}
                </span>
                <span>{o.text}</span>
                <Show when={mine().has(o.key)}>
                  <span class="qz-mine-tag">{t('quiz.mine')}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <dl class="qz-review-answers">
        <div>
          <dt>{t('quiz.yourAnswer')}</dt>
          <dd>{q().late ? t('quiz.lateAnswer') : answerText(q(), q().yourAnswer, words())}</dd>
        </div>
        <Show when={revealed()}>
          <div>
            <dt>{t('quiz.correctAnswer')}</dt>
            <dd class="qz-right-text">{answerText(q(), q().correctAnswer, words())}</dd>
          </div>
        </Show>
      </dl>
      <Show when={q().explanation}>
        <div class="qz-explain">
          <div class="qz-explain-title">{t('quiz.explanation')}</div>
          <p class="tx-pre">{q().explanation}</p>
        </div>
      </Show>
    </li>
  );
}
