import * as v from 'valibot';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { createApp } from '../../lib/app';
import { valid } from '../../lib/validate';
import { json, IdParam } from '../../lib/openapi';
import { ApiError } from '../../lib/errors';
import { requireManage, requireViewer, scopeOf } from '../../lib/authz';
import type { AppEnv } from '../../lib/env';
import { parseTable, readUpload, tableFile, type TableCell } from '../../lib/tables';
import { ListQuery } from '../../../../shared/contracts/common';
import {
  BankList,
  BankResponse,
  CreateBankBody,
  QuestionBody,
  QuestionImportReport,
  QuestionPage,
  QuestionResponse,
  type QuestionDto,
} from '../../../../shared/contracts/quiz';
import {
  answerShapeOk,
  answerText,
  parseQuestionRow,
  questionColumns,
  questionContent,
  stemKey,
  TYPE_LABEL,
  OPTION_KEYS,
  type ParsedQuestion,
} from '../../../../shared/quiz';
import { msg, type MessageKey } from '../../../../shared/messages';
import { getOrgUnit } from '../../../../db/queries/org';
import {
  addQuestion,
  allQuestions,
  createBank,
  existingStemKeys,
  getBank,
  getQuestion,
  importQuestions,
  listBanks,
  listQuestions,
  retireQuestion,
  updateQuestion,
} from '../../../../db/queries/quiz-banks';
import { decodeCursor, encodeCursor } from '../../../../db/queries/util';

const MAX_IMPORT_ROWS = 5000;
const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '标签', '难度', '出处'];

async function managedBank(c: Context<AppEnv>, id: string) {
  const bank = await getBank(c.var.db, id);
  if (!bank) throw new ApiError('not_found');
  const viewer = requireManage(c, bank.orgPath);
  return { bank, viewer };
}

/** A question body → the stored shape, or field errors (answer must fit type and options). */
function toQuestion(b: v.InferOutput<typeof QuestionBody>): ParsedQuestion {
  const options = b.type === 'single' || b.type === 'multiple' ? b.options : [];
  let answer = b.answer;
  if (b.type === 'blank') answer = (Array.isArray(answer) ? answer : [String(answer)]).map((s) => String(s).trim()).filter(Boolean);
  if (b.type === 'multiple' && Array.isArray(answer)) answer = [...new Set(answer)].sort();
  const okShape =
    b.type === 'blank'
      ? (answer as string[]).length > 0
      : b.type === 'multiple'
        ? options.length >= 2 && Array.isArray(answer) && answer.length >= 2 && answerShapeOk({ type: 'multiple', options }, answer)
        : b.type === 'single'
          ? options.length >= 2 && answerShapeOk({ type: 'single', options }, answer)
          : typeof answer === 'boolean';
  if (!okShape || new Set(options.map((o) => o.key)).size !== options.length) {
    throw new ApiError('validation_failed', undefined, {}, { answer: { key: 'msg.question_answer' } });
  }
  return { type: b.type, stem: b.stem, options, answer, explanation: b.explanation, source: b.source, tags: b.tags, difficulty: b.difficulty };
}

export function questionDto(q: Awaited<ReturnType<typeof getQuestion>> & {}): QuestionDto {
  return { id: q.id, bankId: q.bankId, ...questionContent(q), updatedAt: q.updatedAt };
}

const FormatQuery = v.strictObject({ format: v.optional(v.picklist(['csv', 'xlsx']), 'xlsx') });

