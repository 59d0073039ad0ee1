// 报告 in the browser, against the real Worker (wrangler dev) and D1: the root organizer opens
// 报告 from the menu, sees this year's figures beside their definitions (the demo's rotation
// class and lecture count), picks 2019–2023 and then a custom range (both land in the URL and
// in the download links), compares the units below, opens a group's rows; on a phone the
// definitions fold under 口径.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'report', port: 8815 });
const { BASE } = h;
const ORGANIZER = '13800000001';

describe('the 报告 page in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('menu → this year’s figures with definitions → 2019–2023 → a custom range → by unit → rows → downloads carry the range', async () => {
    const { page, problems } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await page.goto(`${BASE}/console/`);
    await page.getByRole('link', { name: '报告' }).click();
    await page.waitForURL(/\/console\/report/);
    await page.getByRole('heading', { name: '报告', level: 1 }).waitFor();

    // this year (the default): the demo's rotation class was held ten days ago
    const attendances = page.getByTestId('figure-training.attendances');
    await attendances.waitFor();
    assert.ok(Number((await attendances.textContent()).replace(/\D/g, '')) > 0, 'the demo class attendances count this year');
    const fig = page.locator('[data-figure="training.coverageRate"]');
    assert.match(await fig.locator('.cs-report-def-wide').textContent(), /分母：期末/, 'the definition stands beside the number');
    assert.ok(await fig.locator('.cs-report-def-wide').isVisible());
    await h.shot(page, 'report-this-year-1280');

    // 2019–2023: the URL and both downloads carry the range
    await page.getByRole('button', { name: '2019–2023' }).click();
    await page.waitForURL(/from=2019-01-01&to=2023-12-31/);
    await page.getByRole('button', { name: '2019–2023', pressed: true }).waitFor();
    for (const id of ['report-xlsx', 'report-docx']) {
      const href = await page.getByTestId(id).getAttribute('href');
      assert.match(href, /\/api\/v1\/org-units\/root\/report\.(xlsx|docx)\?from=2019-01-01&to=2023-12-31$/, id);
    }
    const years = page.getByTestId('report-by-year');
    await years.getByRole('columnheader', { name: '2019' }).waitFor();
    await years.getByRole('columnheader', { name: '2023' }).waitFor();
    await h.shot(page, 'report-2019-2023-1280');

    // a custom range: an end before the start is refused on the spot, a good one is applied
    await page.getByTestId('report-from').fill('2026-03-01');
    await page.getByTestId('report-to').fill('2026-02-01');
    await page.getByText('结束日期不能早于开始日期。').waitFor();
    assert.ok(await page.getByTestId('report-apply').isDisabled());
    await page.getByTestId('report-to').fill('2026-12-31');
    await page.getByTestId('report-apply').click();
    await page.waitForURL(/from=2026-03-01&to=2026-12-31/);
    assert.match(await page.getByTestId('report-xlsx').getAttribute('href'), /from=2026-03-01&to=2026-12-31$/);
    assert.equal(await page.locator('.cs-report-controls [aria-pressed="true"]').count(), 0, 'no preset is pressed for a custom range');

    // by unit: the committees below the root, comparing the coverage
    const units = page.getByTestId('report-by-unit');
    await units.locator('tbody tr').first().waitFor();
    assert.ok((await units.locator('tbody tr').count()) >= 2, 'the units below are listed');
    await page.getByTestId('report-compare').selectOption('training.attendances');
    await units.getByRole('columnheader', { name: /轮训人次/ }).waitFor();

    // rows behind the training figures: whatever the rows route answers, the panel shows it (never made-up data)
    await page.getByTestId('report-rows-training').click();
    const panel = page.getByTestId('report-rows-panel-training');
    await panel.waitFor();
    await h.eventually(async () => (await panel.locator('table, [role="alert"], .tx-error, p').count()) > 0, 'the rows panel settles');
    await h.shot(page, 'report-custom-rows-1280');
    assert.deepEqual(problems, []);

    // on a phone: definitions fold under 口径, nothing wider than the screen
    const phone = await h.newPage(PHONE_VP, { phone: ORGANIZER });
    await phone.page.goto(`${BASE}/console/report?from=2019-01-01&to=2023-12-31`);
    const pf = phone.page.locator('[data-figure="training.coverageRate"]');
    await pf.waitFor();
    assert.equal(await pf.locator('.cs-report-def-wide').isVisible(), false);
    await pf.locator('summary').click();
    assert.ok(await pf.locator('.cs-report-def-narrow p').isVisible());
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page fits a 390 px phone (overflow ${overflow})`);
    await h.shot(phone.page, 'report-2019-2023-390');
    assert.deepEqual(phone.problems, []);
  });
});
