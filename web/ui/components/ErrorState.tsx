import { createSignal, Show } from 'solid-js';
import { Icon } from '../icons';
import { ApiError } from '../api';
import { kt } from '../i18n/kit';
import { Button } from './Button';

/** A readable sentence for any failure: the server's message, else one by code. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.message) return e.message;
    if (e.code === 'rate_limited' && e.retryAfter) return kt('error.rate_limited_after', { seconds: e.retryAfter });
    const key = `error.${e.code}` as Parameters<typeof kt>[0];
    const text = kt(key);
    return text === key ? kt('error.generic') : text;
  }
  return kt('error.generic');
}

/** A failed load: what went wrong and a retry button. */
export function ErrorState(props: { error: unknown; onRetry?: () => unknown; title?: string }) {
  const [busy, setBusy] = createSignal(false);
  async function retry() {
    setBusy(true);
    try {
      await props.onRetry?.();
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="tx-state tx-state-error" role="alert">
      <Icon name="alert" class="tx-state-icon" />
      <h3>{props.title ?? kt('error.title')}</h3>
      <p>{errorText(props.error)}</p>
      <Show when={props.onRetry}>
        <Button variant="secondary" loading={busy()} onClick={retry}>
          <Icon name="refresh" />
          {kt('action.retry')}
        </Button>
      </Show>
    </div>
  );
}

/** A failed load inside a card or a row: one line of what went wrong, and a small retry. */
export function InlineError(props: { error: unknown; onRetry: () => unknown }) {
  return (
    <div class="tx-row" role="alert">
      <span class="tx-field-error">{errorText(props.error)}</span>
      <Button small onClick={() => void props.onRetry()}>
        {kt('action.retry')}
      </Button>
    </div>
  );
}
