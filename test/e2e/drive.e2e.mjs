// Charity drive screens in the browser, against the real Worker (wrangler dev) and D1: on a phone
// the member 13800000004 pledges ¥50 on the demo drive (jinqiu-zhuxue), uploads a receipt in
// 我的捐赠 with the progress bar; the organizer verifies it in the console's 募捐 page (receipt
// beside the pledge, amount prefilled); the member then sees 已核实 and the verified progress grows.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8803 runs against a server that is already up (demo data loaded).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/server.mjs';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'drive', port: 8803 });
const { BASE } = h;
const newPage = h.newPage;
const shot = h.shot;
const eventually = h.eventually;

const MEMBER = '13800000004';
const ORGANIZER = '13800000001';

describe('charity drive screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('a member pledges ¥50 and uploads a receipt; the organizer verifies it; progress grows', async () => {
    const progress = () => fetch(`${BASE}/api/v1/campaigns/jinqiu-zhuxue/progress`).then((r) => r.json());
    const before = await progress();

    // the member: campaign page → drive page → pledge ¥50
    const m = await newPage(PHONE_VP, { phone: MEMBER });
    await m.page.goto(`${BASE}/c/jinqiu-zhuxue`);
    await m.page.getByRole('link', { name: '我要认捐' }).click();
    await m.page.waitForURL(/\/c\/jinqiu-zhuxue\/drive$/);
    await m.page.getByTestId('drive-progress').getByTestId('drive-verified').waitFor();
    assert.ok(await m.page.getByTestId('charity-name').textContent(), 'the charity is named');
    const give = m.page.getByTestId('give-link');
    assert.equal(await give.getAttribute('target'), '_blank');
    assert.match(await give.getAttribute('href'), /^https:\/\//);
    await m.page.getByRole('button', { name: '¥50', exact: true }).click();
    assert.equal(await m.page.locator('#pl-amount').inputValue(), '50');
    await m.page.locator('#pl-message').fill('愿孩子们学业进步');
    await m.page.getByTestId('pledge-submit').click();
    await m.page.getByTestId('pledge-done').waitFor();
    await shot(m.page, 'drive-pledged-390');
    const afterPledge = await progress();
    assert.equal(afterPledge.pledged, before.pledged + 5000, 'pledged grows by 5000 fen');

    // 我的捐赠: the new pledge, 已认捐, upload the receipt
    await m.page.getByRole('link', { name: '上传捐赠凭证' }).click();
    await m.page.waitForURL(/\/my-pledges$/);
    const listMine = () => m.context.request.get(`${BASE}/api/v1/campaigns/jinqiu-zhuxue/pledges?mine=true`).then((r) => r.json());
    const pledge = (await listMine()).items.find((p) => p.amount === 5000 && p.status === 'pledged' && p.message === '愿孩子们学业进步');
    assert.ok(pledge, 'my new pledge is listed as pledged');
    const card = m.page.locator(`[data-testid="pledge-card"][data-id="${pledge.id}"]`);
    await card.getByText('已认捐').waitFor();
    await card.getByTestId('receipt-input').setInputFiles(join(ROOT, 'test', 'fixtures', 'photo.jpg'));
    await card.getByText('凭证已上传').waitFor();
    await card.getByText('凭证待审').waitFor();
    assert.equal((await listMine()).items.find((p) => p.id === pledge.id).status, 'receipt_submitted');
    await shot(m.page, 'drive-mine-390');

    // the organizer: console 募捐 page, the receipt beside the pledge, verify with the prefilled amount
    const o = await newPage(DESK_VP, { phone: ORGANIZER });
    await o.page.goto(`${BASE}/console/campaigns/camp-drive/drive`);
    const row = o.page.locator(`[data-testid="pledge-row"][data-id="${pledge.id}"]`);
    for (let i = 0; i < 10 && !(await row.count()); i++) {
      const more = o.page.getByRole('button', { name: '加载更多' });
      if (!(await more.count())) break;
      await more.click();
      await o.page.waitForTimeout(300);
    }
    await row.click();
    const detail = o.page.getByTestId('pledge-detail');
    await detail.getByTestId('receipt-img').waitFor();
    assert.equal(await detail.getByTestId('verify-amount').inputValue(), '50');
    await shot(o.page, 'drive-console-review-1280');
    await detail.getByTestId('verify').click();
    await o.page.getByText('已核实').first().waitFor();
    await eventually(async () => (await progress()).verified === afterPledge.verified + 5000, 'verified grows by 5000 fen');

    // the member sees 已核实 and the larger verified figure
    await m.page.reload();
    await m.page.locator(`[data-testid="pledge-card"][data-id="${pledge.id}"]`).getByText('已核实').first().waitFor();
    await m.page.goto(`${BASE}/c/jinqiu-zhuxue/drive`);
    // the public progress may be cached for up to 10 s (Cache-Control: max-age=10)
    await eventually(
      async () => {
        const fen = Number(await m.page.getByTestId('drive-verified').getAttribute('data-fen'));
        if (fen === afterPledge.verified + 5000) return true;
        await m.page.waitForTimeout(1000);
        await m.page.reload();
        await m.page.getByTestId('drive-verified').waitFor();
        return false;
      },
      'the drive page shows the verified pledge',
      15_000,
    );
    await shot(m.page, 'drive-verified-390');
    assert.deepEqual(m.problems, []);
    assert.deepEqual(o.problems, []);
  });
});
