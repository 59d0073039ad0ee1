import { Index, Match, Show, Switch } from 'solid-js';
import { Icon } from '@ui/icons';
import { OPTION_KEYS } from '../data/quiz';
import { t } from '../i18n';
import { choice, type Draft } from './QuizQuestionDraft';

/** The question as a participant sees it on a phone: never the answer. */
export function PhonePreview(props: { draft: Draft }) {
  const d = () => props.draft;
  return (
    <div class="qz-phone" aria-hidden="true">
      <div class="qz-phone-top">
        <span class="qz-phone-progress tx-num">
          <strong>1</strong> / 10
        </span>
        <span class="tx-badge tx-badge-neutral">{t(`quiz.type.${d().type}`)}</span>
        <span class="tx-spacer" />
        <span class="tx-num qz-phone-timer">
          <Icon name="clock" /> 30
        </span>
      </div>
      <div class="qz-phone-bar" />
      <p class="qz-phone-stem">{d().stem.trim() || t('quiz.q.stemEmpty')}</p>
      <Switch>
        <Match when={choice(d().type)}>
          <ul class="qz-phone-options" data-type={d().type}>
            <Index each={d().options}>
              {(o, i) => (
                <li>
                  <span class="qz-phone-key">{OPTION_KEYS[i]}</span>
                  <span>{o().text.trim() || '—'}</span>
                </li>
              )}
            </Index>
          </ul>
        </Match>
        <Match when={d().type === 'judge'}>
          <div class="qz-phone-judge">
            <span>{t('quiz.judgeYes')}</span>
            <span>{t('quiz.judgeNo')}</span>
          </div>
        </Match>
        <Match when={d().type === 'blank'}>
          <div class="qz-phone-blank">{t('quiz.q.blankInput')}</div>
        </Match>
      </Switch>
      <Show when={d().type !== 'judge'}>
        <div class="qz-phone-confirm">{t('quiz.q.confirm')}</div>
      </Show>
    </div>
  );
}
