// Exhibition visits in the browser, against the real Worker (wrangler dev) and D1: a member
// books a slot of the demo exhibition for 2 people and finds the ticket with its QR in 我的预约;
// the organizer checks the code in on the phone-sized 入场核验 screen: 已入场, then 重复入场.
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
const PORT = 8805;
const BASE = process.env.E2E_BASE ?? `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
// start.mjs resolves PERSIST_DIR against the repo root: a fresh folder under .wrangler/ (git-ignored)
const PERSIST = join('.wrangler', `e2e-exhibition-${process.pid}-${Date.now()}`);
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

const skipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;

const SLUG = 'hanmo-exhibition';
const CAMPAIGN = 'camp-exhibition';
const chinaDay = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

describe('exhibition visits in the browser', { skip: skipReason, timeout: 120_000 }, () => {
  let organizer;
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
    organizer = await newPage(PHONE_VP, { phone: ORGANIZER });
  });

  after(async () => {
    await organizer?.context.close();
    await browser?.close();
    await stopServer();
    if (!process.env.E2E_BASE) rmSync(join(ROOT, PERSIST), { recursive: true, force: true });
  });

  test('a member books for 2, the ticket shows in 我的预约, the organizer checks it in once', async () => {
    // a slot that has just begun, so the code can be checked in right away
    const now = Date.now();
    const startsAt = new Date(Math.floor((now - 5 * 60_000) / 60_000) * 60_000).toISOString();
    const endsAt = new Date(Math.floor((now + 120 * 60_000) / 60_000) * 60_000).toISOString();
    const api = organizer.context.request;
    const made = await api.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots`, { data: { startsAt, endsAt, capacity: 10 }, headers: { origin: BASE } });
    assert.equal(made.status(), 201, await made.text());
    const today = chinaDay(now);
    const from = new Date(Date.parse(`${today}T00:00:00+08:00`)).toISOString();
    const to = new Date(Date.parse(`${today}T00:00:00+08:00`) + 86_400_000).toISOString();
    const { items } = await (await api.get(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots?from=${from}&to=${to}`)).json();
    const slot = items.find((s) => Date.parse(s.startsAt) === Date.parse(startsAt) && s.capacity === 10);
    assert.ok(slot, `the new slot is listed: ${JSON.stringify(items)}`);

    // the member books it from the campaign page on a phone
    const { context, page, problems } = await newPage(PHONE_VP, { phone: MEMBER });
    await page.goto(`${BASE}/c/${SLUG}`);
    await page.getByRole('link', { name: '预约参观' }).click();
    await page.waitForURL(`${BASE}/c/${SLUG}/visit`);
    await page.locator(`[data-day="${today}"]`).click();
    await page.locator(`[data-slot="${slot.id}"]`).click();
    await page.getByRole('button', { name: '增加一人' }).click();
    assert.equal((await page.getByTestId('ex-party').textContent()).trim(), '2');
    assert.equal(await page.locator('#ex-phone').inputValue(), MEMBER, 'the phone is prefilled');
    await shot(page, 'exhibition-visit-390');
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.waitForURL(/\/my-bookings\/[A-Z0-9]+$/);
    const code = (await page.getByTestId('ex-code').textContent()).trim();
    assert.match(code, /^[A-Z0-9]{6,}$/);
    await page.getByText('2 人').first().waitFor();

    // 我的预约: the ticket with its QR image
    await page.goto(`${BASE}/my-bookings`);
    const ticket = page.locator(`[data-testid="ex-ticket"][data-code="${code}"]`);
    await ticket.waitFor();
    await ticket.getByText('待参观').waitFor();
    const qr = ticket.getByTestId('ex-qr');
    await qr.waitFor();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
    await shot(page, 'exhibition-my-bookings-390');
    assert.deepEqual(problems, []);
    await context.close();

    // the organizer at the gate, on a phone: type the code (lower case is upper-cased)
    const o = organizer.page;
    await o.goto(`${BASE}/console/campaigns/${CAMPAIGN}/check-in`);
    const input = o.getByTestId('ex-ci-code');
    await input.fill(code.toLowerCase());
    assert.equal(await input.inputValue(), code);
    await o.getByRole('button', { name: '核验' }).click();
    const banner = o.getByTestId('ex-ci-result');
    await o.locator('[data-testid="ex-ci-result"][data-kind="ok"]').waitFor();
    await banner.getByText('已入场').waitFor();
    await banner.getByText('2 人').waitFor();
    assert.match(await o.getByTestId('ex-inside').textContent(), /[1-9]/);
    await shot(o, 'exhibition-checkin-ok-390');

    await input.fill(code);
    await o.getByRole('button', { name: '核验' }).click();
    await o.locator('[data-testid="ex-ci-result"][data-kind="repeat"]').waitFor();
    await banner.getByText('重复入场').first().waitFor();
    await shot(o, 'exhibition-checkin-repeat-390');
    assert.deepEqual(organizer.problems, []);
  });
});
