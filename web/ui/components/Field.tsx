import { Show, type JSX } from 'solid-js';
import { Icon } from '../icons';
import { kt } from '../i18n/kit';

/**
 * A form field: label above, the control, then a hint and the error under it.
 * The control must use `id` and can spread `fieldAria(id, error)` for accessibility.
 */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <div class={`tx-field ${props.class ?? ''}`}>
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          <span class="tx-field-optional">{kt('form.optional')}</span>
        </Show>
      </label>
      {props.children}
      <Show when={props.hint && !props.error}>
        <div class="tx-field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <div class="tx-field-error" id={`${props.id}-error`} role="alert">
          <Icon name="alert" />
          <span>{props.error}</span>
        </div>
      </Show>
    </div>
  );
}

/** aria-invalid and aria-describedby for a control inside <Field>. */
export function fieldAria(id: string, error: string | undefined, hint?: string) {
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

/** A message for the whole form (not tied to one field). */
export function FormError(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      <div class="tx-form-error" role="alert">
        <Icon name="alert" />
        <span>{props.message}</span>
      </div>
    </Show>
  );
}

/** A failed action's message next to its button or control (a whole form's goes in FormError). */
export function ActionError(props: { message: string | null | undefined; id?: string }) {
  return (
    <Show when={props.message}>
      <p id={props.id} class="tx-field-error" role="alert">
        <Icon name="alert" />
        <span>{props.message}</span>
      </p>
    </Show>
  );
}

export function Notice(props: { kind?: 'info' | 'success' | 'warning' | 'highlight'; icon?: Parameters<typeof Icon>[0]['name']; children: JSX.Element }) {
  return (
    <div class={`tx-notice ${props.kind && props.kind !== 'info' ? `tx-notice-${props.kind}` : ''}`} role="status">
      <Icon name={props.icon ?? (props.kind === 'success' ? 'check' : props.kind === 'warning' ? 'alert' : 'info')} />
      <div>{props.children}</div>
    </div>
  );
}
