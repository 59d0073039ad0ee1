// Leaderboard screens in the browser, against the real Worker (wrangler dev), D1 and the
// board's Durable Object: a member reads the portal board of the demo quiz (ranks, masked
// names, 我的排名, live socket, load more, the 组织 tab); an organizer opens the console
// board, freezes it, imports offline scores from a CSV through the import preview, sees the
// live board change while the public keeps the frozen one, and unfreezes.
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
const PORT = 8793;
const BASE = process.env.E2E_BASE ?? `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
// start.mjs resolves PERSIST_DIR against the repo root: a fresh folder under .wrangler/ (git-ignored)
const PERSIST = join('.wrangler', `e2e-leaderboard-${process.pid}-${Date.now()}`);
const PASSWORD = 'tongxin-demo';
const PHONE_VP = { width: 390, height: 844 };
const DESK_VP = { width: 1280, height: 800 };
const MEMBER = '13800000003';
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

/** The board as the public sees it (no cookie). */
async function publicBoard(slug, limit = 3) {
  return fetch(`${BASE}/api/v1/campaigns/${slug}/leaderboard?limit=${limit}`).then((r) => r.json());
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

describe('leaderboard pages in the browser', { skip: skipReason, timeout: 120_000 }, () => {
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

  test('a member reads the portal board: ranks, masked names, my rank, live, more, units', async () => {
    const { context, page, problems } = await newPage(PHONE_VP, { phone: MEMBER });
    await page.goto(`${BASE}/rank`);
    // the 排行 tab lists the ranking campaigns and leads to their boards
    await page.getByTestId('ranked-campaigns').getByRole('link', { name: /党史学习教育每日答题/ }).click();
    await page.waitForURL(`${BASE}/c/dangshi-daily/rank`);
    await page.getByRole('heading', { name: '党史学习教育每日答题', level: 1 }).waitFor();

    const rows = page.getByTestId('board').locator('li');
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20, 'the top 20 first');
    assert.equal(await rows.first().getAttribute('data-rank'), '1');
    assert.ok(await rows.first().locator('.tx-rank-top').count(), 'rank 1 is gold');
    // the public sees masked names (张*明); the member's own row is the only full name
    const names = await rows.locator('.pt-lb-name strong').allTextContents();
    assert.ok(names.every((n) => n.includes('*')), `masked names, got ${names.join(' ')}`);

    // 我的排名: rank, score, and the ±5 around with my own row highlighted
    const mine = page.getByTestId('my-rank');
    await mine.getByTestId('my-rank-value').getByText(/第 \d+ 名/).waitFor();
    await mine.locator('.pt-lb-row.is-me', { hasText: '王晓燕' }).waitFor();
    assert.ok((await mine.locator('.pt-lb-row').count()) >= 6);

    // the socket is open; "load more" pages by offset
    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await page.getByRole('button', { name: '加载更多' }).click();
    await rows.nth(39).waitFor();
    assert.equal(await rows.nth(20).getAttribute('data-rank').then(Number) >= 20, true);
    await shot(page, 'portal-board-390');

    // 组织: units by the campaign's aggregation, in the URL so the link can be shared
    await page.getByRole('tab', { name: '组织' }).click();
    await page.waitForURL(/scope=org/);
    await page.getByText(/组织按人均得分排名/).waitFor();
    await page.getByTestId('board').locator('li').first().waitFor();
    assert.equal(await page.getByTestId('my-rank').count(), 0, '我的排名 is for the individual board');
    await shot(page, 'portal-board-org-390');
    assert.deepEqual(problems, []);
    await context.close();

    // the same board on a desk, in English, signed out
    const desk = await newPage(DESK_VP, { lang: 'en' });
    await desk.page.goto(`${BASE}/c/dangshi-daily/rank`);
    await desk.page.getByTestId('board').locator('li').nth(19).waitFor();
    await desk.page.getByRole('link', { name: 'Sign in to see your rank' }).waitFor();
    await desk.page.getByText(/\d+ pts/).first().waitFor();
    await shot(desk.page, 'portal-board-1280-en');
    assert.deepEqual(desk.problems, []);
    await desk.context.close();
  });

  test('an organizer freezes, imports scores from a CSV, sees the live board change and unfreezes', async () => {
    const { context, page, problems } = await newPage(DESK_VP, { phone: ORGANIZER });
    const id = (await fetch(`${BASE}/api/v1/campaigns/dangshi-daily`).then((r) => r.json())).campaign.id;
    // a known start, also when E2E_BASE reuses a server: live board, no allowed origins
    const write = { headers: { origin: BASE } };
    assert.equal((await context.request.post(`${BASE}/api/v1/campaigns/${id}/leaderboard/unfreeze`, { ...write, data: {} })).status(), 200);
    assert.equal((await context.request.patch(`${BASE}/api/v1/campaigns/${id}`, { ...write, data: { settings: { embed: { allowedOrigins: [] } } } })).status(), 200);

    // reachable from the campaigns table
    await page.goto(`${BASE}/console/campaigns`);
    await page.locator('tr', { hasText: '党史学习教育每日答题' }).getByRole('link', { name: /排行榜/ }).click();
    await page.waitForURL(`${BASE}/console/campaigns/${id}/leaderboard`);
    await page.getByRole('heading', { name: /党史学习教育每日答题 · 排行榜/ }).waitFor();
    const table = page.locator('#lb-scope-panel table');
    await table.locator('tbody tr').nth(19).waitFor();
    // organizers see full names
    assert.ok(!(await table.locator('tbody tr').first().locator('td').nth(1).textContent()).includes('*'));
    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();

    // freeze, with a confirmation
    const banner = page.getByTestId('freeze-banner');
    assert.equal(await banner.getAttribute('data-frozen'), 'false');
    await banner.getByRole('button', { name: '封榜' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认封榜' }).click();
    await page.locator('[data-testid="freeze-banner"][data-frozen="true"]').waitFor();
    await banner.getByText(/已封榜：公众看到的是 .+ 时的榜单/).waitFor();
    assert.equal((await publicBoard('dangshi-daily')).frozen, true);
    const publicTop = (await publicBoard('dangshi-daily')).entries[0];

    // import: the preview shows each row's problems before anything is sent
    const csv =
      '\uFEFF编号,姓名,单位编号,得分,用时\r\n' +
      'e2e-001,端到端甲,,999,12\r\n' +
      'e2e-002,端到端乙,,998,\r\n' +
      ',缺少编号,,5,\r\n' +
      'e2e-004,得分有误,,九十,\r\n';
    await page.locator('#score-file').setInputFiles({ name: 'scores.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const preview = page.getByTestId('score-preview');
    await preview.waitFor();
    await preview.getByText('编号必填，最长 64 个字符。').waitFor();
    await preview.getByText('得分必须是数字。').waitFor();
    await shot(page, 'console-import-preview-1280');
    await preview.getByRole('button', { name: '提交 2 行成绩' }).click();
    await page.getByTestId('import-done').getByText('已导入 2 行成绩').waitFor();

    // organizers see the live board change over the socket, while the public keeps the frozen one
    await table.locator('tbody tr').first().filter({ hasText: '端到端甲' }).waitFor({ timeout: 5000 });
    await table.locator('tbody tr').nth(1).filter({ hasText: '端到端乙' }).waitFor();
    assert.deepEqual((await publicBoard('dangshi-daily')).entries[0], publicTop, 'the public board stays frozen');
    await page.locator('#board-title').scrollIntoViewIfNeeded();
    await shot(page, 'console-board-1280');

    // unfreeze: the public sees the live board again
    await banner.getByRole('button', { name: '解除封榜' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认解除' }).click();
    await page.locator('[data-testid="freeze-banner"][data-frozen="false"]').waitFor();
    await eventually(async () => {
      const b = await publicBoard('dangshi-daily');
      return !b.frozen && b.entries[0]?.key === 'e2e-001';
    }, 'the public board to show the imported scores');

    // the embed panel renders the real widget, and allowed origins save with PATCH
    const widget = page.getByTestId('embed-preview');
    await eventually(() => widget.evaluate((el) => el.shadowRoot?.querySelectorAll('li').length ?? 0), 'the widget preview to render');
    assert.match(await page.getByTestId('script-snippet').inputValue(), /<tongxin-leaderboard campaign="[^"]+" scope="individual" rows="10"/);
    await page.fill('#origin-new', 'https://partner.example/some/page');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByTestId('origins').getByText('https://partner.example', { exact: true }).waitFor();
    await page.fill('#origin-new', 'not a site');
    await page.getByRole('button', { name: '添加' }).click();
    await page.locator('#origin-new-error').waitFor();
    await page.getByRole('button', { name: '保存网站列表' }).click();
    await page.getByText('已保存允许嵌入的网站。').waitFor();
    const saved = await context.request.get(`${BASE}/api/v1/campaigns/${id}`).then((r) => r.json());
    assert.deepEqual(saved.campaign.settings.embed.allowedOrigins, ['https://partner.example']);

    // the console stays usable on a small screen
    await page.setViewportSize(PHONE_VP);
    await page.locator('#board-title').scrollIntoViewIfNeeded();
    await shot(page, 'console-board-390');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
