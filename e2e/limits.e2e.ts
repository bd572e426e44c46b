/**
 * The page a person gets after too many requests (429): in their language, saying how long to wait, styled (the
 * design system's files are not limited), and accessible, with JavaScript on and off, on a phone's width. And the
 * page booking gives while its database is not open (503).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../src/modules/plan/domain/answers.js';
import { chromiumSuite, expectAccessible, headingText, htmlLang, t, visit } from './browser.js';

describe('in Chromium: too many requests', () => {
  const { server, withTab } = chromiumSuite({ rateLimitMax: 2 });

  for (const [lang, js] of [['en', true], ['da', false]] as [Lang, boolean][]) {
    it(`says in ${lang} how long to wait, styled and accessible (JavaScript ${js ? 'on' : 'off'}, 390 px)`, () => withTab({ js }, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      let response = await visit(page, `${server.base}/offices?lang=${lang}`);
      for (let i = 0; i < 5 && response.status() !== 429; i++) response = await visit(page, `${server.base}/offices?lang=${lang}`);
      assert.equal(response.status(), 429);
      assert.equal(await htmlLang(page), lang);
      assert.equal(await headingText(page), t(lang, 'toomany.title'));
      const seconds = Number(response.headers()['retry-after']);
      assert.ok(seconds >= 1 && seconds <= 60);
      assert.ok((await page.locator('main').innerText()).includes(t(lang, 'toomany.text', { seconds })));
      // Styled by the design system, served from our own origin although the pages are limited.
      const font = await page.evaluate('getComputedStyle(document.body).fontFamily') as string;
      assert.match(font, /IBM Plex Sans/i);
      const width = await page.evaluate('document.documentElement.scrollWidth') as number;
      assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
      await expectAccessible(page, `the 429 page (${lang})`);
    }));
  }
});

describe('in Chromium: booking while its database is not open', () => {
  const { server, withTab } = chromiumSuite();

  for (const lang of ['da', 'en'] as Lang[]) {
    it(`says in ${lang} that booking is unavailable for a moment while the database is not open, accessible (390 px)`, () => withTab({ js: false }, async ({ page }) => {
      const ports = server.rt.ports;
      const was = ports.databaseOpen;
      ports.databaseOpen = () => false;
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        const response = await visit(page, `${server.base}/book?lang=${lang}`);
        assert.equal(response.status(), 503);
        assert.equal(response.headers()['retry-after'], '60');
        assert.equal(await htmlLang(page), lang);
        assert.equal(await headingText(page), t(lang, 'unavailable.booking.title'));
        await expectAccessible(page, `the booking-unavailable page (${lang})`);
      } finally {
        if (was) ports.databaseOpen = was;
        else delete ports.databaseOpen;
      }
    }));
  }
});
