import { For, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { Icon } from '../icons';

/**
 * A list whose every row is one link to where the thing is done or seen, ending in a
 * chevron (the console's 待办, the portal's 排行 and 等待中). `attrs` adds the row's own
 * data attributes (what CSS and tests tell rows apart by).
 */
export function LinkRows<T>(props: {
  class: string;
  rowClass: string;
  items: readonly T[];
  href: (item: T) => string;
  attrs?: (item: T) => Record<`data-${string}`, string>;
  testid?: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <ul class={props.class} data-testid={props.testid}>
      <For each={props.items}>
        {(item) => (
          <li>
            <A href={props.href(item)} class={props.rowClass} {...props.attrs?.(item)}>
              {props.children(item)}
              <Icon name="chevronRight" />
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}
