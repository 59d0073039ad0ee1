// Gate scanning without the browser's BarcodeDetector (as on iPhone Safari and in WeChat):
// the console's 入场核验 page, with BarcodeDetector removed from window, reads a real ticket's
// QR with the self-hosted decoder (jsQR, a lazy chunk from our origin) — once from a
// screenshot of the ticket page (从图片识别) and once from a camera (Chromium's fake camera
// playing a video of another ticket's QR) — and checks the visitors in.
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { encode } from 'uqr';
import { e2e, skipReason, PASSWORD, PHONE_VP, registerUser } from './harness.mjs';

const h = e2e({ name: 'scan', port: 8809 });
const { BASE } = h;
const ORGANIZER = '13800000001';
const CAMPAIGN = 'camp-exhibition';

/** No BarcodeDetector, as in Safari on iPhone and WeChat's browser. */
const withoutDetector = () => {
  delete window.BarcodeDetector;
};

/**
 * A Y4M video (what Chromium's fake camera plays) showing `text` as a QR code, black on
 * white, in the middle of a 640×480 frame.
 */
function qrVideo(text) {
  const W = 640;
  const H = 480;
  const qr = encode(text, { border: 4 });
  const cell = Math.floor(400 / qr.size);
  const side = cell * qr.size;
  const x0 = (W - side) >> 1;
  const y0 = (H - side) >> 1;
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (!qr.data[r][c]) continue;
      for (let dy = 0; dy < cell; dy++) y.fill(16, (y0 + r * cell + dy) * W + x0 + c * cell, (y0 + r * cell + dy) * W + x0 + (c + 1) * cell);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]);
}

describe('scanning a ticket without BarcodeDetector', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();
  let organizer;
  let slotId;
  before(async () => {
    organizer = await h.newPage(PHONE_VP, { phone: ORGANIZER });
    // a slot that has just begun, so tickets can be checked in right away
    const now = Date.now();
    const startsAt = new Date(Math.floor((now - 5 * 60_000) / 60_000) * 60_000).toISOString();
    const endsAt = new Date(Math.floor((now + 120 * 60_000) / 60_000) * 60_000).toISOString();
    const made = await organizer.context.request.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots`, {
      data: { startsAt, endsAt, capacity: 20 },
      headers: { origin: BASE },
    });
    assert.equal(made.status(), 201, await made.text());
    slotId = (await made.json()).slot.id;
  });
  after(async () => {
    await organizer?.context.close();
  });

  /** A new visitor books a seat; their signed-in context and the ticket code. */
  async function book(name) {
    const visitor = await h.newPage(PHONE_VP);
    const phone = `139${String(Date.now() + Math.floor(Math.random() * 1e4)).slice(-8)}`;
    const r = await registerUser(visitor.context.request, BASE, { phone, password: PASSWORD, name });
    assert.equal(r.status(), 201, await r.text());
    const b = await visitor.context.request.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/bookings`, {
      data: { slotId, partySize: 1, name, phone, acceptedNotice: true },
      headers: { origin: BASE },
    });
    assert.equal(b.status(), 201, await b.text());
    return { visitor, code: (await b.json()).booking.code };
  }

  test('从图片识别: a screenshot of the ticket page checks the visitor in', async () => {
    const { visitor, code } = await book('孙截图');
    // the visitor's ticket as they would screenshot it
    await visitor.page.goto(`${BASE}/my-bookings/${code}`);
    const qr = visitor.page.getByTestId('ex-qr');
    await qr.waitFor();
    await visitor.page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
    const screenshot = await visitor.page.screenshot({ fullPage: false });
    await visitor.context.close();

    const o = organizer.page;
    await o.addInitScript(withoutDetector);
    await o.goto(`${BASE}/console/campaigns/${CAMPAIGN}/check-in`);
    await o.getByTestId('ex-ci-code').waitFor();
    assert.equal(await o.evaluate(() => 'BarcodeDetector' in window), false);
    const scripts = [];
    o.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await o.getByTestId('ex-ci-picture').setInputFiles({ name: 'ticket.png', mimeType: 'image/png', buffer: screenshot });
    await o.locator('[data-testid="ex-ci-result"][data-kind="ok"]').waitFor();
    await o.getByTestId('ex-ci-result').getByText(code).waitFor();
    // the decoder came as its own chunk, from our origin, only now
    assert.ok(
      scripts.some((u) => u.startsWith(`${BASE}/console/assets/jsQR`)),
      `the jsQR chunk was loaded: ${scripts.join(', ')}`,
    );
    await h.shot(o, 'scan-picture-ok-390');

    // a picture with no QR in it says so, and changes nothing
    const blank = await o.screenshot({ clip: { x: 0, y: 0, width: 40, height: 40 } });
    await o.getByTestId('ex-ci-picture').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blank });
    await o.getByTestId('ex-ci-scan-error').waitFor();
    assert.deepEqual(organizer.problems, []);
  });

  test('a camera without BarcodeDetector: the video frames are read by jsQR', async () => {
    const { visitor, code } = await book('周扫码');
    await visitor.context.close();
    const dir = mkdtempSync(join(tmpdir(), 'tongxin-scan-'));
    const video = join(dir, 'ticket.y4m');
    writeFileSync(video, qrVideo(code));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await browser.newContext({ viewport: PHONE_VP, locale: 'zh-CN' });
      await context.addInitScript(() => localStorage.setItem('tx.lang', 'zh-CN'));
      await context.addInitScript(withoutDetector);
      const r = await context.request.post(`${BASE}/api/v1/auth/login`, { data: { phone: ORGANIZER, password: PASSWORD }, headers: { origin: BASE } });
      assert.equal(r.status(), 200);
      await context.grantPermissions(['camera'], { origin: BASE });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${BASE}/console/campaigns/${CAMPAIGN}/check-in`);
      await page.getByRole('button', { name: '扫码核验' }).click();
      await page.locator('[data-testid="ex-ci-result"][data-kind="ok"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('ex-ci-result').getByText(code).waitFor();
      await h.shot(page, 'scan-camera-ok-390');
      await page.getByRole('button', { name: '停止扫码' }).click();
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
