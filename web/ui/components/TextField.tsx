import { splitProps, type JSX } from 'solid-js';
import { Field, fieldAria } from './Field';

type InputAttrs = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'class' | 'value' | 'onInput' | 'children'>;

export interface TextFieldProps extends InputAttrs {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  /** the input's classes; `tx-input` by default */
  inputClass?: string;
  /** figures (dates, counts, phone numbers): tabular digits (`tx-num`) */
  num?: boolean;
  /** the field wrapper's extra classes */
  fieldClass?: string;
  value: string;
  onInput: (value: string) => void;
  /** the input's `data-testid` */
  testId?: string;
}

/**
 * A labelled text input in a <Field>: label, control, hint and error, with the control's
 * aria-invalid/aria-describedby tied to them, so a form writes only what differs (type,
 * autocomplete, length). Other attributes go straight to the input.
 */
export function TextField(props: TextFieldProps) {
  const [own, input] = splitProps(props, ['id', 'label', 'error', 'hint', 'optional', 'inputClass', 'fieldClass', 'value', 'onInput', 'testId', 'num']);
  return (
    <Field id={own.id} label={own.label} error={own.error} hint={own.hint} optional={own.optional} class={own.fieldClass}>
      <input
        {...input}
        id={own.id}
        class={own.inputClass ?? (own.num ? 'tx-input tx-num' : 'tx-input')}
        value={own.value}
        onInput={(e) => own.onInput(e.currentTarget.value)}
        data-testid={own.testId}
        {...fieldAria(own.id, own.error, own.hint)}
      />
    </Field>
  );
}
