// 消息中心 in the browser, against the real Worker (wrangler dev) and D1: a member waits on a
// full slot of the demo exhibition and has turned on 短信通知 in 我的; the organizer frees a
// place (a higher capacity), the waiting list books the member, and the member finds the bell's
// badge ("消息，1 条未读") and the 候补成功 message in the portal; tapping it marks it read and
// opens the ticket; 全部已读 and the empty state; the text went to the dev outbox. The organizer's
// console has the same bell and list.
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PASSWORD, PHONE_VP, DESK_VP, registerUser } from './harness.mjs';

const h = e2e({ name: 'notifications', port: 8815 });
const { BASE } = h;

const ORGANIZER = '13800000001';
const CAMPAIGN = 'camp-exhibition';
const post = (request, path, data) => request.post(`${BASE}/api/v1${path}`, { data, headers: { origin: BASE } });

describe('notifications in the browser', { skip: skipReason, timeout: 180_000 }, () => {
  let organizer;
  h.hooks();
  before(async () => {
    organizer = await h.newPage(DESK_VP, { phone: ORGANIZER });
  });
  after(async () => {
    await organizer?.context.close();
  });

  test('a waiting-list place turned into a booking reaches the member: badge, message, ticket, text', async () => {
    const api = organizer.context.request;
    // a one-seat slot tomorrow, taken by someone else
    const startsAt = new Date(Math.ceil((Date.now() + 26 * 3600_000) / 60_000) * 60_000).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 60 * 60_000).toISOString();
    const made = await post(api, `/campaigns/${CAMPAIGN}/slots`, { startsAt, endsAt, capacity: 1 });
    assert.equal(made.status(), 201, await made.text());
    const slot = (await made.json()).slot;
    const register = async (context, name) => {
      const phone = `137${String(Date.now() + Math.floor(Math.random() * 1e4)).slice(-8)}`;
      const r = await registerUser(context.request, BASE, { phone, password: PASSWORD, name });
      assert.equal(r.status(), 201, await r.text());
      return phone;
    };
    const other = await h.browser.newContext();
    await register(other, '赵先到');
    const taken = await post(other.request, `/campaigns/${CAMPAIGN}/bookings`, {
      slotId: slot.id,
      partySize: 1,
      name: '赵先到',
      phone: '13911112222',
      acceptedNotice: true,
    });
    assert.equal(taken.status(), 201, await taken.text());
    await other.close();

    // the member, on a phone: registered, on the waiting list, 短信通知 turned on in 我的
    const { context, page, problems } = await h.newPage(PHONE_VP);
    const phone = await register(context, '孙候补');
    const joined = await post(context.request, `/campaigns/${CAMPAIGN}/slots/${slot.id}/waitlist`, {
      partySize: 1,
      name: '孙候补',
      phone,
      acceptedNotice: true,
    });
    assert.equal(joined.status(), 201, await joined.text());
    await page.goto(`${BASE}/me`);
    const sms = page.getByTestId('sms-notify');
    await sms.waitFor();
    assert.equal(await sms.getAttribute('aria-checked'), 'false', 'texts are off until the member agrees');
    await sms.click();
    await page.getByText('已保存').waitFor();
    assert.equal(await sms.getAttribute('aria-checked'), 'true');
    // no message yet: the bell says so in words
    const bell = page.getByTestId('notification-bell');
    assert.equal(await bell.getAttribute('aria-label'), '消息');

    // the organizer frees a place: the waiting list books the member in the same write
    const freed = await api.patch(`${BASE}/api/v1/slots/${slot.id}`, { data: { capacity: 2 }, headers: { origin: BASE } });
    assert.equal(freed.status(), 200, await freed.text());
    assert.equal((await freed.json()).promoted, 1);

    // the member's badge (the page reloaded: a navigation asks at most every 15 s, a poll every 60 s)
    await page.goto(`${BASE}/`);
    await page.locator('[data-testid="notification-bell"][aria-label="消息，1 条未读"]').waitFor();
    assert.equal((await page.locator('.tx-bell-badge').textContent()).trim(), '1');
    await h.shot(page, 'notifications-badge-390');
    await bell.click();
    await page.waitForURL(`${BASE}/messages`);
    const note = page.locator('.tx-note[data-kind="waitlist_booked"]');
    await note.waitFor();
    assert.ok(await note.evaluate((el) => el.classList.contains('is-unread')), 'shown as unread');
    await note.getByText('候补成功').waitFor();
    await note.getByText(/已为您预约成功/).waitFor();
    // nothing runs past a phone's width
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'fits 390 px');
    await h.shot(page, 'notifications-messages-390');
    // a tap marks it read and opens the ticket
    await note.click();
    await page.waitForURL(/\/my-bookings\/[A-Z0-9]+$/);
    await page.getByTestId('ex-code').waitFor();
    await page.locator('[data-testid="notification-bell"][aria-label="消息"]').waitFor();
    const box = await (await context.request.get(`${BASE}/api/v1/me/notifications`)).json();
    assert.equal(box.unread, 0);
    assert.ok(box.items[0].readAt, 'read on the server');
    // 只看未读: the empty state
    await page.goto(`${BASE}/messages`);
    await page.getByRole('button', { name: '只看未读' }).click();
    await page.getByText('没有未读消息').waitFor();
    // the text went out, to the account's phone (the member agreed)
    const outbox = await (await context.request.get(`${BASE}/api/v1/dev/outbox?phone=${phone}`)).json();
    assert.ok(
      outbox.items.some((i) => i.purpose === 'notice' && i.code.includes('候补成功')),
      JSON.stringify(outbox.items),
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the console has the same bell and 消息中心, on a desk and at 360 px', async () => {
    const { page, problems } = organizer;
    await page.goto(`${BASE}/console/`);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    await bell.click();
    await page.waitForURL(`${BASE}/console/messages`);
    await page.getByRole('heading', { name: '消息中心' }).waitFor();
    // the organizer has no message: the empty state, and 全部已读 has nothing to do
    await page.locator('.tx-notes').getByText('暂时没有消息').waitFor();
    assert.ok(await page.getByTestId('notifications-all-read').isDisabled());
    await h.shot(page, 'notifications-console-1280');
    const narrow = await h.newPage({ width: 360, height: 780 }, { phone: ORGANIZER });
    await narrow.page.goto(`${BASE}/messages`);
    await narrow.page.getByRole('heading', { name: '消息中心' }).waitFor();
    await narrow.page.locator('.tx-notes').getByText('暂时没有消息').waitFor();
    assert.ok(await narrow.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'fits 360 px');
    await h.shot(narrow.page, 'notifications-portal-360');
    await narrow.context.close();
    assert.deepEqual(problems, []);
  });
});
