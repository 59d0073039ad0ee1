import { createResource, Match, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { ApiError } from '@ui/api';
import { Button, LinkButton } from '@ui/components/Button';
import { Notice } from '@ui/components/Field';
import { EmptyState } from '@ui/components/EmptyState';
import { ErrorState } from '@ui/components/ErrorState';
import { Skeleton } from '@ui/components/Skeleton';
import { Icon } from '@ui/icons';
import { campaignHref } from '../data/campaigns';
import { getTicket, mapHref } from '../data/exhibition';
import { usePageMeta } from '../data/title';
import { t } from '../i18n';
import { BookingCard } from '../ui/BookingCard';
import '../exhibition.css';

/** One ticket (/my-bookings/:code), made to be shown at the gate or printed. */
export default function BookingTicket() {
  const params = useParams<{ code: string }>();
  const [ticket, { refetch, mutate }] = createResource(() => params.code, getTicket);
  const loaded = () => (ticket.error ? undefined : ticket.latest);
  usePageMeta(() => ({ title: `${t('ex.ticket')}${loaded() ? ` · ${loaded()!.campaign.title}` : ''} · ${t('app.name')}` }));
  const missing = () => ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 403);

  return (
    <div class="pt-page ex-page ex-print-page">
      <p class="ex-back ex-noprint">
        <A href="/my-bookings">
          <Icon name="chevronLeft" />
          {t('ex.myBookings')}
        </A>
      </p>
      <Switch>
        <Match when={ticket.error instanceof ApiError && ticket.error.status === 401}>
          <EmptyState
            icon="user"
            title={t('ex.signInTicket')}
            action={
              <LinkButton href={`/login?next=${encodeURIComponent(`/my-bookings/${params.code}`)}`} variant="primary">
                {t('ex.signIn')}
              </LinkButton>
            }
          />
        </Match>
        <Match when={missing()}>
          <EmptyState icon="flag" title={t('ex.ticketMissing')} action={<LinkButton href="/my-bookings">{t('ex.myBookings')}</LinkButton>} />
        </Match>
        <Match when={ticket.error}>
          <ErrorState error={ticket.error} onRetry={refetch} />
        </Match>
        <Match when={!loaded()}>
          <div class="tx-card">
            <Skeleton title block lines={3} />
          </div>
        </Match>
        <Match when={loaded()}>
          {(tk) => (
            <>
              <Show when={tk().booking.status === 'booked'}>
                <Notice kind="success">{t('ex.ticketReady')}</Notice>
              </Show>
              <BookingCard
                booking={tk().booking}
                title={tk().campaign.title}
                venue={tk().campaign.settings.venue ?? undefined}
                printable
                onChanged={(b) => mutate({ ...tk(), booking: b })}
              />
              <Show when={tk().campaign.settings.address}>
                {(addr) => (
                  <p class="ex-print-address">
                    <Icon name="mapPin" />
                    {addr()}
                    <a class="ex-noprint ex-map" href={mapHref(addr())} target="_blank" rel="noopener noreferrer">
                      {t('ex.openMap')}
                      <Icon name="external" />
                    </a>
                  </p>
                )}
              </Show>
              <div class="ex-ticket-tools ex-noprint">
                <Button onClick={() => window.print()}>
                  <Icon name="file" />
                  {t('ex.print')}
                </Button>
                <LinkButton href={campaignHref({ id: tk().campaign.id, slug: tk().campaign.slug ?? tk().campaign.id })} variant="ghost">
                  {t('ex.backToCampaign')}
                </LinkButton>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
