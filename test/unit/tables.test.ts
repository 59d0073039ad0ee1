import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../workers/api/lib/tables';

describe('CSV cells', () => {
  it('escapes every string that a spreadsheet would run as a formula, and only strings', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+8613800000000')).toBe(`"'+8613800000000"`);
    expect(csvCell('-5')).toBe(`"'-5"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell(-5)).toBe('"-5"');
    expect(csvCell(3.5)).toBe('"3.5"');
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell(null)).toBe('""');
  });
  it('quotes per RFC 4180 and writes instants as China wall-clock time', () => {
    expect(csvCell('他说"好",\r\n再见')).toBe('"他说""好"",\r\n再见"');
    expect(csvCell(new Date('2026-12-03T16:30:00Z'))).toBe('"2026-12-04 00:30:00"');
    expect(
      csvText([
        ['a', 1],
        ['=b', null],
      ]),
    ).toBe('\uFEFF"a","1"\r\n"\'=b",""');
  });
});
