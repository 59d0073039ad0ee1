// People, roles and personal data in the browser, against the real Worker (wrangler dev) and D1:
// an organizer appoints a 检票员 on the console's 组织 → 角色 tab and reads it on the 审计 tab;
// the new 检票员 opens the console and sees only the gate; a member opens 我的 on a phone,
// sees their unit, downloads their data and deletes the account, after which it cannot sign in.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, registerUser, PASSWORD, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'people', port: 8811 });
const { BASE } = h;

const ORGANIZER = '13800000002';
const STAFF = '13800000003';

describe('roles, audit and personal data in the browser', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('an organizer appoints a 检票员 and reads the audit; the 检票员 sees only the gate', async () => {
    const { page, problems } = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await page.goto(`${BASE}/console/org?tab=roles`);
    await page.getByRole('heading', { name: '任命角色' }).waitFor();
    await page.getByTestId('appoint-unit').selectOption('fgw');
    await page.getByTestId('appoint-phone').fill(STAFF);
    await page.getByTestId('appoint-role').selectOption('gate_staff');
    await page.getByTestId('appoint-submit').click();
    await page.getByText('已任命王晓燕为检票员。').waitFor();
    await page.locator('[data-testid="roles-table"] tr[data-role="gate_staff"]').filter({ hasText: '王晓燕' }).waitFor();
    await h.shot(page, 'people-roles-desk');

    // a second appointment of the same person is refused with the rule, on the form
    await page.getByTestId('appoint-phone').fill(STAFF);
    await page.getByTestId('appoint-submit').click();
    await page.getByText('此人已是该组织的检票员。').waitFor();

    await page.getByRole('tab', { name: '审计' }).click();
    await page.waitForURL(/tab=audit/);
    const row = page.locator('[data-testid="audit-table"] tr[data-action="role.appoint"]').first();
    await row.waitFor();
    assert.match(await row.textContent(), /李振华.*任命角色.*市发展和改革委员会机关党委/s);
    await page.getByTestId('audit-action').selectOption('export');
    await page.getByTestId('audit-filter').click();
    await page.getByText('没有符合条件的记录。').waitFor();
    await page.getByTestId('audit-action').selectOption('role');
    await page.getByTestId('audit-filter').click();
    await row.waitFor();
    await h.shot(page, 'people-audit-desk');
    assert.deepEqual(problems, []);

    // the 检票员 signs in to the console: the gate frame, without the organizers' navigation
    const staff = await h.newPage(PHONE_VP, { phone: STAFF });
    await staff.page.goto(`${BASE}/console/`);
    await staff.page.getByTestId('gate-home').waitFor();
    assert.equal(await staff.page.locator('.cs-nav').count(), 0);
    await h.shot(staff.page, 'people-gate-phone');
  });

  test('a member sees their unit, downloads their data and deletes the account', async () => {
    // a person of their own, put on the 第一党支部 roster and registered: the browser flows share
    // one server, so deleting a demo account would sign it out of every flow after this one
    const MEMBER = `139${String(Date.now()).slice(-8)}`;
    const org = await h.newPage(DESK_VP, { phone: ORGANIZER });
    const imported = await org.context.request.post(`${BASE}/api/v1/org-units/fgw-b1/roster`, {
      data: `姓名,手机号\n注销测试,${MEMBER}\n`,
      headers: { 'content-type': 'text/csv', origin: BASE },
    });
    assert.equal(imported.status(), 200, await imported.text());
    const reg = await registerUser(org.context.request, BASE, { phone: MEMBER, name: '注销测试', password: PASSWORD });
    assert.equal(reg.status(), 201, await reg.text());
    const { page, context, problems } = await h.newPage(PHONE_VP, { phone: MEMBER });
    await page.goto(`${BASE}/me`);
    await page.getByTestId('my-unit').waitFor();
    assert.equal((await page.getByTestId('my-unit').textContent()).trim(), '第一党支部');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-data-download').click()]);
    assert.match(download.suggestedFilename(), /^my-data-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByTestId('my-delete-open').click();
    await page.getByText('注销后无法恢复').waitFor();
    await h.shot(page, 'people-me-delete-phone');
    // a wrong password is said on the field and deletes nothing
    await page.getByTestId('my-delete-password').fill('wrong-password');
    await page.getByTestId('my-delete-confirm').click();
    await page.locator('#delete-password-error').getByText('密码不正确，账号未注销。').waitFor();
    await page.getByTestId('my-delete-password').fill(PASSWORD);
    await page.getByTestId('my-delete-confirm').click();
    await page.waitForURL(`${BASE}/?deleted=1`);
    assert.equal((await context.request.get(`${BASE}/api/v1/me`)).status(), 401);
    const login = await context.request.post(`${BASE}/api/v1/auth/login`, { data: { phone: MEMBER, password: PASSWORD }, headers: { origin: BASE } });
    assert.equal(login.status(), 401);
    assert.deepEqual(problems, []);
  });
});
