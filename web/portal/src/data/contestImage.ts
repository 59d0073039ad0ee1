/*
 * A chosen image checked and scaled in the browser (no image library: an <img> and a canvas).
 * The original is uploaded as it is; the display (long edge 1600) and thumbnail (480) copies
 * made here save the gallery's visitors most of the bytes.
 */

export type ImageKind = 'jpeg' | 'png' | 'webp';

/** The kind by the file's first bytes, as the server decides it (the name and type can lie). */
export async function sniffFile(file: Blob): Promise<ImageKind | null> {
  const b = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return 'png';
  const ascii = (at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'webp';
  return null;
}

/** Decodes an image from an object URL; rejects when the browser cannot read it. */
export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => (img.naturalWidth && img.naturalHeight ? resolve(img) : reject(new Error('empty')));
    img.onerror = () => reject(new Error('unreadable'));
    img.src = url;
  });
}

/**
 * A JPEG copy whose long edge is at most `longEdge` (never enlarged), on white so transparent
 * PNGs do not turn black. Halves the size step by step for a smoother result from big photos.
 * Null when the browser cannot make it (very large images on weak phones): the server then
 * shows the original.
 */
export async function scaledJpeg(img: HTMLImageElement, longEdge: number, quality = 0.85): Promise<Blob | null> {
  try {
    const w0 = img.naturalWidth;
    const h0 = img.naturalHeight;
    const scale = Math.min(1, longEdge / Math.max(w0, h0));
    const w = Math.max(1, Math.round(w0 * scale));
    const h = Math.max(1, Math.round(h0 * scale));
    let source: CanvasImageSource = img;
    let sw = w0;
    let sh = h0;
    // step down by halves while the image is more than twice the target
    while (sw / 2 >= w * 1.5 && sh / 2 >= h * 1.5) {
      const step = document.createElement('canvas');
      step.width = Math.round(sw / 2);
      step.height = Math.round(sh / 2);
      const sctx = step.getContext('2d');
      if (!sctx) return null;
      sctx.imageSmoothingQuality = 'high';
      sctx.drawImage(source, 0, 0, step.width, step.height);
      source = step;
      sw = step.width;
      sh = step.height;
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, w, h);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', quality));
  } catch {
    return null;
  }
}
