// Quiz screens in the browser, against the real Worker (wrangler dev), D1 and the boards'
// Durable Objects, on a phone (390×844): a member opens the round contest, goes to the
// lobby, starts, answers every question of the round by tapping, and sees the result page
// with the score and a rank; then the daily quiz from 我的.
//
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
// E2E_BASE=http://127.0.0.1:8790 runs against a server that is already up (demo data loaded;
// the member's attempts of the day must be left).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP, DESK_VP } from './harness.mjs';

const h = e2e({ name: 'quiz', port: 8796 });
const { BASE } = h;
const newPageCtx = h.newPage;
const shot = h.shot;

const MEMBER = '13800000004';

/** A phone (touch screen) signed in as `phone` (the session cookie is shared by its pages). */
const newPage = (phone, lang = 'zh-CN') => h.newPage(PHONE_VP, { lang, phone, touch: true });

/**
 * Answers every question of the attempt on screen by tapping (any answer will do) until the
 * result page: a choice → first option + 确认; 判断 → 对 (sends at once); 填空 → text + 确认.
 * On the first answer it checks that the tab bar is hidden, that 下一题 sits below the feedback
 * and that the next question starts with its whole time (`seconds`) after a pause to read.
 * Returns how many questions were answered.
 */
async function answerAll(page, shotPrefix, seconds = 30) {
  let answered = 0;
  for (;;) {
    await page.locator('[data-testid="quiz-stem"], [data-testid="quiz-result"]').first().waitFor();
    if (await page.getByTestId('quiz-result').count()) return answered;
    const progress = await page.getByTestId('quiz-progress').innerText();
    // nothing is sent before a tap: 确认 is disabled until an option is chosen
    const confirm = page.getByTestId('quiz-confirm');
    const blank = page.getByTestId('quiz-blank');
    if (await blank.count()) {
      assert.equal(await confirm.isDisabled(), true, 'confirm waits for an answer');
      await blank.fill('不知道');
      await confirm.tap();
    } else if (await confirm.count()) {
      assert.equal(await confirm.isDisabled(), true, 'confirm waits for an answer');
      await page.getByTestId('quiz-option').first().tap();
      await confirm.tap();
    } else {
      await page.getByTestId('quiz-option').first().tap(); // 判断: 对 / 错 answers at once
    }
    const feedback = page.getByTestId('quiz-feedback');
    await feedback.waitFor();
    assert.match(await feedback.getAttribute('data-result'), /^(right|wrong|late)$/);
    const next = page.getByTestId('quiz-next');
    if (answered === 0) {
      // playing: no tab bar to tap away by mistake
      assert.equal(await page.locator('.pt-tabbar').count(), 0, 'the tab bar hides during play');
      // 下一题 follows the feedback in the flow: it never covers the explanation
      await next.scrollIntoViewIfNeeded();
      const fb = await feedback.boundingBox();
      const nb = await next.boundingBox();
      assert.ok(nb.y >= fb.y + fb.height - 1, `下一题 (top ${nb.y}) below the feedback (bottom ${fb.y + fb.height})`);
      if (shotPrefix) await shot(page, `${shotPrefix}-feedback-390`);
      // reading the explanation costs no time: the next question starts with its whole time
      if (await page.getByText('下一题', { exact: true }).count()) {
        await page.waitForTimeout(2500);
        await next.tap();
        await page.waitForFunction((before) => (document.querySelector('[data-testid="quiz-progress"]')?.textContent ?? before) !== before, progress);
        const full = Number((await page.getByTestId('quiz-timer').innerText()).match(/\d+/)?.[0]);
        assert.ok(full >= seconds - 1, `the clock starts on 下一题 with its whole time (${full} of ${seconds} s)`);
        answered += 1;
        continue;
      }
    }
    answered += 1;
    await next.tap();
    // the next question (progress changes) or the result page
    await page.waitForFunction(
      (before) =>
        document.querySelector('[data-testid="quiz-result"]') || (document.querySelector('[data-testid="quiz-progress"]')?.textContent ?? before) !== before,
      progress,
    );
  }
}

