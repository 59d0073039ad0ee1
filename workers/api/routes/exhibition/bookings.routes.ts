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
import { BookingResponse, CheckInBody, CheckInResponse, SlotPatch, SlotPatched, SlotWaitlist, TicketResponse } from '../../../../shared/contracts/exhibition';
import { effectiveStatus } from '../../../../shared/waitlist';
import { chinaDay } from '../../../../shared/i18n';
import { checkInOpen } from '../../../../shared/visits';
import { getCampaign } from '../../../../db/queries/campaigns';
import { bookingByCode, cancelBooking, checkIn, getBooking, getSlot, getSlotWithWaiting, updateSlot, type BookingRow } from '../../../../db/queries/exhibition';
import { bookingFromWaitlist, getWaitlistEntry, leaveWaitlist, slotWaitlistEntries, waitlistEntry } from '../../../../db/queries/exhibition-waitlist';
import { visitStats } from '../../../../db/queries/exhibition-listings';
import { bookingDto, waitlistDto, WaitlistEntry, seesBookingPhone, slotDto, slotLabel } from './exhibition.dto';
import { managedCampaign } from '../../lib/guards';
import { textAfterCommit } from '../../lib/notify';
import { cfg } from './exhibition.rules';

export const slotRoutes = createApp()
  .patch(
    '/:id',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        'Change a slot’s capacity (never below seats booked) or close it — organizers. Seats a higher capacity (or reopening) frees go to the waiting list at once; `promoted` counts the entries that became bookings.',
      responses: { 200: json(SlotPatched) },
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
      responses: { 200: json(SlotWaitlist) },
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