export const bankRoutes = createApp()
  .get(
    '/template',
    describeRoute({
      tags: ['Quiz'],
      summary: 'A question import template (CSV or Excel) with one example of each type',
      responses: { 200: { description: 'File' } },
    }),
    valid('query', FormatQuery),
    (c) =>
      tableFile(
        c,
        [
          HEADER,
          [
            '单选',
            '中国共产党的根本宗旨是什么？',
            '全心全意为人民服务',
            '实现共产主义',
            '发展生产力',
            '共同富裕',
            '',
            '',
            'A',
            '党章总纲规定…',
            '党章',
            '易',
            '《中国共产党章程》',
          ],
          ['多选', '以下哪些属于“四个意识”？', '政治意识', '大局意识', '核心意识', '看齐意识', '', '', 'ABCD', '', '党的建设', '中', ''],
          ['判断', '中国共产党第一次全国代表大会于1921年召开。', '', '', '', '', '', '', '对', '', '党史', '易', ''],
          ['填空', '党的最高理想和最终目标是实现____。', '', '', '', '', '', '', '共产主义', '多个可接受的答案用 | 分隔', '党章', '中', ''],
        ],
        'question-template',
        c.req.valid('query').format,
        '题库模板',
      ),
  )
  .post(
    '/',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Create a question bank owned by an org unit (its organizers)',
      responses: { 201: json(BankResponse, 'Created') },
    }),
    valid('json', CreateBankBody),
    async (c) => {
      const body = c.req.valid('json');
      requireViewer(c);
      const unit = await getOrgUnit(c.var.db, body.orgUnitId);
      if (!unit) throw new ApiError('validation_failed', undefined, {}, { orgUnitId: { key: 'msg.org_missing' } });
      const viewer = requireManage(c, unit.path);
      const bank = await createBank(c.var.db, viewer.id, unit, body.title);
      return c.json({ bank: { id: bank.id, title: bank.title, orgUnitId: bank.orgUnitId, createdAt: bank.createdAt, questionCount: 0 } }, 201);
    },
  )
  .get(
    '/',
    describeRoute({ tags: ['Quiz'], summary: 'Question banks the signed-in organizer manages, with question counts', responses: { 200: json(BankList) } }),
    async (c) => {
      const viewer = requireViewer(c);
      const scope = scopeOf(viewer);
      return c.json({ items: await listBanks(c.var.db, scope.managedPaths, scope.all) });
    },
  )
  .get(
    '/:id',
    describeRoute({ tags: ['Quiz'], summary: 'One question bank (organizers of its unit)', responses: { 200: json(BankResponse) } }),
    valid('param', IdParam),
    async (c) => {
      const { bank } = await managedBank(c, c.req.valid('param').id);
      const count = (await listBanks(c.var.db, [bank.orgPath], false)).find((b) => b.id === bank.id)?.questionCount ?? 0;
      return c.json({ bank: { id: bank.id, title: bank.title, orgUnitId: bank.orgUnitId, createdAt: bank.createdAt, questionCount: count } });
    },
  )
  .get(
    '/:id/questions',
    describeRoute({ tags: ['Quiz'], summary: 'Questions of a bank, with answers (organizers of the bank’s unit)', responses: { 200: json(QuestionPage) } }),
    valid('param', IdParam),
    valid('query', v.strictObject(ListQuery)),
    async (c) => {
      const { bank } = await managedBank(c, c.req.valid('param').id);
      const q = c.req.valid('query');
      const rows = await listQuestions(c.var.db, bank.id, q.limit, decodeCursor(q.cursor));
      const items = rows.slice(0, q.limit);
      return c.json({ items: items.map(questionDto), nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null });
    },
  )
  .post(
    '/:id/questions',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Add a question (single | multiple | judge | blank); the same stem twice → 409',
      responses: { 201: json(QuestionResponse, 'Created') },
    }),
    valid('param', IdParam),
    valid('json', QuestionBody),
    async (c) => {
      const { bank, viewer } = await managedBank(c, c.req.valid('param').id);
      const row = await addQuestion(c.var.db, viewer.id, bank, toQuestion(c.req.valid('json')));
      if (!row) throw new ApiError('conflict', 'msg.question_duplicate', {}, { stem: { key: 'msg.question_duplicate' } });
      return c.json({ question: questionDto(row) }, 201);
    },
  )
  .post(
    '/:id/import',
    describeRoute({
      tags: ['Quiz'],
      summary: 'Import questions from CSV or .xlsx (题型,题干,选项A,…,答案,解析,标签,难度); bad rows reported, good rows kept; ?dryRun=true only reports',
      responses: { 200: json(QuestionImportReport) },
    }),
    valid('param', IdParam),
    valid('query', v.strictObject({ dryRun: v.optional(v.picklist(['true', 'false'])) })),
    async (c) => {
      const { bank, viewer } = await managedBank(c, c.req.valid('param').id);
      const dryRun = c.req.valid('query').dryRun === 'true';
      const lang = c.var.lang;
      const [header, ...data] = await parseTable(await readUpload(c.req.raw, 5 * 1024 * 1024));
      const cols = header ? questionColumns(header) : { missing: '题型' };
      if ('missing' in cols) throw new ApiError('validation_failed', 'q.header' as MessageKey, { column: cols.missing });
      if (data.length > MAX_IMPORT_ROWS) throw new ApiError('payload_too_large', 'msg.roster_too_many', { max: MAX_IMPORT_ROWS });
      const errors: Array<{ row: number; message: string }> = [];
      const good: Array<{ row: number; q: ParsedQuestion; key: string }> = [];
      const seen = new Map<string, number>();
      data.forEach((cells, i) => {
        const row = i + 2;
        if (cells.every((x) => !String(x ?? '').trim())) return;
        const r = parseQuestionRow(cells, cols);
        if (!r.ok) return void errors.push({ row, message: msg(r.key as MessageKey, lang, r.params) });
        const key = stemKey(r.question.stem);
        const first = seen.get(key);
        if (first) return void errors.push({ row, message: msg('q.duplicate_file' as MessageKey, lang, { row: first }) });
        seen.set(key, row);
        good.push({ row, q: r.question, key });
      });
      const inBank = await existingStemKeys(
        c.var.db,
        bank.id,
        good.map((g) => g.key),
      );
      const fresh = good.filter((g) => !inBank.has(g.key));
      for (const g of good) if (inBank.has(g.key)) errors.push({ row: g.row, message: msg('q.duplicate_bank' as MessageKey, lang) });
      errors.sort((a, b) => a.row - b.row);
      if (!dryRun && fresh.length)
        await importQuestions(
          c.var.db,
          viewer.id,
          bank,
          fresh.map((g) => g.q),
          { rows: data.length, imported: fresh.length, errors: errors.length },
        );
      return c.json({ imported: fresh.length, duplicates: good.length - fresh.length, errors, dryRun });
    },
  )
  .get(
    '/:id/export',
    describeRoute({ tags: ['Quiz'], summary: 'Export a bank as CSV or Excel, in the import’s format', responses: { 200: { description: 'File' } } }),
    valid('param', IdParam),
    valid('query', FormatQuery),
    async (c) => {
      const { bank } = await managedBank(c, c.req.valid('param').id);
      const rows: TableCell[][] = [[...HEADER.slice(0, 2), ...OPTION_KEYS.map((k) => `选项${k}`), ...HEADER.slice(8)]];
      for (const q of await allQuestions(c.var.db, bank.id)) {
        const opts = OPTION_KEYS.map((k) => q.options.find((o) => o.key === k)?.text ?? '');
        rows.push([TYPE_LABEL[q.type], q.stem, ...opts, answerText(q), q.explanation, q.tags.join(','), q.difficulty, q.source]);
      }
      return tableFile(c, rows, `bank-${bank.id}`, c.req.valid('query').format, '题库');
    },
  );

