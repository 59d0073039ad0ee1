import { ApiError } from './errors';
import { IMAGE_TYPES, imageInfo, sniff, type ImageKind } from '../../../shared/image';
import { stripMetadata } from '../../../shared/image-strip';

/** A campaign cover: at most this many bytes (a phone photo, already shrunk by the console). */
export const MAX_COVER_BYTES = 5 * 1048576;
const MAX_COVER_PIXELS = 40_000_000;

/**
 * Checks an uploaded cover as the contest checks works: by its bytes (JPEG, PNG or WebP),
 * its size and its header; returns the bytes with their metadata (EXIF, GPS) removed.
 */
export function checkCover(bytes: Uint8Array): { bytes: Uint8Array; kind: ImageKind; type: string } {
  if (bytes.length === 0) throw new ApiError('validation_failed', 'msg.image_empty');
  if (bytes.length > MAX_COVER_BYTES) throw new ApiError('payload_too_large', 'msg.image_size', { mb: MAX_COVER_BYTES / 1048576 });
  const kind = sniff(bytes);
  if (kind !== 'jpeg' && kind !== 'png' && kind !== 'webp') throw new ApiError('unsupported_media_type', 'msg.image_type');
  const info = imageInfo(bytes);
  if (!info?.width || !info.height) throw new ApiError('unprocessable', 'msg.image_broken');
  if (info.width * info.height > MAX_COVER_PIXELS) throw new ApiError('payload_too_large', 'msg.image_pixels', { w: info.width, h: info.height });
  return { bytes: stripMetadata(bytes), kind, type: IMAGE_TYPES[kind] };
}

/** The public address of a cover: its key's last part changes with each upload, so caches never show an old one. */
export const coverUrlOf = (campaignId: string, key: string | null | undefined): string | null =>
  key ? `/media/covers/${encodeURIComponent(campaignId)}/${encodeURIComponent(key.slice(key.lastIndexOf('/') + 1))}` : null;
