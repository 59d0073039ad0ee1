import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage } from '../../lib/authz';
import { ReportQuery } from '../../../../shared/contracts/report';
import { yearsOf, daysIn } from '../../../../shared/report';
import { reportDraft } from '../../../../shared/report-draft';
import { getOrgUnit } from '../../../../db/queries/org';
import { reportFigures } from '../../../../db/queries/report';

/** The same horizon as the report route (report.routes.ts): ten years. */
const MAX_DAYS = 3660;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportDocxRoutes = createApp().get(
  '/:id/report.docx',
  describeRoute({
    tags: ['Reports'],
    summary: 'A draft of the self-evaluation report (Word) for a subtree and a China-date range (organizers of the subtree): the seed report\'s structure with each figure filled from the platform, the unfilled ones marked 【待填：…】, and the figures by year',
    responses: { 200: { description: 'The draft report', content: { [DOCX_TYPE]: {} } } },
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
    const years = yearsOf(q.from, q.to);
    const [whole, ...byYear] = await reportFigures(c.var.db, [
      { path: unit.path, period: q },
      ...years.map((y) => ({ path: unit.path, period: { from: y.from, to: y.to } })),
    ]);
    const blocks = reportDraft({
      unitName: unit.name, from: q.from, to: q.to, figures: whole ?? {},
      byYear: Object.fromEntries(years.map((y, i) => [y.year, byYear[i] ?? {}])),
    });
    // the document library is the heaviest thing the Worker carries and only this route needs it
    const { draftDocx } = await import('../../lib/report-docx');
    const title = blocks[0]?.kind === 'title' ? blocks[0].text : unit.name;
    const bytes = await draftDocx(blocks, { title, creator: c.env.APP_NAME ?? '同心' });
    const file = `${unit.id}-report-${q.from}-${q.to}`;
    return c.body(bytes, 200, {
      'content-type': DOCX_TYPE,
      'content-disposition': `attachment; filename="${file}.docx"; filename*=UTF-8''${encodeURIComponent(`${title}.docx`)}`,
      'cache-control': 'no-store',
    });
  },
);
