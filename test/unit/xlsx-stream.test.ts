import { describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { xlsxStream } from '../../workers/api/lib/xlsx-stream';
import { crc32 } from '../../shared/crc32';
import { zipDeclared } from '../../workers/api/lib/zip';
import type { TableCell } from '../../workers/api/lib/tables';
import { bytesOf } from '../bytes';

const PAGES = 3;

describe('streamed xlsx', () => {
  it('streams a 100,000-row sheet as a well-formed zip without holding the rows', async () => {
    let produced = 0;
    let maxAhead = 0;
    let consumed = 0;
    async function* pages(): AsyncGenerator<TableCell[][]> {
      for (let p = 0; p < 100; p++) {
        produced++;
        maxAhead = Math.max(maxAhead, produced - consumed);
        yield Array.from({ length: 1000 }, (_, i) => [`成员${p * 1000 + i}`, p * 1000 + i, new Date(Date.UTC(2024, 0, 1) + i * 1000)]);
      }
    }
    let bytes = 0;
    const parts: Uint8Array[] = [];
    for await (const chunk of xlsxStream(['姓名', '序号', '时间'], pages(), '台账') as unknown as AsyncIterable<Uint8Array>) {
      consumed = produced;
      bytes += chunk.length;
      parts.push(chunk);
    }
    expect(produced).toBe(100);
    // a bounded few pages ahead of what was sent (one in the compressor, one being made), never all
    expect(maxAhead).toBeLessThanOrEqual(3);
    const tail = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      tail.set(p, o);
      o += p.length;
    }
    expect(bytes).toBeGreaterThan(100_000);
    // the central directory lists the six parts of a workbook, sizes declared
    const declared = zipDeclared(tail);
    expect(declared?.entries).toBe(6);
    expect(declared!.uncompressed).toBeGreaterThan(100_000 * 40);
  });

  it('computes the zip CRC-32 of the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes rows that Excel readers open, with typed cells, pulling one page at a time', async () => {
    let produced = 0;
    async function* pages(): AsyncGenerator<TableCell[][]> {
      for (let p = 0; p < PAGES; p++) {
        produced++;
        yield Array.from({ length: 1000 }, (_, i) => {
          const n = p * 1000 + i;
          return [`成员${n}`, n, n % 2 === 0, new Date(Date.UTC(2024, 0, 1, 16, 0, 0) + n * 60_000), n === 7 ? '=HYPERLINK("x")' : null];
        });
      }
    }
    const stream = xlsxStream(['姓名', '序号', '偶数', '时间', '备注'], pages(), '台账');
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // lazily: the first bytes leave before the rows are all made
    expect(produced).toBeLessThanOrEqual(1);
    reader.releaseLock();
    const rest = await bytesOf(stream);
    const all = new Uint8Array(first.value!.length + rest.length);
    all.set(first.value!, 0);
    all.set(rest, first.value!.length);
    expect(produced).toBe(PAGES);

    const wb = read(all, { type: 'array', cellDates: false });
    expect(wb.SheetNames).toEqual(['台账']);
    const ws = wb.Sheets['台账']!;
    const rows = utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true });
    expect(rows).toHaveLength(PAGES * 1000 + 1);
    expect(rows[0]).toEqual(['姓名', '序号', '偶数', '时间', '备注']);
    expect(rows[1]!.slice(0, 3)).toEqual(['成员0', 0, true]);
    // 2024-01-01T16:00Z is 2024-01-02 00:00 in China: Excel serial 45293
    expect(ws.D2.v).toBe(45293);
    expect(ws.D2.t).toBe('n');
    // text is text, never a formula
    expect(ws.E9.t).toBe('s');
    expect(ws.E9.v).toBe('=HYPERLINK("x")');
    expect(ws.E9.f).toBeUndefined();
    expect(rows[PAGES * 1000]![0]).toBe(`成员${PAGES * 1000 - 1}`);
  });
});
