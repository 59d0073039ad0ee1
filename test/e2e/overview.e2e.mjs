// 概览 with a custom range and the previous period (issue #16 parts 6b, 7): the root's organizer
// picks 自定义, enters two China dates, and every headline card but the member count shows its
// change on the period of equal length just before — an arrow and a percentage to see, a
// sentence to hear; today's point stays dashed; a range ending before it starts is refused.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'overview', port: 8815 });
const { BASE } = h;

const ROOT_ORGANIZER = '13800000001';
/** A China day n days from today, as the date fields take it. */
const chinaDay = (n = 0) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('概览: custom ranges and the previous period', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('a custom range shows each figure with its change on the previous period', async () => {
    const { page, problems, context } = await h.newPage(DESK_VP, { phone: ROOT_ORGANIZER });
    const asked = [];
    page.on('request', (r) => {
      if (r.url().includes('/metrics?')) asked.push(new URL(r.url()).searchParams);
    });
    await page.goto(`${BASE}/console/`);
    await page.getByRole('heading', { name: '概览' }).waitFor();
    // 近30天 already compares: the demo's weeks of activity give the cards a change
    const cards = page.locator('.cs-metrics');
    await cards.locator('[data-metric="activeMembers"] [data-change]').waitFor();
    assert.equal(await cards.locator('[data-metric="members"] [data-change]').count(), 0, 'the registered members are a stock: no change');
    assert.equal(asked.at(-1).get('from'), chinaDay(-29));
    assert.equal(asked.at(-1).get('compare'), 'previous');

    // ---- a range ending before it starts is refused where it was typed
    await page.getByRole('button', { name: '自定义' }).click();
    const form = page.getByRole('form', { name: '自定义统计期间' });
    await form.getByLabel('开始日期').fill(chinaDay(-3));
    await form.getByLabel('结束日期').fill(chinaDay(-10));
    await form.getByRole('button', { name: '查看' }).click();
    await form.getByRole('alert').getByText('结束日期不能早于开始日期。').waitFor();

    // ---- the last 14 China days, today included
    await form.getByLabel('开始日期').fill(chinaDay(-13));
    await form.getByLabel('结束日期').fill(chinaDay(0));
    await form.getByRole('button', { name: '查看' }).click();
    await page
      .getByTestId('overview-range')
      .getByText(`统计期间：${chinaDay(-13)} 至 ${chinaDay(0)}`)
      .waitFor();
    await h.eventually(
      () => asked.some((q) => q.get('from') === chinaDay(-13) && q.get('to') === chinaDay(0) && q.get('compare') === 'previous'),
      'the custom range asked with compare=previous',
    );
    const trend = page.getByTestId('metrics-trend');
    await trend.getByRole('img', { name: /参与人数趋势折线图：共 14 个天/ }).waitFor();
    // today is still running: its point stays dashed
    await trend.getByTestId('trend-partial').waitFor();

    // ---- each change: an arrow and a percentage to see, a sentence for screen readers
    for (const name of ['activeMembers', 'participationRate', 'points']) {
      const change = cards.locator(`[data-metric="${name}"] [data-change]`);
      await change.waitFor();
      const dir = await change.getAttribute('data-change');
      const seen = await change.locator('[aria-hidden="true"]').innerText();
      const heard = await change.locator('.tx-visually-hidden').innerText();
      if (dir === 'same') {
        assert.match(heard, /与上期持平/);
      } else {
        assert.match(seen, dir === 'up' ? /^▲ / : /^▼ /, `${name}: ${seen}`);
        assert.match(seen, name === 'participationRate' ? /个百分点/ : /%|\d/);
        assert.match(heard, dir === 'up' ? /^比上期增加 / : /^比上期减少 /, `${name}: ${heard}`);
      }
      // the compared period is named in the tip: the 14 days before
      assert.match(await change.getAttribute('title'), /^上期：紧接本期之前、长度相同的期间（.+ 至 .+）。$/);
    }
    await h.shot(page, 'console-overview-custom-1280');

    // ---- the same on a phone: the date fields fit the width
    await page.setViewportSize(PHONE_VP);
    await cards.locator('[data-metric="points"] [data-change]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await h.shot(page, 'console-overview-custom-390');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
