// 历史数据导入 in the console (issue #16 part 5): the organizer of 市发展和改革委员会机关党委
// picks 参观人次, sees the template's columns, uploads a small sheet of 2021 visits with one
// bad row, reads the preview (the bad row by its number), imports, and the 2021 report counts
// the visitors; the same sheet again adds nothing. Phone and desk screenshots.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'history', port: 8831 });
const { BASE } = h;

const ORGANIZER = '13800000002'; // organizer of fgw only

describe('history import in the console', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('choose a kind → template → preview with a bad row → import → counted once', async () => {
    // a title of this run's own, so a shared server (E2E_BASE) that ran the flow before still sees the rows as new
    const title = `红色教育基地参观${String(Date.now()).slice(-5)}`;
    const sheet = [
      '组织,展览名称,日期,参观人数,是否散客',
      `第一党支部,${title},2021-07-01,30,否`,
      `第二党支部,${title},2021-07-02,12,是`,
      `第一党支部,${title},2021-02-30,5,否`,
    ].join('\r\n');
    const file = { name: '参观.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${sheet}\r\n`, 'utf8') };
    const { page, problems, context } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    const visits = async () => {
      const r = await context.request.get(`${BASE}/api/v1/org-units/fgw/report?from=2021-01-01&to=2021-12-31`);
      assert.equal(r.status(), 200);
      return (await r.json()).figures.find((f) => f.id === 'exhibition.visits').value;
    };
    const before = await visits();

    await page.goto(`${BASE}/console/history`);
    await page.getByRole('heading', { name: '历史数据导入', level: 1 }).waitFor();
    await page.getByLabel('数据类型').selectOption('exhibition');
    await page.getByRole('cell', { name: '是否散客（选填）', exact: true }).waitFor();
    const href = await page.getByTestId('history-template').getAttribute('href');
    assert.match(href, /\/history\/templates\/exhibition\.xlsx$/);
    const tpl = await context.request.get(new URL(href, BASE).toString());
    assert.equal(tpl.status(), 200);

    await page.getByLabel('填好的表格').setInputFiles(file);
    await page.getByTestId('history-preview').click();
    const report = page.getByTestId('history-report');
    await report.getByText('预览（尚未导入）').waitFor();
    await report.getByText('日期“2021-02-30”无法识别').waitFor();
    await report
      .getByRole('cell', { name: `${title}（新建）` })
      .first()
      .waitFor();
    await h.shot(page, 'history-preview-1280');
    await page.getByTestId('history-confirm').click();
    await report.getByText('导入完成').waitFor();
    await h.shot(page, 'history-done-1280');
    assert.equal(await visits(), before + 42);

    // the same sheet again: previewed as valid, imported as already there
    await page.getByRole('button', { name: '继续导入' }).click();
    await page.getByLabel('填好的表格').setInputFiles(file);
    await page.getByTestId('history-preview').click();
    await page.getByTestId('history-confirm').click();
    await report.getByText('导入完成').waitFor();
    assert.equal(await visits(), before + 42);
    assert.deepEqual(problems, []);

    // the phone layout of the preview
    const phone = await h.newPage(PHONE_VP, { phone: ORGANIZER });
    await phone.page.goto(`${BASE}/console/history`);
    await phone.page.getByRole('heading', { name: '历史数据导入', level: 1 }).waitFor();
    await phone.page.getByLabel('数据类型').selectOption('exhibition');
    await phone.page.getByLabel('填好的表格').setInputFiles(file);
    await phone.page.getByTestId('history-preview').click();
    await phone.page.getByTestId('history-report').getByText('预览（尚未导入）').waitFor();
    await h.shot(phone.page, 'history-preview-390');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    assert.deepEqual(phone.problems, []);
  });
});