export const questionRoutes = createApp()
  .patch(
    '/:id',
    describeRoute({ tags: ['Quiz'], summary: 'Edit a question (the whole question is sent)', responses: { 200: json(QuestionResponse) } }),
    valid('param', IdParam),
    valid('json', QuestionBody),
    async (c) => {
      const q = await getQuestion(c.var.db, c.req.valid('param').id);
      if (!q?.active) throw new ApiError('not_found');
      const { bank, viewer } = await managedBank(c, q.bankId);
      if (!(await updateQuestion(c.var.db, viewer.id, q.id, bank.orgUnitId, toQuestion(c.req.valid('json'))))) {
        throw new ApiError('conflict', 'msg.question_duplicate', {}, { stem: { key: 'msg.question_duplicate' } });
      }
      return c.json({ question: questionDto((await getQuestion(c.var.db, q.id))!) });
    },
  )
  .delete(
    '/:id',
    describeRoute({ tags: ['Quiz'], summary: 'Retire a question (kept for past attempts and statistics)', responses: { 204: { description: 'Retired' } } }),
    valid('param', IdParam),
    async (c) => {
      const q = await getQuestion(c.var.db, c.req.valid('param').id);
      if (!q?.active) throw new ApiError('not_found');
      const { bank, viewer } = await managedBank(c, q.bankId);
      await retireQuestion(c.var.db, viewer.id, q.id, bank.orgUnitId);
      return c.body(null, 204);
    },
  );
