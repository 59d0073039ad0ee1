import { Field, fieldAria } from './Field';

interface TextFieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  value: string;
  onInput: (value: string) => void;
}

/** A mainland mobile number: the numeric keypad, at most 11 digits. */
export function PhoneField(props: TextFieldProps & { name?: string; autocomplete?: string }) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      <input
        id={props.id}
        name={props.name}
        class="tx-input tx-num"
        type="tel"
        inputmode="numeric"
        autocomplete={props.autocomplete ?? 'tel'}
        maxLength={11}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        {...fieldAria(props.id, props.error, props.hint)}
      />
    </Field>
  );
}

/** A person's real name (as on the roster): at most 40 characters. */
export function NameField(props: TextFieldProps) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint}>
      <input
        id={props.id}
        name="name"
        class="tx-input"
        autocomplete="name"
        maxLength={40}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        {...fieldAria(props.id, props.error, props.hint)}
      />
    </Field>
  );
}
