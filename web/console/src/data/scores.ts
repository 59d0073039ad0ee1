/*
 * Offline score files (CSV or .xlsx) read in the browser: the parsers load only when a file
 * is chosen (they are big), rows are checked here against the same rules the API applies
 * (shared/contracts/leaderboards.ts ScoreEntry), and the organizer sees every bad row
 * before anything is sent.
 */

export type ScoreMode = 'set' | 'add';
export type ScoreField = 'key' | 'name' | 'orgUnitId' | 'score' | 'tiebreak';

export interface ScoreEntry {
  key: string;
  name: string;
  orgUnitId?: string;
  score: number;
  tiebreak?: number;
}

export interface CheckedRow {
  /** the row number in the file (the header is row 1) */
  row: number;
  cells: Record<ScoreField, string>;
  /** what the API gets, when the row passed every check */
  entry: ScoreEntry | null;
  errors: string[];
}

export const FIELDS: readonly ScoreField[] = ['key', 'name', 'orgUnitId', 'score', 'tiebreak'];
const REQUIRED: readonly ScoreField[] = ['key', 'name', 'score'];

/** Header cells each column answers to, normalized (lower case, no spaces, no "(秒)" notes). */
const HEADERS: Record<ScoreField, string[]> = {
  key: ['编号', 'key', '用户编号', '参赛编号', 'id'],
  name: ['姓名', 'name', '名称'],
  orgUnitId: ['单位编号', 'orgunitid', 'org_unit_id', 'unitid', '组织编号'],
  score: ['得分', 'score', '分数', '成绩'],
  tiebreak: ['用时', 'tiebreak', '耗时', 'seconds'],
};

/** The column names a file must have, as the template writes them. */
export const TEMPLATE_HEADER = ['编号', '姓名', '单位编号', '得分', '用时'];
export const MAX_ROWS = 20_000;
export const CHUNK = 1000;

const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/** Decodes a CSV: UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows saves it. */
function decode(buf: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

export function kindOf(file: File): 'csv' | 'xlsx' | null {
  const n = file.name.toLowerCase();
  if (n.endsWith('.csv')) return 'csv';
  if (n.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** The file's first sheet as rows of text cells. Loads papaparse or xlsx on first use. */
export async function readTable(file: File): Promise<string[][]> {
  const kind = kindOf(file);
  const buf = await file.arrayBuffer();
  if (kind === 'csv') {
    const { default: Papa } = await import('papaparse');
    const out = Papa.parse<string[]>(decode(buf).replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    return out.data.map((r) => r.map((c) => String(c ?? '')));
  }
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(buf, { type: 'array' });
  const first = wb.SheetNames[0];
  const sheet = first ? wb.Sheets[first] : undefined;
  if (!sheet) return [];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: false });
  return rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
}

/** Where each field is in the header row; the required ones that are missing. */
export function mapHeader(header: string[]): { index: Partial<Record<ScoreField, number>>; missing: ScoreField[] } {
  const cells = header.map(norm);
  const index: Partial<Record<ScoreField, number>> = {};
  for (const f of FIELDS) {
    const i = cells.findIndex((c) => HEADERS[f].includes(c));
    if (i >= 0) index[f] = i;
  }
  return { index, missing: REQUIRED.filter((f) => index[f] === undefined) };
}

function toNumber(raw: string): number | null {
  const s = raw.replace(/[,，\s]/g, '');
  if (!s || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export interface CheckMessages {
  key: string;
  name: string;
  score: string;
  tiebreak: string;
  unit: string;
  duplicate: (row: number) => string;
}

/**
 * Checks every data row. `unitOk` says whether a unit id may be used (inside the campaign's
 * subtree); null when the org tree is not known, and the server checks it instead.
 * In `set` mode a key may appear once; in `add` mode repeats add up (rounds).
 */
export function checkRows(
  table: string[][],
  index: Partial<Record<ScoreField, number>>,
  mode: ScoreMode,
  unitOk: ((id: string) => boolean) | null,
  msg: CheckMessages,
): CheckedRow[] {
  const seen = new Map<string, number>();
  const out: CheckedRow[] = [];
  table.slice(1).forEach((cellsRaw, i) => {
    const at = (f: ScoreField) => (index[f] === undefined ? '' : String(cellsRaw[index[f]!] ?? '').trim());
    const cells = { key: at('key'), name: at('name'), orgUnitId: at('orgUnitId'), score: at('score'), tiebreak: at('tiebreak') };
    if (!Object.values(cells).some(Boolean)) return; // a blank line
    const row = i + 2;
    const errors: string[] = [];
    if (!cells.key || cells.key.length > 64) errors.push(msg.key);
    // lengths as the API counts them (UTF-16 units, as JavaScript's .length)
    if (!cells.name || cells.name.length > 40) errors.push(msg.name);
    const score = toNumber(cells.score);
    if (score === null || Math.abs(score) > 1e12) errors.push(msg.score);
    let tiebreak: number | undefined;
    if (cells.tiebreak) {
      const t = toNumber(cells.tiebreak);
      if (t === null || t < 0 || t > 1e9) errors.push(msg.tiebreak);
      else tiebreak = t;
    }
    if (cells.orgUnitId && unitOk && !unitOk(cells.orgUnitId)) errors.push(msg.unit);
    if (cells.key && mode === 'set') {
      const first = seen.get(cells.key);
      if (first !== undefined) errors.push(msg.duplicate(first));
      else seen.set(cells.key, row);
    }
    const entry: ScoreEntry | null = errors.length
      ? null
      : {
          key: cells.key,
          name: cells.name,
          score: score!,
          ...(cells.orgUnitId ? { orgUnitId: cells.orgUnitId } : {}),
          ...(tiebreak !== undefined ? { tiebreak } : {}),
        };
    out.push({ row, cells, entry, errors });
  });
  return out;
}

/** `entries.3.score` of a rejected batch → the index in the batch and the field. */
export function parseFieldPath(path: string): { index: number; field: string | null } | null {
  const m = /^entries\.(\d+)(?:\.(\w+))?/.exec(path);
  return m ? { index: Number(m[1]), field: m[2] ?? null } : null;
}

/** A UTF-8 CSV template with BOM, so Excel opens the Chinese header. */
export function templateCsv(example: string): string {
  return `\uFEFF${TEMPLATE_HEADER.join(',')}\r\noffline-001,${example},,95,61.5\r\n`;
}
