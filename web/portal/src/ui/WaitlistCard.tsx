import { createSignal, Show } from 'solid-js';
import { Button } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { leaveWaitlist, type WaitlistEntry, type WaitlistStatus } from '../data/exhibition';
import { t } from '../i18n';
import { slotText } from './BookingCard';

const BADGE: Record<WaitlistStatus, string> = {
  waiting: 'tx-badge-orange',
  booked: 'tx-badge-green',
  cancelled: 'tx-badge-neutral',
  expired: 'tx-badge-neutral',
};

export function WaitlistBadge(props: { status: WaitlistStatus }) {
  return (
    <span class={`tx-badge ${BADGE[props.status] ?? ''}`} data-status={props.status}>
      {t(`ex.wl.${props.status}` as 'ex.wl.waiting')}
    </span>
  );
}

/**
 * A place on a waiting list (候补): the place in line in large type, the slot and party,
 * and leave with an inline confirmation.
 */
export function WaitlistCard(props: { entry: WaitlistEntry; onChanged?: (e: WaitlistEntry) => void }) {
  const e = () => props.entry;
  const [confirm, setConfirm] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let leaveBtn: HTMLButtonElement | undefined;

  async function leave() {
    setBusy(true);
    setError(null);
    try {
      const next = await leaveWaitlist(e().id);
      setConfirm(false);
      props.onChanged?.({ ...e(), ...next });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const titleId = `ex-wait-${e().id}`;

  return (
    <article class="tx-card ex-wait" aria-labelledby={titleId} data-testid="ex-waiting" data-entry={e().id}>
      <div class="ex-ticket-top">
        <h2 class="ex-ticket-title" id={titleId}>
          {e().campaign?.title ?? t('ex.waitingTitle')}
        </h2>
        <WaitlistBadge status={e().status} />
      </div>
      <div class="ex-wait-main">
        <Show when={e().position}>
          {(n) => (
            <div class="ex-wait-pos" data-testid="ex-wait-pos">
              <span class="ex-wait-pos-label">{t('ex.waitPositionLabel')}</span>
              <span class="ex-wait-pos-n tx-num">{t('ex.waitPosition', { n: String(n()) })}</span>
            </div>
          )}
        </Show>
        <div class="ex-wait-text">
          <div class="ex-ticket-slot tx-num">
            <Icon name="clock" />
            {slotText(e().slot)}
          </div>
          <div class="ex-ticket-party tx-num">
            <Icon name="user" />
            {t('ex.partyN', { n: String(e().partySize) })} · {e().name}
          </div>
        </div>
      </div>
      <p class="tx-small tx-muted ex-wait-note">{t('ex.waitNote')}</p>
      <Show when={!confirm()}>
        <div class="ex-ticket-actions">
          <Button small variant="ghost" ref={(el: HTMLButtonElement) => (leaveBtn = el)} onClick={() => setConfirm(true)}>
            {t('ex.waitLeave')}
          </Button>
        </div>
      </Show>
      <Show when={confirm()}>
        <div class="ex-confirm" role="alertdialog" aria-label={t('ex.waitLeaveTitle')}>
          <p>
            <strong>{t('ex.waitLeaveTitle')}</strong>
            <br />
            {t('ex.waitLeaveBody')}
          </p>
          <FormError message={error()} />
          <div class="tx-row">
            <Button small variant="danger" loading={busy()} onClick={leave} ref={(el: HTMLButtonElement) => queueMicrotask(() => el.focus())}>
              {t('ex.waitLeaveYes')}
            </Button>
            <Button
              small
              onClick={() => {
                setConfirm(false);
                queueMicrotask(() => leaveBtn?.focus());
              }}
              disabled={busy()}
            >
              {t('ex.waitLeaveNo')}
            </Button>
          </div>
        </div>
      </Show>
    </article>
  );
}
