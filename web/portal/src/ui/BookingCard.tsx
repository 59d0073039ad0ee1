import { createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { Button } from '@ui/components/Button';
import { FormError } from '@ui/components/Field';
import { errorText } from '@ui/components/ErrorState';
import { Icon } from '@ui/icons';
import { cancelBooking, chinaDay, chinaTime, qrSrc, ticketHref, weekday, type Booking, type BookingStatus } from '../data/exhibition';
import { t } from '../i18n';

const BADGE: Record<BookingStatus, string> = {
  booked: 'tx-badge-green',
  checked_in: 'tx-badge-neutral',
  cancelled: 'tx-badge-neutral',
  no_show: 'tx-badge-orange',
};

export function BookingStatusBadge(props: { status: BookingStatus }) {
  return (
    <span class={`tx-badge ${BADGE[props.status] ?? ''}`} data-status={props.status}>
      {t(`ex.status.${props.status}` as 'ex.status.booked')}
    </span>
  );
}

/** "11月20日 周五 09:00–11:00" in China time. */
export function slotText(slot: { startsAt: string; endsAt: string }): string {
  const day = chinaDay(slot.startsAt);
  const [y, m, d] = day.split('-');
  return `${t('ex.dateFmt', { y: y!, m: String(Number(m)), d: String(Number(d)) })} ${t(`date.wd${weekday(day)}` as 'date.wd1')} ${chinaTime(slot.startsAt)}–${chinaTime(slot.endsAt)}`;
}

/** True while a booking can still be used or cancelled (booked, and its slot has not ended). */
export const isActive = (b: Booking, now = Date.now()) => b.status === 'booked' && Date.parse(b.slot.endsAt) > now;

/**
 * One ticket: the QR for the gate, the code in large type, the slot, party and status,
 * and cancel with an inline confirmation (nothing is lost by a mis-tap).
 */
export function BookingCard(props: { booking: Booking; title?: string; venue?: string; onChanged?: (b: Booking) => void; printable?: boolean }) {
  const b = () => props.booking;
  const [confirm, setConfirm] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const active = () => isActive(b());

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      const next = await cancelBooking(b().id);
      setConfirm(false);
      props.onChanged?.({ ...b(), ...next });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      class="tx-card ex-ticket"
      classList={{ 'is-inactive': !active(), 'ex-ticket-big': !!props.printable }}
      data-testid="ex-ticket"
      data-code={b().code}
    >
      <div class="ex-ticket-top">
        <div class="ex-ticket-head">
          <Show when={props.title}>
            <h2 class="ex-ticket-title">{props.title}</h2>
          </Show>
          <Show when={props.venue}>
            <div class="tx-small tx-muted">{props.venue}</div>
          </Show>
        </div>
        <div class="tx-row">
          <Show when={b().fromWaitlist}>
            <span class="tx-badge tx-badge-green ex-from-wait" data-testid="ex-from-waitlist">
              {t('ex.fromWaitlist')}
            </span>
          </Show>
          <BookingStatusBadge status={b().status} />
        </div>
      </div>
      <div class="ex-ticket-main">
        <Show when={b().status === 'booked' || b().status === 'checked_in'}>
          <img class="ex-qr" src={qrSrc(b().code)} alt={t('ex.qrAlt')} width="168" height="168" data-testid="ex-qr" />
        </Show>
        <div class="ex-ticket-text">
          <div class="ex-code-label">{t('ex.code')}</div>
          <div class="ex-code" data-testid="ex-code">
            {b().code}
          </div>
          <div class="ex-ticket-slot tx-num">
            <Icon name="clock" />
            {slotText(b().slot)}
          </div>
          <div class="ex-ticket-party tx-num">
            <Icon name="user" />
            {t('ex.partyN', { n: String(b().partySize) })}
            <Show when={b().name}> · {b().name}</Show>
          </div>
          <Show when={b().visitors?.length}>
            <ul class="ex-ticket-visitors" data-testid="ex-ticket-visitors">
              <For each={b().visitors}>
                {(v) => (
                  <li>
                    {v.name ?? ''}
                    <Show when={v.idNumber}>
                      <span class="tx-num tx-muted"> {v.idNumber}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </div>
      <Show when={active()}>
        <p class="tx-small tx-muted ex-ticket-note">{t('ex.ticketNote')}</p>
      </Show>
      <Show when={!props.printable || active()}>
        <div class="ex-ticket-actions ex-noprint">
          <Show when={!props.printable}>
            <A href={ticketHref(b().code)} class="tx-btn tx-btn-secondary tx-btn-sm">
              <Icon name="file" />
              {t('ex.openTicket')}
            </A>
          </Show>
          <Show when={active() && !confirm()}>
            <Button small variant="ghost" onClick={() => setConfirm(true)}>
              {t('ex.cancel')}
            </Button>
          </Show>
        </div>
      </Show>
      <Show when={confirm()}>
        <div class="ex-confirm ex-noprint" role="alertdialog" aria-label={t('ex.cancelTitle')}>
          <p>
            <strong>{t('ex.cancelTitle')}</strong>
            <br />
            {t('ex.cancelBody')}
          </p>
          <FormError message={error()} />
          <div class="tx-row">
            <Button small variant="danger" loading={busy()} onClick={cancel}>
              {t('ex.cancelYes')}
            </Button>
            <Button small onClick={() => setConfirm(false)} disabled={busy()}>
              {t('ex.cancelNo')}
            </Button>
          </div>
        </div>
      </Show>
    </article>
  );
}
