import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage } from '../../lib/authz';
import { Report, ReportQuery } from '../../../../shared/contracts/report';
import { FIGURES, yearsOf, daysIn } from '../../../../shared/report';
import { getOrgUnit, listChildUnits } from '../../../../db/queries/org';
import { reportFigures, type Period } from '../../../../db/queries/report';

/** A report covers at most the platform's planning horizon: the 2019–2023 plan is five years; ten leaves room. */
const MAX_DAYS = 3660;

export const reportRoutes = createApp().get(
  '/:id/report',
  describeRoute({
    tags: ['Reports'],
    summary: 'The seed report\'s figures for a subtree and a China-date range (organizers of the subtree): each with its definition, by year, and per unit directly below',
    responses: { 200: json(Report) },
  }),
  valid('param', IdParam),
  valid('query', ReportQuery),
  async (c) => {
    const q = c.req.valid('query');
    const unit = await getOrgUnit(c.var.db, c.req.valid('param').id);
    if (!unit) throw new ApiError('not_found', 'msg.org_missing');
    requireManage(c, unit.path);
    if (q.from > q.to) throw new ApiError('validation_failed', undefined, {}, { to: { key: 'msg.ends_before_starts' } });
    if (daysIn(q.from, q.to) > MAX_DAYS) throw new ApiError('validation_failed', 'msg.report_too_long', { days: MAX_DAYS }, { from: { key: 'msg.report_too_long', params: { days: MAX_DAYS } } });
    const period: Period = { from: q.from, to: q.to };
    const years = yearsOf(q.from, q.to);
    const children = await listChildUnits(c.var.db, unit.id);
    const [whole, ...rest] = await reportFigures(c.var.db, [
      { path: unit.path, period },
      ...years.map((y) => ({ path: unit.path, period: { from: y.from, to: y.to } })),
      ...children.map((u) => ({ path: u.path, period })),
    ]);
    const lang = c.var.lang;
    return c.json({
      orgUnitId: unit.id,
      name: unit.name,
      from: q.from,
      to: q.to,
      figures: FIGURES.map((f) => ({
        id: f.id, group: f.group, label: f.label[lang], value: whole?.[f.id as keyof typeof whole] ?? null, unit: f.unit[lang], definition: f.definition[lang], starred: f.starred,
      })),
      byYear: Object.fromEntries(years.map((y, i) => [y.year, rest[i] ?? {}])),
      units: children.map((u, i) => ({ orgUnitId: u.id, name: u.name, figures: rest[years.length + i] ?? {} })),
    });
  },
);
