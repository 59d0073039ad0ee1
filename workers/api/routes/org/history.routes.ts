import { describeRoute } from 'hono-openapi';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage, requireViewer } from '../../lib/authz';
import { parseTable, readUpload, XLSX_TYPE } from '../../lib/tables';
import { sheetOf, workbookStream } from '../../lib/xlsx-stream';
import { msg } from '../../../../shared/messages';
import { HistoryImportQuery, HistoryImportResult, HistoryTemplateParam } from '../../../../shared/contracts/history';
import {
  HISTORY_COLUMNS,
  HISTORY_KIND_LABEL,
  HISTORY_MAX_BYTES,
  HISTORY_MAX_ROWS,
  historyColumns,
  isHistoryIssue,
  readHistoryRow,
  type HistoryIssue,
  type HistoryKind,
  type HistoryRow,
} from '../../../../shared/history';
import { getOrgUnit } from '../../../../db/queries/org';
import { importHistory, lookups, planRows, type PlannedRow } from '../../../../db/queries/history';
import { boardSecret } from '../../lib/boards';

/*
 * History before the platform (API.md "Report figures and the 台账 workbook", issue #16
 * part 5): a template per kind, and the import of paper records into the live tables.
 */

const PREVIEW_ROWS = 20;

export const historyTemplateRoutes = createApp().get(
  '/templates/:file',
  describeRoute({
    tags: ['Reports'],
    summary:
      'The import template of a kind (`training.xlsx`, `contest.xlsx`, `exhibition.xlsx`, `volunteer.xlsx`, `drive.xlsx`, `quiz.xlsx`): the header row in Chinese, one example row, and a 填写说明 sheet explaining each column (any organizer)',
    responses: { 200: { description: 'The template', content: { [XLSX_TYPE]: {} } } },
  }),
  valid('param', HistoryTemplateParam),
  (c) => {
    const viewer = requireViewer(c);
    if (!viewer.isPlatformAdmin && !viewer.managedPaths.length) throw new ApiError('forbidden');
    const kind = c.req.valid('param').file.replace(/\.xlsx$/, '') as HistoryKind;
    const cols = HISTORY_COLUMNS[kind];
    const lang = c.var.lang;
    const numeric = new Set(['hours', 'visitors', 'amount', 'points']);
    const notes: Array<Array<string | number>> = [
      [lang === 'zh-CN' ? '列名' : 'Column', lang === 'zh-CN' ? '是否必填' : 'Required', lang === 'zh-CN' ? '说明' : 'Meaning'],
      ...cols.map((col) => [col.header, col.required ? (lang === 'zh-CN' ? '必填' : 'yes') : lang === 'zh-CN' ? '选填' : 'no', col.note[lang]]),
      [],
      [
        lang === 'zh-CN' ? '提示' : 'Note',
        '',
        lang === 'zh-CN'
          ? `第一行为表头，请勿修改；示例行可删除或覆盖。每次最多 ${HISTORY_MAX_ROWS} 行。导入的记录标记为“历史导入”，计入报告和统计；重复导入同一文件不会重复计数。`
          : `Keep the header row; replace or delete the example row. At most ${HISTORY_MAX_ROWS} rows per import. Imported records are marked as imported and count in reports and metrics; importing the same file again adds nothing.`,
      ],
    ];
    const body = workbookStream([
      sheetOf(HISTORY_KIND_LABEL[kind]['zh-CN'], [
        cols.map((col) => col.header),
        cols.map((col) => (numeric.has(col.field) ? Number(col.example) : col.example)),
      ]),
      sheetOf('填写说明', notes),
    ]);
    return c.body(body, 200, { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="history-${kind}.xlsx"` });
  },
);

function preview(r: PlannedRow) {
  return {
    row: r.row,
    unit: r.unitName,
    title: r.title,
    newCampaign: r.newCampaign,
    date: r.date,
    name: r.name,
    category: r.category === undefined ? undefined : String(r.category),
    hours: r.hours,
    status: r.status,
    work: r.work,
    visitors: r.visitors,
    walkIn: r.walkIn,
    activity: r.activity,
    amount: r.amount,
    points: r.points,
  };
}

export const historyImportRoutes = createApp().post(
  '/:id/history/import',
  describeRoute({
    tags: ['Reports'],
    summary:
      'Import records from before the platform (organizers of the subtree): a filled-in template (.xlsx or CSV UTF-8, multipart field `file` or the raw body). Each row names its unit (this one or below, by name or id) and China date(s); rows join the campaign of their title in the subtree or a closed one created for them, and land in the live tables marked `source: "import"`, so reports and metrics count them. `?dryRun=1` writes nothing and previews; otherwise good rows are kept and bad ones reported by row. The same row imported again adds nothing.',
    requestBody: {
      content: {
        'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
        [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    responses: { 200: json(HistoryImportResult) },
  }),
  valid('param', IdParam),
  valid('query', HistoryImportQuery),
  async (c) => {
    const unit = await getOrgUnit(c.var.db, c.req.valid('param').id);
    if (!unit) throw new ApiError('not_found', 'msg.org_missing');
    const viewer = requireManage(c, unit.path);
    const { kind, dryRun: dry } = c.req.valid('query');
    const dryRun = dry === '1' || dry === 'true';
    const lang = c.var.lang;
    const upload = await readUpload(c.req.raw, HISTORY_MAX_BYTES).catch((e: unknown) => {
      // the roster's reader refuses without a rule; say the import's limit
      if (e instanceof ApiError && e.code === 'payload_too_large')
        throw new ApiError('payload_too_large', 'msg.hist_file_too_large', { mb: HISTORY_MAX_BYTES / 1048576 });
      throw e;
    });
    const [header, ...data] = await parseTable(upload);
    const found = header ? historyColumns(kind, header) : { missing: HISTORY_COLUMNS[kind][0]!.header };
    if ('missing' in found) throw new ApiError('validation_failed', 'msg.hist_header', { column: found.missing });
    if (data.length > HISTORY_MAX_ROWS) throw new ApiError('payload_too_large', 'msg.hist_too_many', { max: HISTORY_MAX_ROWS });
    const rows: HistoryRow[] = [];
    const issues: HistoryIssue[] = [];
    data.forEach((cells, i) => {
      if (cells.every((x) => !String(x ?? '').trim())) return;
      const r = readHistoryRow(kind, cells, found.cols, i + 2);
      if (isHistoryIssue(r)) issues.push(r);
      else rows.push(r);
    });
    if (!rows.length && !issues.length) throw new ApiError('validation_failed', 'msg.roster_empty');
    const root = { id: unit.id, name: unit.name, path: unit.path };
    const uniq = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];
    const l = await lookups(c.var.db, unit.path, kind, uniq(rows.map((r) => r.title)), uniq(rows.map((r) => r.phone)), uniq(rows.map((r) => r.rosterId)));
    const plan = await planRows(kind, root, rows, l, boardSecret(c.env));
    const errors = [...issues, ...plan.issues].sort((a, b) => a.row - b.row).map((i) => ({ row: i.row, message: msg(i.key, lang, i.params) }));
    if (dryRun) return c.json({ dryRun: true as const, kind, valid: plan.planned.length, errors, preview: plan.planned.slice(0, PREVIEW_ROWS).map(preview) });
    const imported = await importHistory(c.var.db, viewer.id, kind, root, plan.planned, { rows: rows.length + issues.length, errors: errors.length });
    return c.json({ dryRun: false as const, kind, imported, skipped: plan.planned.length - imported, errors });
  },
);
