import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage, requireViewer } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { Id } from '../../../../shared/contracts/common';
import {
  BookingBody,
  BookingPage,
  BookingQuery,
  BookingResponse,
  GroupBookingBody,
  SlotList,
  SlotsBody,
  SlotsCreated,
  VisitStatsResponse,
  WaitlistBody,
} from '../../../../shared/contracts/exhibition';
import { slotAction } from '../../../../shared/waitlist';
import { chinaDay } from '../../../../shared/i18n';
import { schedule } from '../../../../shared/schedule';
import { maskPhone } from '../../../../shared/mask';
import { getOrgUnit } from '../../../../db/queries/org';
import { decodeCursor, encodeCursor, keysetPages } from '../../../../db/queries/util';
import { seesPhoneOf } from '../../lib/privacy';
import { addSlots, bookSeats, getSlot, listSlots } from '../../../../db/queries/exhibition';
import { bookingDto, waitlistDto, WaitlistEntry, seesBookingPhone, slotDto, slotLabel } from './exhibition.dto';
import { campaignOfKind, managedCampaign } from '../../lib/guards';
import { memberUnit } from '../../../../db/queries/org';
import { countBookings, listBookings, visitStats } from '../../../../db/queries/exhibition-listings';
import { joinWaitlist, waitlistEntry } from '../../../../db/queries/exhibition-waitlist';
import { at, exportWithinMax, rowsOf, tableStream } from '../../lib/tables';
import { cfg, assertNotBlocked, assertNoticeAccepted, partyVisitors, assertScheduleBounded } from './exhibition.rules';

const exhibitionOf = (c: Context<AppEnv>, id: string) => campaignOfKind(c, id, 'exhibition');

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
