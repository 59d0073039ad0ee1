import { xlsxStream } from './xlsx-stream';
import Papa from 'papaparse';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { readXlsx } from './xlsx-read';
import { zipDeclared } from './zip';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface TableUpload {
  bytes: Uint8Array;
  declaredType: string;
  maxBytes?: number;
}

/** A workbook may inflate to this many times the upload limit, in at most this many parts. */
const XLSX_INFLATE_FACTOR = 10;
const XLSX_MAX_ENTRIES = 500;

/**
 * Refuses an .xlsx whose central directory declares far more than the upload limit once
 * inflated, too many parts, or cannot be read (ZIP64, broken) — before inflating anything.
 */
function checkXlsxSize(bytes: Uint8Array, maxBytes: number) {
  const z = zipDeclared(bytes);
  if (!z) throw new ApiError('validation_failed', 'msg.roster_xlsx');
  if (z.entries > XLSX_MAX_ENTRIES || z.uncompressed > maxBytes * XLSX_INFLATE_FACTOR) {
    throw new ApiError('payload_too_large', 'msg.xlsx_too_large', { mb: Math.round((maxBytes * XLSX_INFLATE_FACTOR) / 1048576) });
  }
}

/** Reads an upload (raw body, or multipart field `file`) with a size cap. */
export async function readUpload(req: Request, maxBytes: number): Promise<TableUpload> {
  const len = Number(req.headers.get('content-length') ?? '0');
  if (len > maxBytes * 1.1) throw new ApiError('payload_too_large');
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') throw new ApiError('validation_failed', 'msg.roster_type');
    if (file.size > maxBytes) throw new ApiError('payload_too_large');
    return { bytes: new Uint8Array(await file.arrayBuffer()), declaredType: file.type || '', maxBytes };
  }
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new ApiError('payload_too_large');
  return { bytes, declaredType: type, maxBytes };
}

const isZip = (b: Uint8Array) => ZIP_MAGIC.every((m, i) => b[i] === m);

/**
 * Turns a CSV (UTF-8, BOM or not) or an .xlsx into rows of cells. The content decides,
 * not the declared type: a zip is read as a workbook, anything else must be UTF-8 text.
 */
export async function parseTable(up: TableUpload): Promise<string[][]> {
  const { bytes } = up;
  if (bytes.byteLength === 0) throw new ApiError('validation_failed', 'msg.roster_empty');
  if (isZip(bytes)) {
    checkXlsxSize(bytes, up.maxBytes ?? bytes.byteLength);
    try {
      return await readXlsx(bytes);
    } catch {
      throw new ApiError('validation_failed', 'msg.roster_xlsx');
    }
  }
  if (up.declaredType === XLSX_TYPE || up.declaredType === 'application/vnd.ms-excel') {
    // An .xls (old binary Excel) or a renamed file: say what we can read.
    throw new ApiError('validation_failed', 'msg.roster_xlsx');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError('validation_failed', 'msg.roster_encoding');
  }
  if (text.includes('\u0000')) throw new ApiError('unsupported_media_type', 'msg.roster_type');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // our own CSV exports escape formula-like cells with a leading apostrophe: an export
  // imported back must read "-2+3", not "'-2+3"
  return parsed.data.map((r) => r.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));
}

/**
 * A cell of an exported table. A `Date` is an instant: CSV shows it as China wall-clock text,
 * xlsx stores it as a real date cell in China time. Strings stay strings, never formulas.
 */
export type TableCell = string | number | boolean | Date | null | undefined;

/** An ISO timestamp (or null) as a date cell: exports pass instants, not UTC text. */
export const at = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

const CHINA_MS = 8 * 3600e3;
const chinaText = (d: Date) => new Date(d.getTime() + CHINA_MS).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A text cell Excel or WPS would run as a formula (= + - @, or a leading tab or CR that
 * some importers strip first) gets a leading apostrophe, so "=HYPERLINK(…)" or "+86…" is
 * shown, never evaluated. Only strings: numbers stay numbers.
 */
