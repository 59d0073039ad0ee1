import { createEffect, createMemo, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { A, useLocation, useNavigate } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { fmtNumber, phaseOf } from '@ui/format';
import type { Campaign } from '@ui/types';
import { campaignHref, getCampaign } from '../data/campaigns';
import { addDays, chinaDay, chinaMidnight, chinaTime, exhibitionSettings, listSlots, mapHref, ticketHref, type Slot } from '../data/exhibition';
import { session } from '../data/session';
import { t } from '../i18n';
import { ClosedNotice } from '../ui/ClosedNotice';
import { KindBadge } from '../ui/KindCover';
import '../exhibition.css';
import { CampaignGate } from '../ui/CampaignGate';
import { BookingForm, dayLabel } from '../ui/ExhibitionBookingForm';

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
