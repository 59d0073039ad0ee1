// A 审核员 in the browser, against the real Worker (wrangler dev) and D1: the root organizer
// appoints a member as reviewer of 市教育局机关党委 (through the API); a member of that unit
// reports service hours in the city-wide "1+1"; the reviewer signs in to the console, sees only
// the review frame with the campaign, opens its queue and approves the record.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, registerUser, PASSWORD, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'reviewer', port: 8812 });
const { BASE } = h;

const ROOT_ORGANIZER = '13800000001';
// a person of their own: the flows share one server, and a demo member may hold other roles by now
const REVIEWER = `139${String(Date.now() + 7).slice(-8)}`;
const MEMBER = '13800000004';
const SLUG = 'one-plus-one';

/** Today in China, the calendar service dates use. */
const chinaDay = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

describe('a reviewer in the console', { skip: skipReason, timeout: 150_000 }, () => {
  h.hooks();

  test('an appointed 审核员 sees the review frame and approves a pending service record', async () => {
    const headers = { origin: BASE };
    // ---- the root organizer appoints 王晓燕 as 审核员 of 市教育局机关党委
    const organizer = await h.newPage(DESK_VP, { phone: ROOT_ORGANIZER });
    const listed = await organizer.context.request.post(`${BASE}/api/v1/org-units/jyj-b1/roster`, {
      data: `姓名,手机号\n王晓燕,${REVIEWER}\n`,
      headers: { ...headers, 'content-type': 'text/csv' },
    });
    assert.equal(listed.status(), 200, await listed.text());
    // registering signs that browser in as the new person: do it in a context of its own
    const newcomer = await h.newPage(PHONE_VP);
    const reg = await registerUser(newcomer.context.request, BASE, { phone: REVIEWER, name: '王晓燕', password: PASSWORD });
    assert.equal(reg.status(), 201, await reg.text());
    await newcomer.context.close();
    const appoint = await organizer.context.request.post(`${BASE}/api/v1/org-units/jyj/roles`, { data: { phone: REVIEWER, role: 'reviewer' }, headers });
    assert.equal(appoint.status(), 201, await appoint.text());
    await organizer.context.close();

    // ---- a member of a branch of 市教育局 reports two hours in the city-wide "1+1"
    const member = await h.newPage(PHONE_VP, { phone: MEMBER });
    const campaign = (await (await member.context.request.get(`${BASE}/api/v1/campaigns/${SLUG}`)).json()).campaign;
    const description = `整理社区图书角${String(Date.now()).slice(-4)}`;
    const reported = await member.context.request.post(`${BASE}/api/v1/campaigns/${campaign.id}/service-records`, {
      data: { date: chinaDay(), hours: 2, description },
      headers,
    });
    assert.equal(reported.status(), 201, await reported.text());
    const memberName = (await (await member.context.request.get(`${BASE}/api/v1/me`)).json()).user.name;

    // ---- the reviewer opens the console: the review frame, no organizer navigation
    const reviewer = await h.newPage(DESK_VP, { phone: REVIEWER });
    await reviewer.page.goto(`${BASE}/console/`);
    await reviewer.page.getByTestId('review-home').waitFor();
    await reviewer.page.getByTestId(`review-open-${SLUG}`).waitFor();
    assert.equal(await reviewer.page.locator('.cs-nav').count(), 0);
    // the root's contest is reviewed at the root, not by a reviewer of 市教育局: not listed
    assert.equal(await reviewer.page.getByTestId('review-open-hanmo-danqing').count(), 0);
    await h.shot(reviewer.page, 'reviewer-home-desk');

    // ---- the queue of the campaign, scoped to the reviewer's unit: approve the record
    await reviewer.page.getByTestId(`review-open-${SLUG}`).click();
    await reviewer.page.waitForURL(/\/console\/campaigns\/[^/]+\/volunteer/);
    await reviewer.page.getByTestId('review-table').waitFor();
    // only the review tab: the others call organizer-only endpoints
    assert.equal(await reviewer.page.getByRole('tab').count(), 1);
    const row = reviewer.page.getByTestId('review-table').locator('tbody tr', { hasText: description }).filter({ hasText: memberName });
    await row.first().waitFor();
    await h.shot(reviewer.page, 'reviewer-queue-desk');
    await row.first().getByTestId('approve-one').click();
    await reviewer.page.getByText(`已通过 ${memberName} 的 2 小时。`).waitFor();

    // the member sees it approved
    const mine = await (await member.context.request.get(`${BASE}/api/v1/campaigns/${campaign.id}/my-volunteer`)).json();
    assert.equal(mine.records.find((r) => r.description === description)?.status, 'approved');

    // the way back leads to the review home
    await reviewer.page.getByRole('link', { name: '审核首页' }).click();
    await reviewer.page.getByTestId('review-home').waitFor();
    assert.deepEqual(reviewer.problems, []);
    assert.deepEqual(member.problems, []);
  });
  test("a 审核员 of the root opens the root contest's entries, without the organizers' tabs", async () => {
    const organizer = await h.newPage(DESK_VP, { phone: ROOT_ORGANIZER });
    const appoint = await organizer.context.request.post(`${BASE}/api/v1/org-units/root/roles`, {
      data: { phone: MEMBER, role: 'reviewer' },
      headers: { origin: BASE },
    });
    assert.equal(appoint.status(), 201, await appoint.text());
    await organizer.context.close();

    const reviewer = await h.newPage(DESK_VP, { phone: MEMBER });
    await reviewer.page.goto(`${BASE}/console/`);
    await reviewer.page.getByTestId(`review-open-${SLUG}`).waitFor();
    await reviewer.page.getByTestId('review-open-hanmo-danqing').click();
    await reviewer.page.waitForURL(/\/console\/campaigns\/[^/]+\/entries/);
    await reviewer.page.goto(`${reviewer.page.url()}?status=approved`);
    await reviewer.page.getByText('晨光中的城市').first().waitFor();
    // judging, votes, results and settings are the organizers': no tabs lead there
    assert.equal(await reviewer.page.locator('.cs-ct-tabs').count(), 0);
    await h.shot(reviewer.page, 'reviewer-entries-desk');
    assert.deepEqual(reviewer.problems, []);
  });
});
