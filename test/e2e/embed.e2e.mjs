// The partner embed kit in a real browser: a page served from another local port pastes
// the one-line widget; it renders in Shadow DOM, updates live when a score changes, makes
// no request anywhere but our server, and the iframe page reports its height.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, buildWeb, hasWebBuild, prepareDatabase, startServer } from '../../scripts/server.mjs';

const PORT = 8792 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const PARTNER_PORT = 8794 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const BASE = `http://127.0.0.1:${PORT}`;
const PARTNER = `http://127.0.0.1:${PARTNER_PORT}`;
let server;
let partner;
let browser;
let persistDir;

const partnerPage = `<!doctype html><html><head><meta charset="utf-8"><title>合作网站</title>
<style>body{font-family:serif;color:#123;margin:24px} h1{color:green}</style></head><body>
<h1>某区党建网</h1><p>本站嵌入了同心排行榜：</p>
<script src="${BASE}/embed/v1/leaderboard.js" async></script>
<tongxin-leaderboard id="w" campaign="dangshi-daily" rows="5" theme="red" live></tongxin-leaderboard>
<script src="${BASE}/embed/v1/progress.js" async></script>
<tongxin-progress id="p" campaign="jinqiu-zhuxue" lang="en"></tongxin-progress>
<iframe id="f" src="${BASE}/embed/v1/leaderboard/dangshi-daily?rows=3&lang=en" style="border:0;width:360px;height:100px"></iframe>
<script>window.resizes=[];addEventListener('message',(e)=>{if(e.origin==='${BASE}'&&e.data&&e.data.type==='tongxin:resize'){resizes.push(e.data.height);document.getElementById('f').style.height=e.data.height+'px'}});</script>
</body></html>`;

async function organizer() {
  const r = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ phone: '13800000001', password: 'tongxin-demo' }),
  });
  return { cookie: r.headers.get('set-cookie').split(';')[0], origin: BASE, 'content-type': 'application/json' };
}

