import { describe, expect, it } from 'vitest';
import { client, fixture, freshPhone, inOneDay, PHONES, registerUser, signedIn, type Client } from '../helpers';
import { exifOrientation, metadataBlocks } from '../../shared/image-strip';
import { zipOf } from '../bytes';

const latin = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const SECRETS = ['TongxinCam', 'SecretPhone', 'SecretText', 'SecretCity', 'SecretMPF', 'SecretComment', 'SecretTrailer', 'GPSLatitude', 'xmpmeta'];
const clean = (b: Uint8Array) => {
  for (const s of SECRETS) expect(latin(b)).not.toContain(s);
};

let n = 0;
async function person() {
  const c = client({ ip: `10.61.${n % 250}.${(n * 7) % 250}` });
  await registerUser(c, { phone: freshPhone(), password: 'secret-pass', name: `上传者${n++}` });
  return c;
}
const file = (b: Uint8Array, name: string) => new File([b], name);

describe('uploads reach storage without metadata', () => {
  it('a work, its display and its thumbnail are served without GPS/XMP/text, keeping Orientation 6 only', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const id = (await org.post('/api/v1/campaigns', { kind: 'contest', title: '元数据测试', orgUnitId: 'root', ...inOneDay() })).body.campaign.id as string;
    await org.post(`/api/v1/campaigns/${id}/publish`);
    const c = await person();
    const f = new FormData();
    for (const [k, v] of Object.entries({ title: '竖拍', category: '摄影', authorName: '王晓燕' })) f.set(k, v);
    f.set('image', file(fixture('gps-rotated.jpg'), 'a.jpg'));
    f.set('display', file(fixture('meta.webp'), 'd.webp'));
    f.set('thumb', file(fixture('meta.png'), 't.png'));
    const r = await c.post(`/api/v1/campaigns/${id}/entries`, f);
    expect(r.status, r.text).toBe(201);
    const expected = { original: ['image/jpeg', 'APP1 Exif 0x112'], display: ['image/webp', 'EXIF 0x112'], thumb: ['image/png', 'eXIf 0x112'] } as const;
    for (const [variant, [type, block]] of Object.entries(expected)) {
      const got = await c.get(`/media/entries/${r.body.entry.id}/${variant}`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(type);
      clean(got.bytes);
      expect(metadataBlocks(got.bytes)).toEqual([block]);
      expect(exifOrientation(got.bytes)).toBe(6);
    }
  });

  it('a receipt photo is stored without metadata; a PDF is stored as it is', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const charity = { name: '示例慈善会', licenseNo: '示例-0001', projectUrl: 'https://example.org/p/1' };
    const id = (await org.post('/api/v1/campaigns', { kind: 'drive', title: '回执测试', orgUnitId: 'root', ...inOneDay(), settings: { charity } })).body
      .campaign.id as string;
    expect((await org.post(`/api/v1/campaigns/${id}/publish`)).status).toBe(200);
    const c: Client = await person();
    for (const [name, block] of [
      ['gps-rotated.jpg', 'APP1 Exif 0x112'],
      ['meta.png', 'eXIf 0x112'],
      ['meta.webp', 'EXIF 0x112'],
    ] as const) {
      const p = (await c.post(`/api/v1/campaigns/${id}/pledges`, { amount: 1000 }, { 'idempotency-key': `k-${name}` })).body.pledge;
      const f = new FormData();
      f.set('receipt', file(fixture(name), 'r.bin'));
      expect((await c.post(`/api/v1/pledges/${p.id}/receipt`, f)).status).toBe(200);
      const got = await org.get(`/api/v1/pledges/${p.id}/receipt`);
      expect(got.status).toBe(200);
      clean(got.bytes);
      expect(metadataBlocks(got.bytes)).toEqual([block]);
    }
    // PDFs are not rewritten (no PDF library in the Worker): stored byte for byte, served as PDF
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Author (示例)>>endobj\ntrailer<<>>\n%%EOF');
    const p = (await c.post(`/api/v1/campaigns/${id}/pledges`, { amount: 1000 }, { 'idempotency-key': 'k-pdf' })).body.pledge;
    const f = new FormData();
    f.set('receipt', file(pdf, 'r.pdf'));
    expect((await c.post(`/api/v1/pledges/${p.id}/receipt`, f)).status).toBe(200);
    const got = await org.get(`/api/v1/pledges/${p.id}/receipt`);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.bytes).toEqual(pdf);
  });
});

/** A zip of `count` parts of 2 deflated bytes each declaring `declared` bytes once inflated: what is declared, not what is there, is checked. */
const zipBomb = (count: number, declared: number) =>
  zipOf(Array.from({ length: count }, (_, k) => ({ name: `xl/worksheets/sheet${k}.xml`, data: [3, 0], method: 8, inflated: declared })));

describe('xlsx that would inflate far past the upload limit', () => {
  it('a roster or question bank whose zip declares gigabytes, or thousands of parts, is refused with 413 before it is read', async () => {
    const org = await signedIn(PHONES.rootOrganizer);
    const bank = (await org.post('/api/v1/question-banks', { title: '炸弹', orgUnitId: 'root' })).body.bank.id as string;
    const type = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    for (const bomb of [zipBomb(3, 0xfffffffe), zipBomb(1000, 10)]) {
      for (const path of ['/api/v1/org-units/czj-b1/roster', `/api/v1/question-banks/${bank}/import`]) {
        const r = await org.call('POST', path, bomb, type);
        expect(r.status, path).toBe(413);
        expect(r.body.error.reason).toBe('xlsx_too_large');
        expect(r.body.error.message).toContain('Excel');
      }
    }
    // a small, honest zip that is not a workbook is still just unreadable
    const r = await org.call('POST', '/api/v1/org-units/czj-b1/roster', zipBomb(1, 10), type);
    expect(r.status).toBe(400);
  });
});
