// Leaderboard screens in the browser, against the real Worker (wrangler dev), D1 and the
// board's Durable Object: a member reads the portal board of the demo quiz (ranks, masked
// names, 我的排名, live socket, load more, the 组织 tab); an organizer opens the console
// board, freezes it, imports offline scores from a CSV through the import preview, sees the
// live board change while the public keeps the frozen one, and unfreezes.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8790 runs against a server that is already up (demo data loaded).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'leaderboard-pages', port: 8793 });
const { BASE } = h;
const newPage = h.newPage;
const shot = h.shot;
const eventually = h.eventually;

const MEMBER = '13800000003';
const ORGANIZER = '13800000001';

/** The board as the public sees it (no cookie). */
async function publicBoard(slug, limit = 3) {
  return fetch(`${BASE}/api/v1/campaigns/${slug}/leaderboard?limit=${limit}`).then((r) => r.json());
}

describe('leaderboard pages in the browser', { skip: skipReason, timeout: 120_000 }, () => {
  h.hooks();

  test('a member reads the portal board: ranks, masked names, my rank, live, more, units', async () => {
    const { context, page, problems } = await newPage(PHONE_VP, { phone: MEMBER });
    await page.goto(`${BASE}/rank`);
    // the 排行 tab lists the ranking campaigns and leads to their boards
    await page
      .getByTestId('ranked-campaigns')
      .getByRole('link', { name: /党史学习教育每日答题/ })
      .click();
    await page.waitForURL(`${BASE}/c/dangshi-daily/rank`);
    await page.getByRole('heading', { name: '党史学习教育每日答题', level: 1 }).waitFor();

    const rows = page.getByTestId('board').locator('li');
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20, 'the top 20 first');
    assert.equal(await rows.first().getAttribute('data-rank'), '1');
    assert.ok(await rows.first().locator('.tx-rank-top').count(), 'rank 1 is gold');
    // the public sees masked names (张*明); the member's own row is the only full name
    const names = await rows.locator('.pt-lb-name strong').allTextContents();
    assert.ok(
      names.every((n) => n.includes('*')),
      `masked names, got ${names.join(' ')}`,
    );

    // 我的排名: rank, score, and the ±5 around with my own row highlighted
    const mine = page.getByTestId('my-rank');
    await mine
      .getByTestId('my-rank-value')
      .getByText(/第 \d+ 名/)
      .waitFor();
    await mine.locator('.pt-lb-row.is-me', { hasText: '王晓燕' }).waitFor();
    assert.ok((await mine.locator('.pt-lb-row').count()) >= 6);

    // the socket is open; "load more" pages by offset
    await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await page.getByRole('button', { name: '加载更多' }).click();
    await rows.nth(39).waitFor();
    assert.equal((await rows.nth(20).getAttribute('data-rank').then(Number)) >= 20, true);
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
    await desk.page
      .getByText(/\d+ pts/)
      .first()
      .waitFor();
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
    assert.equal(
      (await context.request.patch(`${BASE}/api/v1/campaigns/${id}`, { ...write, data: { settings: { embed: { allowedOrigins: [] } } } })).status(),
      200,
    );

    // reachable from the campaigns table
    await page.goto(`${BASE}/console/campaigns`);
    await page
      .locator('tr', { hasText: '党史学习教育每日答题' })
      .getByRole('link', { name: /排行榜/ })
      .click();
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
