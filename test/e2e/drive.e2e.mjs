// Charity drive screens in the browser, against the real Worker (wrangler dev) and D1: on a phone
// the member 13800000004 pledges ¥50 on the demo drive (jinqiu-zhuxue), uploads a receipt in
// 我的捐赠 with the progress bar; the organizer verifies it in the console's 募捐 page (receipt
// beside the pledge, amount prefilled); the member then sees 已核实 and the verified progress grows.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8803 runs against a server that is already up (demo data loaded).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = 8803;
const BASE = process.env.E2E_BASE ?? `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
// start.mjs resolves PERSIST_DIR against the repo root: a fresh folder under .wrangler/ (git-ignored)
const PERSIST = join('.wrangler', `e2e-drive-${process.pid}-${Date.now()}`);
const PASSWORD = 'tongxin-demo';
const PHONE_VP = { width: 390, height: 844 };
const DESK_VP = { width: 1280, height: 800 };
const MEMBER = '13800000004';
const ORGANIZER = '13800000001';

/** wrangler needs Node 22; `npm run` puts the project's Node 22 first, a bare `node --test` may not. */
function nodeBinary() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const local = join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

let server;
let serverLog = '';
let browser;

async function waitForHealth(deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`scripts/start.mjs exited with ${server.exitCode}:\n${serverLog.slice(-3000)}`);
    try {
      const r = await fetch(`${BASE}/api/v1/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${BASE}/api/v1/health in time:\n${serverLog.slice(-3000)}`);
}

function stopServer() {
  if (!server || server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 8000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // start.mjs stops wrangler's own process group on SIGTERM
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** A browser context, signed in as `phone` when given (the session cookie is shared by its pages). */
async function newPage(viewport, { lang = 'zh-CN', phone } = {}) {
  const context = await browser.newContext({ viewport, locale: lang, deviceScaleFactor: 1 });
  await context.addInitScript((l) => localStorage.setItem('tx.lang', l), lang);
  if (phone) {
    const r = await context.request.post(`${BASE}/api/v1/auth/login`, { data: { phone, password: PASSWORD }, headers: { origin: BASE } });
    assert.equal(r.status(), 200, `login ${phone}`);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  return { context, page, problems };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function eventually(check, what, ms = 8000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what} did not happen in ${ms} ms (last: ${JSON.stringify(last)})`);
}

const skipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;

describe('charity drive screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (!process.env.E2E_BASE) {
      server = spawn(nodeBinary(), [join(ROOT, 'scripts', 'start.mjs')], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(PORT), PERSIST_DIR: PERSIST, SKIP_BUILD: existsSync(join(ROOT, 'dist', 'public', 'index.html')) ? '1' : '' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const keep = (d) => {
        serverLog = (serverLog + d.toString()).slice(-20_000);
      };
      server.stdout.on('data', keep);
      server.stderr.on('data', keep);
    }
    await waitForHealth(150_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await stopServer();
    if (!process.env.E2E_BASE) rmSync(join(ROOT, PERSIST), { recursive: true, force: true });
  });

  test('a member pledges ¥50 and uploads a receipt; the organizer verifies it; progress grows', async () => {
    const progress = () => fetch(`${BASE}/api/v1/campaigns/jinqiu-zhuxue/progress`).then((r) => r.json());
    const before = await progress();

    // the member: campaign page → drive page → pledge ¥50
    const m = await newPage(PHONE_VP, { phone: MEMBER });
    await m.page.goto(`${BASE}/c/jinqiu-zhuxue`);
    await m.page.getByRole('link', { name: '我要认捐' }).click();
    await m.page.waitForURL(/\/c\/jinqiu-zhuxue\/drive$/);
    await m.page.getByTestId('drive-progress').getByTestId('drive-verified').waitFor();
    assert.ok(await m.page.getByTestId('charity-name').textContent(), 'the charity is named');
    const give = m.page.getByTestId('give-link');
    assert.equal(await give.getAttribute('target'), '_blank');
    assert.match(await give.getAttribute('href'), /^https:\/\//);
    await m.page.getByRole('button', { name: '¥50', exact: true }).click();
    assert.equal(await m.page.locator('#pl-amount').inputValue(), '50');
    await m.page.locator('#pl-message').fill('愿孩子们学业进步');
    await m.page.getByTestId('pledge-submit').click();
    await m.page.getByTestId('pledge-done').waitFor();
    await shot(m.page, 'drive-pledged-390');
    const afterPledge = await progress();
    assert.equal(afterPledge.pledged, before.pledged + 5000, 'pledged grows by 5000 fen');

    // 我的捐赠: the new pledge, 已认捐, upload the receipt
    await m.page.getByRole('link', { name: '上传捐赠凭证' }).click();
    await m.page.waitForURL(/\/my-pledges$/);
    const listMine = () => m.context.request.get(`${BASE}/api/v1/campaigns/jinqiu-zhuxue/pledges?mine=true`).then((r) => r.json());
    const pledge = (await listMine()).items.find((p) => p.amount === 5000 && p.status === 'pledged' && p.message === '愿孩子们学业进步');
    assert.ok(pledge, 'my new pledge is listed as pledged');
    const card = m.page.locator(`[data-testid="pledge-card"][data-id="${pledge.id}"]`);
    await card.getByText('已认捐').waitFor();
    await card.getByTestId('receipt-input').setInputFiles(join(ROOT, 'test', 'fixtures', 'photo.jpg'));
    await card.getByText('凭证已上传').waitFor();
    await card.getByText('凭证待审').waitFor();
    assert.equal((await listMine()).items.find((p) => p.id === pledge.id).status, 'receipt_submitted');
    await shot(m.page, 'drive-mine-390');

    // the organizer: console 募捐 page, the receipt beside the pledge, verify with the prefilled amount
    const o = await newPage(DESK_VP, { phone: ORGANIZER });
    await o.page.goto(`${BASE}/console/campaigns/camp-drive/drive`);
    const row = o.page.locator(`[data-testid="pledge-row"][data-id="${pledge.id}"]`);
    for (let i = 0; i < 10 && !(await row.count()); i++) {
      const more = o.page.getByRole('button', { name: '加载更多' });
      if (!(await more.count())) break;
      await more.click();
      await o.page.waitForTimeout(300);
    }
    await row.click();
    const detail = o.page.getByTestId('pledge-detail');
    await detail.getByTestId('receipt-img').waitFor();
    assert.equal(await detail.getByTestId('verify-amount').inputValue(), '50');
    await shot(o.page, 'drive-console-review-1280');
    await detail.getByTestId('verify').click();
    await o.page.getByText('已核实').first().waitFor();
    await eventually(async () => (await progress()).verified === afterPledge.verified + 5000, 'verified grows by 5000 fen');

    // the member sees 已核实 and the larger verified figure
    await m.page.reload();
    await m.page.locator(`[data-testid="pledge-card"][data-id="${pledge.id}"]`).getByText('已核实').first().waitFor();
    await m.page.goto(`${BASE}/c/jinqiu-zhuxue/drive`);
    // the public progress may be cached for up to 10 s (Cache-Control: max-age=10)
    await eventually(async () => {
      const fen = Number(await m.page.getByTestId('drive-verified').getAttribute('data-fen'));
      if (fen === afterPledge.verified + 5000) return true;
      await m.page.waitForTimeout(1000);
      await m.page.reload();
      await m.page.getByTestId('drive-verified').waitFor();
      return false;
    }, 'the drive page shows the verified pledge', 15_000);
    await shot(m.page, 'drive-verified-390');
    assert.deepEqual(m.problems, []);
    assert.deepEqual(o.problems, []);
  });
});
