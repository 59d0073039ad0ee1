import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { renderSVG } from 'uqr';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { IdParam, json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { canGatePath, canManagePath, requireGate, requireManage, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { Id } from '../../../../shared/contracts/common';
import { settingsOf, type SettingsOf } from '../../../../shared/contracts/campaigns';
import {
  BookingBody,
  BookingPage,
  BookingQuery,
  BookingResponse,
  CheckInBody,
  CheckInResponse,
  GroupBookingBody,
  SlotList,
  SlotPatch,
  SlotSchema as SlotItem,
  SlotsBody,
  SlotsCreated,
  TicketResponse,
  VisitStatsResponse,
  WaitlistBody,
  type SlotDto,
} from '../../../../shared/contracts/exhibition';
import { effectiveStatus, slotAction } from '../../../../shared/waitlist';
import { chinaDay } from '../../../../shared/i18n';
import { campaignDays, schedule, scheduleProblem, SCHEDULE_MAX_DAYS, SCHEDULE_MAX_SLOTS, type ScheduleSpec } from '../../../../shared/schedule';
import { maskPhone } from '../../../../shared/mask';
import { maskIdNumber } from '../../../../shared/id-number';
import { checkInOpen, noShowBlock, noShowWindowStart } from '../../../../shared/visits';
import { getCampaign, type CampaignRecord } from '../../../../db/queries/campaigns';
import { getOrgUnit } from '../../../../db/queries/org';
import { decodeCursor, encodeCursor, keysetPages } from '../../../../db/queries/util';
import { seesPhoneOf } from '../../lib/privacy';
import {
  addSlots,
  bookSeats,
  bookingByCode,
  cancelBooking,
  checkIn,
  getBooking,
  getSlot,
  getSlotWithWaiting,
  listSlots,
  noShowsSince,
  updateSlot,
  type BookingRow,
  type SlotRow,
} from '../../../../db/queries/exhibition';
import { countBookings, listBookings, visitStats } from '../../../../db/queries/exhibition-listings';
import {
  bookingFromWaitlist,
  getWaitlistEntry,
  joinWaitlist,
  leaveWaitlist,
  slotWaitlistEntries,
  waitlistEntry,
} from '../../../../db/queries/exhibition-waitlist';
import { chinaClock, chinaTime } from '../../../../shared/china-time';
import { bookingDto, waitlistDto, WaitlistEntry, seesBookingPhone } from './exhibition.dto';
import { campaignOfKind, managedCampaign } from '../../lib/guards';
import { memberUnit } from '../../../../db/queries/org';
import { at, exportWithinMax, rowsOf, tableStream } from '../../lib/tables';
import { textAfterCommit } from '../../lib/notify';

type Cfg = SettingsOf<'exhibition'>;
const cfg = (c: CampaignRecord): Cfg => settingsOf('exhibition', c.settings);

const exhibitionOf = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'exhibition');

/** A slot as anyone may see it; `waiting` counts the entries on its waiting list (候补), never who they are. */
const slotDto = (s: SlotRow & { waiting?: number }): SlotDto => ({
  id: s.id,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  capacity: s.capacity,
  booked: s.booked,
  remaining: Math.max(0, s.capacity - s.booked),
  closed: s.closed,
  ...(s.waiting === undefined ? {} : { waiting: s.waiting }),
});
const slotLabel = (s: { startsAt: string; endsAt: string }) => `${chinaClock(s.startsAt)}–${chinaTime(s.endsAt)}`;
/** Repeated no-shows block new bookings — and joining waiting lists — for a while (settings). */
async function assertNotBlocked(c: Context<AppEnv>, campaign: CampaignRecord, userId: string, now: number) {
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
function assertNoticeAccepted(campaign: CampaignRecord, accepted: boolean | undefined) {
  if (cfg(campaign).rules.trim() && accepted !== true) {
    throw new ApiError('unprocessable', 'msg.notice_not_accepted', {}, { acceptedNotice: { key: 'msg.notice_not_accepted' } });
  }
}

/**
 * The party's visitors as they are stored: at most one per person of the party; where the
 * exhibition requires it, a name and an ID number for each of them (422
 * `id_numbers_required`). ID numbers are kept masked only (shared/id-number.ts says why).
 */
function partyVisitors(campaign: CampaignRecord, b: { partySize: number; visitors?: Array<{ name?: string; idNumber?: string }> }) {
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
function assertScheduleBounded(campaign: CampaignRecord, g: ScheduleSpec) {
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

export const exhibitionCampaignRoutes = createApp()
  .post(
    '/:id/slots',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'Add a time slot, or generate a schedule (days × times × capacity, China time) — organizers. A schedule must lie within the campaign’s days, span at most 731 days and make at most 400 slots (400 `schedule_outside_campaign` / `schedule_too_long` / `too_many_slots`), checked before anything is built',
      responses: { 201: json(SlotsCreated, 'Created') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', SlotsBody),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      if (campaign.kind !== 'exhibition') throw new ApiError('not_found', 'msg.ex_not_exhibition');
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      const b = c.req.valid('json');
      if ('generate' in b) assertScheduleBounded(campaign, b.generate);
      const slots =
        'generate' in b
          ? schedule(b.generate)
          : [{ startsAt: new Date(b.startsAt).toISOString(), endsAt: new Date(b.endsAt).toISOString(), capacity: b.capacity }];
      if (!('generate' in b) && Date.parse(b.endsAt) <= Date.parse(b.startsAt))
        throw new ApiError('validation_failed', undefined, {}, { endsAt: { key: 'msg.ends_before_starts' } });
      const created = await addSlots(c.var.db, viewer.id, campaign, slots);
      // a single slot comes back whole, so the caller has its id
      const single =
        'generate' in b ? null : (await listSlots(c.var.db, campaign.id, slots[0]!.startsAt, slots[0]!.startsAt)).find((s) => s.endsAt === slots[0]!.endsAt);
      return c.json({ created, requested: slots.length, ...(single ? { slot: slotDto(single) } : {}) }, 201);
    },
  )
  .get(
    '/:id/slots',
    describeRoute({
      tags: ['Exhibitions'],
      summary: 'Slots with remaining seats and the number of entries on each waiting list (public); ?from=&to= (ISO)',
      responses: { 200: json(SlotList) },
    }),
    valid('param', v.object({ id: Id })),
    valid(
      'query',
      v.strictObject({
        from: v.optional(v.pipe(v.string(), v.isoTimestamp('msg.iso_time'))),
        to: v.optional(v.pipe(v.string(), v.isoTimestamp('msg.iso_time'))),
      }),
    ),
    async (c) => {
      const campaign = await exhibitionOf(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await listSlots(c.var.db, campaign.id, q.from ? new Date(q.from).toISOString() : undefined, q.to ? new Date(q.to).toISOString() : undefined);
      if (!c.var.viewer) c.header('Cache-Control', 'public, max-age=5');
      return c.json({ items: rows.map(slotDto) });
    },
  )
  .post(
    '/:id/bookings',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'Book a slot (signed in; party of 1–5; optional `visitors` — a name for each person, and where settings.requireIdNumbers says so a name and 身份证号 for every one, else 422 `id_numbers_required`; ID numbers are checked by their check character and stored masked (last four); `remindSms: true` asks for a text the day before; where the exhibition has a notice (参观须知, settings.rules) `acceptedNotice: true` is required → else 422 `notice_not_accepted`; one booking per person per exhibition per day; at most `bookingsPerPerson` upcoming visits per account → 409 `booking_limit`). Full → 409 and nothing booked, whatever the concurrency.',
      responses: { 201: json(BookingResponse, 'Booked') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', BookingBody),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await exhibitionOf(c, c.req.valid('param').id);
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (campaign.status !== 'published') throw new ApiError('not_found');
      const b = c.req.valid('json');
      const slot = await getSlot(c.var.db, b.slotId);
      if (!slot || slot.campaignId !== campaign.id) throw new ApiError('not_found');
      const now = Date.now();
      if (slot.closed || Date.parse(slot.endsAt) <= now) throw new ApiError('conflict', 'msg.ex_slot_closed');
      assertNoticeAccepted(campaign, b.acceptedNotice);
      const visitors = partyVisitors(campaign, b);
      await assertNotBlocked(c, campaign, viewer.id, now);
      // a member's booking counts for their unit in the statistics
      const unit = await memberUnit(c.var.db, viewer.id);
      const res = await bookSeats(
        c.var.db,
        {
          campaignId: campaign.id,
          slot,
          userId: viewer.id,
          name: b.name,
          phone: b.phone,
          partySize: b.partySize,
          day: chinaDay(Date.parse(slot.startsAt)),
          group: false,
          orgUnitId: unit?.id ?? null,
          perPerson: cfg(campaign).bookingsPerPerson,
          visitors,
          remindSms: b.remindSms === true,
        },
        now,
      );
      if (res.result === 'again') throw new ApiError('conflict', 'msg.ex_again');
      if (res.result === 'limit') throw new ApiError('conflict', 'msg.ex_booking_limit', { n: cfg(campaign).bookingsPerPerson }).because('booking_limit');
      if (res.result === 'full') throw new ApiError('conflict', 'msg.ex_full');
      return c.json({ booking: bookingDto(res.booking, slot, true, undefined, true) }, 201);
    },
  )
  .post(
    '/:id/slots/:slotId/waitlist',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        '候补: join a full slot’s waiting list (signed in; same details as a booking, the notice accepted likewise). Freed seats go to the people waiting in the order they joined, as bookings, automatically; a party that does not fit is passed over and keeps its place. Seats left for the party → 409 (book directly); already waiting, or booked that day → 409; `bookingsPerPerson` entries already waiting → 409 `waitlist_limit`; slot closed or over → 409.',
      responses: { 201: json(v.object({ entry: WaitlistEntry }), 'Joined; `position` is the place in line') },
    }),
    valid('param', v.object({ id: Id, slotId: Id })),
    valid('json', WaitlistBody),
    async (c) => {
      const viewer = requireViewer(c);
      const p = c.req.valid('param');
      const campaign = await exhibitionOf(c, p.id);
      if (campaign.status === 'closed') throw new ApiError('conflict', 'msg.campaign_closed');
      if (campaign.status !== 'published') throw new ApiError('not_found');
      const b = c.req.valid('json');
      const slot = await getSlot(c.var.db, p.slotId);
      if (!slot || slot.campaignId !== campaign.id) throw new ApiError('not_found');
      const now = Date.now();
      const action = slotAction(slot, b.partySize, now);
      if (action === 'closed') throw new ApiError('conflict', 'msg.ex_wl_closed');
      if (action === 'book') throw new ApiError('conflict', 'msg.ex_wl_has_seats');
      assertNoticeAccepted(campaign, b.acceptedNotice);
      const visitors = partyVisitors(campaign, b);
      await assertNotBlocked(c, campaign, viewer.id, now);
      const res = await joinWaitlist(
        c.var.db,
        {
          campaignId: campaign.id,
          slotId: slot.id,
          userId: viewer.id,
          name: b.name,
          phone: b.phone,
          partySize: b.partySize,
          day: chinaDay(Date.parse(slot.startsAt)),
          perPerson: cfg(campaign).bookingsPerPerson,
          visitors,
          remindSms: b.remindSms === true,
        },
        now,
      );
      if (res.result === 'again') throw new ApiError('conflict', 'msg.ex_wl_again');
      if (res.result === 'limit') throw new ApiError('conflict', 'msg.ex_waitlist_limit', { n: cfg(campaign).bookingsPerPerson }).because('waitlist_limit');
      if (res.result === 'closed') throw new ApiError('conflict', 'msg.ex_wl_closed');
      if (res.result === 'has_seats') throw new ApiError('conflict', 'msg.ex_wl_has_seats');
      if (res.result === 'booked_that_day') throw new ApiError('conflict', 'msg.ex_wl_booked_day');
      return c.json({ entry: waitlistDto((await waitlistEntry(c.var.db, res.entry.id))!, viewer) }, 201);
    },
  )
  .post(
    '/:id/group-bookings',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'An organizer of the branch books seats for it (its members visit together), all or nothing: the branch must be inside the exhibition’s subtree unless the exhibition is public (else 403 `group_not_open`); at most `groupSizeMax` seats and never more than the slot holds (else 400 `group_size`)',
      responses: { 201: json(BookingResponse, 'Booked') },
    }),
    valid('param', v.object({ id: Id })),
    valid('json', GroupBookingBody),
    async (c) => {
      const campaign = await exhibitionOf(c, c.req.valid('param').id);
      if (campaign.status !== 'published') throw new ApiError('conflict', 'msg.campaign_closed');
      const b = c.req.valid('json');
      const unit = await getOrgUnit(c.var.db, b.orgUnitId);
      if (!unit) throw new ApiError('validation_failed', undefined, {}, { orgUnitId: { key: 'msg.org_missing' } });
      const viewer = requireManage(c, unit.path);
      // The branch must be one the exhibition is for: inside its organizing subtree, or any
      // unit when the exhibition is open to the public — never another subtree's members-only show.
      const s = cfg(campaign);
      if (!unit.path.startsWith(campaign.orgPath) && s.audience !== 'public')
        throw new ApiError('forbidden', 'msg.ex_group_not_open').because('group_not_open');
      const slot = await getSlot(c.var.db, b.slotId);
      if (!slot || slot.campaignId !== campaign.id) throw new ApiError('not_found');
      // bounded before anything is written: the setting, and what the slot holds at all
      const max = Math.min(s.groupSizeMax, slot.capacity);
      if (b.size > max) throw new ApiError('validation_failed', undefined, {}, { size: { key: 'msg.ex_group_size', params: { max } } }).because('group_size');
      const res = await bookSeats(c.var.db, {
        campaignId: campaign.id,
        slot,
        userId: viewer.id,
        name: b.contactName ?? `${unit.name}（集体）`,
        phone: b.contactPhone ?? viewer.phone,
        partySize: b.size,
        day: chinaDay(Date.parse(slot.startsAt)),
        group: true,
        orgUnitId: unit.id,
      });
      if (res.result !== 'ok') throw new ApiError('conflict', 'msg.ex_full');
      return c.json({ booking: bookingDto(res.booking, slot, true, undefined, true) }, 201);
    },
  )
  .get(
    '/:id/bookings',
    describeRoute({
      tags: ['Exhibitions'],
      summary: '我的预约 (?mine=true), or all bookings for organizers with filters (slot, day, status)',
      responses: { 200: json(BookingPage) },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', BookingQuery),
    async (c) => {
      const viewer = requireViewer(c);
      const campaign = await exhibitionOf(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const staff = q.mine !== 'true';
      if (staff) requireManage(c, campaign.orgPath);
      const rows = await listBookings(c.var.db, campaign.id, {
        userId: staff ? undefined : viewer.id,
        slotId: q.slotId,
        day: q.day,
        status: q.status,
        limit: q.limit,
        beforeId: decodeCursor(q.cursor),
      });
      const items = rows.slice(0, q.limit);
      return c.json({
        items: await Promise.all(
          items.map(async (r) => ({
            ...bookingDto(
              r.b,
              { startsAt: r.slotStartsAt, endsAt: r.slotEndsAt },
              true,
              r.fromWaitlist,
              await seesBookingPhone(c.var.db, viewer, r.b, campaign.orgPath, r.unitPath),
            ),
            orgUnitName: r.unitName,
          })),
        ),
        nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.b.id) : null,
      });
    },
  )
  .get(
    '/:id/bookings/export',
    describeRoute({
      tags: ['Exhibitions'],
      summary: 'All bookings as Excel (organizers), streamed. More than 200,000 rows → 413 `export_too_large`',
      responses: { 200: { description: 'File' } },
    }),
    valid('param', v.object({ id: Id })),
    valid('query', v.strictObject({ format: v.optional(v.picklist(['xlsx', 'csv']), 'xlsx') })),
    async (c) => {
      const { campaign, viewer } = await managedCampaign(c, c.req.valid('param').id);
      const label: Record<string, string> = { booked: '已预约', cancelled: '已取消', checked_in: '已入场', no_show: '未到场' };
      exportWithinMax(await countBookings(c.var.db, campaign.id));
      // streamed a page at a time: a city's year of visits never sits in the Worker's memory
      const pages = keysetPages(
        (beforeId: string | null) => listBookings(c.var.db, campaign.id, { limit: 500, beforeId }),
        500,
        (r) => r.b.id,
      );
      return tableStream(
        c,
        ['预约码', '日期', '时段', '姓名', '手机号', '人数', '集体预约单位', '状态', '入场时间', '参观人'],
        rowsOf(pages, (r) => [
          r.b.code,
          r.b.day,
          slotLabel({ startsAt: r.slotStartsAt, endsAt: r.slotEndsAt }),
          r.b.name,
          seesPhoneOf(viewer, { userId: r.b.userId, paths: [r.unitPath], fallbackPath: campaign.orgPath }) ? r.b.phone : maskPhone(r.b.phone),
          r.b.partySize,
          r.unitName ?? '',
          label[r.b.status],
          at(r.b.checkedInAt),
          (r.b.visitors ?? []).map((x) => [x.name, x.idNumber].filter(Boolean).join(' ')).join('；'),
        ]),
        `${campaign.slug}-bookings`,
        c.req.valid('query').format,
        '预约台账',
      );
    },
  )
  .get(
    '/:id/visit-stats',
    describeRoute({
      tags: ['Exhibitions'],
      summary: 'Visitor statistics (organizers): booked, checked in, no-shows (people), inside today, by day, slot and org unit',
      responses: { 200: json(VisitStatsResponse) },
    }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const { campaign } = await managedCampaign(c, c.req.valid('param').id);
      return c.json(await visitStats(c.var.db, campaign.id, chinaDay(Date.now())));
    },
  );

export const slotRoutes = createApp()
  .patch(
    '/:id',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'Change a slot’s capacity (never below seats booked) or close it — organizers. Seats a higher capacity (or reopening) frees go to the waiting list at once; `promoted` counts the entries that became bookings.',
      responses: { 200: json(v.object({ slot: SlotItem, promoted: v.number() })) },
    }),
    valid('param', IdParam),
    valid('json', SlotPatch),
    async (c) => {
      const slot = await getSlot(c.var.db, c.req.valid('param').id);
      if (!slot) throw new ApiError('not_found');
      const { campaign, viewer } = await managedCampaign(c, slot.campaignId);
      const res = await updateSlot(c.var.db, viewer.id, slot, campaign.orgUnitId, c.req.valid('json'));
      if (!res) throw new ApiError('conflict', 'msg.ex_capacity_below', { booked: slot.booked });
      textAfterCommit(c, res.notices);
      return c.json({ slot: slotDto((await getSlotWithWaiting(c.var.db, slot.id))!), promoted: res.promoted.booked });
    },
  )
  .get(
    '/:id/waitlist',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'A slot’s waiting list (候补) in the order people joined, with names and phones — organizers of the exhibition’s subtree only (the public sees counts on the slot list)',
      responses: { 200: json(v.object({ slot: SlotItem, items: v.array(WaitlistEntry) })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const slot = await getSlotWithWaiting(c.var.db, c.req.valid('param').id);
      if (!slot) throw new ApiError('not_found');
      await managedCampaign(c, slot.campaignId);
      const now = Date.now();
      const rows = await slotWaitlistEntries(c.var.db, slot.id);
      return c.json({ slot: slotDto(slot), items: rows.map((r) => waitlistDto(r, c.var.viewer, now)) });
    },
  );

async function staffFor(c: Context<AppEnv>, b: BookingRow) {
  const campaign = (await getCampaign(c.var.db, b.campaignId))!;
  return { campaign, viewer: requireManage(c, campaign.orgPath) };
}

/** The gate: 检票员 of the exhibition's unit (or above) check in as its organizers do. */
async function gateFor(c: Context<AppEnv>, b: BookingRow) {
  const campaign = (await getCampaign(c.var.db, b.campaignId))!;
  return { campaign, viewer: requireGate(c, campaign.orgPath) };
}

export const bookingRoutes = createApp()
  .get(
    '/:code',
    describeRoute({ tags: ['Exhibitions'], summary: 'A ticket by its code (its holder or the exhibition’s staff)', responses: { 200: json(TicketResponse) } }),
    valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{6,20}$/)) })),
    async (c) => {
      const viewer = requireViewer(c);
      const b = await bookingByCode(c.var.db, c.req.valid('param').code);
      if (!b) throw new ApiError('not_found');
      const campaign = (await getCampaign(c.var.db, b.campaignId))!;
      const staff = canGatePath(viewer, campaign.orgPath);
      if (b.userId !== viewer.id && !staff) throw new ApiError('not_found');
      const slot = await getSlot(c.var.db, b.slotId);
      return c.json({
        booking: bookingDto(b, slot, true, await bookingFromWaitlist(c.var.db, b), await seesBookingPhone(c.var.db, viewer, b, campaign.orgPath)),
        campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title, settings: { venue: cfg(campaign).venue, address: cfg(campaign).address } },
      });
    },
  )
  .get(
    '/:code/qr.svg',
    describeRoute({ tags: ['Exhibitions'], summary: 'The ticket QR (SVG); it encodes the unguessable code', responses: { 200: { description: 'SVG' } } }),
    valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{6,20}$/)) })),
    async (c) => {
      const b = await bookingByCode(c.var.db, c.req.valid('param').code);
      if (!b) throw new ApiError('not_found');
      return c.body(renderSVG(b.code, { border: 2 }), 200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=3600' });
    },
  )
  .post(
    '/:code/check-in',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'Check a visitor in by ticket code (the exhibition’s organizers and staff): 已入场; again → 409 重复入场; another exhibition’s code → 404 非本展览; outside the slot → 409 不在预约时段',
      responses: { 200: json(CheckInResponse) },
    }),
    valid('param', v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{6,20}$/, 'msg.ex_other')) })),
    valid('json', CheckInBody),
    async (c) => {
      const b = await bookingByCode(c.var.db, c.req.valid('param').code);
      const campaignId = c.req.valid('json').campaignId;
      if (campaignId) {
        // the check-in screen names its exhibition; the staff must manage it
        const own = await getCampaign(c.var.db, campaignId);
        if (!own) throw new ApiError('not_found');
        requireGate(c, own.orgPath);
        if (!b || b.campaignId !== own.id) throw new ApiError('not_found', 'msg.ex_other', {}, undefined, {}, { outcome: 'other_exhibition' });
      }
      if (!b) throw new ApiError('not_found', 'msg.ex_other', {}, undefined, {}, { outcome: 'other_exhibition' });
      const { viewer, campaign } = await gateFor(c, b);
      const slot = (await getSlot(c.var.db, b.slotId))!;
      const phoneVisible = await seesBookingPhone(c.var.db, viewer, b, campaign.orgPath);
      // `outcome` names the case for the check-in screen (the status alone is 409 for several)
      if (b.status === 'checked_in')
        throw new ApiError(
          'conflict',
          'msg.ex_checked',
          { at: (b.checkedInAt ?? '').slice(11, 16) },
          undefined,
          {},
          { outcome: 'duplicate', booking: bookingDto(b, slot, true, undefined, phoneVisible) },
        );
      if (b.status === 'cancelled')
        throw new ApiError(
          'conflict',
          'msg.ex_cancelled',
          {},
          undefined,
          {},
          { outcome: 'cancelled', booking: bookingDto(b, slot, true, undefined, phoneVisible) },
        );
      const now = Date.now();
      if (!checkInOpen(slot, now)) {
        throw new ApiError(
          'conflict',
          'msg.ex_out_of_slot',
          { slot: slotLabel(slot) },
          undefined,
          {},
          { outcome: 'outside_slot', booking: bookingDto(b, slot, true, undefined, phoneVisible) },
        );
      }
      if (!(await checkIn(c.var.db, viewer.id, b))) throw new ApiError('conflict', 'msg.ex_checked', { at: '' });
      const stats = await visitStats(c.var.db, b.campaignId, chinaDay(now));
      return c.json({
        result: 'checked_in',
        outcome: 'checked_in',
        booking: bookingDto((await getBooking(c.var.db, b.id))!, slot, true, undefined, phoneVisible),
        insideToday: stats.insideToday,
      });
    },
  )
  .post(
    '/:id/cancel',
    describeRoute({ tags: ['Exhibitions'], summary: 'Cancel a booking (its holder, or staff) — frees the seats', responses: { 200: json(BookingResponse) } }),
    valid('param', v.object({ id: Id })),
    async (c) => {
      const viewer = requireViewer(c);
      const b = await getBooking(c.var.db, c.req.valid('param').id);
      if (!b) throw new ApiError('not_found');
      const campaign = b.userId === viewer.id ? (await getCampaign(c.var.db, b.campaignId))! : (await staffFor(c, b)).campaign;
      const cancelled = await cancelBooking(c.var.db, b);
      if (!cancelled) throw new ApiError('conflict', 'msg.ex_cancelled');
      // 候补成功 texts to those the freed seats went to (who agreed), after the batch
      textAfterCommit(c, cancelled.notices);
      return c.json({
        booking: bookingDto(
          (await getBooking(c.var.db, b.id))!,
          await getSlot(c.var.db, b.slotId),
          true,
          undefined,
          await seesBookingPhone(c.var.db, viewer, b, campaign.orgPath),
        ),
      });
    },
  );

