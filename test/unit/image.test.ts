import { describe, expect, it } from 'vitest';
import { imageInfo, sniff } from '../../shared/image';
import { exifOrientation, hasExif, metadataBlocks, stripMetadata } from '../../shared/image-strip';
import { fixture } from '../helpers';

const photo = fixture('photo.jpg');
const png = fixture('small.png');
const webp = fixture('art.webp');
const truncated = fixture('truncated.jpg');
const fake = fixture('fake.jpg');
const flood = fixture('flood.png');

describe('image checks', () => {
  it('recognises JPEG, PNG and WebP by their bytes and reads their dimensions', () => {
    expect(imageInfo(photo)).toEqual({ kind: 'jpeg', width: 1600, height: 1000 });
    expect(imageInfo(png)).toEqual({ kind: 'png', width: 400, height: 300 });
    expect(imageInfo(webp)).toEqual({ kind: 'webp', width: 1300, height: 900 });
  });
  it('rejects a renamed executable and a truncated JPEG', () => {
    expect(sniff(fake)).toBeNull();
    expect(imageInfo(fake)).toBeNull();
    expect(sniff(truncated)).toBe('jpeg');
    expect(imageInfo(truncated)).toBeNull();
  });
  it('reads a pixel-flood PNG’s claimed size without decoding it', () => {
    expect(imageInfo(flood)).toEqual({ kind: 'png', width: 30000, height: 30000 });
  });
  it('removes EXIF (with GPS) from a JPEG and keeps it a valid image of the same size', () => {
    expect(hasExif(photo)).toBe(true);
    const clean = stripMetadata(photo);
    expect(hasExif(clean)).toBe(false);
    expect(new TextDecoder('latin1').decode(clean)).not.toContain('GPS');
    expect(imageInfo(clean)).toEqual({ kind: 'jpeg', width: 1600, height: 1000 });
    expect(clean.length).toBeLessThan(photo.length);
  });
});

const latin = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const SECRETS = ['TongxinCam', 'SecretPhone', 'SecretText', 'SecretCity', 'SecretMPF', 'SecretComment', 'SecretTrailer', 'GPSLatitude', 'xmpmeta'];

describe('metadata stripping keeps only the orientation', () => {
  it.each([
    ['gps-rotated.jpg', 'APP1 Exif 0x112'],
    ['meta.png', 'eXIf 0x112'],
    ['meta.webp', 'EXIF 0x112'],
  ])('%s: GPS, camera, XMP, IPTC, comments and text gone; Orientation 6 kept alone', (name, exifLeft) => {
    const src = fixture(name);
    const before = metadataBlocks(src);
    expect(before.length).toBeGreaterThan(1);
    expect(before.some((x) => x.includes('0x8825'))).toBe(true); // the GPS pointer
    expect(exifOrientation(src)).toBe(6);
    const out = stripMetadata(src);
    expect(metadataBlocks(out)).toEqual([exifLeft]);
    expect(exifOrientation(out)).toBe(6);
    for (const s of SECRETS) expect(latin(out)).not.toContain(s);
    expect(imageInfo(out)).toEqual(imageInfo(src));
    // stripping twice changes nothing
    expect(stripMetadata(out)).toEqual(out);
  });

  it('a JPEG keeps what decoding needs (JFIF, tables, frame, scan) byte for byte, and ends at EOI', () => {
    const src = fixture('gps-rotated.jpg');
    const out = stripMetadata(src);
    const scan = (b: Uint8Array) => {
      const s = latin(b);
      return s.slice(s.indexOf('\xff\xda'), s.lastIndexOf('\xff\xd9') + 2);
    };
    expect(scan(out)).toBe(scan(src).slice(0, scan(out).length));
    expect([...out.subarray(out.length - 2)]).toEqual([0xff, 0xd9]);
    expect(latin(out).slice(2, 11)).toBe('\xff\xe0\x00\x10JFIF\x00');
  });

  it('a PNG keeps valid chunk CRCs and its IDAT; a WebP has a correct RIFF size and its VP8X flags say EXIF only', () => {
    const png = stripMetadata(fixture('meta.png'));
    expect(latin(png)).toContain('IDAT');
    expect(latin(png).indexOf('eXIf')).toBeLessThan(latin(png).indexOf('IDAT'));
    const webp = stripMetadata(fixture('meta.webp'));
    const size = webp[4]! | (webp[5]! << 8) | (webp[6]! << 16) | (webp[7]! << 24);
    expect(size + 8).toBe(webp.length);
    expect(latin(webp).slice(12, 16)).toBe('VP8X');
    expect(webp[20]! & 0x0c).toBe(0x08);
  });

  it('an upright image keeps no EXIF at all', () => {
    const out = stripMetadata(fixture('photo.jpg'));
    expect(metadataBlocks(out)).toEqual([]);
    expect(hasExif(out)).toBe(false);
  });
});
