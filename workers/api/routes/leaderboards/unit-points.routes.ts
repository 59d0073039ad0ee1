import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage } from '../../lib/authz';
import { UnitPointsQuery, UnitPointsResponse } from '../../../../shared/contracts/leaderboards';
import { chinaMidnight } from '../../../../shared/china-time';
import { getOrgUnit } from '../../../../db/queries/org';
import { unitPoints } from '../../../../db/queries/leaderboards';

/** A unit's points across all its campaigns (organizers of the unit's subtree). */
export const unitPointsRoutes = createApp().get(
  '/:id/points',
  describeRoute({
    tags: ['Leaderboards'],
    summary:
      'Points a unit’s subtree earned across every campaign in a period (?from=&to=, China days, either open), per campaign, with the registered members and the average per member — organizers of that subtree',
    responses: { 200: json(UnitPointsResponse) },
  }),
  valid('param', IdParam),
  valid('query', UnitPointsQuery),
  async (c) => {
    const unit = await getOrgUnit(c.var.db, c.req.valid('param').id);
    if (!unit) throw new ApiError('not_found', 'msg.org_missing');
    requireManage(c, unit.path);
    const q = c.req.valid('query');
    const fromAt = q.from ? new Date(chinaMidnight(q.from)).toISOString() : null;
    const toAt = q.to ? new Date(chinaMidnight(q.to) + 86400e3).toISOString() : null;
    const r = await unitPoints(c.var.db, unit.path, fromAt, toAt);
    const points = r.byCampaign.reduce((s, x) => s + x.points, 0);
    return c.json({
      orgUnitId: unit.id,
      name: unit.name,
      from: q.from ?? null,
      to: q.to ?? null,
      points,
      members: r.members,
      averagePerMember: r.members ? Math.round((points / r.members) * 100) / 100 : 0,
      campaigns: r.byCampaign,
    });
  },
);
