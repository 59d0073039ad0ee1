// The 大屏 (/embed/v1/leaderboard/:id?mode=screen) at 1920×1080, as a hall's projector shows
// it: names, unit names and scores at least 48 px, the top 10 in columns filling the screen
// (nothing scrolls), a live cue and the time of the last update.
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'screen', port: 8811 });
const { BASE } = h;

describe('大屏 at 1920×1080', { skip: skipReason, timeout: 120_000 }, () => {
  h.hooks();

  for (const [label, scope] of [
    ['individual', 'individual'],
    ['units', 'org'],
  ]) {
    test(`${label}: large names and scores, the screen filled, a live cue`, async () => {
      const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const problems = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${BASE}/embed/v1/leaderboard/dangshi-daily?mode=screen&scope=${scope}`);
      const board = page.locator('tongxin-leaderboard');
      await board.locator('li').first().waitFor();
      // the live socket comes up and the cue says so, with the time of the last update
      await board.locator('.cue[data-live="live"]').waitFor();
      assert.match(await board.locator('.upd').textContent(), /^\d{1,2}:\d{2}:\d{2}$/);
      const m = await page.evaluate(() => {
        const root = document.querySelector('tongxin-leaderboard').shadowRoot;
        const px = (sel) => [...root.querySelectorAll(sel)].map((el) => Number.parseFloat(getComputedStyle(el).fontSize));
        const ol = root.querySelector('ol').getBoundingClientRect();
        const lis = [...root.querySelectorAll('li')].map((li) => li.getBoundingClientRect());
        return {
          names: px('.n b'),
          units: px('.n small'),
          scores: px('.s'),
          rows: lis.length,
          columns: new Set(lis.map((r) => Math.round(r.left))).size,
          olHeight: ol.height,
          olWidth: ol.width,
          scrollW: document.scrollingElement.scrollWidth,
          scrollH: document.scrollingElement.scrollHeight,
          cut: lis.filter((r) => r.bottom > innerHeight + 1 || r.right > innerWidth + 1).length,
        };
      });
      assert.ok(m.rows >= 2, `rows: ${m.rows}`);
      for (const size of [...m.names, ...m.units, ...m.scores]) assert.ok(size >= 48, `text at ${size} px: ${JSON.stringify(m)}`);
      assert.ok(m.columns >= 2 || m.rows <= 5, `the top 10 in columns: ${JSON.stringify(m)}`);
      assert.ok(m.olHeight >= 0.7 * 1080 && m.olWidth >= 0.6 * 1920, `the board fills the screen: ${JSON.stringify(m)}`);
      assert.ok(m.scrollW <= 1920 && m.scrollH <= 1080 && m.cut === 0, `nothing scrolls or is cut: ${JSON.stringify(m)}`);
      await h.shot(page, `screen-${label}-1920`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('the awards screen: full names when an organizer opens it from the console, masked for anyone else', async () => {
    const names = async (page) => {
      const board = page.locator('tongxin-leaderboard');
      await board.locator('li').first().waitFor();
      return board.locator('.n b').allTextContents();
    };
    const organizer = await h.newPage(DESK_VP, { phone: '13800000001' });
    // the console offers it beside the plain 大屏
    await organizer.page.goto(`${BASE}/console/campaigns/camp-quiz/leaderboard`);
    const link = organizer.page.getByTestId('lb-awards-screen');
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.match(href, /mode=screen.*names=full/);
    const screen = await organizer.context.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${BASE}${href}`);
    const full = await names(screen);
    assert.ok(full.length >= 3 && full.every((n) => !n.includes('*')), `full names: ${full}`);
    await screen.locator('tongxin-leaderboard .cue[data-live="live"]').waitFor();
    await h.shot(screen, 'screen-awards-1920');
    // the plain 大屏 stays masked even for the organizer
    await screen.goto(`${BASE}${href.replace('&names=full', '')}`);
    assert.ok(
      (await names(screen)).some((n) => n.includes('*')),
      'the public 大屏 is masked',
    );
    await organizer.context.close();
    // anyone else asking for full names gets the masked board: the server decides
    const stranger = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await stranger.goto(`${BASE}${href}`);
    const masked = await names(stranger);
    assert.ok(
      masked.some((n) => n.includes('*')),
      `masked for the public: ${masked}`,
    );
    await stranger.close();
  });
});
