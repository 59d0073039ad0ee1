import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { FormError, Notice } from '@ui/components/Field';
import { ErrorState, errorText } from '@ui/components/ErrorState';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtDate, fmtDateTime, fmtNumber, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { boardHref } from '../data/campaigns';
import { getLobby, listStages, playHref, resultHref, sentenceGap, startAttempt, startBlock, type Lobby, type StageInfo } from '../data/quiz';
import { session } from '../data/session';
import { campaignHref } from '../data/campaigns';
import { t } from '../i18n';
import { ClosedNotice } from '../ui/ClosedNotice';
import { KindBadge } from '../ui/KindCover';
import '../quiz.css';
import { CampaignGate } from '../ui/CampaignGate';

type Settings = Record<string, unknown>;
const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** 答题 lobby (/c/:idOrSlug/quiz): the rules in plain words, the stage, today's numbers and the big start button. */
export default function QuizLobby() {
  return (
    <CampaignGate
      kind="quiz"
      class="qz-page"
      backClass="qz-back"
      backLabel={t('quiz.back')}
      meta={(c) =>
        c
          ? { title: `${c.title} · ${t('quiz.lobbyTitle')} · ${t('app.name')}`, description: c.summary }
          : { title: `${t('quiz.lobbyTitle')} · ${t('app.name')}` }
      }
      notKind={t('quiz.notQuiz')}
      skeleton={() => <LobbySkeleton />}
    >
      {(c) => <LobbyLoader campaign={c} />}
    </CampaignGate>
  );
}

/** The lobby of a loaded quiz: the signed-in member's attempts and stages come with it. */
function LobbyLoader(props: { campaign: Campaign }) {
  const signedIn = () => !session.me.loading && !session.me.error && !!session.me();
  const [lobby, { refetch: refetchLobby }] = createResource(() => (signedIn() ? props.campaign.id : false), getLobby);
  return (
    <LobbyBody
      campaign={props.campaign}
      lobby={lobby.error ? undefined : lobby.latest}
      lobbyLoading={lobby.loading}
      lobbyError={lobby.error}
      retryLobby={refetchLobby}
    />
  );
}

function LobbySkeleton() {
  return (
    <>
      <Skeleton title lines={1} />
      <div class="tx-card qz-gap">
        <Skeleton lines={4} />
      </div>
      <div class="tx-card qz-gap">
        <Skeleton lines={3} />
      </div>
    </>
  );
}

function LobbyBody(props: { campaign: Campaign; lobby: Lobby | undefined; lobbyLoading: boolean; lobbyError: unknown; retryLobby: () => unknown }) {
  const c = () => props.campaign;
  const s = () => (c().settings ?? {}) as Settings;
  const phase = () => phaseOf(c());
  const signedOut = () => !session.me.loading && !session.me.error && !session.me();
  // signed out there is no lobby: the stages are public
  const [publicStages] = createResource(() => (signedOut() ? c().id : false), listStages);
  const stages = () => props.lobby?.stages ?? (publicStages.error ? undefined : publicStages.latest) ?? [];

  return (
    <>
      <header class="qz-head">
        <div class="tx-row">
          <KindBadge kind={c().kind} />
          <span class="tx-badge tx-badge-neutral">{modeLabel(String(props.lobby?.mode ?? s().mode ?? 'daily'))}</span>
        </div>
        <h1 class="qz-title">{c().title}</h1>
      </header>

      <Switch>
        <Match when={c().status === 'draft'}>
          <Notice kind="warning">{t('campaign.draftNote')}</Notice>
        </Match>
        <Match when={phase() === 'ended'}>
          <ClosedNotice />
        </Match>
      </Switch>

      <Show when={phase() === 'ongoing' || phase() === 'upcoming'}>
        <section class="qz-cta" aria-live="polite">
          <Switch>
            <Match when={phase() === 'upcoming'}>
              <Notice kind="highlight" icon="clock">
                {t('campaign.upcomingNote', { date: fmtDateTime(c().startsAt) })}
              </Notice>
            </Match>
            <Match when={signedOut()}>
              <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary" block class="qz-big">
                {t('quiz.signIn')}
              </LinkButton>
            </Match>
            <Match when={props.lobbyError}>
              <ErrorState error={props.lobbyError} onRetry={props.retryLobby} />
            </Match>
            <Match when={!props.lobby}>
              <div class="tx-card">
                <Skeleton lines={3} />
              </div>
            </Match>
            <Match when={props.lobby}>{(l) => <Today campaign={c()} lobby={l()} onStale={props.retryLobby} />}</Match>
          </Switch>
        </section>
      </Show>

      <Show when={stages().length}>
        <Stages
          stages={stages()}
          current={props.lobby ? props.lobby.stage : (stages().find((st) => stagePhase(st) === 'ongoing') ?? null)}
          admitted={props.lobby?.admitted}
        />
      </Show>

      <Rules campaign={c()} lobby={props.lobby} />

      {/* 双人对战 / 四人赛 (live matches, issue 17) */}
      <LinkButton href={`${campaignHref(c())}/match`} block>
        <Icon name="flag" />
        {t('live.match')}
      </LinkButton>
      <LinkButton href={boardHref(c())} block>
        <Icon name="trophy" />
        {t('campaign.viewBoard')}
      </LinkButton>
    </>
  );
}

