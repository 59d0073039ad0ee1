// Pages across the micro-frontends, against the real Worker (wrangler dev) and D1, moved out of
// platform.e2e.mjs: the root's organizer reads the overview's trend and units and downloads the
// report; every page fits a 360 px phone and names its controls; a member shares a campaign.
// Each test signs in by itself and reads only the demo data, so the flow runs on the shared server.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'platform-pages', port: 8817 });
const { BASE } = h;
const newPage = h.newPage;

const ROOT_ORGANIZER = '13800000001';

/** A full-page screenshot once the page has settled (as platform.e2e.mjs takes them). */
async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await h.shot(page, name);
}

describe('platform pages in the browser', { skip: skipReason, timeout: 180_000 }, () => {
  h.hooks();

  test('an organizer reads the trend and the units below, opens one, and downloads the report', async () => {
    const { context, page, problems } = await newPage(DESK_VP, { phone: ROOT_ORGANIZER });
    await page.goto(`${BASE}/console/`);
    await page.getByRole('heading', { name: '概览' }).waitFor();
    // 待办: what waits, each a link to where it is done
    const todo = page.getByTestId('todo');
    await todo.locator('[data-what="receipts_pending"]').waitFor();
    await todo.locator('[data-what="draft"]', { hasText: '发改系统政策法规知识竞赛' }).waitFor();
    const trend = page.getByTestId('metrics-trend');
    await trend.getByRole('img', { name: /参与人数趋势折线图：共 30 个天/ }).waitFor();
    // the demo's four weeks of activity draw a line, not a flat zero: 29 whole days solid,
    // today (still running) dashed after it
    assert.match(await trend.locator('.cs-chart-line:not([data-testid="trend-partial"])').getAttribute('d'), /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){28}$/);
    await trend.getByTestId('trend-partial').waitFor();
    const units = page.getByTestId('unit-metrics');
    const rows = units.locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 4, 'the root has four 机关党委 directly below');
    await shot(page, 'console-overview-units-1280');

    // "all time" draws weeks
    await page.getByRole('button', { name: '全部' }).click();
    await trend.getByText('每周（周一起）的参与情况。').waitFor();

    // the report downloads as a workbook
    const [download] = await Promise.all([page.waitForEvent('download'), units.getByTestId('metrics-export-xlsx').click()]);
    assert.match(download.suggestedFilename(), /^root-metrics-\d{4}-\d{2}-\d{2}\.xlsx$/);

    // a unit's name opens its own overview
    await units.getByRole('button', { name: /查看“市发展和改革委员会机关党委”的概览/ }).click();
    await page.getByText('市发展和改革委员会机关党委及下级组织的成员参与情况。').waitFor();
    await page.setViewportSize(PHONE_VP);
    await units.locator('tbody tr').first().waitFor();
    await shot(page, 'console-overview-units-390');
    await page.setViewportSize(DESK_VP);
    await page.getByTestId('todo').locator('[data-what="draft"]').click();
    await page.getByRole('heading', { name: '发改系统政策法规知识竞赛' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every page fits a 360 px phone and names its controls: nothing widens the page sideways', async () => {
    const { context, page, problems } = await newPage({ width: 360, height: 740 }, { phone: ROOT_ORGANIZER });
    const pages = [
      '/',
      '/campaigns',
      '/c/dangshi-daily',
      '/c/dangshi-daily/rank',
      '/c/dangshi-contest/quiz',
      '/c/hanmo-danqing/contest',
      '/c/hanmo-danqing/gallery',
      '/c/hanmo-danqing/results',
      '/c/one-plus-one/volunteer',
      '/c/hanmo-exhibition/visit',
      '/my-bookings',
      '/c/jinqiu-zhuxue/drive',
      '/rank',
      '/me',
      '/console/',
      '/console/org',
      '/console/campaigns',
      '/console/campaigns/new',
      '/console/campaigns/camp-quiz',
      '/console/campaigns/camp-quiz/quiz',
      '/console/quiz-banks',
      '/console/quiz-banks/bank-demo',
      '/console/campaigns/camp-quiz/leaderboard',
      '/console/campaigns/camp-contest/entries',
      '/console/campaigns/camp-contest/judging',
      '/console/campaigns/camp-contest/results',
      '/console/campaigns/camp-volunteer/volunteer',
      '/console/campaigns/camp-drive/drive',
      '/console/campaigns/camp-exhibition/exhibition',
      '/console/campaigns/camp-exhibition/check-in',
      '/service-activities/sa-demo-river/check',
      '/console/service-activities/sa-demo-clinic/code',
    ];
    const wide = [];
    const unnamed = [];
    for (const path of pages) {
      await page.goto(BASE + path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path}: ${width}px`);
      // every control says what it is to a screen reader, every image has a text (or alt="")
      const nameless = await page.evaluate(() => {
        const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
        const named = (el) =>
          !!(
            el.getAttribute('aria-label')?.trim() ||
            el.getAttribute('aria-labelledby') ||
            el.getAttribute('title')?.trim() ||
            (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) ||
            el.closest('label') ||
            (['BUTTON', 'A'].includes(el.tagName) && (el.textContent?.trim() || el.querySelector('img[alt]:not([alt=""])')))
          );
        const out = [];
        for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')) {
          // a duplicate link hidden from assistive tech on purpose (a card's cover) needs no name
          if (visible(el) && !el.closest('[aria-hidden="true"]') && !named(el))
            out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).split(' ')[0]}`);
        }
        for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) out.push(`img ${img.getAttribute('src')?.slice(0, 40)}`);
        return out;
      });
      if (nameless.length) unnamed.push(`${path}: ${nameless.slice(0, 5).join(', ')}`);
    }
    assert.deepEqual(wide, [], 'pages wider than the screen');
    assert.deepEqual(unnamed, [], 'controls or images without a name');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a member shares a campaign: the link, its QR and a poster made on the phone', async () => {
    const { context, page, problems } = await newPage(PHONE_VP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
    await page.goto(`${BASE}/c/dangshi-daily`);
    await page.getByRole('button', { name: '分享' }).click();
    const panel = page.getByRole('region', { name: '分享给朋友' });
    const qr = panel.getByRole('img', { name: /二维码/ });
    await qr.waitFor();
    // the QR loads (waited for: the image arrives after the panel opens)
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await qr.elementHandle());
    assert.equal(await panel.getByLabel('链接').inputValue(), `${BASE}/c/dangshi-daily`);
    await panel.getByRole('button', { name: '复制链接' }).click();
    await panel.getByText('链接已复制').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${BASE}/c/dangshi-daily`);
    await panel.getByRole('button', { name: '生成海报' }).click();
    const poster = panel.getByRole('img', { name: /分享海报/ });
    await poster.waitFor();
    await page.waitForFunction(() => {
      const i = document.querySelector('.tx-share-poster img');
      return i?.complete && i.naturalWidth > 0;
    });
    assert.deepEqual(await poster.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [750, 1100]);
    await poster.scrollIntoViewIfNeeded();
    await shot(page, 'portal-share-390');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
