import { createEffect, createMemo, createSignal, on, Show } from 'solid-js';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { TextField } from '@ui/components/TextField';
import { PhoneField } from '@ui/components/PersonFields';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import type { Campaign } from '@ui/types';
import { slotAction } from '@shared/waitlist';
import { book, chinaDay, chinaTime, exhibitionSettings, joinWaitlist, weekday, type Slot, type VisitorInput, type WaitlistEntry } from '../data/exhibition';
import { session } from '../data/session';
import { t } from '../i18n';
import { VisitorFields, visitorsProblem, visitorsToSend } from './VisitorFields';

export function dayLabel(day: string): { date: string; wd: string } {
  const [, m, d] = day.split('-');
  const wd = weekday(day);
  return { date: `${Number(m)}/${Number(d)}`, wd: t(`date.wd${wd}` as 'date.wd1') };
}

/** The booking form for one chosen slot of 预约参观: party size, contact, visitors, 参观须知; books the slot or joins its waiting list (候补). */
export function BookingForm(props: { campaign: Campaign; slot: Slot; onDone: (code: string) => void; onStale: () => unknown }) {
  const me = () => session.me()?.user;
  const [party, setParty] = createSignal(1);
  const [name, setName] = createSignal(me()?.name ?? '');
  const [phone, setPhone] = createSignal(me()?.phone ?? '');
  const [busy, setBusy] = createSignal(false);
  const err = createFormErrors<'partySize' | 'name' | 'phone' | 'acceptedNotice' | 'visitors'>();
  const requireIds = () => exhibitionSettings(props.campaign).requireIdNumbers;
  const [visitors, setVisitors] = createSignal<VisitorInput[]>([]);
  const [remind, setRemind] = createSignal(false);
  // 参观须知: where the exhibition has one it must be ticked before booking (the server checks it too)
  const notice = () => exhibitionSettings(props.campaign).rules;
  const [accepted, setAccepted] = createSignal(false);
  const [joined, setJoined] = createSignal<WaitlistEntry | null>(null);
  // a party larger than the seats left may join the waiting list (候补) instead of booking
  const max = () => 5;
  const waitlist = () => slotAction(props.slot, party()) === 'waitlist';
  // another slot chosen: the form again (a memo, so fresh seat counts of the same slot keep the answer)
  const slotKey = createMemo(() => props.slot.id);
  createEffect(on(slotKey, () => setJoined(null), { defer: true }));

  async function submit(e: Event) {
    e.preventDefault();
    err.clear();
    const ok = err.check({
      name: name().trim() ? undefined : t('ex.nameRequired'),
      phone: /^1[3-9]\d{9}$/.test(phone().trim()) ? undefined : t('ex.phoneInvalid'),
      visitors: visitorsProblem(visitors(), party(), requireIds()),
      acceptedNotice: !notice() || accepted() ? undefined : t('ex.noticeRequired'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const body = {
        partySize: party(),
        name: name().trim(),
        phone: phone().trim(),
        ...(notice() ? { acceptedNotice: accepted() } : {}),
        visitors: visitorsToSend(visitors(), party()),
        remindSms: remind(),
      };
      if (waitlist()) {
        setJoined(await joinWaitlist(props.campaign.id, props.slot.id, body));
        void props.onStale();
        return;
      }
      const b = await book(props.campaign.id, { slotId: props.slot.id, ...body });
      props.onDone(b.code);
    } catch (e) {
      // a field error under visitors.0.idNumber belongs to the visitors block
      err.fromApi(
        e,
        ['partySize', 'name', 'phone', 'acceptedNotice', 'visitors'],
        Object.fromEntries(
          Array.from({ length: 5 }, (_, i) => [
            [`visitors.${i}.idNumber`, 'visitors'],
            [`visitors.${i}.name`, 'visitors'],
          ]).flat(),
        ) as Record<string, 'visitors'>,
      );
      // a full slot: show the seats as they are now
      if (e instanceof ApiError && e.status === 409) void props.onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show
      when={!joined()}
      fallback={
        <div class="ex-joined" data-testid="ex-joined" role="status" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
          <Notice kind="success" icon="check">
            <strong>{t('ex.waitJoined', { n: String(joined()?.position ?? '') })}</strong>
            <br />
            {t('ex.waitJoinedBody')}
          </Notice>
          <LinkButton href="/my-bookings" variant="primary" block>
            {t('ex.myBookings')}
          </LinkButton>
        </div>
      }
    >
      <form class="ex-form" onSubmit={submit} novalidate data-testid="ex-form">
        <div class="ex-chosen">
          <Icon name="clock" />
          <span class="tx-num">
            {dayLabel(chinaDay(props.slot.startsAt)).date} {chinaTime(props.slot.startsAt)}–{chinaTime(props.slot.endsAt)}
          </span>
        </div>
        <Field id="ex-party" label={t('ex.party')} error={err.fields().partySize} hint={t('ex.partyHint')}>
          <div class="ex-stepper" role="group" aria-labelledby="ex-party">
            <button type="button" class="tx-btn tx-btn-secondary" aria-label={t('ex.partyLess')} disabled={party() <= 1} onClick={() => setParty(party() - 1)}>
              −
            </button>
            <output id="ex-party" class="ex-party tx-num" aria-live="polite" data-testid="ex-party">
              {party()}
            </output>
            <button
              type="button"
              class="tx-btn tx-btn-secondary"
              aria-label={t('ex.partyMore')}
              disabled={party() >= max()}
              onClick={() => setParty(party() + 1)}
            >
              +
            </button>
            <span class="tx-muted">{t('ex.people')}</span>
          </div>
        </Field>
        <TextField id="ex-name" label={t('ex.name')} error={err.fields().name} autocomplete="name" value={name()} onInput={setName} />
        <PhoneField id="ex-phone" label={t('ex.phone')} error={err.fields().phone} hint={t('ex.phoneHint')} value={phone()} onInput={setPhone} />
        <VisitorFields party={party()} requireIds={requireIds()} rows={visitors()} onChange={setVisitors} error={err.fields().visitors} />
        <label class="ex-check ex-remind">
          <input type="checkbox" data-testid="ex-remind" checked={remind()} onChange={(e) => setRemind(e.currentTarget.checked)} />
          <span>{t('ex.remindSms')}</span>
        </label>
        <Show when={notice()}>
          <div class="ex-notice-accept">
            <label class="ex-check">
              <input
                type="checkbox"
                id="ex-notice"
                data-testid="ex-notice"
                checked={accepted()}
                onChange={(e) => setAccepted(e.currentTarget.checked)}
                {...fieldAria('ex-notice', err.fields().acceptedNotice)}
              />
              <span>{t('ex.noticeAccept')}</span>
            </label>
            <Show when={err.fields().acceptedNotice}>
              <p class="tx-field-error" id="ex-notice-error">
                {err.fields().acceptedNotice}
              </p>
            </Show>
          </div>
        </Show>
        <Show when={waitlist()}>
          <div class="ex-wait-how" id="ex-wait-how" data-testid="ex-wait-how">
            <strong>{props.slot.remaining > 0 ? t('ex.waitShort', { n: String(party()) }) : t('ex.waitTitle')}</strong>
            <p>{t('ex.waitHow')}</p>
          </div>
        </Show>
        <FormError message={err.form()} />
        <Button
          type="submit"
          variant="primary"
          block
          loading={busy()}
          class="ex-big"
          aria-describedby={waitlist() ? 'ex-wait-how' : undefined}
          data-action={waitlist() ? 'waitlist' : 'book'}
        >
          {busy() ? (waitlist() ? t('ex.joining') : t('ex.booking')) : waitlist() ? t('ex.waitlist') : t('ex.book')}
        </Button>
        <p class="tx-small tx-muted">{t('ex.noShowNote')}</p>
      </form>
    </Show>
  );
}