export function modeLabel(mode: string): string {
  return mode === 'challenge' ? t('quiz.modeChallenge') : mode === 'round' ? t('quiz.modeRound') : t('quiz.modeDaily');
}

/** Today's numbers and the start / resume button (signed in, campaign open). */
function Today(props: { campaign: Campaign; lobby: Lobby; onStale: () => unknown }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const l = () => props.lobby;
  const block = () => startBlock(l());
  const capFull = () => l().dailyPointsCap > 0 && l().pointsToday >= l().dailyPointsCap;

  async function start() {
    const active = l().activeAttemptId;
    if (active) return navigate(playHref(active));
    setBusy(true);
    setError(null);
    try {
      navigate(playHref(await startAttempt(props.campaign.id)));
    } catch (e) {
      setError(errorText(e));
      // limits or the stage may have changed since the lobby was read
      if (e instanceof ApiError && (e.status === 429 || e.status === 403 || e.status === 409)) void props.onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div class="qz-stats" data-testid="quiz-today">
        <div class="qz-stat">
          <div class="qz-stat-label">{t('quiz.attemptsLeft')}</div>
          <div class="qz-stat-value tx-num">
            {fmtNumber(l().attemptsLeftToday)}
            <small> / {fmtNumber(l().attemptsPerDay)}</small>
          </div>
        </div>
        <div class="qz-stat">
          <div class="qz-stat-label">{t('quiz.pointsToday')}</div>
          <div class="qz-stat-value tx-num">
            {fmtNumber(l().pointsToday)}
            <small> / {fmtNumber(l().dailyPointsCap)}</small>
          </div>
          <ProgressBar value={l().dailyPointsCap ? Math.min(1, l().pointsToday / l().dailyPointsCap) : 0} label={t('quiz.pointsToday')} />
        </div>
        <div class="qz-stat">
          <div class="qz-stat-label">{t('quiz.myRank')}</div>
          <Show when={l().board.rank !== null} fallback={<div class="qz-stat-value qz-stat-none">{t('quiz.notRanked')}</div>}>
            {/* gold is for the podium only (ranks 1–3), as on the boards */}
            <div class="qz-stat-value tx-num" classList={{ 'qz-gold': (l().board.rank ?? 99) <= 3 }}>
              {t('board.topRank', { rank: fmtNumber(l().board.rank) })}
            </div>
            <div class="tx-small tx-muted tx-num">
              {t('quiz.bestScore', { score: fmtNumber(l().board.score) })} · {t('board.ofTotal', { n: fmtNumber(l().board.total) })}
            </div>
          </Show>
        </div>
      </div>

      <Show when={capFull()}>
        <Notice kind="highlight" icon="star">
          {t('quiz.capReached')}
        </Notice>
      </Show>
      <Show when={l().activeAttemptId}>
        <Notice kind="warning" icon="clock">
          {t('quiz.resumeHint')}
        </Notice>
      </Show>
      <FormError message={error()} />
      <Show
        when={!block()}
        fallback={
          <>
            <Notice kind="warning" icon="info">
              <span data-testid="quiz-blocked">{t(block()!)}</span>
            </Notice>
            {/* attempts used up: the way to what was achieved, not a dead end */}
            <Show when={l().lastAttemptId}>
              {(last) => (
                <LinkButton href={resultHref(last())} variant="primary" block class="qz-big">
                  <Icon name="trophy" />
                  {t('quiz.lastResult')}
                </LinkButton>
              )}
            </Show>
          </>
        }
      >
        <Button variant="primary" block class="qz-big" loading={busy()} onClick={start} data-testid="quiz-start">
          <Show when={!busy()}>
            <Icon name={l().activeAttemptId ? 'chevronRight' : 'quiz'} />
          </Show>
          {busy() ? t('quiz.starting') : l().activeAttemptId ? t('quiz.resume') : t('quiz.start')}
        </Button>
      </Show>
    </>
  );
}

/** 答题规则 in plain words, from the lobby (the stage's rules) or the campaign's settings. */
function Rules(props: { campaign: Campaign; lobby: Lobby | undefined }) {
  const s = () => (props.campaign.settings ?? {}) as Settings;
  const mode = () => String(props.lobby?.mode ?? s().mode ?? 'daily');
  const n = () => props.lobby?.questionsPerAttempt ?? num(s().questionsPerAttempt, 5);
  const sec = () => props.lobby?.secondsPerQuestion ?? num(s().secondsPerQuestion, 30);
  const perDay = () => props.lobby?.attemptsPerDay ?? num(s().attemptsPerDay, 1);
  const total = () => (props.lobby ? props.lobby.attemptsTotal : typeof s().attemptsTotal === 'number' ? (s().attemptsTotal as number) : null);
  const cap = () => props.lobby?.dailyPointsCap ?? num(s().dailyPointsCap, 10);
  const perCorrect = () => num(s().pointsPerCorrect, 1);
  const forFinish = () => num(s().pointsForFinish, 0);
  const reveal = () => s().revealAnswers !== false;

  const lead = () =>
    mode() === 'challenge'
      ? t('quiz.ruleChallenge', { s: sec(), attempts: perDay() })
      : mode() === 'round'
        ? t('quiz.ruleRound', { n: n(), s: sec(), attempts: perDay() })
        : t('quiz.ruleDaily', { n: n(), s: sec(), attempts: perDay() });

  return (
    <section class="tx-card qz-rules" aria-labelledby="qz-rules-title">
      <h2 id="qz-rules-title">{t('quiz.rules')}</h2>
      <p class="qz-rules-lead">{lead()}</p>
      <ul class="qz-rule-list">
        <Show when={mode() !== 'daily'}>
          <li>
            <Icon name="trophy" />
            {t('quiz.ruleRank')}
          </li>
        </Show>
        <Show when={perCorrect() > 0}>
          <li>
            <Icon name="star" />
            {t('quiz.rulePoints', { p: perCorrect(), cap: cap() })}
            <Show when={forFinish() > 0}>
              {sentenceGap()}
              {t('quiz.ruleFinish', { f: forFinish() })}
            </Show>
          </li>
        </Show>
        <Show when={total() !== null}>
          <li>
            <Icon name="flag" />
            {t('quiz.ruleTotal', { n: total()! })}
          </li>
        </Show>
        <li>
          <Icon name="clock" />
          {t('quiz.ruleTimeout')}
        </li>
        <Show when={reveal()}>
          <li>
            <Icon name="info" />
            {t('quiz.ruleReveal')}
          </li>
        </Show>
      </ul>
    </section>
  );
}

function stagePhase(st: StageInfo, now = Date.now()): 'upcoming' | 'ongoing' | 'ended' {
  if (now < Date.parse(st.startsAt)) return 'upcoming';
  if (now >= Date.parse(st.endsAt)) return 'ended';
  return 'ongoing';
}

/** 比赛阶段: each stage with its dates, the one open now, and who may take part in the later ones. */
function Stages(props: { stages: StageInfo[]; current: StageInfo | null; admitted: boolean | undefined }) {
  const sorted = () => [...props.stages].sort((a, b) => a.ord - b.ord);
  return (
    <section class="tx-card" aria-labelledby="qz-stages-title">
      <h2 id="qz-stages-title">{t('quiz.stages')}</h2>
      <ol class="qz-stages">
        <For each={sorted()}>
          {(st, i) => {
            const ph = () => stagePhase(st);
            const current = () => props.current?.id === st.id;
            const prev = () => sorted()[i() - 1];
            return (
              <li class="qz-stage" classList={{ 'is-current': current(), 'is-ended': ph() === 'ended' }} data-stage={st.id}>
                <span class="qz-stage-dot" aria-hidden="true">
                  {st.ord}
                </span>
                <div class="qz-stage-main">
                  <div class="tx-row">
                    <strong>{st.name}</strong>
                    <span class={`tx-badge ${ph() === 'ongoing' ? 'tx-badge-green' : ph() === 'upcoming' ? 'tx-badge-orange' : 'tx-badge-neutral'}`}>
                      {t(ph() === 'ongoing' ? 'quiz.stageNow' : ph() === 'upcoming' ? 'quiz.stageUpcoming' : 'quiz.stageEnded')}
                    </span>
                    <Show when={current() && st.ord > 1 && props.admitted !== undefined}>
                      <span class={`tx-badge ${props.admitted ? 'tx-badge-gold' : 'tx-badge-neutral'}`}>
                        {t(props.admitted ? 'quiz.admitted' : 'quiz.notAdmitted')}
                      </span>
                    </Show>
                  </div>
                  <div class="tx-small tx-muted tx-num">
                    {fmtDateTime(st.startsAt)} – {fmtDateTime(st.endsAt)}
                  </div>
                  <Show when={st.ord > 1 && !current()}>
                    <div class="tx-small qz-stage-note">
                      {t('quiz.admissionOnly')}
                      <Show when={prev() && ph() === 'upcoming'}>
                        {sentenceGap()}
                        {t('quiz.listAfter', { prev: prev()!.name, date: fmtDate(prev()!.endsAt) })}
                      </Show>
                    </div>
                  </Show>
                </div>
              </li>
            );
          }}
        </For>
      </ol>
    </section>
  );
}
