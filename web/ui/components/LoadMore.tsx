import { Show, type JSX } from 'solid-js';
import { kt } from '../i18n/kit';
import type { MoreState } from '../paging';
import { Button } from './Button';

/**
 * The footer of a paged list: what came before it (a count, say), the error of the last
 * failed page and, while there are more, the "load more" button.
 */
export function LoadMore(props: { class: string; state: MoreState; hasMore: boolean; onLoad: () => unknown; children?: JSX.Element }) {
  return (
    <div class={props.class}>
      {props.children}
      <Show when={props.state.error}>
        <p class="tx-field-error">{props.state.error}</p>
      </Show>
      <Show when={props.hasMore}>
        <Button loading={props.state.busy} onClick={() => void props.onLoad()}>
          {kt('action.loadMore')}
        </Button>
      </Show>
    </div>
  );
}
