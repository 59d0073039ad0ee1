// Builds the image fixtures that carry metadata (node scripts/make-metadata-fixtures.mjs):
// real images from test/fixtures with GPS, camera data, Orientation 6, XMP, IPTC, comments
// and text chunks added, so tests can prove what the upload path strips and keeps.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

const dir = new URL('../test/fixtures/', import.meta.url);
const u16 = (n) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const le32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** A big-endian TIFF block: IFD0 = Make, Orientation 6, GPS pointer; GPS IFD = latitude N 31°13'50". */
function exifTiff() {
  const make = Buffer.from('TongxinCam SecretPhone\0');
  const ifd0 = 8,
    ifd0Len = 2 + 3 * 12 + 4;
  const makeAt = ifd0 + ifd0Len;
  const gpsAt = makeAt + make.length + (make.length & 1);
  const gpsLen = 2 + 2 * 12 + 4;
  const latAt = gpsAt + gpsLen;
  const entry = (tag, type, count, value) => Buffer.concat([u16(tag), u16(type), u32(count), value]);
  return Buffer.concat([
    Buffer.from('MM\0*'),
    u32(ifd0),
    u16(3),
    entry(0x010f, 2, make.length, u32(makeAt)),
    entry(0x0112, 3, 1, Buffer.from([0, 6, 0, 0])),
    entry(0x8825, 4, 1, u32(gpsAt)),
    u32(0),
    make,
    Buffer.alloc(make.length & 1),
    u16(2),
    entry(0x0001, 2, 2, Buffer.from('N\0\0\0')),
    entry(0x0002, 5, 3, u32(latAt)),
    u32(0),
    u32(31),
    u32(1),
    u32(13),
    u32(1),
    u32(50),
    u32(1),
  ]);
}
const XMP = Buffer.from('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="31,13.8N" xmp:CreatorTool="SecretPhone"/></x:xmpmeta>');

// JPEG: SOI, APP0, APP1 Exif, APP1 XMP, APP13 IPTC, APP2 MPF, COM, the image, EOI, then a trailing "second picture"
{
  const src = readFileSync(new URL('photo.jpg', dir));
  const seg = (marker, body) => Buffer.concat([Buffer.from([0xff, marker]), u16(body.length + 2), body]);
  const segments = [];
  let i = 2;
  while (src[i + 1] !== 0xda) {
    const len = src.readUInt16BE(i + 2);
    if (src[i + 1] !== 0xe1) segments.push(src.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  const out = Buffer.concat([
    src.subarray(0, 2),
    segments[0],
    seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), exifTiff()])),
    seg(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0'), XMP])),
    seg(0xed, Buffer.from('Photoshop 3.0\0' + '8BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x5a\0\x08SecretCity')),
    seg(0xe2, Buffer.from('MPF\0SecretMPF')),
    seg(0xfe, Buffer.from('SecretComment')),
    ...segments.slice(1),
    src.subarray(i),
    Buffer.from('SecretTrailer GPS'),
  ]);
  writeFileSync(new URL('gps-rotated.jpg', dir), out);
}

// PNG: IHDR, then eXIf (GPS, Orientation 6), tEXt, zTXt, iTXt (XMP), tIME, then the rest
{
  const src = readFileSync(new URL('small.png', dir));
  const chunk = (type, data) => {
    const t = Buffer.from(type);
    return Buffer.concat([u32(data.length), t, data, u32(crc32(Buffer.concat([t, data])))]);
  };
  const ihdrEnd = 8 + 12 + src.readUInt32BE(8);
  const out = Buffer.concat([
    src.subarray(0, ihdrEnd),
    chunk('eXIf', exifTiff()),
    chunk('tEXt', Buffer.from('Comment\0SecretText')),
    chunk('zTXt', Buffer.from('Author\0\0x\x9c\x0b\x4e\x4d\x2e\x4a\x2d\x01\x00\x08\x9f\x02\x7a')),
    chunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), XMP])),
    chunk('tIME', Buffer.from([0x07, 0xea, 12, 3, 10, 0, 0])),
    src.subarray(ihdrEnd),
  ]);
  writeFileSync(new URL('meta.png', dir), out);
}

// WebP: the simple VP8 image turned extended: VP8X (EXIF and XMP flags), VP8, EXIF, XMP
{
  const src = readFileSync(new URL('art.webp', dir));
  const w = 1300,
    h = 900;
  const vp8x = Buffer.concat([Buffer.from('VP8X'), le32(10), Buffer.from([0x08 | 0x04, 0, 0, 0]), le32(w - 1).subarray(0, 3), le32(h - 1).subarray(0, 3)]);
  const pad = (b) => (b.length & 1 ? Buffer.concat([b, Buffer.alloc(1)]) : b);
  const exif = Buffer.concat([Buffer.from('Exif\0\0'), exifTiff()]);
  const body = Buffer.concat([vp8x, src.subarray(12), Buffer.from('EXIF'), le32(exif.length), pad(exif), Buffer.from('XMP '), le32(XMP.length), pad(XMP)]);
  writeFileSync(new URL('meta.webp', dir), Buffer.concat([Buffer.from('RIFF'), le32(body.length + 4), Buffer.from('WEBP'), body]));
}
