/*
 * A small .xlsx reader: the first worksheet as rows of text, the way our importers took it
 * from SheetJS (`sheet_to_json(sheet, { header: 1, raw: false, defval: '', blankrows: false })`).
 * SheetJS was half of the Worker bundle for two importers that need only cell text; this reads
 * the zip's central directory, inflates the four or five parts it needs with the runtime's
 * DecompressionStream, and takes the XML apart with regular expressions (no DOM in a Worker).
 * Anything it cannot make sense of throws; the caller turns that into one 400.
 */

const dec = new TextDecoder();
const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

interface ZipEntry {
  method: number;
  flags: number;
  csize: number;
  usize: number;
  offset: number;
}

/** The entries of a zip by (lower-cased, forward-slashed) name, from its central directory. */
function zipEntries(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const size = u32(b, eocd + 12);
  const start = u32(b, eocd + 16);
  if (start + size > eocd) throw new Error('central directory out of bounds');
  const out = new Map<string, ZipEntry>();
  for (let i = start; i < start + size; ) {
    if (i + 46 > b.length || u32(b, i) !== 0x02014b50) throw new Error('bad central directory');
    const nameLen = u16(b, i + 28);
    const name = dec
      .decode(b.subarray(i + 46, i + 46 + nameLen))
      .replace(/\\/g, '/')
      .replace(/^\//, '')
      .toLowerCase();
    out.set(name, { flags: u16(b, i + 8), method: u16(b, i + 10), csize: u32(b, i + 20), usize: u32(b, i + 24), offset: u32(b, i + 42) });
    i += 46 + nameLen + u16(b, i + 30) + u16(b, i + 32);
  }
  return out;
}

/**
 * One entry's bytes. The central directory's sizes are trusted for where the data is (the
 * local header may defer them to a data descriptor), and the inflated size is held to what
 * it declares: the size guard ran on those numbers, so a part that inflates past them is a
 * lie (a zip bomb) and is cut off.
 */
async function inflate(b: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  if (e.flags & 1) throw new Error('encrypted entry');
  if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) throw new Error('bad local header');
  const from = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  if (from + e.csize > b.length) throw new Error('entry out of bounds');
  const raw = b.subarray(from, from + e.csize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new Error(`compression method ${e.method}`);
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  // errors surface on the reading side; the write promise must not go unhandled
  writer.write(raw).catch(() => {});
  writer.close().catch(() => {});
  const out = new Uint8Array(e.usize);
  let n = 0;
  const reader = ds.readable.getReader();
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    if (n + r.value.length > e.usize) {
      await reader.cancel().catch(() => {});
      throw new Error('entry inflates past its declared size');
    }
    out.set(r.value, n);
    n += r.value.length;
  }
  return out.subarray(0, n);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, then OOXML's own _xHHHH_ escapes (Excel writes a CR as _x000D_). */
export function unescapeXml(s: string): string {
  // most cells have neither: skip two regex passes per cell
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e] ?? m;
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

const attrRes = new Map<string, RegExp>();
/** An attribute's value in a tag's attribute text; `name` may carry a namespace prefix in the file. */
function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

const elementRes = new Map<string, RegExp>();
// An element, with or without a namespace prefix (some writers use <x:c>), self-closing or not.
// matchAll copies the regex, so one compiled per tag serves every row.
function elements(xml: string, tag: string) {
  let re = elementRes.get(tag);
  if (!re) elementRes.set(tag, (re = new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?${tag}\\s*>)`, 'g')));
  return xml.matchAll(re);
}

/** The text of a string item (<si>, <is>): its <t>, or its rich-text runs joined; phonetic guides (<rPh>) are not text. */
function runText(xml: string): string {
  const body = xml.replace(/<(?:[\w.-]+:)?rPh(?=[\s/>])[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, '');
  let s = '';
  for (const m of elements(body, 't')) s += unescapeXml(m[2] ?? '');
  return s;
}

/** Column letters (A..XFD) → 0-based index. */
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n < 1 || n > 16384) throw new Error(`bad column ${letters}`);
  return n - 1;
}

// Built-in number formats that show a date (14–17, 22, and the East Asian ones Excel maps to
// them: 27–36, 50–58) or only a time of day (18–21, 45–47).
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47]);

type Shown = 'date' | 'time' | null;

/** What a custom format code shows: quoted text, escapes and [colour]/[$-locale] blocks are not tokens. */
function formatKind(code: string): Shown {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '');
  if (/[yd]|mmm/i.test(bare)) return 'date';
  return /[hs]/i.test(bare) ? 'time' : null;
}

/** Per cell style (the `s` index into cellXfs): whether its number is shown as a date or time. */
function styleKinds(stylesXml: string | null): Shown[] {
  if (!stylesXml) return [];
  const custom = new Map<number, Shown>();
  for (const m of elements(stylesXml, 'numFmt')) custom.set(Number(attr(m[1]!, 'numFmtId')), formatKind(attr(m[1]!, 'formatCode') ?? ''));
  const xfs = /<(?:[\w.-]+:)?cellXfs(?=[\s>])[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs\s*>/.exec(stylesXml);
  if (!xfs) return [];
  return [...elements(xfs[1]!, 'xf')].map((m) => {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    if (custom.has(id)) return custom.get(id)!;
    return BUILTIN_DATE.has(id) ? 'date' : BUILTIN_TIME.has(id) ? 'time' : null;
  });
}

/**
 * A date-formatted serial as text: YYYY-MM-DD (what the registry's date parser reads without
 * guessing, even before 1927 where the serial has four digits), with the time when there is one.
 */
function serialText(v: string, kind: 'date' | 'time', date1904: boolean): string {
  const serial = Number(v);
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958466) return v;
  const secs = Math.round((serial + (date1904 ? 1462 : 0)) * 86400);
  const iso = new Date(Date.UTC(1899, 11, 30) + secs * 1000).toISOString();
  if (kind === 'time') return iso.slice(11, 19);
  return secs % 86400 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The first worksheet of an .xlsx as rows of cell text: blank rows dropped, gaps filled with ''. */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const zip = zipEntries(bytes);
  const text = async (name: string) => {
    const e = zip.get(name.toLowerCase());
    return e ? dec.decode(await inflate(bytes, e)) : null;
  };

  const workbook = await text('xl/workbook.xml');
  if (workbook === null) throw new Error('no workbook');
  const date1904 = /<(?:[\w.-]+:)?workbookPr(?=[\s/>])[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const first = elements(workbook, 'sheet').next().value;
  const rid = first ? attr(first[1]!, 'id') : undefined;
  const rels = rid ? await text('xl/_rels/workbook.xml.rels') : null;
  if (rels) {
    for (const m of elements(rels, 'Relationship')) {
      if (attr(m[1]!, 'Id') !== rid) continue;
      const target = attr(m[1]!, 'Target') ?? '';
      // relative to xl/, or absolute from the package root
      const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
      const path: string[] = [];
      for (const p of parts) {
        if (p === '..') path.pop();
        else if (p && p !== '.') path.push(p);
      }
      if (zip.has(path.join('/').toLowerCase())) sheetPath = path.join('/');
      break;
    }
  }
  const sheet = await text(sheetPath);
  if (sheet === null) throw new Error('no worksheet');

  const sstXml = await text('xl/sharedStrings.xml');
  const shared = sstXml ? [...elements(sstXml, 'si')].map((m) => runText(m[2] ?? '')) : [];
  const kinds = styleKinds(await text('xl/styles.xml'));

  const data = /<(?:[\w.-]+:)?sheetData(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?sheetData\s*>)/.exec(sheet);
  if (!data) throw new Error('no sheetData');
  const rows: string[][] = [];
  let width = 0;
  let rowNo = -1;
  for (const row of elements(data[1] ?? '', 'row')) {
    const r = attr(row[1]!, 'r');
    rowNo = r ? Number(r) - 1 : rowNo + 1;
    if (!Number.isInteger(rowNo) || rowNo < 0 || rowNo > 1048575) throw new Error(`bad row ${r}`);
    const cells: string[] = [];
    let col = -1;
    for (const c of elements(row[2] ?? '', 'c')) {
      const a = c[1]!;
      const ref = attr(a, 'r');
      if (ref) {
        const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
        if (!m) throw new Error(`bad cell reference ${ref}`);
        col = colIndex(m[1]!);
      } else col++;
      const body = c[2] ?? '';
      const t = attr(a, 't') ?? 'n';
      const vm = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v\s*>/.exec(body);
      const v = vm ? unescapeXml(vm[1]!) : null;
      let value: string;
      if (t === 'inlineStr') {
        const is = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is\s*>/.exec(body);
        value = is ? runText(is[1]!) : (v ?? '');
      } else if (v === null) value = '';
      else if (t === 's') {
        const s = shared[Number(v)];
        if (s === undefined) throw new Error(`shared string ${v} missing`);
        value = s;
      } else if (t === 'b') value = v.trim() === '1' || v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
      else if (t === 'd') {
        // an ISO date cell (rare: Excel writes serials); a midnight loses its time
        value = v
          .replace(/T00:00(:00(\.0+)?)?Z?$/, '')
          .replace('T', ' ')
          .replace(/(\.\d+)?Z$/, '');
      } else if (t === 'n') {
        const kind = kinds[Number(attr(a, 's') ?? 0)] ?? null;
        value = kind ? serialText(v, kind, date1904) : /^[-+]?[\d.]+[eE][-+]?\d+$/.test(v.trim()) ? String(Number(v)) : v;
      } else value = v; // str (a formula's text), e (an error such as #N/A)
      cells[col] = value;
      if (value !== '') width = Math.max(width, col + 1);
    }
    if (cells.some((x) => x !== undefined && x !== '')) {
      rows.push(Array.from(cells, (x) => x ?? ''));
    }
  }
  // every row as wide as the widest (SheetJS filled to the sheet's range with defval)
  return rows.map((r) => (r.length >= width ? r.slice(0, width) : [...r, ...Array<string>(width - r.length).fill('')]));
}
