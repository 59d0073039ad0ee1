import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { ProgressBar } from '@ui/components/ProgressBar';
import { Icon } from '@ui/icons';
import { fmtNumber, phaseOf } from '@ui/format';
import { getLobby, quizHref, startBlock } from '../data/quiz';
import { t } from '../i18n';
import { KindMeCard } from './KindMeCard';
import '../quiz.css';

/** 每日答题 on 我的: today's points against the cap and a 去答题 button, per daily quiz on now. Loaded on demand. */
export default function QuizDailyCard() {
  return (
    <KindMeCard
      kind="quiz"
      title={t('quiz.dailyTitle')}
      icon="quiz"
      testId="quiz-daily"
      class="qz-daily"
      listClass="qz-daily-list"
      filter={(c) => (c.settings as Record<string, unknown> | null)?.mode === 'daily' && phaseOf(c) === 'ongoing'}
      // a lobby that fails (members-only, say) still shows the quiz, without today's numbers
      mine={(c) => getLobby(c.id)}
    >
      {(it) => {
        const l = () => it.mine;
        const done = () => !!l() && !l()!.activeAttemptId && !!startBlock(l()!);
        return (
          <div class="qz-daily-item">
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
          </div>
        );
      }}
    </KindMeCard>
  );
}