describe('quiz screens in the browser', { skip: skipReason, timeout: 180_000 }, () => {
  h.hooks();

  test('a member plays a round of the contest: lobby, every question by tapping, result with score and rank', async () => {
    const { context, page, problems } = await newPage(MEMBER);
    await page.goto(`${BASE}/c/dangshi-contest`);
    // the campaign page leads quiz campaigns to the lobby
    await page.locator('.pt-cta a[href$="/quiz"]').tap();
    await page.waitForURL(`${BASE}/c/dangshi-contest/quiz`);
    await page.getByRole('heading', { name: /学党史 知党恩/, level: 1 }).waitFor();
    const today = page.getByTestId('quiz-today');
    await today.waitFor();
    await page.locator('[data-stage="stage-prelim"].is-current').waitFor();
    await shot(page, 'quiz-lobby-390');

    await page.getByTestId('quiz-start').tap();
    await page.waitForURL(/\/quiz\/[^/]+$/);
    await page.getByTestId('quiz-timer').waitFor();
    assert.match(await page.getByTestId('quiz-progress').innerText(), /^1\s*\/\s*10$/);
    await shot(page, 'quiz-play-390');

    const answered = await answerAll(page, 'quiz-play', 20);
    assert.equal(answered, 10, 'a round of the contest has 10 questions');
    await page.waitForURL(/\/quiz\/[^/]+\/result$/);
    const score = await page.getByTestId('quiz-score').innerText();
    assert.match(score, /^\d+\s*\/\s*10$/);
    // a finished round is ranked on the stage's board
    await page
      .getByTestId('quiz-rank')
      .getByText(/第 \d+ 名/)
      .waitFor();
    assert.equal(await page.getByTestId('quiz-review-item').count(), 10);
    await shot(page, 'quiz-result-390');

    // 晒成绩: a poster with the score that invites others to the quiz
    await page.getByRole('button', { name: '分享' }).tap();
    assert.equal(await page.getByLabel('链接').inputValue(), `${BASE}/c/dangshi-contest/quiz`);
    await page.getByRole('button', { name: '生成海报' }).tap();
    await page.getByRole('img', { name: /^“我在“学党史 知党恩”知识挑战赛中答对了 \d+\/10 题”的分享海报$/ }).waitFor();

    // 再来一次 while attempts are left today (2 a day in 初赛)
    await page.getByTestId('quiz-again').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the daily quiz from 我的: today’s points, 去答题, five questions, result', async () => {
    const { context, page, problems } = await newPage(MEMBER);
    await page.goto(`${BASE}/me`);
    const card = page.getByTestId('quiz-daily');
    await card.getByText('党史学习教育每日答题').waitFor();
    await card
      .getByText(/\d+ \/ \d+/)
      .first()
      .waitFor();
    await shot(page, 'quiz-me-daily-390');
    await card.getByRole('link', { name: /去答题|继续答题/ }).tap();
    await page.waitForURL(`${BASE}/c/dangshi-daily/quiz`);
    await page.getByTestId('quiz-start').tap();
    await page.waitForURL(/\/quiz\/[^/]+$/);

    const answered = await answerAll(page);
    assert.equal(answered, 5, 'the daily quiz has 5 questions');
    await page.waitForURL(/\/result$/);
    assert.match(await page.getByTestId('quiz-score').innerText(), /^\d+\s*\/\s*5$/);
    await page
      .getByTestId('quiz-rank')
      .getByText(/第 \d+ 名/)
      .waitFor();
    await shot(page, 'quiz-daily-result-390');

    // one a day: the lobby now says come back tomorrow, and 我的 says done for today
    await page.goto(`${BASE}/c/dangshi-daily/quiz`);
    await page.getByTestId('quiz-blocked').waitFor();
    await page.goto(`${BASE}/me`);
    await page.getByTestId('quiz-daily').getByText('今天已经答过了，明天再来').waitFor();
    // the home page is personal: today's points, the streak, the quiz done for today
    await page.goto(`${BASE}/`);
    const today = page.getByTestId('home-today');
    await today.getByText('今天的题已答完').waitFor();
    assert.match(await page.getByTestId('home-streak').innerText(), /^[1-9]\d* 天$/);
    await shot(page, 'home-today-390');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a call interrupts the daily quiz: 继续答题 the same day, the run-out question counted, then the lobby links to the result', async () => {
    const { context, page, problems } = await newPage('13800000003');
    await page.goto(`${BASE}/c/dangshi-daily/quiz`);
    await page.getByTestId('quiz-start').tap();
    await page.waitForURL(/\/quiz\/[^/]+$/);
    await page.getByTestId('quiz-stem').waitFor();
    assert.match(await page.getByTestId('quiz-progress').innerText(), /^1\s*\/\s*5$/);
    await shot(page, 'quiz-interrupted-390');
    // the phone rings: the page is left, and the question's time runs out meanwhile
    await page.goto(`${BASE}/me`);
    h.sql(
      "UPDATE quiz_attempts SET shown_at = shown_at - 600000, deadline = deadline - 600000 WHERE user_id = 'user-member-fgw' AND campaign_id = 'camp-quiz' AND status = 'active'",
    );
    await page.goto(`${BASE}/c/dangshi-daily/quiz`);
    const resume = page.getByTestId('quiz-start');
    await resume.getByText('继续答题').waitFor();
    await page
      .getByText(/离开期间超时的题目按答错计/)
      .first()
      .waitFor();
    await shot(page, 'quiz-resume-lobby-390');
    await resume.tap();
    // the run-out question is not shown again: the second comes, with its whole time
    await page.getByTestId('quiz-stem').waitFor();
    assert.match(await page.getByTestId('quiz-progress').innerText(), /^2\s*\/\s*5$/);
    assert.ok(Number((await page.getByTestId('quiz-timer').innerText()).match(/\d+/)?.[0]) >= 29);
    await page.getByText('已为您接着上次答题').waitFor();
    await shot(page, 'quiz-resumed-390');
    const answered = await answerAll(page);
    assert.equal(answered, 4, 'the four questions left');
    await page.waitForURL(/\/result$/);
    await page.getByTestId('quiz-review-item').first().getByText('超时').first().waitFor();
    // attempts used up: the lobby leads to the result instead of a dead end
    await page.goto(`${BASE}/c/dangshi-daily/quiz`);
    await page.getByTestId('quiz-blocked').waitFor();
    await shot(page, 'quiz-used-up-390');
    await page.getByRole('link', { name: '查看上次成绩' }).tap();
    await page.waitForURL(/\/result$/);
    await page.getByTestId('quiz-score').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an organizer reviews a flagged attempt and cancels its result with a reason', async () => {
    // the member's contest round, as if answered faster than anyone could read
    h.sql(
      "UPDATE quiz_attempts SET flags = 3 WHERE user_id = 'user-member-jyj' AND campaign_id = 'camp-quiz-contest' AND status = 'finished' AND review IS NULL",
    );
    const { context, page, problems } = await newPageCtx(DESK_VP, { phone: '13800000001' });
    await page.goto(`${BASE}/console/campaigns/camp-quiz-contest/quiz?tab=attempts`);
    const row = page.locator('tbody tr', { has: page.locator('[data-review="open"]') }).first();
    await row.getByTestId('attempt-open').click();
    const review = page.getByTestId('attempt-review');
    await review.getByRole('button', { name: '取消成绩' }).click();
    const confirm = review.getByRole('button', { name: '确认取消成绩' });
    assert.equal(await confirm.isDisabled(), true, 'a reason first');
    await review.getByLabel('理由').fill('10题平均用时不足1秒，复核未通过');
    await confirm.click();
    await page.getByTestId('attempt-detail').getByText('已复核：成绩已取消').waitFor();
    await page.getByTestId('attempt-detail').getByText('理由：10题平均用时不足1秒，复核未通过').waitFor();
    await shot(page, 'quiz-console-review-1280');
    await page.keyboard.press('Escape');
    await page.locator('[data-review="disqualified"]').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an organizer imports a question sheet: a wrong file is refused, preview shows the bad rows, confirm writes the good ones', async () => {
    const { context, page, problems } = await newPageCtx(DESK_VP, { phone: '13800000001' });
    const created = await context.request.post(`${BASE}/api/v1/question-banks`, {
      data: { title: `导入流程${Date.now()}`, orgUnitId: 'root' },
      headers: { origin: BASE },
    });
    const bankId = (await created.json()).bank.id;
    await page.goto(`${BASE}/console/quiz-banks/${bankId}`);
    await page.getByTestId('question-import-open').click();
    const box = page.getByTestId('question-import');
    const file = box.locator('input[type=file]');
    // a file we cannot read is refused before anything is sent
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await box.locator('#qz-import-file-error').waitFor();
    const csv = [
      '\uFEFF题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度',
      '单选,党的根本宗旨是什么？,全心全意为人民服务,发展经济,,,A,见党章,党章,易',
      '单选,答案不在选项里,甲,乙,,,E,,,',
    ].join('\n');
    await file.setInputFiles({ name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await box.getByTestId('import-preview').click();
    const report = box.getByTestId('import-report');
    await report.getByText('预览结果（尚未导入）').waitFor();
    await report.getByRole('cell', { name: '3' }).waitFor(); // the bad row's number in the sheet
    await box.getByTestId('import-confirm').click();
    await report.getByText('导入完成').waitFor();
    const list = await (await context.request.get(`${BASE}/api/v1/question-banks/${bankId}/questions`)).json();
    assert.equal(list.items.length, 1, 'only the good row was written');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
