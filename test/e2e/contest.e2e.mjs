// Art contest screens in the browser, against the real Worker (wrangler dev), D1 and R2:
// on a phone a member submits a photo (checked and scaled in the browser, uploaded with
// progress) and finds it 待审核 under 我的作品; an organizer approves it in the console;
// another member votes for it in the gallery and sees the votes left today go down.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8790 runs against a server that is already up (demo data loaded).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = 8798;
const BASE = process.env.E2E_BASE ?? `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
// start.mjs resolves PERSIST_DIR against the repo root: a fresh folder under .wrangler/ (git-ignored)
const PERSIST = join('.wrangler', `e2e-contest-${process.pid}-${Date.now()}`);
const PASSWORD = 'tongxin-demo';
const PHONE_VP = { width: 390, height: 844 };
const DESK_VP = { width: 1280, height: 800 };
const ORGANIZER = '13800000001';
const ENTRANT = '13800000003';
const VOTER = '13800000004';
const CONTEST = 'hanmo-danqing';
const PHOTO = join(ROOT, 'test', 'fixtures', 'photo.jpg');

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

/** "今日还可投 3 票（共 5 票）" → 3; "每人每天可投 5 票" → 5 (nothing voted yet today). */
async function votesLeft(page) {
  const text = await page.getByTestId('votes-left').first().textContent();
  const m = /(\d+)/.exec(text ?? '');
  assert.ok(m, `votes left in "${text}"`);
  return Number(m[1]);
}

const skipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;

describe('art contest screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (!process.env.E2E_BASE) {
      server = spawn(nodeBinary(), [join(ROOT, 'scripts', 'start.mjs')], {
        cwd: ROOT,
        // npm test has just built the web apps; build only when they are missing
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

  test('submit on a phone, approve in the console, vote in the gallery', async () => {
    const title = `晨曦-${Date.now().toString(36)}`;

    // 1. the entrant: campaign page → contest hub → 我要投稿, a photo with a preview and progress
    const entrant = await newPage(PHONE_VP, { phone: ENTRANT });
    let page = entrant.page;
    await page.goto(`${BASE}/c/${CONTEST}`);
    await page.getByRole('link', { name: /进入大赛/ }).click();
    await page.waitForURL(`${BASE}/c/${CONTEST}/contest`);
    await page.getByRole('heading', { name: '参赛须知' }).waitFor();
    await page.getByRole('link', { name: '我要投稿' }).first().click();
    await page.waitForURL(`${BASE}/c/${CONTEST}/submit`);

    await page.locator('.ct-radio-chip', { hasText: '摄影' }).click();
    await page.locator('#image').setInputFiles(PHOTO);
    await page.getByText('1,600 × 1,000 像素').waitFor();
    await page.locator('#title').fill(title);
    assert.ok((await page.locator('#authorName').inputValue()).trim().length > 0, 'the author name is prefilled');
    await page.locator('#description').fill('清晨的江面，薄雾未散。');
    await shot(page, 'contest-submit-390');
    await page.getByTestId('submit-entry').click();
    const done = page.getByTestId('submit-done');
    await done.waitFor({ timeout: 30_000 });
    await done.locator('[data-status="pending"]').waitFor();
    await shot(page, 'contest-submitted-390');

    // 我的作品 on the hub: the new work, 待审核
    await done.getByRole('link', { name: '查看我的作品' }).click();
    const mineRow = page.getByTestId('my-entries').locator('li', { hasText: title });
    await mineRow.locator('[data-status="pending"]').waitFor();
    await mineRow.scrollIntoViewIfNeeded();
    await shot(page, 'contest-mine-390');
    assert.deepEqual(entrant.problems, []);
    await entrant.context.close();

    // 2. the organizer approves it: campaigns table → 作品 → the pending row
    const org = await newPage(DESK_VP, { phone: ORGANIZER });
    page = org.page;
    await page.goto(`${BASE}/console/campaigns?kind=contest`);
    await page.locator('tr', { hasText: '翰墨丹青颂党恩' }).getByTestId('contest-entries').click();
    await page.waitForURL(/\/console\/campaigns\/[^/]+\/entries/);
    const row = page.getByTestId('entries').locator('tbody tr', { hasText: title });
    await row.getByText('待审核', { exact: true }).waitFor();
    await row.getByTestId('approve').click();
    await row.getByText('已通过', { exact: true }).waitFor();
    await shot(page, 'contest-console-approved-1280');
    assert.deepEqual(org.problems, []);
    await org.context.close();

    // 3. another member votes for it in the gallery and sees the votes left go down
    const voter = await newPage(PHONE_VP, { phone: VOTER });
    page = voter.page;
    await page.goto(`${BASE}/c/${CONTEST}/gallery?category=${encodeURIComponent('摄影')}`);
    const tile = page.getByTestId('gallery').locator('li', { hasText: title });
    await tile.waitFor();
    const before = await votesLeft(page);
    assert.ok(before >= 2, `votes left before: ${before}`);
    const countBefore = Number((await tile.getByTestId('votes').textContent()).replace(/\D/g, ''));
    await tile.getByTestId('vote').click();
    await page.getByTestId('toast').getByText('投票成功').waitFor();
    await tile.getByTestId('vote').getByText('已投').waitFor();
    assert.equal(await votesLeft(page), before - 1, 'one vote fewer left today');
    assert.equal(Number((await tile.getByTestId('votes').textContent()).replace(/\D/g, '')), countBefore + 1);

    // a second work, in the full-screen viewer
    const other = page.getByTestId('gallery').locator('li').filter({ hasNotText: title }).first();
    await other.locator('a').first().click();
    await page.waitForURL(/\/works\//);
    const viewer = page.getByTestId('viewer');
    await viewer.getByTestId('vote').waitFor();
    if (!(await viewer.getByTestId('vote').isDisabled())) {
      await viewer.getByTestId('vote').click();
      await viewer.getByTestId('toast').waitFor();
      assert.equal(await votesLeft(page), before - 2, 'and one fewer again');
    }
    await shot(page, 'contest-viewer-390');
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/gallery/);
    await tile.waitFor();
    await shot(page, 'contest-gallery-voted-390');
    assert.deepEqual(voter.problems, []);
    await voter.context.close();
  });
});
