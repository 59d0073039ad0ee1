import { sniff } from './image';
import { crc32 } from './crc32';

/*
 * Metadata removal for every image format we accept (works, their display and thumbnail
 * variants, and receipts). Phones put the place a photo was taken (GPS), the camera and
 * its owner into EXIF/XMP/IPTC blocks; none of that may reach judges or the public.
 *
 * Orientation is the one EXIF field that changes how the picture looks: a portrait phone
 * photo is stored sideways with Orientation 6, and viewers rotate it. Dropping EXIF would
 * show it sideways, and re-encoding the pixels upright needs a codec we do not have in a
 * Worker. So when the original said Orientation ≠ 1 we write back a minimal EXIF block that
 * carries ONLY that tag (no GPS, no camera data) and viewers keep rotating it.
 *
 * Everything is a whitelist: segments and chunks we do not know are dropped, because
 * unknown blocks are where vendors keep metadata.
 */

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The tag ids of a TIFF block's first IFD (for audits and tests: what an EXIF block still says). */
function tiffTags(t: Uint8Array): number[] {
  if (t.length < 8) return [];
  const le = t[0] === 0x49 && t[1] === 0x49;
  const u16 = (i: number) => (le ? t[i]! | (t[i + 1]! << 8) : (t[i]! << 8) | t[i + 1]!);
  const ifd = le ? u32le(t, 4) : u32be(t, 4);
  if (ifd + 2 > t.length) return [];
  const tags: number[] = [];
  for (let k = 0; k < u16(ifd) && ifd + 14 + k * 12 <= t.length; k++) tags.push(u16(ifd + 2 + k * 12));
  return tags;
}

/** The Orientation (1–8) in a TIFF block (EXIF without its "Exif\\0\\0" prefix); null when absent. */
function tiffOrientation(t: Uint8Array): number | null {
  if (t.length < 8) return null;
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return null;
  const u16 = (i: number) => (le ? t[i]! | (t[i + 1]! << 8) : (t[i]! << 8) | t[i + 1]!);
  const u32 = (i: number) => (le ? u32le(t, i) : u32be(t, i));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return null;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const o = u16(e + 8);
      return o >= 1 && o <= 8 ? o : null;
    }
  }
  return null;
}

const EXIF_PREFIX = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
const withoutExifPrefix = (b: Uint8Array) => (EXIF_PREFIX.every((x, i) => b[i] === x) ? b.subarray(6) : b);

/** A TIFF block with one IFD holding one entry: Orientation. Nothing else survives. */
function orientationTiff(o: number): Uint8Array {
  // big-endian header, IFD at 8: 1 entry (tag 0x0112, SHORT, count 1, value), no next IFD
  return new Uint8Array([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0, 0, 0, 0, 0]);
}

/** The Orientation an image's EXIF declares (JPEG, PNG eXIf, WebP EXIF); null when none. */
export function exifOrientation(b: Uint8Array): number | null {
  const kind = sniff(b);
  if (kind === 'jpeg') {
    let found: number | null = null;
    walkJpeg(b, (marker, seg) => {
      if (marker === 0xe1 && ascii(seg, 4, 6) === 'Exif\0\0') found ??= tiffOrientation(seg.subarray(10));
    });
    return found;
  }
  if (kind === 'png') {
    let found: number | null = null;
    walkPng(b, (type, data) => {
      if (type === 'eXIf') found ??= tiffOrientation(withoutExifPrefix(data));
    });
    return found;
  }
  if (kind === 'webp') {
    let found: number | null = null;
    walkWebp(b, (type, data) => {
      if (type === 'EXIF') found ??= tiffOrientation(withoutExifPrefix(data));
    });
    return found;
  }
  return null;
}

/**
 * Every metadata block an image carries, by name, with the IFD0 tags of EXIF blocks
 * (e.g. `['APP1 Exif 0x112,0x8825', 'COM']`). For tests and audits.
 */
