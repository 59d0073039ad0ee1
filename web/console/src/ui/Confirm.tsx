import type { JSX } from 'solid-js';
import { Button } from '@ui/components/Button';
import { Icon } from '@ui/icons';
import { t } from '../i18n';

/**
 * A confirmation on the page (never a modal): the warning, what will happen, then the one
 * button that does it and 取消. `id` names the title and `describedBy` the caller's body text.
 */
export function Confirm(props: {
  id?: string;
  title: JSX.Element;
  describedBy?: string;
  testid?: string;
  children?: JSX.Element;
  action: JSX.Element;
  /** classes of the action button (a danger colour) */
  actionClass?: string;
  actionTestid?: string;
  busy: boolean;
  onAction: () => unknown;
  onCancel: () => unknown;
}) {
  return (
    <div class="cs-confirm" role="alertdialog" aria-labelledby={props.id} aria-describedby={props.describedBy} data-testid={props.testid}>
      <Icon name="alert" class="cs-confirm-icon" />
      <div>
        <h2 id={props.id}>{props.title}</h2>
        {props.children}
        <div class="tx-row">
          <Button variant="primary" class={props.actionClass} loading={props.busy} onClick={() => void props.onAction()} data-testid={props.actionTestid}>
            {props.action}
          </Button>
          <Button variant="secondary" disabled={props.busy} onClick={() => void props.onCancel()}>
            {t('action.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}
