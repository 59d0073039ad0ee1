import * as v from 'valibot';
import { describeRoute, resolver } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { requireViewer } from '../../lib/authz';
import { meBody } from '../../lib/me';
import { ListQuery } from '../../../../shared/contracts/common';
import { MeResponse } from '../../../../shared/contracts/auth';
import { ActivityPage, MyBookings, MyWaitlist } from '../../../../shared/contracts/me';
import { listUserActivity } from '../../../../db/queries/activity';
import { json } from '../../lib/openapi';
import { myBookings } from '../../../../db/queries/exhibition-listings';
import { myWaitlist } from '../../../../db/queries/exhibition-waitlist';
import { bookingDto, waitlistDto } from '../exhibition/exhibition.dto';
import { decodeTimeCursor, encodeCursor } from '../../../../db/queries/util';

export const meRoutes = createApp()
  .get(
    '/',
    describeRoute({
      tags: ['Accounts'],
      summary: 'The signed-in user and their memberships (role member | organizer | admin)',
      responses: { 200: { description: 'Me', content: { 'application/json': { schema: resolver(MeResponse) } } } },
    }),
    async (c) => {
      return c.json(meBody(requireViewer(c)));
    },
  )
  .get(
    '/bookings',
    describeRoute({
      tags: ['Exhibitions'],
      summary: '我的预约: my bookings across every exhibition, latest slot first; `fromWaitlist` marks one a waiting list gave me (候补成功)',
      responses: { 200: json(MyBookings) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const rows = await myBookings(c.var.db, viewer.id, 100);
      return c.json({
        items: rows.map((r) => ({
          ...bookingDto(r.b, { startsAt: r.slotStartsAt, endsAt: r.slotEndsAt }, true, r.fromWaitlist, r.b.userId === viewer.id),
          campaign: { title: r.title, slug: r.slug },
        })),
      });
    },
  )
  .get(
    '/waitlist',
    describeRoute({
      tags: ['Exhibitions'],
      summary:
        '我的候补: my waiting-list entries across every exhibition, latest slot first, each with its place in line while waiting and its booking once it got seats',
      responses: { 200: json(MyWaitlist) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const now = Date.now();
      const rows = await myWaitlist(c.var.db, viewer.id, 100);
      return c.json({ items: rows.map((r) => ({ ...waitlistDto(r, viewer, now), campaign: { title: r.title, slug: r.slug } })) });
    },
  )
  .get(
    '/activity',
    describeRoute({
      tags: ['Accounts'],
      summary: "The signed-in user's activity (answers, entries, service hours, pledges, visits), newest first",
      responses: { 200: { description: 'Activity', content: { 'application/json': { schema: resolver(ActivityPage) } } } },
    }),
    valid('query', v.strictObject(ListQuery)),
    async (c) => {
      const viewer = requireViewer(c);
      const q = c.req.valid('query');
      const { rows, totals } = await listUserActivity(c.var.db, viewer.id, q.limit, decodeTimeCursor(q.cursor));
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return c.json({ items, nextCursor: rows.length > q.limit && last ? encodeCursor(`${last.occurredAt}|${last.id}`) : null, totals });
    },
  );
