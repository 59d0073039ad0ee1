// The console's campaign work in the browser, against the real Worker (wrangler dev) and D1:
// a signed-out visitor gets the console's sign-in page with no failed (4xx) request; unknown
// portal and console paths show their not-found answer without a page error; the organizer's
// 活动 list shows labelled actions, participants and pending counts and fits 1280 px; a
// template fills the new-campaign form; a campaign is duplicated into a draft; the 年历 shows it.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8807 runs against a server that is already up (demo data loaded).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'console-campaigns', port: 8807 });
const { BASE } = h;
const ORGANIZER = '13800000001';

/** Every answer of 400 or more a page got, and everything it logged as an error. */
function watch(page) {
  const failed = [];
  const errors = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { failed, errors };
}

describe('console campaign list, templates, duplication and calendar in the browser', { skip: skipReason, timeout: 240_000 }, () => {
  h.hooks();

  test('a signed-out visitor reaches the console sign-in with no 4xx and no console error', async () => {
    for (const vp of [DESK_VP, PHONE_VP]) {
      const { page, problems } = await h.newPage(vp);
      const w = watch(page);
      await page.goto(`${BASE}/console/campaigns`);
      await page.waitForURL(/\/console\/login/);
      await page.getByRole('button', { name: '登录' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(w.failed, [], 'no failed request');
      assert.deepEqual(w.errors, [], 'no console error');
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  });

  test('unknown portal and console paths answer without a page error', async () => {
    const { page, problems } = await h.newPage(PHONE_VP);
    await page.goto(`${BASE}/no-such-page/here`);
    await page.getByText('页面不存在').or(page.getByText('未找到')).first().waitFor();
    await h.shot(page, 'season-portal-404-phone');
    await page.goto(`${BASE}/console/no-such-page`);
    await page.waitForURL(/\/console\/login/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
    await page.context().close();
    const signed = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await signed.page.goto(`${BASE}/console/no-such-page`);
    await signed.page.locator('.cs-side').waitFor();
    await signed.page.waitForLoadState('networkidle');
    assert.deepEqual(signed.problems, []);
    await signed.context.close();
  });

  test('the 活动 list shows labelled actions and counts, and fits 1280 px', async () => {
    const { page, problems, context } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await page.goto(`${BASE}/console/campaigns`);
    const quizRow = page.locator('tr', { hasText: '党史学习教育每日答题' });
    await quizRow.getByTestId('quiz-manage').waitFor();
    assert.match(await quizRow.getByTestId('quiz-manage').innerText(), /答题管理/);
    const contestRow = page.locator('tr', { hasText: '翰墨丹青颂党恩”书画摄影大赛' });
    assert.match(await contestRow.getByTestId('contest-entries').innerText(), /作品审核/);
    assert.match(await contestRow.getByTestId('contest-judging').innerText(), /评审/);
    // participants from the server, and the drive's receipts waiting as a link to where they are verified
    assert.ok(Number((await quizRow.getByTestId('participants').innerText()).replace(/,/g, '')) > 10);
    const driveRow = page.locator('tr', { hasText: '金秋助学' });
    const pending = driveRow.getByTestId('pending');
    assert.ok(Number(await pending.innerText()) > 0);
    assert.match(await pending.getAttribute('href'), /\/console\/campaigns\/camp-drive\/drive$/);
    // fits: nothing scrolls sideways at 1280 px
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(overflow[0] <= overflow[1], `page ${overflow[0]} px wide in ${overflow[1]} px`);
    const table = await page.evaluate(() => {
      const wrap = document.querySelector('table')?.parentElement;
      return wrap ? [wrap.scrollWidth, wrap.clientWidth] : [0, 0];
    });
    assert.ok(table[0] <= table[1] + 1, `table ${table[0]} px in ${table[1]} px`);
    await h.shot(page, 'season-campaigns-1280');
    await page.setViewportSize(PHONE_VP);
    await h.shot(page, 'season-campaigns-390');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a template fills the new-campaign form, and the campaign it makes is accepted', async () => {
    const { page, problems, context } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await page.goto(`${BASE}/console/campaigns/new`);
    await page.getByTestId('template-art-contest').click();
    assert.equal(await page.getByLabel('标题').first().inputValue(), '书画摄影大赛');
    await h.shot(page, 'season-template-1280');
    await page.getByRole('button', { name: '创建草稿', exact: true }).click();
    await page.waitForURL(/\/console\/campaigns\/[0-9A-Z]{26}/);
    const id = page.url().split('/').pop().split('?')[0];
    const r = await page.request.get(`${BASE}/api/v1/campaigns/${id}`);
    const c = (await r.json()).campaign;
    assert.equal(c.kind, 'contest');
    assert.deepEqual(c.settings.categories, ['书法', '绘画', '摄影']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a contest is duplicated into a draft a year later with its set-up and none of its works, and the 年历 shows it', async () => {
    const { page, problems, context } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    const original = (await (await page.request.get(`${BASE}/api/v1/campaigns/camp-contest`)).json()).campaign;
    await page.goto(`${BASE}/console/campaigns/camp-contest`);
    await page.getByLabel('新标题').fill('第二届优秀作品展');
    await page.getByTestId('duplicate-submit').click();
    await page.waitForURL((u) => !u.pathname.endsWith('/camp-exhibition') && /\/console\/campaigns\/[0-9A-Z]{26}/.test(u.pathname));
    await page.getByRole('heading', { name: '第二届优秀作品展' }).waitFor();
    const id = page.url().split('/').pop().split('?')[0];
    const copy = (await (await page.request.get(`${BASE}/api/v1/campaigns/${id}`)).json()).campaign;
    assert.equal(copy.status, 'draft');
    assert.equal(copy.kind, 'contest');
    // the set-up comes along (categories, awards, voting rules), the works do not
    assert.deepEqual(copy.settings, original.settings);
    const works = await (await page.request.get(`${BASE}/api/v1/campaigns/${id}/entries?status=approved`)).json();
    assert.equal(works.items.length, 0);
    const year = new Date(Date.parse(copy.startsAt) + 8 * 3600e3).getUTCFullYear();
    await page.goto(`${BASE}/console/campaigns/calendar?year=${year}`);
    await page.getByText('第二届优秀作品展').first().waitFor();
    await h.shot(page, 'season-calendar-1280');
    await page.getByText('第二届优秀作品展').first().click();
    await page.waitForURL(new RegExp(`/console/campaigns/${id}$`));
    await page.setViewportSize(PHONE_VP);
    await page.goto(`${BASE}/console/campaigns/calendar?year=${year}`);
    await page.getByText('第二届优秀作品展').first().waitFor();
    await h.shot(page, 'season-calendar-390');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
