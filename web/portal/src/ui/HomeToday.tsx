import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon, type IconName } from '@ui/icons';
import { fmtDate, fmtDateTime, fmtNumber } from '@ui/format';
import { getHome, itemHref, type Home, type HomeItem } from '../data/home';
import { playHref } from '../data/quiz';
import { t } from '../i18n';
import '../home.css';

const ITEM_ICON: Record<HomeItem['kind'], IconName> = { booking: 'exhibition', service_activity: 'volunteer', entry_review: 'contest', record_review: 'clock' };

/**
 * 我的今天, at the top of the home page when signed in: today's points, the streak, one tap to
 * today's quiz, and what waits for me (GET /me/home). Quiet when it cannot load: the
 * campaigns below still show.
 */
export function HomeToday() {
  const [home] = createResource(getHome);
  return (
    <Switch>
      <Match when={home.loading && !home.latest}>
        <section class="tx-card hm-today">
          <Skeleton lines={3} />
        </section>
      </Match>
      <Match when={!home.error && home.latest}>{(h) => <TodayCard home={h()} />}</Match>
    </Switch>
  );
}

function TodayCard(props: { home: Home }) {
  const h = () => props.home;
  const quiz = () => h().quiz;
  const quizHref = () => {
    const q = quiz()!;
    return q.activeAttemptId ? playHref(q.activeAttemptId) : `/c/${encodeURIComponent(q.campaign.slug)}/quiz`;
  };
  return (
    <section class="tx-card hm-today" aria-labelledby="hm-today-title" data-testid="home-today">
      <h2 id="hm-today-title" class="hm-title">
        {t('home.today')}
      </h2>
      <div class="hm-metrics">
        <div class="hm-metric">
          <div class="hm-metric-label">{t('home.pointsToday')}</div>
          <div class="hm-metric-value tx-num" data-testid="home-points">
            {fmtNumber(h().pointsToday)}
          </div>
        </div>
        <div class="hm-metric">
          <div class="hm-metric-label">{t('home.streak')}</div>
          <div class="hm-metric-value tx-num" data-testid="home-streak">
            {t('home.streakDays', { n: fmtNumber(h().streak.days) })}
          </div>
        </div>
      </div>
      <Show when={!h().streak.activeToday}>
        <p class="tx-small tx-muted hm-note">{h().streak.days > 0 ? t('home.streakKeep') : t('home.streakStart')}</p>
      </Show>
      <Show when={quiz()}>
        {(q) => (
          <Show
            when={q().attemptsLeftToday > 0 || q().activeAttemptId}
            fallback={
              <p class="hm-done tx-small">
                <Icon name="check" />
                {t('home.quizDone')} · <A href={`/c/${encodeURIComponent(q().campaign.slug)}/quiz`}>{q().campaign.title}</A>
              </p>
            }
          >
            <LinkButton href={quizHref()} variant="primary" block class="hm-quiz" data-testid="home-quiz">
              <Icon name="quiz" />
              {q().activeAttemptId ? t('home.quizResume') : t('home.quizGo')}
              <span class="hm-quiz-title">{q().campaign.title}</span>
            </LinkButton>
          </Show>
        )}
      </Show>
      <Show when={quiz()}>
        {(q) => (
          <A href={`/c/${encodeURIComponent(q().campaign.slug)}/match`} class="hm-item hm-match" data-testid="home-match">
            <Icon name="trophy" />
            <span class="hm-item-main">
              <span class="hm-item-title">{t('live.matchEntry')}</span>
              <span class="tx-small tx-muted">{q().campaign.title}</span>
            </span>
            <Icon name="chevronRight" />
          </A>
        )}
      </Show>
      <h3 class="hm-subtitle">{t('home.waiting')}</h3>
      <Show when={h().waiting.length} fallback={<p class="tx-small tx-muted hm-note">{t('home.waitingNone')}</p>}>
        <ul class="hm-items" data-testid="home-waiting">
          <For each={h().waiting}>
            {(i) => (
              <li>
                <A href={itemHref(i)} class="hm-item" data-kind={i.kind}>
                  <Icon name={ITEM_ICON[i.kind]} />
                  <span class="hm-item-main">
                    <span class="hm-item-kind tx-small">{t(`home.kind.${i.kind}`)}</span>
                    <span class="hm-item-title">{i.title}</span>
                    <span class="tx-small tx-muted">{i.at ? fmtDateTime(i.at) : t('home.submitted', { date: fmtDate(i.since) })}</span>
                  </span>
                  <Icon name="chevronRight" />
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