export function metadataBlocks(b: Uint8Array): string[] {
  const kind = sniff(b);
  const out: string[] = [];
  const exif = (name: string, t: Uint8Array) =>
    out.push(
      `${name} ${tiffTags(t)
        .map((x) => '0x' + x.toString(16))
        .join(',')}`,
    );
  if (kind === 'jpeg') {
    walkJpeg(b, (marker, s) => {
      if (marker === 0xe1 && ascii(s, 4, 6) === 'Exif\0\0') exif('APP1 Exif', s.subarray(10));
      else if (marker >= 0xe0 && marker <= 0xef && !keepJpegSegment(marker, s)) out.push(`APP${marker - 0xe0} ${ascii(s, 4, 4)}`);
      else if (marker === 0xfe) out.push('COM');
    });
  } else if (kind === 'png') {
    walkPng(b, (type, data) => {
      if (type === 'eXIf') exif('eXIf', withoutExifPrefix(data));
      else if (!(type.charCodeAt(0) <= 90) && !PNG_SAFE.has(type)) out.push(type);
    });
  } else if (kind === 'webp') {
    walkWebp(b, (type, data) => {
      if (type === 'EXIF') exif('EXIF', withoutExifPrefix(data));
      else if (!WEBP_KEEP.has(type)) out.push(type);
    });
  }
  return out;
}

/** Does a JPEG still carry an EXIF (APP1) block? */
export const hasExif = (b: Uint8Array) => metadataBlocks(b).some((x) => x.startsWith('APP1 Exif'));

/** The image without metadata, keeping only an Orientation other than 1; other files as they are. */
export function stripMetadata(b: Uint8Array): Uint8Array {
  const kind = sniff(b);
  if (kind === 'jpeg') return stripJpeg(b);
  if (kind === 'png') return stripPng(b);
  if (kind === 'webp') return stripWebp(b);
  return b;
}

// ---------------------------------------------------------------- JPEG

/**
 * Calls `seg` for every marker segment up to EOI (entropy-coded scan data included with its
 * SOS segment); returns the offset just past EOI, or -1 when the file has no EOI.
 */
function walkJpeg(b: Uint8Array, seg: (marker: number, bytes: Uint8Array) => void): number {
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return -1;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) return i + 2;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      seg(marker, b.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return -1;
    const end = i + 2 + u16be(b, i + 2);
    if (end > b.length) return -1;
    let next = end;
    if (marker === 0xda) {
      // scan data runs to the next marker that is not a stuffed byte (FF 00) or a restart (FF D0–D7)
      while (next + 1 < b.length && !(b[next] === 0xff && b[next + 1] !== 0 && b[next + 1] !== 0xff && !(b[next + 1]! >= 0xd0 && b[next + 1]! <= 0xd7))) next++;
    }
    seg(marker, b.subarray(i, next));
    i = next;
  }
  return -1;
}

/** Which JPEG segments decoding needs (everything that is not APPn or COM) plus the safe APPn. */
function keepJpegSegment(marker: number, s: Uint8Array): boolean {
  if (marker === 0xe0) return ascii(s, 4, 5) === 'JFIF\0'; // APP0 JFIF (JFXX thumbnails are dropped)
  if (marker === 0xe2) return ascii(s, 4, 12) === 'ICC_PROFILE\0'; // colour profile; MPF (extra images) dropped
  if (marker === 0xee) return ascii(s, 4, 5) === 'Adobe'; // APP14 Adobe: the colour transform of CMYK/YCCK files
  if (marker >= 0xe0 && marker <= 0xef) return false; // APP1 EXIF/XMP, APP13 IPTC/Photoshop, vendor blocks
  return marker !== 0xfe; // COM
}

