import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { reportOf, reportScope } from '../../lib/report-scope';
import { attachment, rowsOf, XLSX_TYPE, type TableCell } from '../../lib/tables';
import { workbookStream, type Sheet } from '../../lib/xlsx-stream';
import { ReportQuery, ReportRows, ReportRowsQuery } from '../../../../shared/contracts/report';
import { FIGURE_GROUPS, FIGURES, type FigureGroup } from '../../../../shared/report';
import { LEDGER_COLUMNS, LEDGER_FILE, LEDGER_SHEET, ledgerRow, SUMMARY_HEADER, SUMMARY_SHEET, type LedgerCell } from '../../../../shared/report-rows';
import { chinaMidnight } from '../../../../shared/china-time';
import type { Lang } from '../../../../shared/i18n';
import type { Db } from '../../../../db/client';
import { KEY_PARTS, ledgerPage, ledgerPages, type LedgerKey } from '../../../../db/queries/report-rows';

/** Rows a workbook sheet reads from D1 at a time: memory stays one page whatever the subtree. */
const SHEET_PAGE = 500;

/** Drill-down cursors: the sort key of the last row shown, as base64 JSON so clients don't build them. */
const encodeKey = (key: LedgerKey) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(key)))).replace(/=+$/, '');
function decodeKey(cursor: string | undefined, group: FigureGroup): LedgerKey | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(cursor), (ch) => ch.charCodeAt(0))));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== KEY_PARTS[group] || !key.every((k) => typeof k === 'string' && k.length <= 400)) {
    throw new ApiError('validation_failed', 'msg.cursor', {}, { cursor: { key: 'msg.cursor' } });
  }
  return key as LedgerKey;
}

/** A ledger value as a workbook cell: a China date becomes a real date cell (written as a date alone). */
const cellOf = (type: 'day' | 'text' | 'number', x: LedgerCell): TableCell =>
  type === 'day' && typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? new Date(chinaMidnight(x)) : x;

/** The summary shows 善款 in 元 like its label; the JSON report keeps fen. */
const shown = (id: string, x: number | null | undefined) => (x == null ? null : id === 'drive.verifiedAmount' ? x / 100 : x);

function groupSheet(db: Db, group: FigureGroup, path: string, period: { from: string; to: string }, lang: Lang): Sheet {
  const cols = LEDGER_COLUMNS[group];
  return {
    name: LEDGER_SHEET[group][lang],
    header: cols.map((col) => col.label[lang]),
    dayColumns: cols.flatMap((col, i) => (col.type === 'day' ? [i] : [])),
    pages: rowsOf(ledgerPages(db, group, path, period, SHEET_PAGE), (raw) => {
      const row = ledgerRow(group, raw, lang);
      return cols.map((col) => cellOf(col.type, row[col.key] ?? null));
    }),
  };
}

/** The 台账 (API.md "Report figures and the 台账 workbook"): the rows behind the figures, as JSON pages and as a workbook. */
export const reportLedgerRoutes = createApp()
  .get(
    '/:id/report/rows',
    describeRoute({
      tags: ['Reports'],
      summary:
        "The rows behind a figure group of the report (organizers of the subtree), oldest first, with labelled columns: the drill-down of the console's 报告. Same range rules as the report; no phone numbers, donors masked",
      responses: { 200: json(ReportRows) },
    }),
    valid('param', IdParam),
    valid('query', ReportRowsQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { unit, period } = await reportScope(c, c.req.valid('param').id, q);
      const page = await ledgerPage(c.var.db, q.group, unit.path, period, decodeKey(q.cursor, q.group), q.limit);
      const lang = c.var.lang;
      return c.json({
        group: q.group,
        columns: LEDGER_COLUMNS[q.group].map((col) => ({ key: col.key, label: col.label[lang], type: col.type })),
        rows: page.rows.map((r) => ledgerRow(q.group, r, lang)),
        nextCursor: page.next ? encodeKey(page.next) : null,
      });
    },
  )
  .get(
    '/:id/report.xlsx',
    describeRoute({
      tags: ['Reports'],
      summary:
        'The 台账 workbook (organizers of the subtree): a summary sheet (each figure for the range and by year, with its definition), then a sheet per group with the rows behind the numbers; China-time date cells, frozen headers. Streamed; audited as an export',
      responses: { 200: { description: 'The workbook', content: { [XLSX_TYPE]: {} } } },
    }),
    valid('param', IdParam),
    valid('query', ReportQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { unit, period } = await reportScope(c, c.req.valid('param').id, q);
      const lang = c.var.lang;
      // the same figures (and snapshot) as the 报告 screen shows
      const { whole, byYear: yearly } = await reportOf(c.var.db, unit, period);
      const byYear = yearly.map((y) => y.figures);
      const value = (figures: Record<string, number | null | undefined>, id: string) => shown(id, figures[id]);
      const summary: Sheet = {
        name: SUMMARY_SHEET[lang],
        header: [
          SUMMARY_HEADER.figure[lang],
          SUMMARY_HEADER.unit[lang],
          SUMMARY_HEADER.range[lang].replace('{from}', q.from).replace('{to}', q.to),
          ...yearly.map((y) => y.year),
          SUMMARY_HEADER.definition[lang],
        ],
        pages: (async function* () {
          yield FIGURES.map((f) => [f.label[lang], f.unit[lang], value(whole, f.id), ...byYear.map((y) => value(y, f.id)), f.definition[lang]]);
        })(),
      };
      const sheets = [summary, ...FIGURE_GROUPS.map((g) => groupSheet(c.var.db, g, unit.path, period, lang))];
      const name = `${LEDGER_FILE[lang]}_${unit.name}_${q.from}_${q.to}.xlsx`;
      return c.body(workbookStream(sheets), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`ledger_${unit.id}_${q.from}_${q.to}.xlsx`, name),
      });
    },
  );
