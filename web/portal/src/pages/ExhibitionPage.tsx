import { createEffect, createMemo, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { A, useLocation, useNavigate } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Field, FormError, Notice, fieldAria } from '@ui/components/Field';
import { PhoneField } from '@ui/components/PersonFields';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { createFormErrors } from '@ui/form';
import { fmtNumber, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { campaignHref, getCampaign } from '../data/campaigns';
import { slotAction } from '@shared/waitlist';
import {
  addDays,
  book,
  chinaDay,
  chinaMidnight,
  chinaTime,
  exhibitionSettings,
  joinWaitlist,
  listSlots,
  mapHref,
  ticketHref,
  weekday,
  type Slot,
  type WaitlistEntry,
} from '../data/exhibition';
import { session } from '../data/session';
import { t } from '../i18n';
import { ClosedNotice } from '../ui/ClosedNotice';
import { KindBadge } from '../ui/KindCover';
import '../exhibition.css';
import { CampaignGate } from '../ui/CampaignGate';
import { VisitorFields, visitorsProblem, visitorsToSend } from '../ui/VisitorFields';
import type { VisitorInput } from '../data/exhibition';

const DAYS = 28;

/** 预约参观 (/c/:idOrSlug/visit): venue, hours, rules, the gallery; a calendar of days and slots; the booking form. */
export default function ExhibitionPage() {
  return (
    <CampaignGate
      kind="exhibition"
      class="ex-page"
      backClass="ex-back"
      backLabel={t('ex.backToCampaign')}
      meta={(c) => ({ title: `${t('ex.visitTitle')}${c ? ` · ${c.title}` : ''} · ${t('app.name')}`, description: c?.summary ?? undefined })}
      notKind={t('ex.notExhibition')}
      skeleton={() => (
        <>
          <div class="tx-card">
            <Skeleton title lines={4} />
          </div>
          <div class="tx-card">
            <Skeleton lines={3} />
          </div>
        </>
      )}
    >
      {(c) => <Visit campaign={c} />}
    </CampaignGate>
  );
}

function Visit(props: { campaign: Campaign }) {
  const s = () => exhibitionSettings(props.campaign);
  const [gallery] = createResource(
    () => s().galleryCampaignId || false,
    (id) => getCampaign(id).catch(() => null),
  );
  const ended = () => phaseOf(props.campaign) === 'ended' || props.campaign.status === 'closed';

  return (
    <>
      <header class="ex-head">
        <KindBadge kind="exhibition" />
        <h1 class="ex-title">{props.campaign.title}</h1>
        <p class="tx-muted ex-sub">{t('ex.visitTitle')}</p>
      </header>

      <section class="tx-card ex-info" aria-label={t('ex.infoTitle')}>
        <dl class="ex-facts">
          <Show when={s().venue}>
            <div>
              <dt>
                <Icon name="building" />
                {t('campaign.venue')}
              </dt>
              <dd>{s().venue}</dd>
            </div>
          </Show>
          <Show when={s().address}>
            <div>
              <dt>
                <Icon name="mapPin" />
                {t('campaign.address')}
              </dt>
              <dd>
                {s().address}
                <br />
                <a href={mapHref(s().address)} target="_blank" rel="noopener noreferrer" class="ex-map">
                  {t('ex.openMap')}
                  <Icon name="external" />
                </a>
              </dd>
            </div>
          </Show>
          <Show when={s().openingHours}>
            <div>
              <dt>
                <Icon name="clock" />
                {t('campaign.openingHours')}
              </dt>
              <dd>{s().openingHours}</dd>
            </div>
          </Show>
        </dl>
        <Show when={s().rules}>
          <details class="ex-rules" open>
            <summary>{t('ex.rules')}</summary>
            <div class="tx-pre">{s().rules}</div>
          </details>
        </Show>
        <Show when={gallery.latest}>
          {(g) => (
            <LinkButton href={`${campaignHref(g())}/gallery`} block class="ex-gallery-btn">
              <Icon name="contest" />
              {t('ex.gallery', { title: g().title })}
            </LinkButton>
          )}
        </Show>
      </section>

      <Show when={!ended()} fallback={<ClosedNotice body={t('ex.endedBody')} />}>
        <Booker campaign={props.campaign} />
      </Show>
      <p class="ex-links">
        <A href="/my-bookings">
          <Icon name="calendar" />
          {t('ex.myBookings')}
        </A>
      </p>
    </>
  );
}

interface Day {
  day: string;
  slots: Slot[];
  left: number;
  open: boolean;
}

function dayLabel(day: string): { date: string; wd: string } {
  const [, m, d] = day.split('-');
  const wd = weekday(day);
  return { date: `${Number(m)}/${Number(d)}`, wd: t(`ex.wd${wd}` as 'ex.wd1') };
}

export function slotOpen(s: Slot, now = Date.now()): boolean {
  return !s.closed && s.remaining > 0 && Date.parse(s.endsAt) > now;
}
/** A slot that can still be chosen: to book it, or — when full — to join its waiting list (候补). */
export function slotTakesPeople(s: Slot, now = Date.now()): boolean {
  return !s.closed && Date.parse(s.endsAt) > now;
}

function Booker(props: { campaign: Campaign }) {
  const navigate = useNavigate();
  const location = useLocation();
  const today = chinaDay();
  const from = new Date(chinaMidnight(today)).toISOString();
  const to = new Date(chinaMidnight(addDays(today, DAYS))).toISOString();
  const [slots, { refetch }] = createResource(
    () => props.campaign.id,
    (id) => listSlots(id, from, to),
  );
  const [picked, setPicked] = createSignal<string | null>(null);
  const [slotId, setSlotId] = createSignal<string | null>(null);

  const days = createMemo<Day[]>(() => {
    const items = slots.error ? [] : (slots.latest ?? []);
    const now = Date.now();
    const out: Day[] = [];
    for (let i = 0; i < DAYS; i++) {
      const day = addDays(today, i);
      const list = items.filter((x) => chinaDay(x.startsAt) === day).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      const open = list.filter((x) => slotOpen(x, now));
      out.push({ day, slots: list, left: open.reduce((n, x) => n + x.remaining, 0), open: open.length > 0 });
    }
    return out;
  });
  // pick the first day with seats when the slots arrive
  createEffect(
    on(days, (ds) => {
      if (!picked() || !ds.find((d) => d.day === picked())?.slots.length) setPicked(ds.find((d) => d.open)?.day ?? null);
    }),
  );
  const current = () => days().find((d) => d.day === picked());
  const slot = () => current()?.slots.find((x) => x.id === slotId()) ?? null;
  createEffect(on(picked, () => setSlotId(null), { defer: true }));

  return (
    <section class="tx-card ex-book" aria-labelledby="ex-book-title">
      <h2 id="ex-book-title">{t('ex.pickDay')}</h2>
      <Switch>
        <Match when={slots.error}>
          <ErrorState error={slots.error} onRetry={refetch} />
        </Match>
        <Match when={!slots.latest}>
          <div class="ex-days">
            <For each={[0, 1, 2, 3, 4, 5, 6]}>{() => <span class="tx-skeleton ex-day-skel" />}</For>
          </div>
          <Skeleton lines={3} />
        </Match>
        <Match when={!days().some((d) => d.slots.length)}>
          <EmptyState icon="calendar" title={t('ex.noSlotsTitle')} body={t('ex.noSlotsBody')} />
        </Match>
        <Match when={slots.latest}>
          <div class="ex-days" role="radiogroup" aria-label={t('ex.pickDay')} data-testid="ex-days">
            <For each={days()}>
              {(d) => {
                const l = dayLabel(d.day);
                return (
                  <button
                    type="button"
                    role="radio"
                    class="ex-day"
                    classList={{ 'is-off': !d.open, 'is-on': picked() === d.day }}
                    aria-checked={picked() === d.day}
                    disabled={!d.slots.length}
                    data-day={d.day}
                    onClick={() => setPicked(d.day)}
                  >
                    <span class="ex-day-wd">{d.day === today ? t('ex.today') : l.wd}</span>
                    <span class="ex-day-date tx-num">{l.date}</span>
                    <span class="ex-day-left tx-num">
                      {!d.slots.length ? t('ex.dayClosed') : d.open ? t('ex.leftN', { n: fmtNumber(d.left) }) : t('ex.dayFull')}
                    </span>
                  </button>
                );
              }}
            </For>
          </div>
          <Show when={current()}>
            {(d) => (
              <>
                <h3 class="ex-h3">{t('ex.pickSlot', { day: `${dayLabel(d().day).date} ${dayLabel(d().day).wd}` })}</h3>
                <div class="ex-slots" role="radiogroup" aria-label={t('ex.pickSlotShort')} data-testid="ex-slots">
                  <For each={d().slots}>
                    {(x) => (
                      <button
                        type="button"
                        role="radio"
                        class="ex-slot"
                        aria-checked={slotId() === x.id}
                        classList={{ 'is-on': slotId() === x.id, 'is-full': slotTakesPeople(x) && x.remaining <= 0 }}
                        disabled={!slotTakesPeople(x)}
                        data-slot={x.id}
                        onClick={() => setSlotId(x.id)}
                      >
                        <span class="ex-slot-time tx-num">
                          {chinaTime(x.startsAt)}–{chinaTime(x.endsAt)}
                        </span>
                        <span class="ex-slot-left tx-num">
                          {x.closed
                            ? t('ex.slotClosed')
                            : Date.parse(x.endsAt) <= Date.now()
                              ? t('ex.slotPast')
                              : x.remaining > 0
                                ? t('ex.slotLeft', { n: fmtNumber(x.remaining), cap: fmtNumber(x.capacity) })
                                : t('ex.slotFullWait')}
                        </span>
                        <Show when={slotTakesPeople(x) && (x.waiting ?? 0) > 0}>
                          <span class="ex-slot-wait tx-num">{t('ex.slotWaiting', { n: fmtNumber(x.waiting ?? 0) })}</span>
                        </Show>
                      </button>
                    )}
                  </For>
                </div>
              </>
            )}
          </Show>
          <Switch>
            <Match when={session.me.loading}>
              <Skeleton lines={1} />
            </Match>
            <Match when={!session.me()}>
              <LinkButton href={`/login?next=${encodeURIComponent(location.pathname)}`} variant="primary" block>
                {t('ex.signInToBook')}
              </LinkButton>
            </Match>
            <Match when={slot()}>
              {(x) => <BookingForm campaign={props.campaign} slot={x()} onDone={(code) => navigate(ticketHref(code))} onStale={refetch} />}
            </Match>
            <Match when={true}>
              <p class="tx-muted ex-hint">{t('ex.pickSlotHint')}</p>
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
  );
}

function BookingForm(props: { campaign: Campaign; slot: Slot; onDone: (code: string) => void; onStale: () => unknown }) {
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
        <Field id="ex-name" label={t('ex.name')} error={err.fields().name}>
          <input
            id="ex-name"
            class="tx-input"
            autocomplete="name"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            {...fieldAria('ex-name', err.fields().name)}
          />
        </Field>
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
