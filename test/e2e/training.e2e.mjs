// 党员教育培训 in the browser, against the real Worker (wrangler dev) and D1: the root organizer
// adds a session to the demo 集中轮训 class and puts its check-in code on screen; the demo
// member (enrolled through the seed) scans the screen's QR on a phone and checks in; the
// organizer marks 送学上门 for a member who cannot come in the register, and prints the sign-in
// sheet; the member sees the session's hours added to the year's total against the target.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'training', port: 8809 });
const { BASE } = h;

const MEMBER = '13800000003'; // 王晓燕, 第一党支部 of the 发改委 (enrolled in the demo class)
const ORGANIZER = '13800000001';
const SLUG = 'dangxiao-lunxun';
const HOME_BOUND = 'roster-user-m000'; // another member of the same branch

/** A datetime-local value in China time. */
const cn = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 16);

describe('training screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('a session and its code → a member checks in by the QR → 送学上门 in the register → the member’s hours', async () => {
    const member = await h.newPage(PHONE_VP, { phone: MEMBER });
    const learning = async () => (await (await member.context.request.get(`${BASE}/api/v1/me/learning`)).json()).hours;
    const before = await learning();

    // ---- the organizer adds a session that is on now
    const organizer = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await organizer.page.goto(`${BASE}/console/campaigns/camp-training`);
    await organizer.page.getByTestId('tr-manage-link').click();
    await organizer.page.waitForURL(/\/console\/campaigns\/camp-training\/training/);
    await organizer.page.getByTestId('tr-session-row').first().waitFor();
    await organizer.page.getByTestId('tr-add-session').click();
    const form = organizer.page.getByTestId('tr-session-form');
    const title = `专题辅导：基层党建 ${Date.now() % 10000}`;
    await form.getByLabel('课次名称').fill(title);
    await form.getByLabel('开始时间').fill(cn(Date.now() - 5 * 60e3));
    await form.getByLabel('结束时间').fill(cn(Date.now() + 115 * 60e3));
    await form.getByLabel('地点').fill('机关三楼会议室');
    await form.getByLabel('主讲人').fill('市委党校 王老师');
    await h.shot(organizer.page, 'training-session-form-1280');
    await form.getByTestId('tr-session-save').click();
    await organizer.page.getByText('已添加 1 个课次。').waitFor();
    const row = organizer.page.getByTestId('tr-session-row').filter({ hasText: title });
    await row.waitFor();
    assert.match(await row.locator('td').nth(3).textContent(), /^2$/, 'two hours by default from the duration');
    await h.shot(organizer.page, 'training-sessions-console-1280');

    // ---- the code screen on the room's projector
    const codeHref = await row.getByTestId('tr-code-link').getAttribute('href');
    const screen = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await screen.page.goto(new URL(codeHref, BASE).href);
    const code = (await screen.page.getByTestId('screen-code').textContent()).replace(/\D/g, '');
    assert.match(code, /^\d{6}$/);
    const qrUrl = await screen.page.getByTestId('screen-qr').getAttribute('data-url');
    assert.match(qrUrl, new RegExp(`/c/${SLUG}/training\\?session=[^&]+&code=\\d{6}$`));
    assert.equal(await screen.page.locator('[data-testid="screen-qr"] svg').count(), 1);
    await h.shot(screen.page, 'training-code-screen-1280');

    // ---- the member scans the QR: the page opens with the code filled in
    await member.page.goto(qrUrl);
    await member.page.getByTestId('tr-check-in').waitFor();
    assert.equal(await member.page.getByTestId('tr-code').inputValue(), qrUrl.slice(-6));
    await member.page.getByTestId('tr-check-in-submit').click();
    await member.page.getByText('签到成功，获得 2 学时。').waitFor();
    await member.page.getByTestId('tr-session').filter({ hasText: title }).getByTestId('tr-session-mine').getByText('已出席').waitFor();
    await h.shot(member.page, 'training-checked-in-390');

    // ---- the organizer marks 送学上门 for a member who cannot come
    await row.getByTestId('tr-register-link').click();
    const line = organizer.page.locator(`[data-testid="tr-register-row"][data-roster="${HOME_BOUND}"]`);
    await line.waitFor();
    await line.getByTestId('tr-status').selectOption('present');
    await line.getByTestId('tr-mode').selectOption('delivered');
    await line.getByTestId('tr-note').fill('年老体弱，支部书记上门送学');
    await line.getByTestId('tr-note').press('Tab');
    await organizer.page.getByTestId('tr-register-save').click();
    await organizer.page.getByText('已保存 1 条登记，学时已同步。').waitFor();
    await h.shot(organizer.page, 'training-register-1280');
    const sheet = await (await organizer.context.request.get(`${BASE}/api/v1/sessions/${qrUrl.match(/session=([^&]+)/)[1]}/attendance`)).json();
    assert.deepEqual(
      sheet.items
        .filter((x) => x.status)
        .map((x) => [x.name, x.status, x.mode])
        .sort(),
      [
        [sheet.items.find((x) => x.rosterId === HOME_BOUND).name, 'present', 'delivered'],
        ['王晓燕', 'present', 'onsite'],
      ].sort(),
    );

    // ---- the printable sign-in sheet
    const printHref = await organizer.page.getByTestId('tr-print').getAttribute('href');
    const print = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await print.page.goto(new URL(printHref, BASE).href);
    await print.page.getByTestId('tr-sheet').getByText('本人签名').waitFor();
    await print.page.getByText('出席（送学上门）').waitFor();
    await h.shot(print.page, 'training-sign-in-sheet-1280');

    // ---- the member sees the hours against the year's target
    await member.page.reload();
    await member.page.getByTestId('tr-hours-value').waitFor();
    assert.equal(await learning(), before + 2);
    const shown = await member.page.getByTestId('tr-hours-value').textContent();
    assert.ok(shown.startsWith(`${before + 2} / 32`), `hours shown: ${shown}`);
    await h.shot(member.page, 'training-my-hours-390');
    // a reload of the QR link does not offer the code again for a session already attended
    assert.equal(await member.page.getByTestId('tr-check-in').count(), 0);

    // ---- the same screens in English, and the console on a phone
    const enMember = await h.newPage(PHONE_VP, { phone: MEMBER, lang: 'en' });
    await enMember.page.goto(`${BASE}/c/${SLUG}/training`);
    await enMember.page.getByText('My study hours this year').waitFor();
    await h.shot(enMember.page, 'training-my-hours-en-390');
    const enOrg = await h.newPage(DESK_VP, { phone: ORGANIZER, lang: 'en' });
    await enOrg.page.goto(`${BASE}/console/campaigns/camp-training/training?tab=stats`);
    await enOrg.page.getByTestId('tr-stats').waitFor();
    await h.shot(enOrg.page, 'training-stats-en-1280');
    const phoneOrg = await h.newPage(PHONE_VP, { phone: ORGANIZER });
    await phoneOrg.page.goto(`${BASE}/console/campaigns/camp-training/training`);
    await phoneOrg.page.getByTestId('tr-session-row').first().waitFor();
    await h.shot(phoneOrg.page, 'training-sessions-console-390');
    assert.deepEqual(
      [...member.problems, ...organizer.problems, ...screen.problems, ...print.problems, ...enMember.problems, ...enOrg.problems, ...phoneOrg.problems],
      [],
    );
  });
});
