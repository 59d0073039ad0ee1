import { splitProps, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { Spinner } from './Spinner';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends JSX.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** while true the button shows a spinner and cannot be pressed again */
  loading?: boolean;
  block?: boolean;
  small?: boolean;
}

function classes(p: { variant?: Variant; block?: boolean; small?: boolean; class?: string }): string {
  return ['tx-btn', `tx-btn-${p.variant ?? 'secondary'}`, p.block && 'tx-btn-block', p.small && 'tx-btn-sm', p.class].filter(Boolean).join(' ');
}

export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, ['variant', 'loading', 'block', 'small', 'class', 'children', 'disabled', 'type']);
  return (
    <button
      {...rest}
      type={local.type ?? 'button'}
      class={classes(local)}
      disabled={local.disabled || local.loading}
      aria-busy={local.loading ? 'true' : undefined}
    >
      {local.loading && <Spinner />}
      {local.children}
    </button>
  );
}

/** A link that looks like a button (one call to action that navigates). */
export function LinkButton(props: {
  href: string;
  variant?: Variant;
  block?: boolean;
  small?: boolean;
  class?: string;
  /** a plain <a> for links that leave this app (another micro-frontend) */
  external?: boolean;
  children: JSX.Element;
}) {
  return props.external ? (
    <a href={props.href} class={classes(props)}>
      {props.children}
    </a>
  ) : (
    <A href={props.href} class={classes(props)}>
      {props.children}
    </A>
  );
}
