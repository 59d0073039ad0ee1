import { createEffect, createResource, For, Match, Show, Switch } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { LinkButton } from '@ui/components/Button';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import type { Campaign } from '@ui/types';
import { listCampaigns } from '../data/campaigns';
import { exhibitionSettings, myBookings, myWaitlist, visitHref, type Booking, type WaitlistEntry } from '../data/exhibition';
import { session } from '../data/session';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { BookingCard, isActive, slotText } from '../ui/BookingCard';
import { WaitlistBadge, WaitlistCard } from '../ui/WaitlistCard';
import '../exhibition.css';

interface Row {
  booking: Booking;
  campaign: Campaign;
}

/** Every exhibition the member has booked, newest use first, and their waiting-list places (候补). */
async function loadAll(): Promise<{ rows: Row[]; exhibitions: Campaign[]; waitlist: WaitlistEntry[] }> {
  const [page, waitlist] = await Promise.all([listCampaigns({ kind: 'exhibition', limit: 50 }), myWaitlist()]);
  const lists = await Promise.all(page.items.map((c) => myBookings(c.id).then((items) => items.map((booking) => ({ booking, campaign: c })))));
  return { rows: lists.flat(), exhibitions: page.items, waitlist };
}

/**
 * 我的预约 (/my-bookings): my tickets with their QR codes, upcoming first; cancel; the printable
 * ticket. Places on waiting lists (候补) with their place in line and a leave button; a booking a
 * waiting list gave is a normal ticket marked 候补成功.
 */
export default function BookingsMine() {
  usePageMeta(() => ({ title: `${t('ex.myBookings')} · ${t('app.name')}` }));
  const navigate = useNavigate();
  const signedIn = () => !session.me.loading && !session.me.error && !!session.me();
  createEffect(() => {
    if (!session.me.loading && !session.me.error && session.me() === null) navigate('/login?next=%2Fmy-bookings', { replace: true });
  });
  const [data, { refetch, mutate }] = createResource(() => signedIn() || false, loadAll);
  const now = Date.now();
  const sorted = () => {
    const rows = data.error ? [] : (data.latest?.rows ?? []);
    const active = rows.filter((r) => isActive(r.booking, now)).sort((a, b) => a.booking.slot.startsAt.localeCompare(b.booking.slot.startsAt));
    const past = rows.filter((r) => !isActive(r.booking, now)).sort((a, b) => b.booking.slot.startsAt.localeCompare(a.booking.slot.startsAt));
    return { active, past };
  };
  const changed = (next: Booking) => {
    const d = data.latest;
    if (d) mutate({ ...d, rows: d.rows.map((r) => (r.booking.id === next.id ? { ...r, booking: next } : r)) });
  };
  const first = () => data.latest?.exhibitions.find((c) => c.status === 'published');
  const waiting = () =>
    (data.error ? [] : (data.latest?.waitlist ?? [])).filter((e) => e.status === 'waiting').sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt));
  // what became of the other places: left, or expired (a booking they became is a ticket above)
  const waitHistory = () => (data.error ? [] : (data.latest?.waitlist ?? [])).filter((e) => e.status === 'cancelled' || e.status === 'expired');
  const waitChanged = (next: WaitlistEntry) => {
    const d = data.latest;
    if (d) mutate({ ...d, waitlist: d.waitlist.map((e) => (e.id === next.id ? { ...e, ...next } : e)) });
  };

  return (
    <div class="pt-page ex-page">
      <header class="ex-head">
        <h1 class="ex-title">{t('ex.myBookings')}</h1>
        <p class="tx-muted ex-sub">{t('ex.myBookingsLead')}</p>
      </header>
      <Switch>
        <Match when={session.me.error}>
          <ErrorState error={session.me.error} onRetry={session.refetch} />
        </Match>
        <Match when={data.error}>
          <ErrorState error={data.error} onRetry={refetch} />
        </Match>
        <Match when={!data.latest}>
          <For each={[0, 1]}>
            {() => (
              <div class="tx-card">
                <Skeleton title block lines={2} />
              </div>
            )}
          </For>
        </Match>
        <Match when={data.latest!.rows.length === 0 && data.latest!.waitlist.length === 0}>
          <EmptyState
            icon="exhibition"
            title={t('ex.noBookingsTitle')}
            body={t('ex.noBookingsBody')}
            action={
              <Show when={first()} fallback={<LinkButton href="/campaigns?kind=exhibition">{t('ex.findExhibition')}</LinkButton>}>
                {(c) => (
                  <LinkButton href={visitHref(c())} variant="primary">
                    {t('ex.bookNow')}
                  </LinkButton>
                )}
              </Show>
            }
          />
        </Match>
        <Match when={data.latest}>
          <Show when={sorted().active.length === 0}>
            <p class="tx-muted">{t('ex.noActive')}</p>
          </Show>
          <div class="ex-tickets" data-testid="ex-active">
            <For each={sorted().active}>
              {(r) => <BookingCard booking={r.booking} title={r.campaign.title} venue={exhibitionSettings(r.campaign).venue} onChanged={changed} />}
            </For>
          </div>
          <Show when={waiting().length > 0}>
            <h2 class="ex-h2">{t('ex.waitingTitle')}</h2>
            <div class="ex-tickets" data-testid="ex-waitlist">
              <For each={waiting()}>{(e) => <WaitlistCard entry={e} onChanged={waitChanged} />}</For>
            </div>
          </Show>
          <Show when={sorted().past.length > 0}>
            <h2 class="ex-h2">{t('ex.pastBookings')}</h2>
            <div class="ex-tickets">
              <For each={sorted().past}>{(r) => <BookingCard booking={r.booking} title={r.campaign.title} onChanged={changed} />}</For>
            </div>
          </Show>
          <Show when={waitHistory().length > 0}>
            <h2 class="ex-h2">{t('ex.waitHistory')}</h2>
            <ul class="tx-card ex-wait-history" data-testid="ex-wait-history">
              <For each={waitHistory()}>
                {(e) => (
                  <li>
                    <span>
                      {e.campaign?.title}
                      <br />
                      <span class="tx-small tx-muted tx-num">
                        {slotText(e.slot)} · {t('ex.partyN', { n: String(e.partySize) })}
                      </span>
                    </span>
                    <WaitlistBadge status={e.status} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
