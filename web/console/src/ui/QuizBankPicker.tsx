import { createResource, For, Match, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { Skeleton } from '@ui/components/Skeleton';
import { InlineError } from '@ui/components/ErrorState';
import { fmtNumber } from '@ui/format';
import { listBanks } from '../data/quiz';
import { t } from '../i18n';
import '../quiz.css';

/**
 * Question banks to draw from, as checkboxes with their sizes. The value is the ids joined by
 * commas (the campaign form keeps every setting as text). Ids no longer listed stay checked
 * so nothing is dropped silently.
 */
export default function QuizBankPicker(props: { id: string; value: string; onInput: (v: string) => void; disabled?: boolean; inheritLabel?: string }) {
  const [banks, { refetch }] = createResource(listBanks);
  const selected = () =>
    props.value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const unknown = () => selected().filter((id) => !(banks.latest ?? []).some((b) => b.id === id));
  function toggle(id: string, on: boolean) {
    const next = on ? [...selected().filter((x) => x !== id), id] : selected().filter((x) => x !== id);
    props.onInput(next.join(','));
  }
  return (
    <div class="qz-bank-picker" id={props.id} role="group" data-testid="bank-picker">
      <Switch>
        <Match when={banks.error}>
          <InlineError error={banks.error} onRetry={() => refetch()} />
        </Match>
        <Match when={banks.loading && !banks.latest}>
          <Skeleton lines={2} />
        </Match>
        <Match when={banks.latest}>
          <Show
            when={(banks.latest?.length ?? 0) > 0}
            fallback={
              <p class="tx-small tx-muted qz-tight">
                {t('quiz.picker.none')} <A href="/quiz-banks">{t('quiz.picker.create')}</A>
              </p>
            }
          >
            <Show when={props.inheritLabel && selected().length === 0}>
              <p class="tx-small tx-muted qz-tight">{props.inheritLabel}</p>
            </Show>
            <ul class="qz-bank-list">
              <For each={banks.latest}>
                {(b) => (
                  <li>
                    <label class="cs-check qz-bank-check">
                      <input
                        type="checkbox"
                        checked={selected().includes(b.id)}
                        disabled={props.disabled}
                        onChange={(e) => toggle(b.id, e.currentTarget.checked)}
                      />
                      <span>
                        {b.title}
                        <span class="tx-small tx-muted">
                          {' '}
                          · {b.orgUnitName} · {t('quiz.picker.count', { n: fmtNumber(b.questionCount) })}
                        </span>
                      </span>
                    </label>
                  </li>
                )}
              </For>
              <For each={unknown()}>
                {(id) => (
                  <li>
                    <label class="cs-check qz-bank-check">
                      <input type="checkbox" checked disabled={props.disabled} onChange={(e) => toggle(id, e.currentTarget.checked)} />
                      <span>
                        <code>{id}</code>
                        <span class="tx-small tx-muted"> · {t('quiz.picker.unknown')}</span>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
