import { Show, type JSX } from 'solid-js';
import { Icon, type IconName } from '../icons';

/** What an empty list shows: what is missing and what to do about it. */
export function EmptyState(props: { icon?: IconName; title: string; body?: string; action?: JSX.Element }) {
  return (
    <div class="tx-state">
      <Icon name={props.icon ?? 'inbox'} class="tx-state-icon" />
      <h3>{props.title}</h3>
      <Show when={props.body}>
        <p>{props.body}</p>
      </Show>
      {props.action}
    </div>
  );
}
