// Art contest screens in the browser, against the real Worker (wrangler dev), D1 and R2:
// on a phone a member submits a photo (checked and scaled in the browser, uploaded with
// progress) and finds it 待审核 under 我的作品; an organizer approves it in the console;
// another member votes for it in the gallery and sees the votes left today go down.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8790 runs against a server that is already up (demo data loaded).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/server.mjs';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'contest', port: 8798 });
const { BASE } = h;
const newPage = h.newPage;
const shot = h.shot;

const ORGANIZER = '13800000001';
const ENTRANT = '13800000003';
const VOTER = '13800000004';
const CONTEST = 'hanmo-danqing';
const PHOTO = join(ROOT, 'test', 'fixtures', 'photo.jpg');

/** "今日还可投 3 票（共 5 票）" → 3; "每人每天可投 5 票" → 5 (nothing voted yet today). */
async function votesLeft(page) {
  const text = await page.getByTestId('votes-left').first().textContent();
  const m = /(\d+)/.exec(text ?? '');
  assert.ok(m, `votes left in "${text}"`);
  return Number(m[1]);
}

describe('art contest screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('submit on a phone, approve in the console, vote in the gallery', async () => {
    const title = `晨曦-${Date.now().toString(36)}`;

    // 1. the entrant: campaign page → contest hub → 我要投稿, a photo with a preview and progress
    const entrant = await newPage(PHONE_VP, { phone: ENTRANT });
    let page = entrant.page;
    await page.goto(`${BASE}/c/${CONTEST}`);
    await page.getByRole('link', { name: /进入大赛/ }).click();
    await page.waitForURL(`${BASE}/c/${CONTEST}/contest`);
    await page.getByRole('heading', { name: '参赛须知' }).waitFor();
    await page.getByRole('link', { name: '我要投稿' }).first().click();
    await page.waitForURL(`${BASE}/c/${CONTEST}/submit`);

    await page.locator('.ct-radio-chip', { hasText: '摄影' }).click();
    await page.locator('#image').setInputFiles(PHOTO);
    await page.getByText('1,600 × 1,000 像素').waitFor();
    await page.locator('#title').fill(title);
    assert.ok((await page.locator('#authorName').inputValue()).trim().length > 0, 'the author name is prefilled');
    await page.locator('#description').fill('清晨的江面，薄雾未散。');
    await shot(page, 'contest-submit-390');
    await page.getByTestId('submit-entry').click();
    const done = page.getByTestId('submit-done');
    await done.waitFor({ timeout: 30_000 });
    await done.locator('[data-status="pending"]').waitFor();
    await shot(page, 'contest-submitted-390');

    // 我的作品 on the hub: the new work, 待审核
    await done.getByRole('link', { name: '查看我的作品' }).click();
    const mineRow = page.getByTestId('my-entries').locator('li', { hasText: title });
    await mineRow.locator('[data-status="pending"]').waitFor();
    await mineRow.scrollIntoViewIfNeeded();
    await shot(page, 'contest-mine-390');
    assert.deepEqual(entrant.problems, []);
    await entrant.context.close();

    // 2. the organizer approves it: campaigns table → 作品 → the pending row
    const org = await newPage(DESK_VP, { phone: ORGANIZER });
    page = org.page;
    await page.goto(`${BASE}/console/campaigns?kind=contest`);
    await page.locator('tr', { hasText: '翰墨丹青颂党恩' }).getByTestId('contest-entries').click();
    await page.waitForURL(/\/console\/campaigns\/[^/]+\/entries/);
    const row = page.getByTestId('entries').locator('tbody tr', { hasText: title });
    await row.getByText('待审核', { exact: true }).waitFor();
    await row.getByTestId('approve').click();
    await row.getByText('已通过', { exact: true }).waitFor();
    await shot(page, 'contest-console-approved-1280');
    assert.deepEqual(org.problems, []);
    await org.context.close();

    // 2b. approved, the entrant can share it to gather votes (拉票): its link and a poster
    const sharer = await newPage(PHONE_VP, { phone: ENTRANT });
    await sharer.page.goto(`${BASE}/c/${CONTEST}/contest`);
    const shareRow = sharer.page.getByTestId('my-entries').locator('li', { hasText: title });
    await shareRow.locator('[data-status="approved"]').waitFor();
    await shareRow.getByRole('button', { name: '分享' }).click();
    const link = await shareRow.getByLabel('链接').inputValue();
    assert.match(link, new RegExp(`^${BASE}/works/[A-Za-z0-9_-]+$`));
    assert.equal((await sharer.context.request.get(`${BASE}/api/v1/qr.svg?path=${encodeURIComponent(new URL(link).pathname)}`)).status(), 200);
    assert.deepEqual(sharer.problems, []);
    await sharer.context.close();

    // 3. another member votes for it in the gallery and sees the votes left go down
    const voter = await newPage(PHONE_VP, { phone: VOTER });
    page = voter.page;
    await page.goto(`${BASE}/c/${CONTEST}/gallery?category=${encodeURIComponent('摄影')}`);
    const tile = page.getByTestId('gallery').locator('li', { hasText: title });
    await tile.waitFor();
    const before = await votesLeft(page);
    assert.ok(before >= 2, `votes left before: ${before}`);
    const countBefore = Number((await tile.getByTestId('votes').textContent()).replace(/\D/g, ''));
    await tile.getByTestId('vote').click();
    await page.getByTestId('toast').getByText('投票成功').waitFor();
    await tile.getByTestId('vote').getByText('已投').waitFor();
    assert.equal(await votesLeft(page), before - 1, 'one vote fewer left today');
    assert.equal(Number((await tile.getByTestId('votes').textContent()).replace(/\D/g, '')), countBefore + 1);

    // a second work, in the full-screen viewer
    const other = page.getByTestId('gallery').locator('li').filter({ hasNotText: title }).first();
    await other.locator('a').first().click();
    await page.waitForURL(/\/works\//);
    const viewer = page.getByTestId('viewer');
    await viewer.getByTestId('vote').waitFor();
    if (!(await viewer.getByTestId('vote').isDisabled())) {
      await viewer.getByTestId('vote').click();
      await viewer.getByTestId('toast').waitFor();
      assert.equal(await votesLeft(page), before - 2, 'and one fewer again');
    }
    await shot(page, 'contest-viewer-390');
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/gallery/);
    await tile.waitFor();
    await shot(page, 'contest-gallery-voted-390');
    assert.deepEqual(voter.problems, []);
    await voter.context.close();
  });
});
