/*
 * What a zip (an .xlsx) declares, read from its central directory without inflating
 * anything: a few kilobytes can declare gigabytes ("zip bomb"), and the spreadsheet
 * library would inflate all of it in the Worker's 128 MB before we see a single row.
 */
const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

export interface ZipDeclared {
  entries: number;
  uncompressed: number;
}

/** The entries and total uncompressed size a zip's central directory declares; null when unreadable or ZIP64. */
export function zipDeclared(b: Uint8Array): ZipDeclared | null {
  // the end-of-central-directory record: 22 bytes plus a comment of up to 65535
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const size = u32(b, eocd + 12);
  const offset = u32(b, eocd + 16);
  // ZIP64 (sizes past 4 GB) is never a spreadsheet we take
  if (u16(b, eocd + 10) === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  let entries = 0;
  let uncompressed = 0;
  for (let i = offset; i < offset + size; ) {
    if (i + 46 > b.length || u32(b, i) !== 0x02014b50) return null;
    const declared = u32(b, i + 24);
    if (declared === 0xffffffff || u32(b, i + 20) === 0xffffffff) return null;
    uncompressed += declared;
    entries++;
    i += 46 + u16(b, i + 28) + u16(b, i + 30) + u16(b, i + 32);
  }
  return { entries, uncompressed };
}
