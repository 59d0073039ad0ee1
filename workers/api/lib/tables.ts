import Papa from 'papaparse';
import { read, utils, write } from '@e965/xlsx';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface TableUpload { bytes: Uint8Array; declaredType: string }

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
    return { bytes: new Uint8Array(await file.arrayBuffer()), declaredType: file.type || '' };
  }
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new ApiError('payload_too_large');
  return { bytes, declaredType: type };
}

const isZip = (b: Uint8Array) => ZIP_MAGIC.every((m, i) => b[i] === m);

/**
 * Turns a CSV (UTF-8, BOM or not) or an .xlsx into rows of cells. The content decides,
 * not the declared type: a zip is read as a workbook, anything else must be UTF-8 text.
 */
export function parseTable(up: TableUpload): string[][] {
  const { bytes } = up;
  if (bytes.byteLength === 0) throw new ApiError('validation_failed', 'msg.roster_empty');
  if (isZip(bytes)) {
    let rows: unknown[][];
    try {
      const wb = read(bytes, { type: 'array', dense: true, cellHTML: false, cellFormula: false });
      const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
      if (!sheet) throw new Error('no sheet');
      rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
    } catch {
      throw new ApiError('validation_failed', 'msg.roster_xlsx');
    }
    return rows.map((r) => r.map((cell) => String(cell ?? '')));
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
  return parsed.data;
}

/** A table as a download: CSV (UTF-8 with BOM, so Excel reads it) or .xlsx — the 台账 every module exports. */
export function tableFile(c: Context<AppEnv>, rows: unknown[][], name: string, format: 'csv' | 'xlsx', sheet: string) {
  if (format === 'csv') {
    const text = '\uFEFF' + rows.map((r) => r.map((x) => `"${String(x ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n');
    return c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
  }
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), sheet);
  return c.body(new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${name}.xlsx"`,
  });
}