describe('embed kit in the browser', { timeout: 120_000 }, () => {
  before(async () => {
    if (!hasWebBuild()) buildWeb();
    persistDir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-embed-'));
    await prepareDatabase(persistDir);
    server = await startServer({ port: PORT, persistDir, stdio: 'ignore', vars: { DEV_OUTBOX: '1' } });
    partner = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(partnerPage)).listen(
      PARTNER_PORT,
      '127.0.0.1',
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    partner?.close();
    server?.stop();
    if (persistDir) rmSync(persistDir, { recursive: true, force: true });
  });

  test('the widget scripts stay within 8 KB gzip each', () => {
    for (const name of ['leaderboard.js', 'progress.js']) {
      const gz = gzipSync(readFileSync(join(ROOT, 'dist', 'public', 'embed', 'v1', name)), { level: 9 }).length;
      assert.ok(gz <= 8192, `${name} is ${gz} bytes gzipped`);
    }
  });

  test('renders on a partner page, updates live, and the iframe reports its height', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const hosts = new Set();
    page.on('request', (r) => hosts.add(new URL(r.url()).host));
    await page.goto(PARTNER);
    const rows = page.locator('#w').locator('li');
    await rows.first().waitFor({ timeout: 15_000 });
    assert.equal(await rows.count(), 5);
    const first = await rows.first().innerText();
    assert.match(first, /^1\b/);
    assert.match(first, /\*/, 'names are masked for the public');
    // the host page's styles do not leak in: the widget keeps its own font colour
    const colour = await page.locator('#w').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.n b')).color);
    assert.notEqual(colour, 'rgb(17, 34, 51)');
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'embed-partner-390.png'), fullPage: true });

    // An organizer records an offline score that puts a newcomer on top: the widget follows live.
    const headers = await organizer();
    const t0 = Date.now();
    const res = await fetch(`${BASE}/api/v1/campaigns/dangshi-daily/leaderboard/scores`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ mode: 'set', entries: [{ key: 'offline-champion', name: '钱学森', score: 100000, orgUnitId: 'jyj-b1' }] }),
    });
    assert.equal(res.status, 200);
    await page.locator('#w').locator('li').first().filter({ hasText: '钱*森' }).waitFor({ timeout: 5_000 });
    assert.ok(Date.now() - t0 < 5_000);

    // the drive's progress widget: verified and pledged, the charity named, a link to give
    const progress = page.locator('#p');
    await progress.locator('.bar').waitFor({ timeout: 10_000 });
    assert.match(await progress.locator('.n').innerText(), /Verified .+CNY/);
    assert.match(await progress.locator('.w').innerText(), /虚构/);
    assert.equal(await progress.locator('a.g').getAttribute('href'), 'https://example.org/charity/project/demo');
    await page.waitForFunction(() => window.resizes.length > 0 && window.resizes.at(-1) > 100, null, { timeout: 10_000 });
    assert.deepEqual([...hosts].sort(), [`127.0.0.1:${PARTNER_PORT}`, `127.0.0.1:${PORT}`].sort(), 'no third-party requests');
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'embed-partner-live-390.png'), fullPage: true });
    await page.close();
  });

  test('the 大屏 page renders large at 1920×1080', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${BASE}/embed/v1/leaderboard/dangshi-daily?mode=screen`);
    await page.locator('tongxin-leaderboard li').nth(9).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('tongxin-leaderboard li').count(), 10);
    await page
      .locator('tongxin-leaderboard .clock')
      .filter({ hasText: /\d{2}:\d{2}:\d{2}/ })
      .waitFor();
    assert.ok(await page.locator('aside svg').isVisible());
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'embed-screen-1920.png') });
    await page.close();
  });

  test('the /embed/ page lists real campaigns with both widgets live; widgets name their campaign; a hidden board says so', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${BASE}/embed/`);
    const picker = page.locator('[data-testid=embed-campaigns]');
    await picker.locator('option').first().waitFor({ state: 'attached', timeout: 15_000 });
    assert.ok((await picker.locator('option').count()) >= 3, 'published campaigns that rank are listed');
    assert.equal(await page.getByText('随排行榜功能一同上线').count(), 0, 'no coming-soon badge');
    await picker.selectOption('dangshi-daily');
    const board = page.locator('[data-testid=embed-board]');
    await board.locator('li').first().waitFor({ timeout: 15_000 });
    const title = await picker.locator('option:checked').innerText();
    await board.locator('header .ti').filter({ hasText: title }).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('pre').first().innerText(), /campaign="dangshi-daily"/);
    // a drive: its progress widget too
    await picker.selectOption('jinqiu-zhuxue');
    await page.locator('[data-testid=embed-progress]').locator('.bar').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('pre').nth(1).innerText(), /<tongxin-progress campaign="jinqiu-zhuxue"/);
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'embed-page-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ROOT, 'test', 'e2e', 'screenshots', 'embed-page-1280.png'), fullPage: true });

    // the organizers hide the quiz board: the widget says it is not public, neutrally
    const headers = await organizer();
    const hide = (hidden) =>
      fetch(`${BASE}/api/v1/campaigns/dangshi-daily`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ settings: { leaderboard: { aggregation: 'average', hidden } } }),
      });
    assert.equal((await hide(true)).status, 200);
    await page.waitForTimeout(5500); // public reads are cached a second here and five seconds in the browser
    await picker.selectOption('dangshi-daily');
    await board.locator('.m').filter({ hasText: '排行榜暂未公开' }).waitFor({ timeout: 10_000 });
    // unit boards label averages as such
    await hide(false);
    await page.waitForTimeout(5500);
    await page.evaluate(() => document.querySelector('[data-testid=embed-board]').setAttribute('scope', 'org'));
    await board.locator('li .s').first().filter({ hasText: '平均' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});
