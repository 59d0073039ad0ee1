import type { HomeDto, HomeItemDto } from '@shared/contracts/me';
import { call } from '@ui/api';

/* The personal home page's data: GET /me/home (today's points, streak, quiz, what waits). */

export type Home = HomeDto;
export type HomeItem = HomeItemDto;

export function getHome(): Promise<Home> {
  return call('GET /me/home', {});
}

const enc = encodeURIComponent;

/** Where a waiting item is dealt with: the ticket, the volunteer page, the contest hub. */
export function itemHref(i: HomeItem): string {
  const c = `/c/${enc(i.campaign.slug)}`;
  switch (i.kind) {
    case 'booking':
      return i.code ? `/my-bookings/${enc(i.code)}` : '/my-bookings';
    case 'service_activity':
      return `${c}/volunteer`;
    case 'entry_review':
      return `${c}/contest`;
    case 'record_review':
      return `${c}/volunteer`;
  }
}
