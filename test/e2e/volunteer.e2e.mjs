// "1+1" volunteer screens in the browser, against the real Worker (wrangler dev) and D1:
// a member opens 我的1+1 of the demo campaign on a phone and takes the invite link; a resident
// with no account opens it in a fresh browser, must tick the consent, registers and sees the
// success; the member sees the pair and reports 2 hours; the root organizer approves them in
// the console's review queue; the member sees the approved hours.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8801 runs against a server that is already up (demo data loaded).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = 8801;
const BASE = process.env.E2E_BASE ?? `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
// start.mjs resolves PERSIST_DIR against the repo root: a fresh folder under .wrangler/ (git-ignored)
const PERSIST = join('.wrangler', `e2e-volunteer-${process.pid}-${Date.now()}`);
const PASSWORD = 'tongxin-demo';
const PHONE_VP = { width: 390, height: 844 };
const DESK_VP = { width: 1280, height: 800 };
const MEMBER = '13800000004';
const ORGANIZER = '13800000001';
const SLUG = 'one-plus-one';

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

/** Today in China, the calendar service dates use. */
const chinaDay = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

const skipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;

describe('"1+1" volunteer screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
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

  test('invite → resident consents and registers → member reports hours → organizer approves → approved hours', async () => {
    const started = Date.now();
    const residentName = '赵春梅';
    const residentPhone = `139${String(Date.now()).slice(-8)}`;

    // ---- the member opens 我的1+1 from the campaign page and takes the invite link
    const member = await newPage(PHONE_VP, { phone: MEMBER });
    const me = await (await member.context.request.get(`${BASE}/api/v1/me`)).json();
    const memberName = me.user.name;
    const memberUnit = me.memberships.find((m) => m.role === 'member')?.orgUnitId;
    assert.ok(memberUnit, 'the demo member belongs to a branch');

    await member.page.goto(`${BASE}/c/${SLUG}`);
    await member.page.getByRole('link', { name: /我的1\+1/ }).click();
    await member.page.waitForURL(`${BASE}/c/${SLUG}/volunteer`);
    await member.page.getByRole('heading', { name: '我的1+1', level: 1 }).waitFor();
    const code = (await member.page.getByTestId('invite-code').textContent()).trim();
    assert.match(code, /^[A-Za-z0-9]{6,20}$/);
    const inviteUrl = await member.page.getByTestId('invite-url').inputValue();
    assert.ok(inviteUrl.endsWith(`/invite/${code}`), `invite link ${inviteUrl}`);
    // the QR image answers with an SVG
    const qr = member.page.locator('img.vl-qr');
    await qr.waitFor();
    const qrSrc = await qr.getAttribute('src');
    const qrRes = await member.context.request.get(new URL(qrSrc, BASE).href);
    assert.equal(qrRes.status(), 200);
    assert.match(qrRes.headers()['content-type'] ?? '', /svg/);
    const approvedBefore = Number(await member.page.getByTestId('approved-hours').textContent());
    await shot(member.page, 'volunteer-mine-390');

    // ---- a resident, signed out, in a fresh browser (as from WeChat): consent is required
    const resident = await newPage(PHONE_VP);
    await resident.page.goto(new URL(new URL(inviteUrl).pathname, BASE).href);
    await resident.page.getByText(`党员 ${(await (await fetch(`${BASE}/api/v1/invites/${code}`)).json()).inviterName} 邀请您`).waitFor();
    const consent = resident.page.getByRole('checkbox', { name: '我已阅读并同意上述个人信息使用说明' });
    assert.equal(await consent.isChecked(), false, 'consent is not ticked by default');
    await resident.page.getByLabel('姓名').fill(residentName);
    await resident.page.getByLabel('手机号').fill(residentPhone);
    await resident.page.getByRole('button', { name: '同意并登记' }).click();
    await resident.page.getByText('请先阅读并勾选同意个人信息使用说明。').waitFor();
    assert.equal(await resident.page.getByTestId('register-success').count(), 0, 'nothing is sent without consent');
    await consent.check();
    await resident.page.getByRole('button', { name: '同意并登记' }).click();
    await resident.page.getByTestId('register-success').getByText('登记成功，感谢参与').waitFor();
    await shot(resident.page, 'volunteer-invite-success-390');
    assert.deepEqual(resident.problems, []);

    // the member's one place is taken now: the same link says so instead of showing the form
    await resident.page.goto(new URL(new URL(inviteUrl).pathname, BASE).href);
    await resident.page.getByText('该党员的结对名额已满').waitFor();
    assert.equal(await resident.page.getByRole('button', { name: '同意并登记' }).count(), 0);
    await resident.context.close();

    // ---- the member sees the pair, then reports 2 hours
    await member.page.reload();
    await member.page.getByTestId('my-pairs').getByText(residentName).waitFor();
    await member.page.getByLabel('服务日期', { exact: true }).fill(chinaDay());
    await member.page.getByRole('button', { name: '增加半小时' }).click();
    await member.page.getByRole('button', { name: '增加半小时' }).click();
    assert.equal(await member.page.getByLabel('服务时长', { exact: true }).inputValue(), '2');
    await member.page.getByLabel('服务内容', { exact: true }).fill('陪同结对群众参加社区环境整治');
    // the one pair is preselected
    assert.match(await member.page.locator('#rec-pair option:checked').textContent(), new RegExp(residentName));
    await member.page.getByRole('button', { name: '提交登记' }).click();
    await member.page.getByTestId('report-done').waitFor();
    const pendingRow = member.page.getByTestId('my-records').locator('li', { hasText: '陪同结对群众参加社区环境整治' }).first();
    await pendingRow.getByText('待审核').waitFor();
    assert.equal(Number(await member.page.getByTestId('pending-hours').textContent()) >= 2, true);
    await shot(member.page, 'volunteer-reported-390');

    // ---- the organizer approves it in the console's review queue
    const organizer = await newPage(DESK_VP, { phone: ORGANIZER });
    await organizer.page.goto(`${BASE}/console/campaigns`);
    await organizer.page.getByTestId('vol-manage').first().click();
    await organizer.page.waitForURL(/\/console\/campaigns\/[^/]+\/volunteer/);
    await organizer.page.getByTestId('vol-stats').waitFor();
    await organizer.page.getByRole('tab', { name: /审核/ }).click();
    await organizer.page.getByTestId('review-table').waitFor();
    await organizer.page.getByTestId('review-unit').selectOption(memberUnit);
    const row = organizer.page.getByTestId('review-table').locator('tbody tr', { hasText: '陪同结对群众参加社区环境整治' }).filter({ hasText: memberName });
    await row.first().waitFor();
    await shot(organizer.page, 'volunteer-console-review-1280');
    await row.first().getByTestId('approve-one').click();
    await organizer.page.getByText(`已通过 ${memberName} 的 2 小时。`).waitFor();
    assert.deepEqual(organizer.problems, []);
    await organizer.context.close();

    // ---- the member sees the approved hours
    await member.page.reload();
    await member.page.waitForFunction((n) => document.querySelector('[data-testid="approved-hours"]')?.textContent?.trim() === n, String(approvedBefore + 2));
    await member.page.getByTestId('my-records').locator('li', { hasText: '陪同结对群众参加社区环境整治' }).first().getByText('已通过').waitFor();
    await shot(member.page, 'volunteer-approved-390');
    assert.deepEqual(member.problems, []);
    await member.context.close();
    assert.ok(Date.now() - started < 60_000, `the flow took ${Date.now() - started} ms`);
  });

  test('an invalid invite code gets a friendly page', async () => {
    const { context, page, problems } = await newPage(PHONE_VP);
    await page.goto(`${BASE}/invite/NOSUCHCODE99`);
    await page.getByTestId('invite-invalid').getByText('邀请码无效').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