export function csvCell(x: TableCell): string {
  let s: string;
  if (x instanceof Date) s = Number.isNaN(x.getTime()) ? '' : chinaText(x);
  else if (typeof x === 'string') s = /^[=+\-@\t\r]/.test(x) ? `'${x}` : x;
  else s = String(x ?? '');
  // RFC 4180, every cell quoted: commas, quotes and line breaks inside a cell stay in it
  return `"${s.replace(/"/g, '""')}"`;
}

/** The CSV text: UTF-8 with a BOM so Excel reads Chinese, CRLF line ends. */
export function csvText(rows: TableCell[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
}

/**
 * A table as a download: CSV (UTF-8 with BOM, formula-escaped) or .xlsx (typed cells) —
 * the 台账 every module exports. Every table download goes through here.
 */
export function tableFile(c: Context<AppEnv>, rows: TableCell[][], name: string, format: 'csv' | 'xlsx', sheet: string) {
  const safeName = name.replace(/[^A-Za-z0-9._-]/g, '_');
  if (format === 'csv') {
    return c.body(csvText(rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${safeName}.csv"` });
  }
  // the first row is the header (frozen and bold); the rest is one page of the streamed writer
  const [head = [], ...body] = rows;
  const header = head.map((x) => (x instanceof Date ? (Number.isNaN(x.getTime()) ? '' : chinaText(x)) : String(x ?? '')));
  return c.body(
    xlsxStream(
      header,
      (async function* () {
        yield body;
      })(),
      sheet,
    ),
    200,
    { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${safeName}.xlsx"` },
  );
}

/**
 * A table that may be long (a whole city's records) as a streamed download: rows arrive a
 * page at a time (keysetPages) and leave as they come, so memory stays one page whatever the
 * length. Same cells, escaping and China-time dates as `tableFile`; the xlsx header is frozen.
 */
export function tableStream(c: Context<AppEnv>, header: string[], pages: AsyncIterable<TableCell[][]>, name: string, format: 'csv' | 'xlsx', sheet: string) {
  const safeName = name.replace(/[^A-Za-z0-9._-]/g, '_');
  if (format === 'csv') {
    const enc = new TextEncoder();
    const it = pages[Symbol.asyncIterator]();
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(enc.encode('\uFEFF' + header.map(csvCell).join(',')));
          return;
        }
        const r = await it.next();
        if (r.done) return controller.close();
        if (r.value.length) controller.enqueue(enc.encode('\r\n' + r.value.map((row) => row.map(csvCell).join(',')).join('\r\n')));
      },
      async cancel() {
        await it.return?.();
      },
    });
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${safeName}.csv"` });
  }
  return c.body(xlsxStream(header, pages, sheet), 200, { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${safeName}.xlsx"` });
}

/**
 * The most rows one export streams: 400 keyset pages of 500, well under the 1,000 D1 queries
 * one Worker request may make and its CPU time (the 100,000-row bench in test/bench/report.md).
 * A longer export is refused before the first byte (413 `export_too_large`), never cut short
 * or timed out; the caller narrows it (a period, a unit).
 */
export const EXPORT_MAX_ROWS = 200_000;

/** Refuses an export of `rows` rows past EXPORT_MAX_ROWS (413 `export_too_large`). */
export function exportWithinMax(rows: number): void {
  if (rows > EXPORT_MAX_ROWS) throw new ApiError('payload_too_large', 'msg.export_too_large', { rows, max: EXPORT_MAX_ROWS });
}

/** Pages of records as pages of table rows, lazily (for `tableStream`). */
export async function* rowsOf<T>(pages: AsyncIterable<T[]>, row: (t: T) => TableCell[]): AsyncGenerator<TableCell[][]> {
  for await (const page of pages) yield page.map(row);
}

/**
 * A Content-Disposition for a download whose name is not ASCII (`台账_市直机关工委_….xlsx`): an
 * ASCII `filename` for old clients (and the export audit), and the real name as an RFC 5987
 * `filename*`, which browsers prefer.
 */
export function attachment(asciiName: string, name: string): string {
  const rfc5987 = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${rfc5987}`;
}