/** Someone's waiting-list entry: its holder, or the exhibition's staff; to anyone else it does not exist. */
async function entryFor(c: Context<AppEnv>, id: string) {
  const viewer = requireViewer(c);
  const entry = await getWaitlistEntry(c.var.db, id);
  if (!entry) throw new ApiError('not_found');
  if (entry.userId !== viewer.id) {
    const campaign = await getCampaign(c.var.db, entry.campaignId);
    if (!campaign || !canManagePath(viewer, campaign.orgPath)) throw new ApiError('not_found');
  }
  return entry;
}

export const waitlistRoutes = createApp()
  .get(
    '/:id',
    describeRoute({
      tags: ['Exhibitions'],
      summary: 'A waiting-list entry with its place in line (its holder or the exhibition’s staff)',
      responses: { 200: json(v.object({ entry: WaitlistEntry })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const entry = await entryFor(c, c.req.valid('param').id);
      return c.json({ entry: waitlistDto((await waitlistEntry(c.var.db, entry.id))!, c.var.viewer) });
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'Leave a waiting list (its holder, or the exhibition’s staff). Only while waiting: an entry that became a booking → 409 (cancel the booking instead).',
      responses: { 200: json(v.object({ entry: WaitlistEntry })) },
    }),
    valid('param', IdParam),
    async (c) => {
      const entry = await entryFor(c, c.req.valid('param').id);
      const now = Date.now();
      const gone = async () => {
        const row = (await waitlistEntry(c.var.db, entry.id))!;
        const status = effectiveStatus(row.w.status, row.slotEndsAt, now);
        if (status === 'booked') return new ApiError('conflict', 'msg.ex_wl_booked');
        if (status === 'cancelled') return new ApiError('conflict', 'msg.ex_wl_left');
        return new ApiError('conflict', 'msg.ex_wl_expired');
      };
      const slot = await getSlot(c.var.db, entry.slotId);
      if (entry.status !== 'waiting' || !slot || Date.parse(slot.endsAt) <= now) throw await gone();
      if (!(await leaveWaitlist(c.var.db, entry.id, now))) throw await gone();
      return c.json({ entry: waitlistDto((await waitlistEntry(c.var.db, entry.id))!, c.var.viewer, now) });
    },
  );
