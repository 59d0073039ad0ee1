// "1+1" volunteer screens in the browser, against the real Worker (wrangler dev) and D1:
// a member opens 我的1+1 of the demo campaign on a phone and takes the invite link; a resident
// with no account opens it in a fresh browser, must tick the consent, registers and sees the
// success; the member sees the pair and reports 2 hours; the root organizer approves them in
// the console's review queue; the member sees the approved hours.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8801 runs against a server that is already up (demo data loaded).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'volunteer', port: 8801 });
const { BASE } = h;
const newPage = h.newPage;
const shot = h.shot;

const MEMBER = '13800000004';
const ORGANIZER = '13800000001';
const SLUG = 'one-plus-one';

/** Today in China, the calendar service dates use. */
const chinaDay = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

describe('"1+1" volunteer screens in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('invite → resident consents and registers → member reports hours → organizer approves → approved hours', async () => {
    const started = Date.now();
    const residentName = '赵春梅';
    const residentPhone = `139${String(Date.now()).slice(-8)}`;

    // ---- the member opens 我的1+1 from the campaign page and takes the invite link
    const member = await newPage(PHONE_VP, { phone: MEMBER });
    const me = await (await member.context.request.get(`${BASE}/api/v1/me`)).json();
    const memberName = me.user.name;
    const memberUnit = me.memberships.find((m) => m.role === 'member')?.orgUnitId;
    assert.ok(memberUnit, 'the demo member belongs to a branch');

    await member.page.goto(`${BASE}/c/${SLUG}`);
    await member.page.getByRole('link', { name: /我的1\+1/ }).click();
    await member.page.waitForURL(`${BASE}/c/${SLUG}/volunteer`);
    await member.page.getByRole('heading', { name: '我的1+1', level: 1 }).waitFor();
    const code = (await member.page.getByTestId('invite-code').textContent()).trim();
    assert.match(code, /^[A-Za-z0-9]{6,20}$/);
    const inviteUrl = await member.page.getByTestId('invite-url').inputValue();
    assert.ok(inviteUrl.endsWith(`/invite/${code}`), `invite link ${inviteUrl}`);
    // the QR image answers with an SVG
    const qr = member.page.locator('img.vl-qr');
    await qr.waitFor();
    const qrSrc = await qr.getAttribute('src');
    const qrRes = await member.context.request.get(new URL(qrSrc, BASE).href);
    assert.equal(qrRes.status(), 200);
    assert.match(qrRes.headers()['content-type'] ?? '', /svg/);
    const approvedBefore = Number(await member.page.getByTestId('approved-hours').textContent());
    await shot(member.page, 'volunteer-mine-390');

    // ---- a resident, signed out, in a fresh browser (as from WeChat): consent is required
    const resident = await newPage(PHONE_VP);
    await resident.page.goto(new URL(new URL(inviteUrl).pathname, BASE).href);
    await resident.page.getByText(`党员 ${(await (await fetch(`${BASE}/api/v1/invites/${code}`)).json()).inviterName} 邀请您`).waitFor();
    const consent = resident.page.getByRole('checkbox', { name: '我已阅读并同意上述个人信息使用说明' });
    assert.equal(await consent.isChecked(), false, 'consent is not ticked by default');
    await resident.page.getByLabel('姓名').fill(residentName);
    await resident.page.getByLabel('手机号').fill(residentPhone);
    await resident.page.getByRole('button', { name: '同意并登记' }).click();
    await resident.page.getByText('请先阅读并勾选同意个人信息使用说明。').waitFor();
    assert.equal(await resident.page.getByTestId('register-success').count(), 0, 'nothing is sent without consent');
    await consent.check();
    await resident.page.getByRole('button', { name: '同意并登记' }).click();
    await resident.page.getByTestId('register-success').getByText('登记成功，感谢参与').waitFor();
    await shot(resident.page, 'volunteer-invite-success-390');
    assert.deepEqual(resident.problems, []);

    // the member's one place is taken now: the same link says so instead of showing the form
    await resident.page.goto(new URL(new URL(inviteUrl).pathname, BASE).href);
    await resident.page.getByText('该党员的结对名额已满').waitFor();
    assert.equal(await resident.page.getByRole('button', { name: '同意并登记' }).count(), 0);
    await resident.context.close();

    // ---- the member sees the pair, then reports 2 hours
    await member.page.reload();
    await member.page.getByTestId('my-pairs').getByText(residentName).waitFor();
    await member.page.getByLabel('服务日期', { exact: true }).fill(chinaDay());
    await member.page.getByRole('button', { name: '增加半小时' }).click();
    await member.page.getByRole('button', { name: '增加半小时' }).click();
    assert.equal(await member.page.getByLabel('服务时长', { exact: true }).inputValue(), '2');
    await member.page.getByLabel('服务内容', { exact: true }).fill('陪同结对群众参加社区环境整治');
    // the one pair is preselected
    assert.match(await member.page.locator('#rec-pair option:checked').textContent(), new RegExp(residentName));
    await member.page.getByRole('button', { name: '提交登记' }).click();
    await member.page.getByTestId('report-done').waitFor();
    const pendingRow = member.page.getByTestId('my-records').locator('li', { hasText: '陪同结对群众参加社区环境整治' }).first();
    await pendingRow.getByText('待审核').waitFor();
    assert.equal(Number(await member.page.getByTestId('pending-hours').textContent()) >= 2, true);
    await shot(member.page, 'volunteer-reported-390');

    // ---- the organizer approves it in the console's review queue
    const organizer = await newPage(DESK_VP, { phone: ORGANIZER });
    await organizer.page.goto(`${BASE}/console/campaigns`);
    await organizer.page.getByTestId('vol-manage').first().click();
    await organizer.page.waitForURL(/\/console\/campaigns\/[^/]+\/volunteer/);
    await organizer.page.getByTestId('vol-stats').waitFor();
    await organizer.page.getByRole('tab', { name: /审核/ }).click();
    await organizer.page.getByTestId('review-table').waitFor();
    await organizer.page.getByTestId('review-unit').selectOption(memberUnit);
    const row = organizer.page.getByTestId('review-table').locator('tbody tr', { hasText: '陪同结对群众参加社区环境整治' }).filter({ hasText: memberName });
    await row.first().waitFor();
    await shot(organizer.page, 'volunteer-console-review-1280');
    await row.first().getByTestId('approve-one').click();
    await organizer.page.getByText(`已通过 ${memberName} 的 2 小时。`).waitFor();
    assert.deepEqual(organizer.problems, []);
    await organizer.context.close();

    // ---- the member sees the approved hours
    await member.page.reload();
    await member.page.waitForFunction((n) => document.querySelector('[data-testid="approved-hours"]')?.textContent?.trim() === n, String(approvedBefore + 2));
    await member.page.getByTestId('my-records').locator('li', { hasText: '陪同结对群众参加社区环境整治' }).first().getByText('已通过').waitFor();
    await shot(member.page, 'volunteer-approved-390');
    assert.deepEqual(member.problems, []);
    await member.context.close();
    assert.ok(Date.now() - started < 60_000, `the flow took ${Date.now() - started} ms`);
  });

  test('service activity: organizer creates it and opens the code screen → member signs up, checks in and out with the code → pending record', async () => {
    const title = `社区义诊服务${String(Date.now()).slice(-4)}`;
    const place = '幸福社区党群服务中心';
    // China time of the datetime-local inputs (the form reads them as UTC+8)
    const cn = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 16);

    // ---- the organizer creates the activity in the 服务活动 tab
    const organizer = await newPage(DESK_VP, { phone: ORGANIZER });
    await organizer.page.goto(`${BASE}/console/campaigns`);
    await organizer.page.getByTestId('vol-manage').first().click();
    await organizer.page.waitForURL(/\/console\/campaigns\/[^/]+\/volunteer/);
    await organizer.page.getByRole('tab', { name: '服务活动' }).click();
    await organizer.page.getByTestId('sa-new').click();
    const form = organizer.page.getByTestId('sa-form');
    await form.getByLabel('活动名称').fill(title);
    await form.getByLabel('地点').fill(place);
    await form.getByLabel('开始时间').fill(cn(Date.now() - 10 * 60e3));
    await form.getByLabel('结束时间').fill(cn(Date.now() + 110 * 60e3));
    await form.getByLabel('名额').fill('10');
    await form.getByLabel('活动说明').fill('协助测量血压、登记居民信息');
    await shot(organizer.page, 'volunteer-activity-form-1280');
    await form.getByTestId('sa-save').click();
    await organizer.page.getByText(`已创建“${title}”。`).waitFor();
    const row = organizer.page.getByTestId('sa-table').locator('tbody tr', { hasText: title });
    await row.getByText('0/10').waitFor();
    await shot(organizer.page, 'volunteer-activities-console-1280');

    // ---- the code screen: six big digits, a countdown, a QR of the check-in link with the code
    const codeHref = await row.getByTestId('sa-code-link').getAttribute('href');
    const screen = await newPage(DESK_VP, { phone: ORGANIZER });
    await screen.page.goto(new URL(codeHref, BASE).href);
    const screenCode = async () => {
      const text = (await screen.page.getByTestId('screen-code').textContent()).replace(/\D/g, '');
      assert.match(text, /^\d{6}$/);
      return text;
    };
    const first = await screenCode();
    await screen.page
      .getByTestId('screen-countdown')
      .getByText(/\d+ 秒后更新/)
      .waitFor();
    const qrUrl = await screen.page.getByTestId('screen-qr').getAttribute('data-url');
    assert.match(qrUrl, new RegExp(`/service-activities/[^/]+/check\\?code=${first}$`));
    assert.equal(await screen.page.locator('[data-testid="screen-qr"] svg').count(), 1);
    const digits = await screen.page.getByTestId('screen-code').boundingBox();
    assert.ok(digits.height > 120, `digits readable across a room (${digits.height}px tall)`);
    await shot(screen.page, 'volunteer-code-screen-1280');

    // ---- a member on a phone signs up in 我的1+1
    const member = await newPage(PHONE_VP, { phone: MEMBER });
    await member.page.goto(`${BASE}/c/${SLUG}/volunteer`);
    const item = member.page.getByTestId('sa-item').filter({ hasText: title });
    await item.getByText('剩余 10 个名额（共 10）').waitFor();
    await item.getByRole('button', { name: '我要报名' }).click();
    await item.getByText('已报名').waitFor();
    await item.getByText('剩余 9 个名额（共 10）').waitFor();
    await shot(member.page, 'volunteer-activity-signed-up-390');

    // ---- checks in by typing the code on the screen
    await item.getByRole('link', { name: '去签到' }).click();
    await member.page.waitForURL(/\/service-activities\/[^/]+\/check/);
    const input = member.page.getByLabel('签到码', { exact: true });
    await input.fill(await screenCode());
    await member.page.getByTestId('check-submit').click();
    await member.page
      .getByTestId('check-result')
      .getByText(/签到成功/)
      .waitFor();
    await member.page
      .getByTestId('step-in')
      .getByText(/已签到 \d{2}:\d{2}/)
      .waitFor();
    await shot(member.page, 'volunteer-check-in-390');
    // a wrong code is refused with a clear message
    await input.fill('000000' === (await screenCode()) ? '000001' : '000000');
    await member.page.getByTestId('check-submit').click();
    await member.page.getByText('签到码不正确或已过期，请输入现场屏幕上最新的 6 位数字。').waitFor();

    // ---- the controllable clock: the member came 2 h 5 min ago to an activity that began 2 h 10 min ago
    const saId = new URL(codeHref, BASE).pathname.split('/')[3];
    const userId = (await (await member.context.request.get(`${BASE}/api/v1/me`)).json()).user.id;
    const iso = (ms) => new Date(ms).toISOString();
    h.sql(
      `UPDATE service_activities SET starts_at = '${iso(Date.now() - 130 * 60e3)}' WHERE id = '${saId}'; UPDATE service_signups SET checked_in_at = '${iso(Date.now() - 125 * 60e3)}' WHERE activity_id = '${saId}' AND user_id = '${userId}'`,
    );

    // ---- checks out with the QR link (code filled in): 2 hours become a pending record
    const scanned = new URL(await screen.page.getByTestId('screen-qr').getAttribute('data-url'));
    await member.page.goto(`${BASE}${scanned.pathname}${scanned.search}`);
    await member.page.getByRole('heading', { name: '签退', level: 2 }).waitFor();
    assert.match(await input.inputValue(), /^\d{6}$/);
    await member.page.getByTestId('check-submit').click();
    await member.page.getByTestId('check-result').getByText('签退成功，已登记 2 小时服务时长，等待组织审核。').waitFor();
    await member.page.getByTestId('check-done').waitFor();
    await shot(member.page, 'volunteer-check-out-390');
    await member.page.goto(`${BASE}/c/${SLUG}/volunteer`);
    const rec = member.page
      .getByTestId('my-records')
      .locator('li', { hasText: `服务活动：${title}` })
      .first();
    await rec.getByText('待审核').waitFor();
    await rec.getByText('签到核验').waitFor();
    await shot(member.page, 'volunteer-activity-record-390');
    assert.deepEqual(member.problems, []);
    await member.context.close();

    // ---- the organizer sees who came, and the record in the review queue with its badge
    await row.getByTestId('sa-signups').click();
    await row.getByText('1/10').waitFor();
    const list = organizer.page.getByTestId('sa-signup-list');
    await list.locator('tbody tr').first().getByText('待审核').waitFor();
    await shot(organizer.page, 'volunteer-activity-signups-1280');
    await organizer.page.getByRole('tab', { name: /审核/ }).click();
    const memberUnit = (await (await organizer.context.request.get(`${BASE}/api/v1/service-activities/${saId}/signups`)).json()).items[0].orgUnitId;
    await organizer.page.getByTestId('review-unit').selectOption(memberUnit);
    const queued = organizer.page.getByTestId('review-table').locator('tbody tr', { hasText: `服务活动：${title}` });
    await queued.getByTestId('verified-badge').waitFor();
    await shot(organizer.page, 'volunteer-review-verified-1280');
    assert.deepEqual(organizer.problems, []);
    assert.deepEqual(screen.problems, []);
    await organizer.context.close();
    await screen.context.close();

    // ---- the same screens in English
    const enScreen = await newPage(DESK_VP, { phone: ORGANIZER, lang: 'en' });
    await enScreen.page.goto(new URL(codeHref, BASE).href);
    await enScreen.page.getByText(/New code in \d+ s/).waitFor();
    await shot(enScreen.page, 'volunteer-code-screen-en-1280');
    await enScreen.context.close();
    const enMember = await newPage(PHONE_VP, { phone: MEMBER, lang: 'en' });
    await enMember.page.goto(`${BASE}/service-activities/${saId}/check`);
    await enMember.page.getByTestId('check-done').getByText('You have checked in and out; your hours are waiting for approval.').waitFor();
    await shot(enMember.page, 'volunteer-check-done-en-390');
    assert.deepEqual(enMember.problems, []);
    await enMember.context.close();
  });

  test('an invalid invite code gets a friendly page', async () => {
    const { context, page, problems } = await newPage(PHONE_VP);
    await page.goto(`${BASE}/invite/NOSUCHCODE99`);
    await page.getByTestId('invite-invalid').getByText('邀请码无效').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
