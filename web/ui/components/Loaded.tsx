import { Match, Switch, type JSX } from 'solid-js';
import { ErrorState } from './ErrorState';
import { Skeleton } from './Skeleton';

/**
 * The states of something loaded, in the order they are checked: the error (with a retry),
 * the first load (a skeleton, or the caller's), nothing to show (the caller's empty state),
 * and the content.
 */
export function Loaded(props: {
  /** a resource: its error, and loading until its first value (a reload keeps what is shown) */
  of?: { error: unknown; loading: boolean; latest: unknown };
  error?: unknown;
  retry?: () => unknown;
  loading?: boolean;
  lines?: number;
  /** what stands while loading, when not the plain skeleton */
  skeleton?: JSX.Element;
  empty?: boolean;
  emptyView?: JSX.Element;
  /** the skeleton and the empty state stand on a card of their own */
  card?: boolean;
  children: JSX.Element;
}) {
  const onCard = (x: JSX.Element) => (props.card ? <div class="tx-card">{x}</div> : x);
  const error = () => (props.of ? props.of.error : props.error);
  const loading = () => (props.of ? props.of.loading && !props.of.latest : props.loading);
  return (
    <Switch fallback={props.children}>
      <Match when={error()}>
        <ErrorState error={error()} onRetry={props.retry} />
      </Match>
      <Match when={loading()}>{onCard(props.skeleton ?? <Skeleton lines={props.lines ?? 5} />)}</Match>
      <Match when={props.empty}>{onCard(props.emptyView)}</Match>
    </Switch>
  );
}
