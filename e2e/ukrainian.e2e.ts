/**
 * Ukrainian, the third language of the registry: every kind of page in Ukrainian (?lang=uk) is accessible (axe), fits
 * a phone's width and can be used by keyboard; the questionnaire can be answered in Ukrainian without JavaScript; the
 * language switch keeps the answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chromiumSuite, expectAccessible, headingText, htmlLang, navigateBy, t, tabTo, visit,
} from './browser.js';

const FAMILY = 'citizenship=UA&movingFrom=PL&purpose=ukraine-special-act&leftUkraine=from-2022-02-01&stay=over-6-months&permit=no&arrival=2027-01-10&moveIn=2027-01-12&postcode=8000&partner=yes&partnerCitizenship=UA&children=yes&age=4&age=9';

describe('in Chromium: Ukrainian', () => {
  const { server, withTab } = chromiumSuite();

  const pages: [string, string][] = [
    ['/?lang=uk', 'home.title'],
    ['/plan/citizenship?lang=uk', 'q.citizenship.title'],
    [`/plan/check?${FAMILY}&lang=uk`, 'check.title'],
    ['/offices?lang=uk', 'offices.title'],
    ['/offices/finder?lang=uk', 'finder.title'],
    ['/book?lang=uk', 'book.service.title'],
    ['/booking/find?lang=uk', 'find.title'],
  ];
  for (const [path, titleKey] of pages) {
    it(`${path.split('?')[0]} in Ukrainian: accessible at 390 px`, () => withTab({ js: true }, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const response = await visit(page, server.base + path);
      assert.equal(response.status(), 200);
      assert.equal(await htmlLang(page), 'uk');
      assert.equal(await headingText(page), t('uk', titleKey));
      const width = await page.evaluate('document.documentElement.scrollWidth') as number;
      assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
      await expectAccessible(page, `${path} (uk)`);
    }));
  }

  it('shows a family of four its plan in Ukrainian, each person with their own steps, accessible', () => withTab({ js: false }, async ({ page }) => {
    const response = await visit(page, `${server.base}/plan/result?${FAMILY}&lang=uk`);
    assert.equal(response.status(), 200);
    assert.equal(await htmlLang(page), 'uk');
    const text = await page.locator('main').innerText();
    assert.match(text, /[а-яіїєґ]{4,}/i);
    assert.doesNotMatch(text, /\{[a-z_]+\}/, 'no placeholder is left unfilled');
    await expectAccessible(page, 'the plan in Ukrainian');
  }));

  it('answers a question in Ukrainian without JavaScript, and the language switch keeps the answers', () => withTab({ js: false }, async ({ page }) => {
    await visit(page, `${server.base}/plan/purpose?citizenship=UA&movingFrom=PL&lang=uk`);
    assert.equal(await headingText(page), t('uk', 'q.purpose.title'));
    await page.getByLabel(t('uk', 'q.purpose.ukraine-special-act'), { exact: true }).check();
    const next = await navigateBy(page, () => page.getByRole('button', { name: t('uk', 'continue'), exact: true }).click());
    assert.equal(next.status(), 200);
    assert.equal(await htmlLang(page), 'uk');
    assert.equal(new URL(page.url()).searchParams.get('purpose'), 'ukraine-special-act');
    // By keyboard, to the English page with the same answers.
    await tabTo(page, 'header a.lang-link[hreflang="en"]');
    await navigateBy(page, () => page.keyboard.press('Enter'));
    assert.equal(await htmlLang(page), 'en');
    const url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('citizenship'), url.searchParams.get('purpose'), url.searchParams.get('lang')], ['UA', 'ukraine-special-act', null]);
  }));
});