function stripJpeg(b: Uint8Array): Uint8Array {
  const orientation = exifOrientation(b);
  const kept: Uint8Array[] = [];
  // the walk stops at EOI: anything after it (a second "MPF" picture with its own EXIF,
  // appended data) is dropped; a file without EOI is refused by imageInfo before this
  walkJpeg(b, (marker, s) => {
    if (keepJpegSegment(marker, s)) kept.push(s);
  });
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  // JFIF must come first when present; the EXIF block follows it
  if (kept[0] && kept[0][1] === 0xe0) parts.push(kept.shift()!);
  if (orientation && orientation !== 1) {
    const tiff = orientationTiff(orientation);
    const len = 2 + 6 + tiff.length;
    parts.push(new Uint8Array([0xff, 0xe1, len >> 8, len & 0xff, ...EXIF_PREFIX]), tiff);
  }
  parts.push(...kept, new Uint8Array([0xff, 0xd9]));
  return concat(parts);
}

// ---------------------------------------------------------------- PNG

function walkPng(b: Uint8Array, chunk: (type: string, data: Uint8Array, whole: Uint8Array) => void) {
  let i = 8;
  while (i + 12 <= b.length) {
    const len = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    if (i + 12 + len > b.length) return;
    chunk(type, b.subarray(i + 8, i + 8 + len), b.subarray(i, i + 12 + len));
    i += 12 + len;
    if (type === 'IEND') return;
  }
}

// ancillary chunks that only describe colour, transparency, pixel size or animation
const PNG_SAFE = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'cICP', 'mDCv', 'cLLi', 'hIST', 'sPLT', 'acTL', 'fcTL', 'fdAT']);

const be32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

function stripPng(b: Uint8Array): Uint8Array {
  const orientation = exifOrientation(b);
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  walkPng(b, (type, _data, whole) => {
    // critical chunks (upper-case first letter) are kept: the decoder needs them
    const critical = type.charCodeAt(0) >= 65 && type.charCodeAt(0) <= 90;
    if (critical || PNG_SAFE.has(type)) parts.push(whole);
    if (type === 'IHDR' && orientation && orientation !== 1) {
      // eXIf must come before IDAT: right after IHDR, only Orientation
      const tiff = orientationTiff(orientation);
      const name = new Uint8Array([0x65, 0x58, 0x49, 0x66]); // "eXIf"
      parts.push(be32(tiff.length), name, tiff, be32(crc32(tiff, crc32(name))));
    }
  });
  return concat(parts);
}

// ---------------------------------------------------------------- WebP

function walkWebp(b: Uint8Array, chunk: (type: string, data: Uint8Array, whole: Uint8Array) => void) {
  let i = 12;
  const end = Math.min(b.length, u32le(b, 4) + 8);
  while (i + 8 <= end) {
    const len = u32le(b, i + 4);
    const padded = len + (len & 1);
    if (i + 8 + len > end) return;
    chunk(ascii(b, i, 4), b.subarray(i + 8, i + 8 + len), b.subarray(i, Math.min(end, i + 8 + padded)));
    i += 8 + padded;
  }
}

const WEBP_KEEP = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(b: Uint8Array): Uint8Array {
  const orientation = exifOrientation(b);
  const keepOrientation = orientation !== null && orientation !== 1;
  const chunks: Uint8Array[] = [];
  let hasVp8x = false;
  walkWebp(b, (type, _data, whole) => {
    if (!WEBP_KEEP.has(type)) return; // EXIF, XMP and unknown chunks
    if (type === 'VP8X') {
      hasVp8x = true;
      const x = whole.slice();
      x[8] = (x[8]! & ~(VP8X_EXIF | VP8X_XMP)) | (keepOrientation ? VP8X_EXIF : 0);
      chunks.push(x);
    } else chunks.push(whole);
  });
  // an EXIF chunk is only legal in the extended format (VP8X), which carried the original one
  if (keepOrientation && hasVp8x) {
    const tiff = orientationTiff(orientation);
    const size = new Uint8Array(4);
    new DataView(size.buffer).setUint32(0, tiff.length, true);
    chunks.push(new Uint8Array([0x45, 0x58, 0x49, 0x46]), size, tiff); // "EXIF", even length: no padding
  }
  const body = concat(chunks);
  const head = new Uint8Array(12);
  head.set(b.subarray(0, 4));
  new DataView(head.buffer).setUint32(4, body.length + 4, true);
  head.set(b.subarray(8, 12), 8);
  return concat([head, body]);
}
