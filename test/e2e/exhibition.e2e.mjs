// Exhibition visits in the browser, against the real Worker (wrangler dev) and D1: a member
// books a slot of the demo exhibition for 2 people and finds the ticket with its QR in 我的预约;
// the organizer checks the code in on the phone-sized 入场核验 screen: 已入场, then 重复入场.
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8790 runs against a server that is already up (demo data loaded).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PASSWORD, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'exhibition', port: 8805 });
const { BASE } = h;
const newPage = h.newPage;
const shot = h.shot;
const eventually = h.eventually;

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
    await page.locator(`[data-day="${today}"]`).click();
    await page.locator(`[data-slot="${slot.id}"]`).click();
    await page.getByRole('button', { name: '增加一人' }).click();
    assert.equal((await page.getByTestId('ex-party').textContent()).trim(), '2');
    assert.equal(await page.locator('#ex-phone').inputValue(), MEMBER, 'the phone is prefilled');
    await shot(page, 'exhibition-visit-390');
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.waitForURL(/\/my-bookings\/[A-Z0-9]+$/);
    const code = (await page.getByTestId('ex-code').textContent()).trim();
    assert.match(code, /^[A-Z0-9]{6,}$/);
    await page.getByText('2 人').first().waitFor();

    // 我的预约: the ticket with its QR image
    await page.goto(`${BASE}/my-bookings`);
    const ticket = page.locator(`[data-testid="ex-ticket"][data-code="${code}"]`);
    await ticket.waitFor();
    await ticket.getByText('待参观').waitFor();
    const qr = ticket.getByTestId('ex-qr');
    await qr.waitFor();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
    await shot(page, 'exhibition-my-bookings-390');
    assert.deepEqual(problems, []);
    await context.close();

    // the organizer at the gate, on a phone: type the code (lower case is upper-cased)
    const o = organizer.page;
    await o.goto(`${BASE}/console/campaigns/${CAMPAIGN}/check-in`);
    const input = o.getByTestId('ex-ci-code');
    await input.fill(code.toLowerCase());
    assert.equal(await input.inputValue(), code);
    await o.getByRole('button', { name: '核验' }).click();
    const banner = o.getByTestId('ex-ci-result');
    await o.locator('[data-testid="ex-ci-result"][data-kind="ok"]').waitFor();
    await banner.getByText('已入场').waitFor();
    await banner.getByText('2 人').waitFor();
    assert.match(await o.getByTestId('ex-inside').textContent(), /[1-9]/);
    await shot(o, 'exhibition-checkin-ok-390');

    await input.fill(code);
    await o.getByRole('button', { name: '核验' }).click();
    await o.locator('[data-testid="ex-ci-result"][data-kind="repeat"]').waitFor();
    await banner.getByText('重复入场').first().waitFor();
    await shot(o, 'exhibition-checkin-repeat-390');
    assert.deepEqual(organizer.problems, []);
  });
});
