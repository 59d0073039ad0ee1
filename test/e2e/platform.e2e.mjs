// Browser flow across the micro-frontends, against the real Worker (wrangler dev) and D1:
// a new person registers and signs in on the portal, an organizer creates and publishes a
// campaign in the console, and the campaign then shows on the portal's home page.
//
// Runs with `npm run test:e2e` (node --test test/e2e/). Needs Debian's Chromium at
// /usr/bin/chromium (`apt-get install -y --no-install-recommends chromium`); never downloads one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.E2E_PORT ?? 8791) + Number(process.env.E2E_PORT_OFFSET ?? 0);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
// start.mjs resolves PERSIST_DIR against the repo root, so a fresh folder under .wrangler/ (git-ignored)
const PERSIST = join('.wrangler', `e2e-${process.pid}-${Date.now()}`);
const PASSWORD = 'tongxin-demo';
const PHONE_VP = { width: 390, height: 844 };
const DESK_VP = { width: 1280, height: 800 };

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
    if (server.exitCode !== null) throw new Error(`scripts/start.mjs exited with ${server.exitCode}:\n${serverLog.slice(-3000)}`);
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

async function newPage(viewport, lang = 'zh-CN') {
  const context = await browser.newContext({ viewport, locale: lang, deviceScaleFactor: 1 });
  await context.addInitScript((l) => localStorage.setItem('tx.lang', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => void d.accept());
  return { context, page, problems };
}

async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The newest SMS code of a phone from the dev outbox (start.mjs runs with DEV_OUTBOX=1). */
/** 获取验证码 for `phone`: the button counts down once the code is sent; the code, from the dev outbox. */
async function sendCode(page, phone, purpose = 'register') {
  await page.fill('#phone', phone);
  await page.getByTestId('send-code').click();
  await page
    .getByTestId('send-code')
    .getByText(/秒后可重新获取/)
    .waitFor();
  return outboxCode(page, phone, purpose);
}

async function outboxCode(page, phone, purpose = 'register') {
  const r = await page.request.get(`${BASE}/api/v1/dev/outbox?phone=${phone}`);
  assert.equal(r.status(), 200, await r.text());
  const item = (await r.json()).items.find((i) => i.purpose === purpose);
  assert.ok(item, `no ${purpose} code for ${phone}`);
  return item.code;
}

const skipReason = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;

describe('platform in the browser', { skip: skipReason, timeout: 180_000 }, () => {
  const stamp = Date.now().toString().slice(-6);
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const name = `测试${stamp.slice(-3)}`;
  const campaignTitle = `端到端测试答题 ${stamp}`;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
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
    await waitForHealth(150_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await stopServer();
    rmSync(join(ROOT, PERSIST), { recursive: true, force: true });
  });

  test('a new person registers on the portal, signs in again and sees 我的', async () => {
    const { context, page, problems } = await newPage(PHONE_VP);
    await page.goto(`${BASE}/register`);
    await page.getByRole('heading', { name: '注册' }).waitFor();

    // client-side validation first: nothing is sent with a bad phone
    await page.fill('#name', name);
    await page.fill('#phone', '12345');
    await page.fill('#password', 'short');
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByText('请输入11位中国大陆手机号。').waitFor();
    await page.getByText('密码至少8位。').waitFor();

    await page.getByText('请输入短信中的6位数字验证码。').waitFor();

    // 获取验证码: the button counts down, the code comes from the dev outbox
    const code = await sendCode(page, phone);
    assert.equal(await page.locator('#code').getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await page.locator('#code').getAttribute('inputmode'), 'numeric');
    // a wrong code is refused under the code field (reason code_invalid)
    await page.fill('#code', code === '000000' ? '111111' : '000000');
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: '注册' }).click();
    await page
      .locator('#code-error')
      .getByText(/验证码不正确/)
      .waitFor();
    await page.fill('#code', code);
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(`${BASE}/me`);
    await page.getByRole('heading', { name }).waitFor();
    await page.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`).waitFor();
    await page.getByRole('heading', { name: '我的组织', exact: true }).waitFor();
    await shot(page, 'portal-me-390');

    // the same phone cannot register twice: the server's answer shows under the phone field
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${BASE}/`);
    // (a demo member's phone: a second code for the new phone would wait a minute)
    const taken = '13800000003';
    await page.goto(`${BASE}/register`);
    await page.fill('#name', name);
    await page.fill('#code', await sendCode(page, taken));
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: '注册' }).click();
    await page.locator('#phone-error').waitFor();
    assert.equal(await page.locator('#phone').getAttribute('aria-invalid'), 'true');

    // sign in with the new account
    await page.goto(`${BASE}/login`);
    await page.fill('#phone', phone);
    await page.fill('#password', 'wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /手机号或密码/ })
      .waitFor();
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${BASE}/me`);
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('link', { name: '我的' }).first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('忘记密码: a member sets a new password with an SMS code and signs in with it', async () => {
    const { context, page, problems } = await newPage(PHONE_VP);
    const member = '13800000004';
    await page.goto(`${BASE}/login`);
    await page.getByTestId('forgot-password').click();
    await page.waitForURL(`${BASE}/reset`);
    await page.getByRole('heading', { name: '找回密码' }).waitFor();
    await page.fill('#code', await sendCode(page, member, 'reset'));
    // weak passwords are refused before anything is sent
    await page.fill('#password', '12345678');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('这个密码太常见，容易被猜中，请换一个。').waitFor();
    await page.fill('#password', 'new-secret-2026');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByTestId('reset-done').waitFor();
    await page.getByRole('link', { name: '返回登录' }).click();
    await page.fill('#phone', member);
    await page.fill('#password', 'new-secret-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${BASE}/me`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an organizer creates and publishes a campaign, and the portal shows it', async () => {
    const { context, page, problems } = await newPage(DESK_VP);
    await page.goto(`${BASE}/console/`);
    await page.waitForURL(/\/console\/login/);
    await page.fill('#phone', '13800000002');
    await page.fill('#password', PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '概览' }).waitFor();
    await page.locator('[data-metric="members"]').getByText(/\d/).waitFor();
    await shot(page, 'console-overview-1280');

    await page.getByRole('navigation', { name: '管理导航' }).getByRole('link', { name: '活动' }).click();
    await page.getByRole('heading', { name: '活动', exact: true }).waitFor();
    await page.getByRole('link', { name: '新建活动' }).first().click();
    await page.getByRole('heading', { name: '新建活动' }).waitFor();

    // server-side rules come back under the fields; the client catches the obvious ones first
    await page.getByRole('button', { name: '创建草稿' }).click();
    await page.locator('#title-error').getByText('此项必填。').waitFor();

    await page.selectOption('#kind', 'quiz');
    await page.fill('#title', campaignTitle);
    await page.fill('#summary', '端到端测试创建的答题活动。');
    await page.fill('#description', '第一行\n第二行');
    await page.fill('#s-questionsPerAttempt', '10');
    await page.getByRole('button', { name: '创建草稿' }).click();
    await page.getByText('草稿已创建').waitFor();
    await page.getByRole('heading', { name: campaignTitle }).waitFor();
    await page.locator('.tx-badge', { hasText: '草稿' }).first().waitFor();
    assert.equal(await page.inputValue('#s-questionsPerAttempt'), '10');
    await shot(page, 'console-campaign-draft-1280');

    // a draft is not public yet
    const before = await fetch(`${BASE}/api/v1/campaigns?status=published&limit=100`).then((r) => r.json());
    assert.ok(!before.items.some((c) => c.title === campaignTitle), 'a draft must not be listed publicly');

    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布，公众现在可以看到此活动。').waitFor();
    await page.locator('.tx-badge', { hasText: '进行中' }).first().waitFor();
    await shot(page, 'console-campaign-published-1280');

    await page.getByRole('link', { name: '返回活动列表' }).click();
    await page.getByRole('link', { name: campaignTitle }).waitFor();
    await shot(page, 'console-campaigns-1280');
    // the console stays usable on a small screen: navigation moves on top, the table scrolls
    await page.setViewportSize(PHONE_VP);
    await page.getByRole('link', { name: campaignTitle }).waitFor();
    await shot(page, 'console-campaigns-390');
    assert.deepEqual(problems, []);
    await context.close();

    // the public portal, on a phone, lists it under 知识答题 with its call to action
    const portal = await newPage(PHONE_VP);
    await portal.page.goto(`${BASE}/`);
    const card = portal.page.locator('article', { hasText: campaignTitle });
    await card.waitFor();
    await card.getByRole('link', { name: '参加答题' }).waitFor();
    await shot(portal.page, 'portal-home-390');
    await card.getByRole('link', { name: campaignTitle }).click();
    await portal.page.getByRole('heading', { name: campaignTitle, level: 1 }).waitFor();
    // a quiz's call to action leads to its lobby
    await portal.page.locator('main').getByRole('link', { name: '参加答题' }).waitFor();
    assert.match(await portal.page.title(), new RegExp(campaignTitle));
    await shot(portal.page, 'portal-campaign-390');
    await portal.context.close();

    // and the same on a desk, in English
    const desk = await newPage(DESK_VP, 'en');
    await desk.page.goto(`${BASE}/`);
    await desk.page.locator('article', { hasText: campaignTitle }).getByRole('link', { name: 'Take the quiz' }).waitFor();
    await shot(desk.page, 'portal-home-1280-en');
    assert.deepEqual([...portal.problems, ...desk.problems], []);
    await desk.context.close();
  });
});
