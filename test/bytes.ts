/* Bytes for tests of the file readers and writers: a stream read to its end, and zips written by hand. */

/** Everything a byte stream gives from here on (it may have been read from already), as one array. */
export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of stream as unknown as AsyncIterable<Uint8Array>) parts.push(p);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface ZipEntry {
  name: string;
  /** the bytes as they stand in the zip */
  data: Uint8Array | number[];
  /** 0 stored (the default), 8 deflate */
  method?: 0 | 8;
  /** the size the entry says it inflates to; by default its length (true of a stored entry) */
  inflated?: number;
}

/**
 * A zip written byte by byte, so that a test can say what a real writer would not (a declared
 * size of gigabytes, a thousand parts). No CRCs: the readers under test do not check them.
 */
export function zipOf(entries: ZipEntry[]): Uint8Array {
  const le = (n: number, size: number) => Array.from({ length: size }, (_, i) => (n / 256 ** i) & 0xff);
  const local: number[] = [];
  const central: number[] = [];
  for (const e of entries) {
    const name = [...new TextEncoder().encode(e.name)];
    const at = local.length;
    // what both headers say of the entry: no flags, its method, no time, crc 0, its sizes, its name's length
    const said = [
      ...le(0, 2),
      ...le(e.method ?? 0, 2),
      ...le(0, 4),
      ...le(0, 4),
      ...le(e.data.length, 4),
      ...le(e.inflated ?? e.data.length, 4),
      ...le(name.length, 2),
    ];
    // local: no extra field, then the name and the data
    local.push(...le(0x04034b50, 4), ...le(20, 2), ...said, ...le(0, 2), ...name, ...e.data);
    // central: no extra field, comment, disk or attributes, then where the local header is
    central.push(...le(0x02014b50, 4), ...le(20, 2), ...le(20, 2), ...said, ...le(0, 12), ...le(at, 4), ...name);
  }
  const n = entries.length;
  const end = [...le(0x06054b50, 4), ...le(0, 4), ...le(n, 2), ...le(n, 2), ...le(central.length, 4), ...le(local.length, 4), ...le(0, 2)];
  return new Uint8Array([...local, ...central, ...end]);
}
