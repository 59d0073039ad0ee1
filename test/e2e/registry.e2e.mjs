// The member registry in the console (issue #14): the organizer of 市发展和改革委员会机关党委
// imports a roster with 人员类别, 、-separated 党内职务 and dates as Excel writes them (one bad
// row is reported and left out), finds the new 书记 by the post chip and the search, edits a
// date, transfers them to another branch with a reason, and sees them there with their history.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'registry', port: 8813 });
const { BASE } = h;

const ORGANIZER = '13800000002'; // organizer of fgw only

describe('the member registry in the console', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('import a roster with posts → filter → edit → transfer a member', async () => {
    const stamp = String(Date.now()).slice(-7);
    const secretary = { name: '测书记', phone: `1361${stamp}` };
    const probationary = { name: '测预备', phone: `1362${stamp}` };
    const sheet = [
      '姓名,手机号,人员类别,党内职务,任职日期,状态,入党日期',
      `${secretary.name},${secretary.phone},正式党员,书记、组织委员,2024/3/1,在职,2001年7月1日`,
      `${probationary.name},${probationary.phone},预备党员,,,在职,2026.6.28`,
      `错误行,1363${stamp},团员,,,,`,
    ].join('\r\n');

    const { page, problems, context } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await page.goto(`${BASE}/console/org`);
    await page.getByRole('heading', { name: '组织', level: 1 }).waitFor();
    await page.getByRole('tab', { name: '名册' }).waitFor();
    await page.getByTestId('registry-table').waitFor();

    // ---- import into 第一党支部 with a preview first
    await page.getByRole('button', { name: '导入名册' }).click();
    await page.getByLabel('导入到').selectOption('fgw-b1');
    await page.getByLabel('名册文件').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${sheet}\r\n`, 'utf8') });
    await page.getByRole('button', { name: '预览' }).click();
    const report = page.getByTestId('roster-report');
    await report.getByText('预览结果（尚未导入）').waitFor();
    await report.getByText('“人员类别”列的“团员”不是可识别的填写内容。').waitFor();
    await h.shot(page, 'registry-import-preview-1280');
    await page.getByRole('button', { name: '确认导入' }).click();
    await report.getByText('导入完成').waitFor();

    // ---- find the new 书记: the post filter, then the search
    await page.getByTestId('filter-post').selectOption('secretary');
    await page.getByTestId('registry-search').fill(secretary.name);
    const row = page.getByTestId('registry-table').locator('tr', { hasText: secretary.name });
    await row.waitFor();
    await row.getByText('书记、组织委员').waitFor();
    await row.getByText('2001-07-01').waitFor();
    // the search applies after a pause in typing: then only they are left
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=registry-table] tbody tr').length === 1);
    await h.shot(page, 'registry-filtered-1280');

    // ---- edit: a new 入党日期, saved through the drawer
    await row.getByRole('button', { name: `编辑“${secretary.name}”` }).click();
    const drawer = page.getByTestId('member-drawer');
    await drawer.getByRole('heading', { name: '编辑名册信息' }).waitFor();
    await drawer.getByLabel('入党日期').fill('2002-07-01');
    await drawer.getByTestId('member-save').click();
    await page.getByText(`已保存“${secretary.name}”的名册信息。`).waitFor();
    await row.getByText('2002-07-01').waitFor();

    // ---- transfer to 第二党支部
    await row.getByRole('button', { name: `转接“${secretary.name}”的组织关系` }).click();
    await drawer.getByRole('heading', { name: '组织关系转接' }).waitFor();
    await drawer.getByTestId('transfer-submit').click();
    await drawer.getByText('请选择转入组织').last().waitFor();
    await drawer.getByTestId('transfer-to').selectOption('fgw-b2');
    await drawer.getByLabel('转接原因').fill('工作调动');
    await h.shot(page, 'registry-transfer-1280');
    await drawer.getByTestId('transfer-submit').click();
    await page.getByText(`已将“${secretary.name}”转入“第二党支部”。`).waitFor();
    await row
      .getByText('第二党支部')
      .waitFor()
      .catch(async (e) => {
        await h.shot(page, 'registry-transfer-failed');
        throw e;
      });

    // the server agrees: in fgw-b2 now, with two periods
    const list = await (await context.request.get(`${BASE}/api/v1/org-units/fgw-b2/members?q=${secretary.phone}`)).json();
    assert.equal(list.items.length, 1);
    const periods = await (await context.request.get(`${BASE}/api/v1/roster/${list.items[0].rosterId}/periods`)).json();
    assert.deepEqual(
      periods.items.map((p) => [p.orgUnitId, p.reason]),
      [
        ['fgw-b1', 'import'],
        ['fgw-b2', 'transfer'],
      ],
    );
    // the 单位 tab: the tree with rename/move and archive beside each unit
    await page.getByRole('tab', { name: '单位' }).click();
    await page.getByRole('button', { name: '为“第一党支部”改名' }).click();
    await page.getByTestId('unit-edit').waitFor();
    await h.shot(page, 'registry-units-1280');
    assert.deepEqual(problems, []);

    // ---- the same screen on a phone: counts, filters and the table stay usable
    const phone = await h.newPage(PHONE_VP, { phone: ORGANIZER });
    await phone.page.goto(`${BASE}/console/org`);
    await phone.page.getByTestId('registry-table').waitFor();
    await phone.page.getByTestId('post-chips').getByRole('button', { name: /书记/ }).first().click();
    await phone.page.getByTestId('registry-table').locator('tbody tr').first().waitFor();
    await h.shot(phone.page, 'registry-390');
    // nothing widens the page sideways, down to a 360 px phone (the table scrolls in its own box)
    for (const width of [390, 360]) {
      await phone.page.setViewportSize({ width, height: 740 });
      const scroll = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `the registry is ${scroll}px wide on a ${width}px phone`);
    }
    // the 单位 tab keeps the tree
    await phone.page.getByRole('tab', { name: '单位' }).click();
    await phone.page.getByRole('heading', { name: '组织架构' }).waitFor();
    assert.deepEqual(phone.problems, []);
  });
});
