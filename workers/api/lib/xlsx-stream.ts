/*
 * A streamed .xlsx: the sheet is written row by row into a zip as the rows come from the
 * database, so a 100,000-row 台账 never sits in the Worker's 128 MB (a library such as SheetJS builds the whole
 * workbook in memory first). Deflate is the runtime's CompressionStream; sizes and CRCs
 * follow each entry in a data descriptor, so nothing is buffered to learn them.
 * Cells are typed as in tables.ts: text as inline strings (never formulas), numbers,
 * booleans, and instants as China-time date cells; the header row is frozen.
 */
import type { TableCell } from './tables';
import { crc32 } from '../../../shared/crc32';

const enc = new TextEncoder();

class Bytes {
  private parts: number[] = [];
  u16(n: number) {
    this.parts.push(n & 0xff, (n >>> 8) & 0xff);
    return this;
  }
  u32(n: number) {
    this.parts.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
    return this;
  }
  raw(b: Uint8Array) {
    for (const x of b) this.parts.push(x);
    return this;
  }
  done() {
    return new Uint8Array(this.parts);
  }
}

interface Entry {
  name: string;
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}
interface Written {
  name: Uint8Array;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

// 1980-01-01 00:00 in DOS time: the entries carry no meaningful timestamp
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const FLAGS = 0x0808; // sizes in a data descriptor; UTF-8 names

/** A zip of deflated entries, produced as it is read. */
export async function* zipStream(entries: Entry[]): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const header = new Bytes()
      .u32(0x04034b50)
      .u16(20)
      .u16(FLAGS)
      .u16(8)
      .u16(DOS_TIME)
      .u16(DOS_DATE)
      .u32(0)
      .u32(0)
      .u32(0)
      .u16(name.length)
      .u16(0)
      .raw(name)
      .done();
    yield header;
    const w: Written = { name, crc: 0, csize: 0, usize: 0, offset };
    offset += header.length;
    const cs = new CompressionStream('deflate-raw');
    const writer = cs.writable.getWriter();
    const reader = cs.readable.getReader();
    const feeding = (async () => {
      try {
        for await (const chunk of e.data) {
          w.crc = crc32(chunk, w.crc);
          w.usize += chunk.length;
          await writer.write(chunk);
        }
        await writer.close();
      } catch (err) {
        await writer.abort(err).catch(() => {});
        throw err;
      }
    })();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      w.csize += r.value.length;
      yield r.value;
    }
    await feeding;
    offset += w.csize;
    const descriptor = new Bytes().u32(0x08074b50).u32(w.crc).u32(w.csize).u32(w.usize).done();
    yield descriptor;
    offset += descriptor.length;
    written.push(w);
  }
  const dir = new Bytes();
  for (const w of written) {
    dir
      .u32(0x02014b50)
      .u16(20)
      .u16(20)
      .u16(FLAGS)
      .u16(8)
      .u16(DOS_TIME)
      .u16(DOS_DATE)
      .u32(w.crc)
      .u32(w.csize)
      .u32(w.usize)
      .u16(w.name.length)
      .u16(0)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0)
      .u32(w.offset)
      .raw(w.name);
  }
  const central = dir.done();
  yield central;
  yield new Bytes().u32(0x06054b50).u16(0).u16(0).u16(written.length).u16(written.length).u32(central.length).u32(offset).u16(0).done();
}

