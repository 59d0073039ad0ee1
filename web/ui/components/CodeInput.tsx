import { Show } from 'solid-js';
import { ActionError } from './Field';

/**
 * The 6-digit check-in code box (service activities, training sessions): digits only, the
 * phone's number pad and one-time-code autofill, with its label, hint and error tied to it.
 */
export function CodeInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (digits: string) => void;
  error?: string | null;
  hint?: string;
  ref?: (el: HTMLInputElement) => void;
  testId?: string;
}) {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  return (
    <>
      <label for={props.id} class="sa-code-label">
        {props.label}
      </label>
      <input
        id={props.id}
        ref={(el) => props.ref?.(el)}
        class="tx-input tx-num sa-code-input"
        inputmode="numeric"
        pattern="[0-9]*"
        autocomplete="one-time-code"
        maxLength={6}
        placeholder="••••••"
        value={props.value}
        onInput={(e) => {
          const v = e.currentTarget.value.replace(/\D/g, '').slice(0, 6);
          e.currentTarget.value = v;
          props.onInput(v);
        }}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId() : props.hint ? hintId() : undefined}
        data-testid={props.testId}
      />
      <Show when={props.hint && !props.error}>
        <p id={hintId()} class="tx-field-hint">
          {props.hint}
        </p>
      </Show>
      <ActionError id={errorId()} message={props.error} />
    </>
  );
}
