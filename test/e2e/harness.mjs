// What every browser flow needs: a server with fresh demo data (or the one E2E_BASE names),
// Debian's Chromium through playwright-core, signed-in pages, screenshots and polling.
// Each flow file calls `e2e({ name, port })` at the top and `h.hooks()` inside its describe.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, buildWeb, hasWebBuild, prepareDatabase, startServer, wrangler } from '../../scripts/server.mjs';

export const PASSWORD = 'tongxin-demo';
export const PHONE_VP = { width: 390, height: 844 };
export const DESK_VP = { width: 1280, height: 800 };
export const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Never download a browser: without Debian's Chromium the flows say why and are skipped. */
export const skipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;

/** Added to every flow's port so that several checkouts can run their flows at once. */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);

export function e2e({ name, port: basePort }) {
  const port = basePort + PORT_OFFSET;
  const BASE = process.env.E2E_BASE ?? `http://127.0.0.1:${port}`;
  let server = null;
  let persistDir = null;
  let browser = null;

  const h = {
    BASE,
    get browser() {
      return browser;
    },
    /** before/after of the flow's describe: server up (unless shared), browser launched. */
    hooks() {
      before(async () => {
        mkdirSync(SHOTS, { recursive: true });
        if (!process.env.E2E_BASE) {
          if (!hasWebBuild()) buildWeb();
          persistDir = mkdtempSync(join(tmpdir(), `tongxin-e2e-${name}-`));
          await prepareDatabase(persistDir);
          server = await startServer({ port, persistDir, stdio: 'ignore', vars: { DEV_OUTBOX: '1' } });
        }
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        });
      });
      after(async () => {
        await browser?.close();
        server?.stop();
        if (persistDir) rmSync(persistDir, { recursive: true, force: true });
      });
    },
    /** A browser context, signed in as `phone` when given (its pages share the session cookie); `touch`: a phone's touch screen. */
    async newPage(viewport, { lang = 'zh-CN', phone, touch = false } = {}) {
      const context = await browser.newContext({ viewport, locale: lang, deviceScaleFactor: 1, ...(touch ? { hasTouch: true, isMobile: true } : {}) });
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
    },
    async shot(page, file) {
      await page.screenshot({ path: join(SHOTS, `${file}.png`), fullPage: true });
    },
    /**
     * Runs SQL on the flow's own local D1 — the controllable clock of flows with time windows
     * (moving a time into the past). With E2E_BASE, the shared server's database is E2E_PERSIST.
     */
    sql(command) {
      const dir = persistDir ?? process.env.E2E_PERSIST;
      if (!dir) throw new Error('h.sql() needs the database of the server: set E2E_PERSIST with E2E_BASE');
      return wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--command', command]);
    },
    /** Polls `check` until it returns something truthy (live updates, eventual reads). */
    async eventually(check, what, ms = 8000) {
      const deadline = Date.now() + ms;
      let last;
      while (Date.now() < deadline) {
        last = await check();
        if (last) return last;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.fail(`${what} did not happen in ${ms} ms (last: ${JSON.stringify(last)})`);
    },
  };
  return h;
}

/**
 * The newest SMS code the dev outbox holds for a phone (the e2e servers run with
 * DEV_OUTBOX=1). `request` is a playwright APIRequestContext (context.request, page.request).
 */
export async function outboxCode(request, base, phone, purpose = 'register') {
  const r = await request.get(`${base}/api/v1/dev/outbox?phone=${phone}`);
  assert.equal(r.status(), 200, await r.text());
  const item = (await r.json()).items.find((i) => i.purpose === purpose);
  assert.ok(item, `no ${purpose} code in the outbox for ${phone}`);
  return item.code;
}

/** Registers through the API like test/helpers.ts `registerUser`: code, outbox, register. */
export async function registerUser(request, base, { phone, name, password }) {
  const sent = await request.post(`${base}/api/v1/auth/codes`, { data: { phone, purpose: 'register' }, headers: { origin: base } });
  assert.equal(sent.status(), 202, await sent.text());
  const code = await outboxCode(request, base, phone);
  return request.post(`${base}/api/v1/auth/register`, { data: { phone, password, name, code }, headers: { origin: base } });
}
