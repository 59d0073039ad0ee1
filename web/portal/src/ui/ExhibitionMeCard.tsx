import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { Icon } from '@ui/icons';
import { myBookings, myWaitlist, ticketHref, visitHref, type Booking, type WaitlistEntry } from '../data/exhibition';
import { t } from '../i18n';
import { isActive, slotText } from './BookingCard';
import { KindMeCard, KindMeRow } from './KindMeCard';

interface Mine {
  /** the soonest visit still to come */
  next: Booking | null;
  /** places on waiting lists (候补) of this exhibition, soonest first */
  waiting: WaitlistEntry[];
}

/** 我的预约 on 我的: per exhibition, the next visit (its ticket one tap away) and any 候补 in line. */
export default function ExhibitionMeCard() {
  // one read of my waiting lists serves every exhibition on the card
  let lists: Promise<WaitlistEntry[]> | null = null;
  const mine = async (campaignId: string): Promise<Mine> => {
    lists ??= myWaitlist();
    const [bookings, waiting] = await Promise.all([myBookings(campaignId), lists]);
    const next = bookings.filter((b) => isActive(b)).sort((a, b) => Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt))[0] ?? null;
    return { next, waiting: waiting.filter((w) => w.campaignId === campaignId && w.status === 'waiting') };
  };
  return (
    <KindMeCard
      kind="exhibition"
      title={t('ex.myBookings')}
      icon="exhibition"
      testId="exhibition-me"
      mine={(c) => mine(c.id)}
      footer={
        <A href="/my-bookings" class="pt-kind-more">
          {t('ex.meAll')}
          <Icon name="chevronRight" />
        </A>
      }
    >
      {(it) => (
        <KindMeRow href={it.mine?.next ? ticketHref(it.mine.next.code) : visitHref(it.campaign)} title={it.campaign.title}>
          <Show when={it.mine?.next} fallback={t('ex.meNone')}>
            {(b) => (
              <>
                {t('ex.meNext', { when: slotText(b().slot) })}
                <Show when={b().fromWaitlist}> · {t('ex.fromWaitlist')}</Show>
              </>
            )}
          </Show>
          <Show when={it.mine?.waiting.length}>
            {' · '}
            {t('ex.meWaiting', { n: String(it.mine!.waiting.length), pos: String(it.mine!.waiting[0]!.position ?? '—') })}
          </Show>
        </KindMeRow>
      )}
    </KindMeCard>
  );
}
