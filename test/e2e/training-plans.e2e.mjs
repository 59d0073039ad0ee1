// Yearly training plans and the completion certificate in the browser (issue #15 parts 6, 7):
// the root organizer opens 年度计划 on the demo class, sets the year's plan and sees the bars
// and the units below with what is behind; the demo member, who studied through the demo
// year, opens 我的学习, follows the certificate link, and the certificate's code verifies in public.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'training-plans', port: 8811 });
const { BASE } = h;

const MEMBER = '13800000003'; // 王晓燕, 第一党支部 of the 发改委: monthly 党课 and 主题党日 in the demo year
const ORGANIZER = '13800000001';

describe('training plans and certificate in the browser', { skip: skipReason, timeout: 180_000 }, () => {
  h.hooks();

  test('the organizer sets the year’s plan and sees progress; the member opens and verifies the certificate', async () => {
    const organizer = await h.newPage(DESK_VP, { phone: ORGANIZER });
    await organizer.page.goto(`${BASE}/console/campaigns/camp-training/training?tab=plan`);
    const form = organizer.page.getByTestId('tr-plan-form');
    await form.waitFor();
    await form.getByLabel('集中轮训（期）').fill('2');
    await form.getByLabel('党课/宣讲（次）').fill('12');
    await form.getByLabel('主题党日（次）').fill('12');
    await form.getByLabel('参训覆盖率目标（%）').fill('100');
    await form.getByLabel('人均学时目标').fill('32');
    await organizer.page.getByTestId('tr-plan-save').click();
    await organizer.page.getByText('计划已保存。').waitFor();
    const bars = organizer.page.getByTestId('tr-plan-bars');
    await bars.getByText('党课/宣讲').first().waitFor();
    assert.match(await bars.innerText(), /集中轮训[\s\S]*\/ 2 期/);
    const units = organizer.page.getByTestId('tr-plan-units');
    await units.waitFor();
    assert.ok((await units.locator('tbody tr').count()) >= 4, 'the four 机关党委 below the root');
    await h.shot(organizer.page, 'training-plan-desk');
    const phonePlan = await h.newPage(PHONE_VP, { phone: ORGANIZER });
    await phonePlan.page.goto(`${BASE}/console/campaigns/camp-training/training?tab=plan`);
    await phonePlan.page.getByTestId('tr-plan-bars').waitFor();
    await h.shot(phonePlan.page, 'training-plan-phone');

    const member = await h.newPage(PHONE_VP, { phone: MEMBER });
    await member.page.goto(`${BASE}/c/dangxiao-lunxun/training`);
    await member.page.getByTestId('tr-cert-link').click();
    await member.page.waitForURL(/\/learning\/certificate\?year=/);
    const cert = member.page.getByTestId('tr-certificate');
    await cert.waitFor();
    assert.match(await cert.innerText(), /王晓燕/);
    await h.shot(member.page, 'training-certificate-phone');
    const code = (await (await member.context.request.get(`${BASE}/api/v1/me/learning/certificate`)).json()).code;
    const desk = await h.newPage(DESK_VP, { phone: MEMBER });
    await desk.page.goto(`${BASE}/learning/certificate`);
    await desk.page.getByTestId('tr-certificate').waitFor();
    await h.shot(desk.page, 'training-certificate-desk');

    const pub = await h.newPage(PHONE_VP);
    await pub.page.goto(`${BASE}/verify/${code}`);
    const valid = pub.page.getByTestId('verify-valid');
    await valid.waitFor();
    const text = await valid.innerText();
    assert.match(text, /年度党员教育培训/);
    assert.doesNotMatch(text, /王晓燕/);
    await h.shot(pub.page, 'training-certificate-verify');
    for (const p of [organizer, phonePlan, member, desk, pub]) assert.deepEqual(p.problems, []);
  });
});
