/**
 * Image checks on raw bytes (the filename and declared type are never trusted): the kind
 * by magic bytes, dimensions from the header and a truncation check. Metadata removal
 * (EXIF with GPS, XMP, IPTC, comments, text chunks) lives in ./image-strip.ts.
 */
export type ImageKind = 'jpeg' | 'png' | 'webp';
export const IMAGE_TYPES: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export function sniff(b: Uint8Array): ImageKind | 'pdf' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'pdf';
  return null;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

/** Dimensions from the header; null when the file is not a complete image of its kind. */
export function imageInfo(b: Uint8Array): ImageInfo | null {
  const kind = sniff(b);
  if (kind === 'png') {
    if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return null;
    // a complete PNG ends with the IEND chunk
    if (ascii(b, b.length - 8, 4) !== 'IEND') return null;
    return { kind, width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (kind === 'jpeg') {
    let i = 2;
    let size: { width: number; height: number } | null = null;
    while (i + 4 <= b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd9) break;
      if (marker === 0xda) break; // start of scan: the image data follows
      const len = u16be(b, i + 2);
      if (len < 2 || i + 2 + len > b.length) return null;
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        size = { height: u16be(b, i + 5), width: u16be(b, i + 7) };
      }
      i += 2 + len;
    }
    // a complete JPEG ends with EOI (FF D9), possibly followed by padding
    const tail = b.subarray(Math.max(0, b.length - 64));
    let eoi = false;
    for (let j = tail.length - 2; j >= 0; j--)
      if (tail[j] === 0xff && tail[j + 1] === 0xd9) {
        eoi = true;
        break;
      }
    return size && eoi ? { kind, ...size } : null;
  }
  if (kind === 'webp') {
    if (b.length < 30 || u32le(b, 4) + 8 > b.length) return null;
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8X') return { kind, width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    if (chunk === 'VP8 ') return { kind, width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return { kind, width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return null;
  }
  return null;
}
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
