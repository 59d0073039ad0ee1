import { Show, type JSX } from 'solid-js';

export function Card(props: { title?: string; actions?: JSX.Element; class?: string; children: JSX.Element; as?: 'section' | 'div' }) {
  return (
    <section class={`tx-card ${props.class ?? ''}`}>
      <Show when={props.title || props.actions}>
        <div class="tx-card-title">
          <Show when={props.title}>
            <h2>{props.title}</h2>
          </Show>
          <span class="tx-spacer" />
          {props.actions}
        </div>
      </Show>
      {props.children}
    </section>
  );
}
