/**
 * QR decoding for the gate: the browser's BarcodeDetector where it has one (Chrome on
 * Android), else jsQR — pure JS, served from our origin as its own chunk, loaded only
 * when first needed — for Safari on iPhone and WeChat's browser, which have no detector.
 */

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = (new (o: { formats: string[] }) => Detector) & { getSupportedFormats?: () => Promise<string[]> };

export type Decode = (source: HTMLVideoElement | ImageBitmap | HTMLImageElement) => Promise<string | null>;

/** Cameras can be used at all (a secure origin with getUserMedia). */
export const cameraAvailable = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

async function nativeDetector(): Promise<Detector | null> {
  const Ctor = (globalThis as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
  if (!Ctor) return null;
  try {
    // a detector that cannot read QR codes (some desktop builds) is no detector
    if (Ctor.getSupportedFormats && !(await Ctor.getSupportedFormats()).includes('qr_code')) return null;
    return new Ctor({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}

/** The side of the square a frame is scaled down to before jsQR reads it: enough for a ticket, light on a weak phone. */
const MAX_SIDE = 800;

function dimensions(source: HTMLVideoElement | ImageBitmap | HTMLImageElement): [number, number] {
  if ('videoWidth' in source) return [source.videoWidth, source.videoHeight];
  if ('naturalWidth' in source) return [source.naturalWidth, source.naturalHeight];
  return [source.width, source.height];
}

/** The decoder this browser uses: native when it can read QR codes, else jsQR over a canvas. */
export async function qrDecoder(): Promise<{ decode: Decode; engine: 'native' | 'jsqr' }> {
  const native = await nativeDetector();
  if (native) {
    return {
      engine: 'native',
      decode: async (source) => (await native.detect(source))[0]?.rawValue ?? null,
    };
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    engine: 'jsqr',
    decode: async (source) => {
      const [w0, h0] = dimensions(source);
      if (!ctx || !w0 || !h0) return null;
      const scale = Math.min(1, MAX_SIDE / Math.max(w0, h0));
      const w = Math.round(w0 * scale);
      const h = Math.round(h0 * scale);
      canvas.width = w;
      canvas.height = h;
      ctx.drawImage(source, 0, 0, w, h);
      const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
      return found?.data || null;
    },
  };
}

/** Reads a QR from a picture (a screenshot of a ticket, a photo of a printed one). */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const { decode } = await qrDecoder();
  const bitmap = await createImageBitmap(file);
  try {
    return await decode(bitmap);
  } finally {
    bitmap.close();
  }
}
