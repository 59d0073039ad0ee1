import { describe, expect, it } from 'vitest';
import { hasExif, imageInfo, sniff, stripJpegMetadata } from '../../shared/image';
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
    const clean = stripJpegMetadata(photo);
    expect(hasExif(clean)).toBe(false);
    expect(new TextDecoder('latin1').decode(clean)).not.toContain('GPS');
    expect(imageInfo(clean)).toEqual({ kind: 'jpeg', width: 1600, height: 1000 });
    expect(clean.length).toBeLessThan(photo.length);
  });
});
