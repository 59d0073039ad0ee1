import { Show, type JSX } from 'solid-js';
import { Icon } from '@ui/icons';
import { Button } from '@ui/components/Button';
import { t } from '../i18n';

/** The foot of a console form: its submit (spinning while it sends) and 取消 (held while it sends). */
export function FormActions(props: { class?: string; busy: boolean; label: JSX.Element; testid?: string; onCancel: () => void; children?: JSX.Element }) {
  return (
    <div class={props.class ?? 'tx-row'}>
      <Button type="submit" variant="primary" loading={props.busy} data-testid={props.testid}>
        {props.label}
      </Button>
      <Button disabled={props.busy} onClick={() => props.onCancel()}>
        {t('action.cancel')}
      </Button>
      {props.children}
    </div>
  );
}

/** The error of a group of controls with no single <Field> (a fieldset of options, a list of rows), under the group. */
export function GroupError(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      <div class="tx-field-error" role="alert">
        <Icon name="alert" />
        <span>{props.message}</span>
      </div>
    </Show>
  );
}
