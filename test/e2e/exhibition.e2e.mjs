// Exhibition visits in the browser, against the real Worker (wrangler dev) and D1: a member
// books a slot of the demo exhibition for 2 people and finds the ticket with its QR in 我的预约;
// the organizer checks the code in on the phone-sized 入场核验 screen: 已入场, then 重复入场.
// 候补: on a full slot a visitor joins the waiting list on a phone, sees the place in line in
// 我的预约, the organizer sees the list in the console, someone cancels, and the ticket appears
// in 我的预约 marked 候补成功.
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8790 runs against a server that is already up (demo data loaded).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { e2e, skipReason, PASSWORD, PHONE_VP, DESK_VP, SHOTS, registerUser } from './harness.mjs';

const h = e2e({ name: 'exhibition', port: 8805 });
const { BASE } = h;
const newPage = h.newPage;
const shot = h.shot;

const MEMBER = '13800000004';
const ORGANIZER = '13800000001';

const SLUG = 'hanmo-exhibition';
const CAMPAIGN = 'camp-exhibition';
const chinaDay = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

describe('exhibition visits in the browser', { skip: skipReason, timeout: 120_000 }, () => {
  let organizer;
  h.hooks();
  before(async () => {
    organizer = await newPage(PHONE_VP, { phone: ORGANIZER });
  });
  after(async () => {
    await organizer?.context.close();
  });

  test('a member books for 2, the ticket shows in 我的预约, the organizer checks it in once', async () => {
    // a slot that has just begun, so the code can be checked in right away
    const now = Date.now();
    const startsAt = new Date(Math.floor((now - 5 * 60_000) / 60_000) * 60_000).toISOString();
    const endsAt = new Date(Math.floor((now + 120 * 60_000) / 60_000) * 60_000).toISOString();
    const api = organizer.context.request;
    const made = await api.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots`, { data: { startsAt, endsAt, capacity: 10 }, headers: { origin: BASE } });
    assert.equal(made.status(), 201, await made.text());
    const today = chinaDay(now);
    const from = new Date(Date.parse(`${today}T00:00:00+08:00`)).toISOString();
    const to = new Date(Date.parse(`${today}T00:00:00+08:00`) + 86_400_000).toISOString();
    const { items } = await (await api.get(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots?from=${from}&to=${to}`)).json();
    const slot = items.find((s) => Date.parse(s.startsAt) === Date.parse(startsAt) && s.capacity === 10);
    assert.ok(slot, `the new slot is listed: ${JSON.stringify(items)}`);

    // the member books it from the campaign page on a phone
    const { context, page, problems } = await newPage(PHONE_VP, { phone: MEMBER });
    await page.goto(`${BASE}/c/${SLUG}`);
    await page.getByRole('link', { name: '预约参观' }).click();
    await page.waitForURL(`${BASE}/c/${SLUG}/visit`);
    // 线上看展：<title> fits its button at 390 px (it wraps, never runs past the edge)
    const online = page.locator('.ex-gallery-btn');
    await online.waitFor();
    assert.ok(
      await online.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= window.innerWidth),
      'the 线上看展 button fits',
    );
    await page.locator(`[data-day="${today}"]`).click();
    await page.locator(`[data-slot="${slot.id}"]`).click();
    await page.getByRole('button', { name: '增加一人' }).click();
    assert.equal((await page.getByTestId('ex-party').textContent()).trim(), '2');
    assert.equal(await page.locator('#ex-phone').inputValue(), MEMBER, 'the phone is prefilled');
    await shot(page, 'exhibition-visit-390');
    // 参观须知 must be accepted first: without the tick nothing is booked
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.locator('#ex-notice-error').getByText('请先阅读并勾选同意参观须知').waitFor();
    assert.equal(page.url(), `${BASE}/c/${SLUG}/visit`);
    // the party's names (optional, folded away) and a text the day before
    await page.getByTestId('ex-visitors-more').click();
    await page.getByTestId('ex-visitor-name-0').fill('陈一');
    await page.getByTestId('ex-visitor-name-1').fill('陈二');
    await page.getByTestId('ex-remind').check();
    await page.getByTestId('ex-notice').check();
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.waitForURL(/\/my-bookings\/[A-Z0-9]+$/);
    const code = (await page.getByTestId('ex-code').textContent()).trim();
    assert.match(code, /^[A-Z0-9]{6,}$/);
    await page.getByText('2 人').first().waitFor();
    // the ticket page: one large QR, centred on the screen
    const big = page.getByTestId('ex-qr');
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await big.elementHandle());
    const box = await big.boundingBox();
    assert.ok(box.width >= 240, `the QR is large: ${box.width} px`);
    assert.ok(Math.abs(box.x + box.width / 2 - PHONE_VP.width / 2) <= 4, `the QR is centred: ${box.x}+${box.width}`);
    await page.getByTestId('ex-ticket-visitors').getByText('陈二').waitFor();
    await shot(page, 'exhibition-ticket-390');

    // 我的预约: the ticket with its QR image
    await page.goto(`${BASE}/my-bookings`);
    const ticket = page.locator(`[data-testid="ex-ticket"][data-code="${code}"]`);
    await ticket.waitFor();
    await ticket.getByText('待参观').waitFor();
    const qr = ticket.getByTestId('ex-qr');
    await qr.waitFor();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
    await shot(page, 'exhibition-my-bookings-390');

    // 我的: the next visit, one tap from its ticket
    await page.goto(`${BASE}/me`);
    const card = page.getByTestId('exhibition-me');
    const next = card.getByRole('link', { name: /下次参观/ });
    await next.waitFor();
    assert.match(await next.getAttribute('href'), /^\/my-bookings\/[A-Z0-9]+$/);
    await next.click();
    await page.getByTestId('ex-code').waitFor();
    assert.deepEqual(problems, []);
    await context.close();

    // the organizer at the gate, on a phone: type the code (lower case is upper-cased)
    const o = organizer.page;
    await o.goto(`${BASE}/console/campaigns/${CAMPAIGN}/check-in`);
    const input = o.getByTestId('ex-ci-code');
    await input.fill(code.toLowerCase());
    assert.equal(await input.inputValue(), code);
    await o.getByRole('button', { name: '核验', exact: true }).click();
    const banner = o.getByTestId('ex-ci-result');
    await o.locator('[data-testid="ex-ci-result"][data-kind="ok"]').waitFor();
    await banner.getByText('已入场').waitFor();
    await banner.getByText('2 人').waitFor();
    assert.match(await o.getByTestId('ex-inside').textContent(), /[1-9]/);
    await shot(o, 'exhibition-checkin-ok-390');

    await input.fill(code);
    await o.getByRole('button', { name: '核验', exact: true }).click();
    await o.locator('[data-testid="ex-ci-result"][data-kind="repeat"]').waitFor();
    await banner.getByText('重复入场').first().waitFor();
    await shot(o, 'exhibition-checkin-repeat-390');
    assert.deepEqual(organizer.problems, []);
  });

  test('候补: a full slot’s waiting list on a phone; a cancellation turns the place into a ticket', async () => {
    const api = organizer.context.request;
    // a slot for one person, starting in half an hour
    const now = Date.now();
    const startsAt = new Date(Math.ceil((now + 30 * 60_000) / 60_000) * 60_000).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 60 * 60_000).toISOString();
    const made = await api.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots`, { data: { startsAt, endsAt, capacity: 1 }, headers: { origin: BASE } });
    assert.equal(made.status(), 201, await made.text());
    const slot = (await made.json()).slot;
    assert.ok(slot?.id, 'the new slot comes back');
    const day = chinaDay(Date.parse(startsAt));

    // someone takes the only seat
    const register = async (context, name) => {
      const phone = `139${String(Date.now() + Math.floor(Math.random() * 1e4)).slice(-8)}`;
      const r = await registerUser(context.request, BASE, { phone, password: PASSWORD, name });
      assert.equal(r.status(), 201, await r.text());
      return phone;
    };
    const other = await h.browser.newContext();
    await register(other, '赵先到');
    const taken = await other.request.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/bookings`, {
      data: { slotId: slot.id, partySize: 1, name: '赵先到', phone: '13911112222', acceptedNotice: true },
      headers: { origin: BASE },
    });
    assert.equal(taken.status(), 201, await taken.text());
    const seat = (await taken.json()).booking;

    // a visitor on a phone: the full slot offers 候补, says how it works, and takes the place
    const { context, page, problems } = await newPage(PHONE_VP);
    const phone = await register(context, '钱候补');
    await page.goto(`${BASE}/c/${SLUG}/visit`);
    await page.locator(`[data-day="${day}"]`).click();
    const chip = page.locator(`[data-slot="${slot.id}"]`);
    await chip.getByText('已约满 · 可候补').waitFor();
    await chip.click();
    const submit = page.locator('[data-testid="ex-form"] button[type="submit"]');
    await page.getByTestId('ex-wait-how').getByText('按候补先后顺序自动为您预约').waitFor();
    assert.equal((await submit.textContent()).trim(), '候补');
    assert.equal(await page.locator('#ex-phone').inputValue(), phone, 'the phone is prefilled');
    await shot(page, 'exhibition-waitlist-join-390');
    await page.getByTestId('ex-notice').check();
    await submit.click();
    await page.getByTestId('ex-joined').getByText('当前排第 1 位').waitFor();
    // the seat counts come back with the waiting count; the answer stays on screen
    await page.locator(`[data-slot="${slot.id}"]`).getByText('1 人候补').waitFor();
    await page.getByTestId('ex-joined').getByText('当前排第 1 位').waitFor();
    await shot(page, 'exhibition-waitlist-joined-390');

    // 我的预约: the place in line and a leave button; no ticket yet
    await page.goto(`${BASE}/my-bookings`);
    const card = page.getByTestId('ex-waiting');
    await card.getByText('第 1 位').waitFor();
    await card.getByRole('button', { name: '退出候补' }).waitFor();
    assert.equal(await page.getByTestId('ex-ticket').count(), 0);
    await shot(page, 'exhibition-waitlist-mine-390');

    // the organizer sees who waits for the slot, with name and phone
    const desk = await newPage(DESK_VP, { phone: ORGANIZER });
    await desk.page.goto(`${BASE}/console/campaigns/${CAMPAIGN}/exhibition`);
    const row = desk.page.locator(`li[data-slot="${slot.id}"]`);
    await row.getByTestId('ex-wait-toggle').getByText('候补 1').waitFor();
    await row.getByTestId('ex-wait-toggle').click();
    const list = row.getByTestId('ex-wait-list');
    await list.getByText('钱候补').waitFor();
    await list.getByText(phone).waitFor();
    await row.scrollIntoViewIfNeeded();
    await shot(desk.page, 'exhibition-waitlist-console-1280');
    await row.screenshot({ path: join(SHOTS, 'exhibition-waitlist-console-row-1280.png') });
    assert.deepEqual(desk.problems, []);
    await desk.context.close();

    // the seat is given back: the place becomes a ticket, marked 候补成功
    const cancelled = await other.request.post(`${BASE}/api/v1/bookings/${seat.id}/cancel`, { headers: { origin: BASE } });
    assert.equal(cancelled.status(), 200, await cancelled.text());
    await other.close();
    await page.reload();
    const ticket = page.getByTestId('ex-ticket');
    await ticket.getByTestId('ex-from-waitlist').waitFor();
    await ticket.getByText('待参观').waitFor();
    const qr = ticket.getByTestId('ex-qr');
    await qr.waitFor();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
    assert.match((await ticket.getByTestId('ex-code').textContent()).trim(), /^[A-Z0-9]{12}$/);
    assert.equal(await page.getByTestId('ex-waiting').count(), 0, 'no longer waiting');
    await shot(page, 'exhibition-waitlist-ticket-390');
    assert.deepEqual(problems, []);

    // the same screens in English
    const en = await newPage(PHONE_VP, { lang: 'en' });
    const full = await api.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/slots`, {
      data: { startsAt: endsAt, endsAt: new Date(Date.parse(endsAt) + 60 * 60_000).toISOString(), capacity: 1 },
      headers: { origin: BASE },
    });
    const fullSlot = (await full.json()).slot;
    await register(en.context, 'Sun Wait');
    const filler = await h.browser.newContext();
    await register(filler, '孙占位');
    await filler.request.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/bookings`, {
      data: { slotId: fullSlot.id, partySize: 1, name: '孙占位', phone: '13911113333', acceptedNotice: true },
      headers: { origin: BASE },
    });
    await filler.close();
    await en.page.goto(`${BASE}/c/${SLUG}/visit`);
    await en.page.locator(`[data-day="${chinaDay(Date.parse(endsAt))}"]`).click();
    await en.page.locator(`[data-slot="${fullSlot.id}"]`).click();
    await en.page.getByTestId('ex-notice').check();
    await en.page.getByRole('button', { name: 'Join the waiting list' }).click();
    await en.page.getByTestId('ex-joined').getByText('number 1 in line').waitFor();
    await en.page.goto(`${BASE}/my-bookings`);
    await en.page.getByTestId('ex-waiting').getByText('No. 1').waitFor();
    await shot(en.page, 'exhibition-waitlist-mine-390-en');
    assert.deepEqual(en.problems, []);
    await en.context.close();
    await context.close();
  });

  test('实名预约: every visitor’s name and ID number; a wrong number is refused on the phone, the ticket shows only the last four', async () => {
    const api = organizer.context.request;
    const now = Date.now();
    const made = await api.post(`${BASE}/api/v1/campaigns`, {
      data: {
        kind: 'exhibition',
        title: '实名展览',
        orgUnitId: 'root',
        startsAt: new Date(now - 864e5).toISOString(),
        endsAt: new Date(now + 30 * 864e5).toISOString(),
        settings: { venue: '文化馆二楼', requireIdNumbers: true, rules: '凭身份证入场。' },
      },
      headers: { origin: BASE },
    });
    assert.equal(made.status(), 201, await made.text());
    const campaign = (await made.json()).campaign;
    assert.equal((await api.post(`${BASE}/api/v1/campaigns/${campaign.id}/publish`, { headers: { origin: BASE } })).status(), 200);
    const startsAt = new Date(Math.ceil((now + 26 * 3600_000) / 3600_000) * 3600_000).toISOString();
    const slotRes = await api.post(`${BASE}/api/v1/campaigns/${campaign.id}/slots`, {
      data: { startsAt, endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString(), capacity: 5 },
      headers: { origin: BASE },
    });
    const slot = (await slotRes.json()).slot;

    const { context, page, problems } = await newPage(PHONE_VP, { phone: MEMBER });
    await page.goto(`${BASE}/c/${campaign.slug}/visit`);
    await page.locator(`[data-day="${chinaDay(Date.parse(startsAt))}"]`).click();
    await page.locator(`[data-slot="${slot.id}"]`).click();
    // required: the rows are in plain sight
    await page.getByTestId('ex-visitor-name-0').fill('林实名');
    await page.getByTestId('ex-visitor-id-0').fill('110105194912310021');
    await page.getByTestId('ex-notice').check();
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.locator('#ex-visitors-error').getByText('身份证号不正确').waitFor();
    await shot(page, 'exhibition-realname-390');
    await page.getByTestId('ex-visitor-id-0').fill('11010519491231002x');
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.waitForURL(/\/my-bookings\/[A-Z0-9]+$/);
    const visitors = page.getByTestId('ex-ticket-visitors');
    await visitors.getByText('**************002X').waitFor();
    assert.ok(!(await visitors.textContent()).includes('1949'), 'the ticket never shows the whole number');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
