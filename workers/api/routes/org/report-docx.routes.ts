import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { IdParam } from '../../lib/openapi';
import { reportOf, reportScope } from '../../lib/report-scope';
import { ReportQuery } from '../../../../shared/contracts/report';
import { reportDraft } from '../../../../shared/report-draft';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportDocxRoutes = createApp().get(
  '/:id/report.docx',
  describeRoute({
    tags: ['Reports'],
    summary:
      "A draft of the self-evaluation report (Word) for a subtree and a China-date range (organizers of the subtree): the seed report's structure with each figure filled from the platform, the unfilled ones marked 【待填：…】, and the figures by year",
    responses: { 200: { description: 'The draft report', content: { [DOCX_TYPE]: {} } } },
  }),
  valid('param', IdParam),
  valid('query', ReportQuery),
  async (c) => {
    const q = c.req.valid('query');
    const { unit, period } = await reportScope(c, c.req.valid('param').id, q);
    // the same figures (and snapshot) as the 报告 screen shows
    const { whole, byYear } = await reportOf(c.var.db, unit, period);
    const blocks = reportDraft({
      unitName: unit.name,
      from: q.from,
      to: q.to,
      figures: whole,
      byYear: Object.fromEntries(byYear.map((y) => [y.year, y.figures])),
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
