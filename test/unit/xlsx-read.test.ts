import { describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { readXlsx } from '../../workers/api/lib/xlsx-read';
import { xlsxStream } from '../../workers/api/lib/xlsx-stream';
import type { TableCell } from '../../workers/api/lib/tables';
import { bytesOf, zipOf } from '../bytes';

const book = (sheets: Record<string, ReturnType<typeof utils.aoa_to_sheet>>) => {
  const wb = utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) utils.book_append_sheet(wb, ws, name);
  return wb;
};
const bytes = (wb: ReturnType<typeof utils.book_new>, opts: { bookSST?: boolean; compression?: boolean } = {}) =>
  new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', ...opts }) as ArrayBuffer);

describe('xlsx reader', () => {
  it('reads shared strings, numbers, booleans, gaps and blank rows like sheet_to_json did', async () => {
    const ws = utils.aoa_to_sheet([
      ['姓名', '手机号', '序号', '通过'],
      ['吴海燕', 13633330001, 1, true],
      ['a & <b> "c" \'d\'', '13633330002', 2.5, false],
    ]);
    // a gap (row 5 empty, row 6 starts at column B) and a lone cell further right
    utils.sheet_add_aoa(ws, [[null, '后面', null, null, '远处']], { origin: 'A6' });
    for (const opts of [{ bookSST: true, compression: true }, { bookSST: false }]) {
      expect(await readXlsx(bytes(book({ 名册: ws }), opts))).toEqual([
        ['姓名', '手机号', '序号', '通过', ''],
        ['吴海燕', '13633330001', '1', 'TRUE', ''],
        ['a & <b> "c" \'d\'', '13633330002', '2.5', 'FALSE', ''],
        ['', '后面', '', '', '远处'],
      ]);
    }
  });

  it('reads date cells as YYYY-MM-DD and leaves plain serial numbers alone', async () => {
    const ws = utils.aoa_to_sheet(
      [
        ['日期', '序列号'],
        [new Date(Date.UTC(2022, 2, 1)), 37073],
        [new Date(Date.UTC(1921, 6, 1)), ''],
      ],
      { cellDates: true },
    );
    expect(await readXlsx(bytes(book({ S: ws })))).toEqual([
      ['日期', '序列号'],
      ['2022-03-01', '37073'],
      ['1921-07-01', ''],
    ]);
    // a custom Chinese date format and a date-time
    const ws2 = utils.aoa_to_sheet([['入党日期', '时间']]);
    ws2.A2 = { t: 'n', v: 43647, z: 'yyyy"年"m"月"d"日"' };
    ws2.B2 = { t: 'n', v: 43647.5, z: 'yyyy-mm-dd hh:mm:ss' };
    ws2['!ref'] = 'A1:B2';
    expect(await readXlsx(bytes(book({ S: ws2 })))).toEqual([
      ['入党日期', '时间'],
      ['2019-07-01', '2019-07-01 12:00:00'],
    ]);
  });

  it('reads the first sheet only, errors as text', async () => {
    const first = utils.aoa_to_sheet([['一']]);
    first.B1 = { t: 'e', v: 0x07, w: '#DIV/0!' };
    first['!ref'] = 'A1:B1';
    const wb = book({ 第一: first, 第二: utils.aoa_to_sheet([['二']]) });
    expect(await readXlsx(bytes(wb))).toEqual([['一', '#DIV/0!']]);
  });

  it('reads rich text runs, inline strings and entities, skipping phonetic guides', async () => {
    // hand-made: SheetJS writes neither rich text nor prefixed elements
    const unzip = handMade({
      'xl/sharedStrings.xml':
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><r><rPr><b/></rPr><t>加粗</t></r><r><t xml:space="preserve"> 普通&amp;&#x4E00;&#20108;</t></r><rPh sb="0" eb="1"><t>かな</t></rPh></si><si><t>换行_x000D_</t></si></sst>',
      'xl/worksheets/sheet1.xml':
        '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="D2" t="s"><x:v>1</x:v></x:c><x:c r="E2" t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c></x:row><x:row r="3"/></x:sheetData></x:worksheet>',
    });
    expect(await readXlsx(unzip)).toEqual([['', '加粗 普通&一二', '内联', '换行\r', '公式']]);
  });

  it('refuses a corrupt zip, a broken part and a missing workbook', async () => {
    const good = bytes(
      book({
        S: utils.aoa_to_sheet([
          ['a', 'b'],
          [1, 2],
        ]),
      }),
      { compression: true },
    );
    await expect(readXlsx(good.slice(0, good.length - 30))).rejects.toThrow();
    const flipped = good.slice();
    // damage the deflated data of the first entry (the data after its local header)
    for (let i = 60; i < 200; i++) flipped[i] = flipped[i]! ^ 0x5a;
    await expect(readXlsx(flipped)).rejects.toThrow();
    await expect(readXlsx(new TextEncoder().encode('PK\u0003\u0004 not really a zip'))).rejects.toThrow();
    const unzip = handMade({ 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="1A" t="s"><v>0</v></c></row></sheetData></worksheet>' });
    await expect(readXlsx(unzip)).rejects.toThrow();
  });

  it('stops a part that inflates past the size its central directory declares', async () => {
    const wb = book({ S: utils.aoa_to_sheet(Array.from({ length: 200 }, (_, i) => [`行${i}`, i])) });
    const good = bytes(wb, { compression: true });
    expect(await readXlsx(good)).toHaveLength(200);
    // the size guard trusts the declared sizes: shrink the worksheet's to 100 bytes
    const lying = good.slice();
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let i = 0; i < lying.length - 46; i++) {
      if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 1 && lying[i + 3] === 2 && name.every((b, k) => lying[i + 46 + k] === b)) {
        new DataView(lying.buffer).setUint32(i + 24, 100, true);
      }
    }
    await expect(readXlsx(lying)).rejects.toThrow(/declared size/);
  });

  it('reads back what our own streamed writer wrote', async () => {
    const when = new Date('2024-05-06T02:03:04Z');
    async function* pages(): AsyncGenerator<TableCell[][]> {
      yield [['张三', 13800000000, true, when, null, '=1+1']];
      yield [['李四', 2.5, false, null, '', '<&>']];
    }
    const out = await bytesOf(xlsxStream(['姓名', '号码', '是否', '时间', '空', '文本'], pages(), '台账'));
    expect(await readXlsx(out)).toEqual([
      ['姓名', '号码', '是否', '时间', '空', '文本'],
      ['张三', '13800000000', 'TRUE', '2024-05-06 10:03:04', '', '=1+1'],
      ['李四', '2.5', 'FALSE', '', '', '<&>'],
    ]);
  });
});

/** A minimal workbook written here (stored, method 0) with the given parts, for XML SheetJS never writes. */
function handMade(parts: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  return zipOf(Object.entries({ ...MINIMAL, ...parts }).map(([name, v]) => ({ name, data: enc.encode(v) })));
}

const MINIMAL: Record<string, string> = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  '_rels/.rels':
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
  'xl/styles.xml': '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
};
