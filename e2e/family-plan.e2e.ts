/**
 * A family of four's plan on a phone (390 px wide), in English and Danish, with JavaScript on and off: the overview
 * comes first and fits the screen's width (no column cut off), its first step is on the first screen, each step's
 * detail is folded and opens with the keyboard, axe-core passes, and printed every step is open while "open now"
 * and the buttons are gone. Run: node --import tsx --test --test-concurrency=1 e2e/family-plan.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSuite, expectAccessible, focusMatches, t, tabTo, visit } from './browser.js';

const PHONE = { width: 390, height: 844 };

/** An Indian engineer on the Pay Limit scheme, her Indian husband, children of 4 and 9, moving to Aarhus. */
const FAMILY = '/plan/result?citizenship=IN&movingFrom=IN&purpose=work&scheme=pay-limit&profession=none&stay=over-6-months'
  + '&permit=no&arrival=2027-03-01&moveIn=2027-03-03&postcode=8000&partner=yes&partnerCitizenship=IN&children=yes&age=4&age=9';

/** The widest element's right edge against the viewport: anything past it is cut off or scrolls sideways. */
async function overflow(page: Page): Promise<{ page: number; table: number; cells: number }> {
  return page.evaluate(`(() => {
    const table = document.querySelector('table.plan-overview');
    const cells = [...document.querySelectorAll('table.plan-overview th, table.plan-overview td')];
    const right = Math.max(...cells.map((c) => c.getBoundingClientRect().right));
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      table: table.scrollWidth - table.clientWidth,
      cells: Math.ceil(right - table.getBoundingClientRect().right),
    };
  })()`);
}

describe('a family of four\'s plan on a phone', () => {
  const suite = chromiumSuite();
  const { server } = suite;

  for (const lang of ['en', 'da'] as const) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      it(`is readable at 390 px: overview first, steps folded (${label})`, { timeout: 60_000 }, () => suite.withTab({ js }, async ({ page, problems }) => {
        await page.setViewportSize(PHONE);
        const url = `${server.base}${FAMILY}${lang === 'da' ? '&lang=da' : ''}`;
        assert.equal((await visit(page, url)).status(), 200);

        // The overview comes before the steps, and nothing is cut off or scrolls sideways.
        const headings = (await page.locator('main h2').allInnerTexts()).map((h) => h.trim());
        assert.equal(headings[0], t(lang, 'plan.overview.title'));
        const over = await overflow(page);
        assert.ok(over.page <= 0 && over.table <= 0 && over.cells <= 0, `the page and the overview fit 390 px: ${JSON.stringify(over)}`);
        const statuses = page.locator('table.plan-overview tbody tr td:first-child .badge');
        assert.ok(await statuses.count() > 30, 'every row shows its status');
        const box = await statuses.first().boundingBox();
        assert.ok(box && box.x + box.width <= PHONE.width, 'the status of the first row is inside the screen');

        // The first step is on the first screen.
        const first = page.locator('table.plan-overview tbody tr').first();
        const firstBox = await first.boundingBox();
        assert.ok(firstBox && firstBox.y + firstBox.height <= PHONE.height, `the first step is on the first screen (its bottom at ${firstBox?.y}+${firstBox?.height})`);

        // Whose each step is, in words; the family's steps are one list.
        const rows = await page.locator('table.plan-overview tbody tr').allInnerTexts();
        for (const person of [t(lang, 'person.self'), t(lang, 'person.partner'), t(lang, 'person.child', { age: 4 }), t(lang, 'person.child', { age: 9 })]) {
          assert.ok(rows.some((r) => r.includes(t(lang, 'plan.for', { person }))), `a step for ${person}`);
        }
        assert.equal(await page.locator('ol.plan-steps').count(), 1);

        // Each step is folded; the summary opens it.
        const details = page.locator('details.plan-step-details');
        const count = await details.count();
        assert.equal(count, rows.length, 'one folded detail per step');
        assert.equal(await page.locator('details.plan-step-details[open]').count(), 0, 'all folded at first');
        const step = page.locator('[id="step-cpr-registration@partner"]');
        assert.equal(await step.locator('.step-facts').isVisible(), false, 'a folded step hides its detail');
        await step.locator('summary').focus();
        await page.keyboard.press('Enter');
        assert.equal(await step.locator('.step-facts').isVisible(), true, 'Enter on the summary opens the step');
        if (js) {
          // A link from the overview opens the step it leads to.
          await page.locator('table.plan-overview a[href="#step-school@child-2"]').click();
          assert.equal(await page.locator('[id="step-school@child-2"] details').getAttribute('open'), '', 'the overview link opens its step');
        }
        await expectAccessible(page, `family plan at 390 px (${label})`);
        assert.deepEqual(problems, []);
      }));
    }
  }

  it('prints every step open, with the hours and without "open now" or the buttons (JavaScript on and off)', { timeout: 60_000 }, async () => {
    for (const js of [true, false]) {
      await suite.withTab({ js }, async ({ page }) => {
        await page.setViewportSize(PHONE);
        await visit(page, `${server.base}${FAMILY}`);
        await page.emulateMedia({ media: 'print' });
        if (js) await page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
        const facts = page.locator('.plan-step .step-facts');
        const shown = await facts.evaluateAll((els) => els.filter((el) => (el as unknown as { checkVisibility(): boolean }).checkVisibility()).length);
        assert.equal(shown, await facts.count(), `every step's detail is printed (JavaScript ${js ? 'on' : 'off'})`);
        const office = page.locator('[id="step-cpr-registration"] .step-facts');
        assert.match(await office.innerText(), new RegExp(t('en', 'office.usualHours')), 'the office hours are printed');
        assert.equal(await page.locator('.office-now').first().isVisible(), false, '"open now" is not printed');
        assert.equal(await page.locator('.plan-actions').isVisible(), false, 'the actions are not printed');
        assert.equal(await page.locator('.plan-step-details > summary').first().isVisible(), false, 'the toggles are not printed');
      });
    }
  });

  it('reaches every step by keyboard from the overview (JavaScript off)', { timeout: 60_000 }, () => suite.withTab({ js: false }, async ({ page }) => {
    await visit(page, `${server.base}${FAMILY}`);
    await tabTo(page, 'table.plan-overview a[href="#step-residence-permit@partner"]');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#step-residence-permit@partner');
    // The link moved the starting point of Tab to the step: the next Tab is its toggle, and Enter opens it.
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, '[id="step-residence-permit@partner"] summary'), 'Tab goes on from the step the link led to');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[id="step-residence-permit@partner"] .step-facts').isVisible(), true);
  }));
});
