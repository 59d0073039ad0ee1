import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { reportScope } from '../../lib/report-scope';
import { Report, ReportFiguresQuery } from '../../../../shared/contracts/report';
import { CLOSED_SNAPSHOT_MS, LIVE_SNAPSHOT_MS, snapshotted } from '../../lib/snapshots';
import { chinaDay } from '../../../../shared/china-time';
import { FIGURES, yearsOf } from '../../../../shared/report';
import { listChildUnits } from '../../../../db/queries/org';
import { reportFigures } from '../../../../db/queries/report';

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
    const years = yearsOf(q.from, q.to);
    const children = await listChildUnits(c.var.db, unit.id);
    // a period that has ended changes only by corrections dated back into it: kept longer
    const maxAgeMs = q.to < chinaDay() ? CLOSED_SNAPSHOT_MS : LIVE_SNAPSHOT_MS;
    const key = `report:${unit.id}:${q.from}:${q.to}:${children.map((u) => u.id).join(',')}`;
    const { value, asOf } = await snapshotted(c.var.db, key, { maxAgeMs, fresh: q.fresh === '1' }, () =>
      reportFigures(c.var.db, [
        { path: unit.path, period },
        ...years.map((y) => ({ path: unit.path, period: { from: y.from, to: y.to } })),
        ...children.map((u) => ({ path: u.path, period })),
      ]),
    );
    const [whole, ...rest] = value;
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
      byYear: Object.fromEntries(years.map((y, i) => [y.year, rest[i] ?? {}])),
      units: children.map((u, i) => ({ orgUnitId: u.id, name: u.name, figures: rest[years.length + i] ?? {} })),
      asOf,
    });
  },
);
