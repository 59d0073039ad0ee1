import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { reportOf, reportScope } from '../../lib/report-scope';
import { Report, ReportFiguresQuery } from '../../../../shared/contracts/report';
import { FIGURES } from '../../../../shared/report';

export const reportRoutes = createApp().get(
  '/:id/report',
  describeRoute({
    tags: ['Reports'],
    summary:
      "The seed report's figures for a subtree and a China-date range (organizers of the subtree): each with its definition, by year, and per unit directly below",
    responses: { 200: json(Report) },
  }),
  valid('param', IdParam),
  valid('query', ReportFiguresQuery),
  async (c) => {
    const q = c.req.valid('query');
    const { unit, period } = await reportScope(c, c.req.valid('param').id, q);
    const { whole, byYear, units, asOf } = await reportOf(c.var.db, unit, period, { fresh: q.fresh === '1' });
    const lang = c.var.lang;
    return c.json({
      orgUnitId: unit.id,
      name: unit.name,
      from: q.from,
      to: q.to,
      figures: FIGURES.map((f) => ({
        id: f.id,
        group: f.group,
        label: f.label[lang],
        value: whole?.[f.id as keyof typeof whole] ?? null,
        unit: f.unit[lang],
        definition: f.definition[lang],
        starred: f.starred,
      })),
      byYear: Object.fromEntries(byYear.map((y) => [y.year, y.figures])),
      units: units.map((u) => ({ orgUnitId: u.unit.id, name: u.unit.name, figures: u.figures })),
      asOf,
    });
  },
);
