import { Show } from 'solid-js';
import { chinaClock } from '@shared/china-time';
import { Button } from '@ui/components/Button';
import { t } from '../i18n';

/** Figures older than this were served from a snapshot (the server computes slow ones ahead). */
const SNAPSHOT_AFTER_MS = 60e3;

/**
 * When the figures on screen were computed, shown only when they are a snapshot (a city's
 * root: the server keeps slow figures for a few minutes), with a way to compute them now.
 */
export function AsOf(props: { asOf: string | undefined; busy: boolean; onFresh: () => void }) {
  const old = () => !!props.asOf && Date.now() - Date.parse(props.asOf) > SNAPSHOT_AFTER_MS;
  return (
    <Show when={old()}>
      <p class="tx-small tx-muted cs-asof" data-testid="as-of">
        {t('asOf.text', { time: chinaClock(props.asOf!).slice(11) })}{' '}
        <Button small variant="ghost" disabled={props.busy} onClick={() => props.onFresh()}>
          {props.busy ? t('asOf.computing') : t('asOf.fresh')}
        </Button>
      </p>
    </Show>
  );
}
