import { Show } from 'solid-js';
import { Icon } from '@ui/icons';
import { answerText, type AnswerReply, type AnswerValue, type QuizQuestion } from '../data/quiz';
import { t } from '../i18n';

export interface Feedback {
  reply: AnswerReply;
  /** what was sent (null when nothing was chosen before time ran out) */
  sent: AnswerValue | null;
}

/** Classes of an option after the answer: the right ones green, a wrong choice red. */
export function markOf(f: Feedback | null, isRight: boolean, chosen: boolean, type: string): Record<string, boolean> {
  if (!f) return { 'is-chosen': chosen };
  const known = f.reply.correctAnswer !== undefined;
  if (type === 'blank') return { 'is-right': f.reply.correct, 'is-wrong': !f.reply.correct };
  return {
    'is-chosen': chosen,
    'is-right': known ? isRight : chosen && f.reply.correct,
    'is-wrong': chosen && (known ? !isRight : !f.reply.correct),
  };
}

/** After an answer: right, wrong or late, the correct answer and the explanation when revealed. */
export function FeedbackPanel(props: { feedback: Feedback; question: QuizQuestion }) {
  const r = () => props.feedback.reply;
  const words = () => ({ yes: t('quiz.judgeYes'), no: t('quiz.judgeNo'), none: t('quiz.noAnswer') });
  const kind = () => (r().late ? 'late' : r().correct ? 'right' : 'wrong');
  return (
    <section id="qz-feedback" class={`qz-feedback is-${kind()}`} role="status" aria-live="polite" data-testid="quiz-feedback" data-result={kind()}>
      <div class="qz-feedback-head">
        <Icon name={kind() === 'right' ? 'check' : kind() === 'late' ? 'clock' : 'alert'} />
        <strong>{kind() === 'right' ? t('quiz.correct') : kind() === 'late' ? t('quiz.late') : t('quiz.wrong')}</strong>
      </div>
      <Show when={r().correctAnswer !== undefined && !r().correct}>
        <p class="qz-feedback-answer">
          {t('quiz.correctAnswer')}
          <strong>{answerText(props.question, r().correctAnswer, words())}</strong>
        </p>
      </Show>
      <Show when={props.question.type === 'blank' && props.feedback.sent !== null && !r().correct}>
        <p class="tx-small">
          {t('quiz.yourAnswer')}
          {answerText(props.question, props.feedback.sent, words())}
        </p>
      </Show>
      <Show when={r().explanation}>
        <div class="qz-explain">
          <div class="qz-explain-title">{t('quiz.explanation')}</div>
          <p class="tx-pre">{r().explanation}</p>
        </div>
      </Show>
      <p class="tx-small qz-next-clock">{t('quiz.nextWhenReady')}</p>
    </section>
  );
}