// XML 1.0 forbids most control characters even escaped; drop them
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML cannot carry
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export const xml = (s: string) => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const colName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const CHINA_MS = 8 * 3600e3;
const excelSerial = (d: Date) => (d.getTime() + CHINA_MS) / 86400e3 + 25569;
const widthOf = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** A cell; a Date in a `day` column is a China date alone (style 3), elsewhere a date and time (style 1). */
function cellXml(x: TableCell, ref: string, day = false): string {
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? '' : `<c r="${ref}" s="${day ? 3 : 1}"><v>${excelSerial(x)}</v></c>`;
  if (typeof x === 'number') return Number.isFinite(x) ? `<c r="${ref}"><v>${x}</v></c>` : '';
  if (typeof x === 'boolean') return `<c r="${ref}" t="b"><v>${x ? 1 : 0}</v></c>`;
  if (x === null || x === undefined || x === '') return '';
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(String(x))}</t></is></c>`;
}

const rowXml = (row: TableCell[], r: number, days: ReadonlySet<number>) =>
  `<row r="${r}">${row.map((x, i) => cellXml(x, `${colName(i)}${r}`, days.has(i))).join('')}</row>`;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = (n.replace(/[[\]:*?/\\]/g, ' ').trim() || `Sheet${i + 1}`).slice(0, 31);
    if (seen.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${i + 1})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The parts every workbook has, for its sheets in order (sheet i is xl/worksheets/sheet{i+1}.xml). */
const FIXED = (sheets: string[]): Record<string, string> => ({
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${xml(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  // the styles part takes the id after the sheets'
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  // cell styles: 0 plain, 1 date and time, 2 bold (the header), 3 a date alone (a China day); the named
  // style Normal that Excel's own files carry (stricter readers warn without it)
  'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
});

/**
 * The sheet XML, row by row. Column widths come from the header and the first page (a
 * worksheet declares its columns before its rows, and we will not hold every row to look).
 */
async function* sheetXml({ header, pages, dayColumns = [] }: Sheet): AsyncGenerator<Uint8Array> {
  const days = new Set(dayColumns);
  const it = pages[Symbol.asyncIterator]();
  const first = await it.next();
  const firstRows = first.done ? [] : first.value;
  // an empty <cols/> is invalid (Excel repairs the file), so no header means no widths
  const widths = header.map((h, i) =>
    Math.min(
      60,
      Math.max(6, widthOf(h) + 2, ...firstRows.slice(0, 200).map((r) => (r[i] instanceof Date ? (days.has(i) ? 12 : 21) : widthOf(String(r[i] ?? '')) + 2))),
    ),
  );
  yield enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>${widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : ''}<sheetData>`,
  );
  yield enc.encode(`<row r="1">${header.map((h, i) => cellXml(h, `${colName(i)}1`).replace('<c ', '<c s="2" ')).join('')}</row>`);
  let r = 2;
  let page: TableCell[][] | null = firstRows;
  while (page) {
    // one chunk per page keeps the stream's pieces large and few
    yield enc.encode(page.map((row) => rowXml(row, r++, days)).join(''));
    const next = await it.next();
    page = next.done ? null : next.value;
  }
  yield enc.encode('</sheetData></worksheet>');
}

/** One sheet of a workbook: its header (frozen, bold) and its rows as pages; `dayColumns` hold China dates alone. */
export interface Sheet {
  name: string;
  header: string[];
  pages: AsyncIterable<TableCell[][]>;
  dayColumns?: readonly number[];
}

/** A sheet whose few rows are all at hand (an import template and its notes): the first row is its header. */
export function sheetOf(name: string, [header = [], ...rows]: TableCell[][]): Sheet {
  return {
    name,
    header: header.map((h) => String(h ?? '')),
    pages: (async function* () {
      yield rows;
    })(),
  };
}

/** The .xlsx as a byte stream: header row, then every page of rows as it arrives. */
export function xlsxStream(header: string[], pages: AsyncIterable<TableCell[][]>, sheet: string): ReadableStream<Uint8Array> {
  return workbookStream([{ name: sheet, header, pages }]);
}

/**
 * A workbook of several sheets as one byte stream (the 台账: a summary, then a sheet per
 * group). The sheets are zip entries written one after the other, each read from its own
 * pages only when the stream reaches it, so memory stays one page whatever the workbook holds.
 */
export function workbookStream(sheets: Sheet[]): ReadableStream<Uint8Array> {
  const fixed = FIXED(sheetNames(sheets.map((s) => s.name)));
  const gen = zipStream([
    ...Object.entries(fixed).map(([name, text]) => ({ name, data: [enc.encode(text)] })),
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s) })),
  ]);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await gen.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    async cancel() {
      await gen.return(undefined);
    },
  });
}
