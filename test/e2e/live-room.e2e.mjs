// 现场竞赛 in the browser, against the real Worker (wrangler dev), D1 and the QuizRoom
// Durable Object: the organizer creates a room in 答题管理 → 现场竞赛 and hosts it; the 大屏
// (1920×1080, not signed in) shows the PIN and QR, then the question, the countdown, the
// distribution and the podium; two members join on their phones by PIN, answer by tapping,
// see right/wrong with their rank, and the host ends the game and sees the results. The first
// phone finds the room from the home page's 现场竞赛 entry, as a member would.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, DESK_VP, PHONE_VP } from './harness.mjs';

const h = e2e({ name: 'live-room', port: 8807 });
const { BASE } = h;
const ORGANIZER = '13800000001';
const MEMBERS = ['13800000003', '13800000004'];
const SCREEN_VP = { width: 1920, height: 1080 };

/** Answers the question on a phone with whatever is first: an option, 正确, or a word. */
async function answer(page) {
  await page.locator('[data-testid="live-game"][data-phase="question"]').waitFor();
  const options = page.locator('.lv-option');
  const blank = page.locator('.lv-blank input');
  if (await blank.count()) {
    await blank.fill('答案');
    await page.locator('.lv-blank button[type="submit"]').click();
  } else {
    await options.first().click();
    const submit = page.getByRole('button', { name: '提交答案' });
    if (await submit.count()) await submit.click();
  }
  // the last to answer may see the reveal at once (everyone answered): either will do
  await page.locator('[data-testid="live-sent"], [data-testid="live-reveal"]').first().waitFor();
}

describe('live room (现场竞赛)', { skip: skipReason }, () => {
  h.hooks();

  test('host, big screen and two phones play a room to the podium', async () => {
    const host = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await host.page.goto(`${BASE}/console/campaigns/camp-quiz/quiz?tab=live`);
    await host.page.getByTestId('live-panel').waitFor();
    await host.page.getByTestId('live-title').fill('决赛现场（测试）');
    await host.page.locator('.qz-live-fields input[type="number"]').first().fill('2');
    await host.page.getByTestId('live-create').click();
    const created = (await host.page.getByTestId('live-created').textContent()).match(/\d{6}/)[0];
    const row = host.page.getByTestId('live-rooms').locator('tr', { hasText: created });
    await row.waitFor();
    await h.shot(host.page, 'live-room-console-panel');
    await row.getByTestId('live-host-link').click();
    await host.page.getByTestId('room-host').waitFor();
    const pin = (await host.page.getByTestId('live-pin').textContent()).trim();
    assert.equal(pin, created);
    const roomId = new URL(host.page.url()).pathname.split('/').pop();

    const screen = await h.newPage(SCREEN_VP);
    await screen.page.goto(`${BASE}/console/rooms/${roomId}/screen`);
    await screen.page.getByTestId('live-pin').waitFor();
    assert.equal((await screen.page.getByTestId('live-pin').textContent()).trim(), pin);

    const phones = [];
    for (const phone of MEMBERS) {
      const p = await h.newPage(PHONE_VP, { phone });
      if (!phones.length) {
        // members find the room from the home page: the 现场竞赛 entry under the hero, and the day's quiz offers its matches
        await p.page.goto(`${BASE}/`);
        await p.page.getByTestId('home-match').waitFor();
        assert.match(await p.page.getByTestId('home-match').getAttribute('href'), /^\/c\/[^/]+\/match$/);
        await h.shot(p.page, 'live-room-phone-home');
        await p.page.getByTestId('home-live').click();
        await p.page.locator('#lv-pin').waitFor();
        // the tab bar puts the live pages under 活动
        assert.equal(await p.page.locator('.pt-tabbar [aria-current="page"]').textContent(), '活动');
      } else {
        await p.page.goto(`${BASE}/live`);
      }
      await p.page.locator('#lv-pin').fill(pin);
      await p.page.getByRole('button', { name: '加入' }).click();
      await p.page.locator('[data-testid="live-game"][data-phase="lobby"]').waitFor();
      phones.push(p);
    }
    await h.eventually(async () => (await screen.page.getByTestId('live-count').textContent()).includes('2'), 'the screen counts two players');
    await h.shot(screen.page, 'live-room-screen-lobby');
    await h.shot(phones[0].page, 'live-room-phone-lobby');

    await host.page.getByTestId('host-start').click();
    for (const p of phones) await p.page.locator('[data-testid="live-game"][data-phase="question"]').waitFor();
    await screen.page.getByTestId('live-timer').waitFor();
    await h.shot(phones[0].page, 'live-room-phone-question');
    await answer(phones[0].page);
    await h.eventually(async () => (await screen.page.getByTestId('live-answered').textContent()).includes('1'), 'the screen counts one answer');
    await h.shot(screen.page, 'live-room-screen-question');
    await answer(phones[1].page);
    // everyone answered: the reveal comes by itself
    for (const p of phones) await p.page.getByTestId('live-reveal').waitFor();
    await screen.page.getByTestId('live-dist').waitFor();
    assert.match(await phones[0].page.getByTestId('live-score').textContent(), /第 \d 名/);
    await h.shot(phones[0].page, 'live-room-phone-reveal');
    await h.shot(screen.page, 'live-room-screen-reveal');

    await host.page.getByTestId('host-next').click();
    for (const p of phones) await p.page.locator('[data-testid="live-game"][data-phase="question"]').waitFor();
    await answer(phones[0].page);
    await host.page.getByTestId('host-reveal').click();
    await phones[1].page.getByTestId('live-reveal').waitFor();
    await host.page.getByTestId('host-end').click();
    await host.page.getByTestId('host-end-confirm').click();

    await screen.page.getByTestId('live-podium').waitFor();
    for (const p of phones) await p.page.getByTestId('live-ended').waitFor();
    await host.page.getByTestId('room-results').locator('tbody tr').first().waitFor();
    assert.equal(await host.page.getByTestId('room-results').locator('table').first().locator('tbody tr').count(), 2);
    await h.shot(screen.page, 'live-room-screen-podium');
    await h.shot(phones[1].page, 'live-room-phone-ended');
    await h.shot(host.page, 'live-room-console-results');
    for (const p of [host, screen, ...phones]) assert.deepEqual(p.problems, []);
  });
});
