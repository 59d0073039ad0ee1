// 长辈模式 in the browser at 390×844: the header switch is on every portal page, signed in or
// not, is remembered on the device (a reload keeps it), and on the main pages nothing is wider
// than the screen, body text is at least 20 px and every button, field and tab is at least
// 48 px high.
// Runs with `npm run test:e2e`. Needs Debian's Chromium at /usr/bin/chromium; never downloads one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2e, skipReason, PHONE_VP } from './harness.mjs';

const h = e2e({ name: 'elder', port: 8807 });
const { BASE } = h;

const MEMBER = '13800000004';

/** What the page breaks of the rules above, measured in the page (empty = fine). */
function measure() {
  const out = [];
  const vw = window.innerWidth;
  const se = document.scrollingElement;
  if (se.scrollWidth > vw) out.push(`page scrolls sideways: ${se.scrollWidth} > ${vw}`);
  const body = Number.parseFloat(getComputedStyle(document.body).fontSize);
  if (body < 20) out.push(`body text ${body}px`);
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  // inside a sideways scroller (tabs, tables) an element may reach past the edge on purpose
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 20)}”`;
  for (const el of document.querySelectorAll('main *, header *')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if ((r.right > vw + 1 || r.left < -1) && !scrolls(el) && getComputedStyle(el).position !== 'absolute')
      out.push(`cut off at the edge: ${name(el)} ${Math.round(r.left)}–${Math.round(r.right)}`);
    // text cut with an ellipsis hides what it says
    const s = getComputedStyle(el);
    if (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) out.push(`text cut: ${name(el)}`);
  }
  const targets = document.querySelectorAll(
    'button, select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), [role=tab], .pt-tab, .tx-btn',
  );
  for (const el of targets) {
    if (!visible(el) || el.closest('.pt-skip')) continue;
    const r = el.getBoundingClientRect();
    if (r.height < 47.5) out.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: ${name(el)}`);
    // a label wider than its button runs past the border, or is clipped
    if (el.scrollWidth > el.clientWidth + 1 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) out.push(`label wider than its button: ${name(el)}`);
  }
  return out;
}

describe('长辈模式 at 390 px', { skip: skipReason, timeout: 180_000 }, () => {
  h.hooks();
  let guest;
  before(async () => {
    guest = await h.newPage(PHONE_VP);
  });
  after(async () => {
    await guest?.context.close();
  });

  test('the header switch turns it on before signing in, and the device remembers it', async () => {
    const { page } = guest;
    await page.goto(`${BASE}/`);
    const toggle = page.locator('#large-switch');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('tx-large')), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('tx-large')), true);
    // a reload (and every page after it) starts large: remembered in localStorage
    await page.reload();
    await page.locator('#large-switch[aria-pressed="true"]').waitFor();
    // applied before the app renders: the class is there when the document is parsed
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('tx-large')), true);
    await page.goto(`${BASE}/login`);
    await page.locator('#large-switch[aria-pressed="true"]').waitFor();
  });

  const pages = [
    ['home', '/', '.pt-hero, .pt-empty, h1'],
    ['campaigns', '/campaigns', 'h1'],
    ['campaign', '/c/hanmo-exhibition', 'h1'],
    ['quiz-lobby', '/c/dangshi-daily/quiz', 'h1'],
    ['exhibition-visit', '/c/hanmo-exhibition/visit', 'h1'],
    ['rank', '/rank', 'h1'],
    ['login', '/login', 'h1'],
  ];
  for (const [label, path, ready] of pages) {
    test(`${label}: no sideways scrolling, large text and targets`, async () => {
      const { page, problems } = guest;
      await page.goto(`${BASE}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await h.shot(page, `elder-${label}-390`);
      assert.deepEqual(await page.evaluate(measure), [], `${path} in 长辈模式`);
      assert.deepEqual(problems, []);
    });
  }

  test('我的 and a quiz lobby, signed in, in 长辈模式', async () => {
    const { context, page, problems } = await h.newPage(PHONE_VP, { phone: MEMBER });
    await context.addInitScript(() => localStorage.setItem('tx.large', '1'));
    for (const [label, path] of [
      ['me', '/me'],
      ['quiz-lobby-member', '/c/dangshi-daily/quiz'],
      ['my-bookings', '/my-bookings'],
    ]) {
      await page.goto(`${BASE}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('tx-large')), true);
      await h.shot(page, `elder-${label}-390`);
      assert.deepEqual(await page.evaluate(measure), [], `${path} in 长辈模式`);
    }
    // the booking form, with the party's names unfolded and the notice to tick
    await page.goto(`${BASE}/c/hanmo-exhibition/visit`);
    await page.locator('[data-day]:not([disabled])').nth(1).click();
    await page.locator('[data-slot]:not([disabled])').first().click();
    await page.getByTestId('ex-visitors-more').click();
    await page.getByTestId('ex-notice').waitFor();
    await h.shot(page, 'elder-booking-form-390');
    assert.deepEqual(await page.evaluate(measure), [], 'the booking form in 长辈模式');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
