/*
 * A share poster drawn in the browser (canvas → PNG): the campaign's title on our red band,
 * a line under it, the QR of the page, and what to do with it. People in WeChat press and
 * hold the image to save or forward it; organizers print it. Nothing leaves the phone.
 */

export interface PosterText {
  brand: string;
  title: string;
  subtitle: string;
  caption: string;
  footer: string;
}

const W = 750;
const H = 1100;
const RED = '#c8102e';
const FONT = '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Breaks text into lines that fit `width` (character by character: Chinese has no spaces). */
export function wrapLines(measure: (s: string) => number, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (measure(line + ch) > width && line) {
      lines.push(line);
      line = ch.trim() ? ch : '';
      if (lines.length === maxLines) break;
    } else line += ch;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines && line) {
    // what does not fit ends with an ellipsis
    let last = lines[maxLines - 1]!;
    while (last && measure(last + '…') > width) last = Array.from(last).slice(0, -1).join('');
    lines[maxLines - 1] = last + '…';
  }
  return lines;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image'));
    img.src = src;
  });
}

/** Draws the poster; resolves to a PNG blob. */
export async function drawPoster(qrSvgUrl: string, text: PosterText): Promise<Blob> {
  const svg = await (await fetch(qrSvgUrl)).text();
  const qrUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const qr = await loadImage(qrUrl);
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, W, H);
    // the red band with the brand and the title
    g.fillStyle = RED;
    g.fillRect(0, 0, W, 330);
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.font = `600 30px ${FONT}`;
    g.textBaseline = 'top';
    g.fillText(text.brand, 56, 52);
    g.fillStyle = '#ffffff';
    g.font = `700 50px ${FONT}`;
    const lines = wrapLines((s) => g.measureText(s).width, text.title, W - 112, 3);
    lines.forEach((l, i) => g.fillText(l, 56, 118 + i * 66));
    // the line under it
    g.fillStyle = '#5b6270';
    g.font = `400 28px ${FONT}`;
    wrapLines((s) => g.measureText(s).width, text.subtitle, W - 112, 2).forEach((l, i) => g.fillText(l, 56, 366 + i * 40));
    // the QR, on white with its quiet zone
    const size = 420;
    g.imageSmoothingEnabled = false;
    g.drawImage(qr, (W - size) / 2, 470, size, size);
    g.fillStyle = '#1f2329';
    g.font = `600 32px ${FONT}`;
    g.textAlign = 'center';
    g.fillText(text.caption, W / 2, 920);
    g.fillStyle = '#8a919c';
    g.font = `400 24px ${FONT}`;
    g.fillText(text.footer, W / 2, 1030);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(qrUrl);
  }
}
