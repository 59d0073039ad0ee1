import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import type { AppEnv } from '../../lib/env';
import { settingsOf, type SettingsOf } from '../../../../shared/contracts/campaigns';
import { chinaDay } from '../../../../shared/i18n';
import { campaignDays, scheduleProblem, SCHEDULE_MAX_DAYS, SCHEDULE_MAX_SLOTS, type ScheduleSpec } from '../../../../shared/schedule';
import { maskIdNumber } from '../../../../shared/id-number';
import { noShowBlock, noShowWindowStart } from '../../../../shared/visits';
import type { CampaignRecord } from '../../../../db/queries/campaigns';
import { noShowsSince } from '../../../../db/queries/exhibition';

type Cfg = SettingsOf<'exhibition'>;
export const cfg = (c: CampaignRecord): Cfg => settingsOf('exhibition', c.settings);

/** Repeated no-shows block new bookings — and joining waiting lists — for a while (settings). */
export async function assertNotBlocked(c: Context<AppEnv>, campaign: CampaignRecord, userId: string, now: number) {
  const s = cfg(campaign);
  const misses = await noShowsSince(c.var.db, campaign.id, userId, noShowWindowStart(s, now));
  const block = noShowBlock(
    misses.map((m) => m.at),
    s,
    now,
  );
  if (block) throw new ApiError('forbidden', 'msg.ex_blocked', { n: block.n, until: chinaDay(block.until) });
}

/**
 * 参观须知: where the exhibition has one, the visitor must have ticked that they read it (as
 * museums ask) — 422 `notice_not_accepted`, and nothing is booked.
 */
export function assertNoticeAccepted(campaign: CampaignRecord, accepted: boolean | undefined) {
  if (cfg(campaign).rules.trim() && accepted !== true) {
    throw new ApiError('unprocessable', 'msg.notice_not_accepted', {}, { acceptedNotice: { key: 'msg.notice_not_accepted' } });
  }
}

/**
 * The party's visitors as they are stored: at most one per person of the party; where the
 * exhibition requires it, a name and an ID number for each of them (422
 * `id_numbers_required`). ID numbers are kept masked only (shared/id-number.ts says why).
 */
export function partyVisitors(campaign: CampaignRecord, b: { partySize: number; visitors?: Array<{ name?: string; idNumber?: string }> }) {
  const given = (b.visitors ?? []).filter((x) => x.name || x.idNumber);
  if (given.length > b.partySize)
    throw new ApiError('validation_failed', undefined, {}, { visitors: { key: 'msg.ex_visitors_count', params: { n: b.partySize } } });
  if (cfg(campaign).requireIdNumbers && (given.length !== b.partySize || given.some((x) => !x.name || !x.idNumber))) {
    throw new ApiError(
      'unprocessable',
      'msg.id_numbers_required',
      { n: b.partySize },
      { visitors: { key: 'msg.id_numbers_required', params: { n: b.partySize } } },
    );
  }
  return given.map((x) => ({ name: x.name ?? null, idNumber: x.idNumber ? maskIdNumber(x.idNumber) : null }));
}

/** A schedule is refused on its arithmetic, before one slot is built: the span, the campaign's days, the count. */
export function assertScheduleBounded(campaign: CampaignRecord, g: ScheduleSpec) {
  switch (scheduleProblem(g, campaign)) {
    case null:
      return;
    case 'ends_before_starts':
      throw new ApiError('validation_failed', undefined, {}, { 'generate.to': { key: 'msg.ends_before_starts' } });
    case 'schedule_too_long':
      throw new ApiError('validation_failed', 'msg.slots_span', { max: SCHEDULE_MAX_DAYS }).because('schedule_too_long');
    case 'schedule_outside_campaign': {
      const { first, last } = campaignDays(campaign);
      throw new ApiError('validation_failed', 'msg.slots_outside_campaign', { from: first, to: last }).because('schedule_outside_campaign');
    }
    case 'too_many_slots':
      throw new ApiError('validation_failed', 'msg.too_many_slots', { max: SCHEDULE_MAX_SLOTS }).because('too_many_slots');
  }
}
