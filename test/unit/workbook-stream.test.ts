import { describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { workbookStream } from '../../workers/api/lib/xlsx-stream';
import { zipDeclared } from '../../workers/api/lib/zip';
import type { TableCell } from '../../workers/api/lib/tables';
import { bytesOf } from '../bytes';

/* Several sheets in one streamed workbook (the 台账): each read only when the stream reaches it. */

describe('multi-sheet streamed workbook', () => {
  it("writes every sheet in order, pulling each sheet's pages only when its turn comes", async () => {
    const log: string[] = [];
    const sheet = (name: string, n: number) => ({
      name,
      header: ['日期', '数量'],
      dayColumns: [0],
      pages: (async function* (): AsyncGenerator<TableCell[][]> {
        for (let p = 0; p < 3; p++) {
          log.push(`${name}:${p}`);
          yield Array.from({ length: n }, (_, i) => [new Date(Date.parse('2024-03-01T00:00:00+08:00') + i * 86400e3), p * n + i]);
        }
      })(),
    });
    const bytes = await bytesOf(workbookStream([sheet('汇总', 2), sheet('教育培训', 500), sheet('a/b:c?', 1), sheet('汇总', 1)]));
    // sheet by sheet, never two at once: the second sheet's first page comes after the first's last
    expect(log).toEqual([
      '汇总:0',
      '汇总:1',
      '汇总:2',
      '教育培训:0',
      '教育培训:1',
      '教育培训:2',
      'a/b:c?:0',
      'a/b:c?:1',
      'a/b:c?:2',
      '汇总:0',
      '汇总:1',
      '汇总:2',
    ]);
    expect(zipDeclared(bytes)?.entries).toBe(5 + 4);

    const wb = read(bytes, { type: 'array', cellNF: true });
    // names Excel accepts: forbidden characters replaced, a repeated name made unique
    expect(wb.SheetNames).toEqual(['汇总', '教育培训', 'a b c', '汇总 (4)']);
    const rows = utils.sheet_to_json<unknown[]>(wb.Sheets.教育培训!, { header: 1, raw: true });
    expect(rows).toHaveLength(1501);
    expect(rows[1500]![1]).toBe(1499);
    // a China date alone: the serial of that day, formatted without a time
    const a2 = wb.Sheets.教育培训!.A2 as { t: string; v: number; z?: string };
    expect([a2.t, a2.v, a2.z]).toEqual(['n', 45352, 'yyyy-mm-dd']);
  });

  it('keeps the single-sheet writer as one sheet with date-and-time cells', async () => {
    const { xlsxStream } = await import('../../workers/api/lib/xlsx-stream');
    const bytes = await bytesOf(
      xlsxStream(
        ['时间'],
        (async function* () {
          yield [[new Date('2024-01-01T16:30:00Z')]];
        })(),
        '名单',
      ),
    );
    const wb = read(bytes, { type: 'array', cellNF: true });
    expect(wb.SheetNames).toEqual(['名单']);
    expect((wb.Sheets.名单!.A2 as { z?: string }).z).toMatch(/yyyy-mm-dd hh:mm/);
  });
});
