import { Show, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { Icon } from '@ui/icons';

/** A console page's head: its title and the lead line under it (while there is one), the page's own actions beside them. */
export function PageHead(props: { title: JSX.Element; lead?: JSX.Element; children?: JSX.Element }) {
  return (
    <div class="cs-page-head">
      <div>
        <h1>{props.title}</h1>
        <Show when={props.lead}>
          <p class="tx-muted">{props.lead}</p>
        </Show>
      </div>
      {props.children}
    </div>
  );
}

/** The way back above a page's head (the list it came from). */
export function Crumb(props: { href: string; children: JSX.Element }) {
  return (
    <p class="cs-crumb">
      <A href={props.href}>
        <Icon name="chevronLeft" />
        {props.children}
      </A>
    </p>
  );
}
