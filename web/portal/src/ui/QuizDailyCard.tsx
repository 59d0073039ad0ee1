import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { errorText } from '@ui/components/ErrorState';
import { Button } from '@ui/components/Button';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtNumber, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { getLobby, quizHref, startBlock, type Lobby } from '../data/quiz';
import { t } from '../i18n';
import '../quiz.css';

/** Open daily quizzes and my numbers today (at most three; the card is left out when there are none). */
async function loadDaily(): Promise<Array<{ campaign: Campaign; lobby: Lobby | null }>> {
  const page = await listCampaigns({ kind: 'quiz', status: 'published', limit: 50 });
  const daily = page.items
    .filter((c) => (c.settings as Record<string, unknown> | null)?.mode === 'daily' && phaseOf(c) === 'ongoing')
    .slice(0, 3);
  // a lobby that fails (members-only, say) still shows the quiz, without today's numbers
  return Promise.all(daily.map(async (campaign) => ({ campaign, lobby: await getLobby(campaign.id).catch(() => null) })));
}

/** 每日答题 on 我的: today's points against the cap and a 去答题 button. Loaded on demand. */
export default function QuizDailyCard() {
  const [items, { refetch }] = createResource(loadDaily);
  return (
    <Show when={items.loading || items.error || (items.latest?.length ?? 0) > 0}>
      <section class="tx-card qz-daily" aria-labelledby="qz-daily-title" data-testid="quiz-daily">
        <h2 id="qz-daily-title">
          <Icon name="quiz" />
          {t('quiz.dailyTitle')}
        </h2>
        <Switch>
          <Match when={items.error}>
            <div class="tx-row">
              <span class="tx-field-error">{errorText(items.error)}</span>
              <Button small onClick={() => void refetch()}>
                {t('action.retry')}
              </Button>
            </div>
          </Match>
          <Match when={items.loading}>
            <Skeleton lines={2} />
          </Match>
          <Match when={items.latest}>
            <ul class="qz-daily-list">
              <For each={items.latest}>
                {(it) => {
                  const l = () => it.lobby;
                  const done = () => !!l() && !l()!.activeAttemptId && !!startBlock(l()!);
                  return (
                    <li class="qz-daily-item">
                      <A href={quizHref(it.campaign)} class="qz-daily-name">
                        {it.campaign.title}
                      </A>
                      <Show when={l()}>
                        {(lb) => (
                          <>
                            <div class="qz-daily-points tx-num">
                              <span>{t('quiz.pointsToday')}</span>
                              <strong>
                                {fmtNumber(lb().pointsToday)} / {fmtNumber(lb().dailyPointsCap)}
                              </strong>
                            </div>
                            <ProgressBar value={lb().dailyPointsCap ? Math.min(1, lb().pointsToday / lb().dailyPointsCap) : 0} label={t('quiz.pointsToday')} />
                          </>
                        )}
                      </Show>
                      <Show
                        when={!done()}
                        fallback={
                          <p class="tx-small tx-muted qz-daily-done">
                            <Icon name="check" />
                            {t('quiz.dailyDone')}
                          </p>
                        }
                      >
                        <LinkButton href={quizHref(it.campaign)} variant="primary" block>
                          {l()?.activeAttemptId ? t('quiz.resume') : t('quiz.go')}
                          <Icon name="chevronRight" />
                        </LinkButton>
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
    </Show>
  );
}
