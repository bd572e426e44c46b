/**
 * The page a person gets after too many requests (429): in their language, saying how long to wait, styled (the
 * design system's files are not limited), and accessible, with JavaScript on and off, on a phone's width. And the
 * page booking gives while its database is not open (503).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Lang } from '../src/domain/answers/answers.js';
import { type RunningApp, expectAccessible, headingText, htmlLang, launchBrowser, openTab, startApp, t, visit } from './browser.js';

describe('in Chromium: too many requests', () => {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    running = await startApp({ rateLimitMax: 2 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.app.close();
  });

  for (const [lang, js] of [['en', true], ['da', false]] as [Lang, boolean][]) {
    it(`says in ${lang} how long to wait, styled and accessible (JavaScript ${js ? 'on' : 'off'}, 390 px)`, async () => {
      const tab = await openTab(browser!, { js });
      try {
        await tab.page.setViewportSize({ width: 390, height: 844 });
        let response = await visit(tab.page, `${running!.base}/offices?lang=${lang}`);
        for (let i = 0; i < 5 && response.status() !== 429; i++) response = await visit(tab.page, `${running!.base}/offices?lang=${lang}`);
        assert.equal(response.status(), 429);
        assert.equal(await htmlLang(tab.page), lang);
        assert.equal(await headingText(tab.page), t(lang, 'toomany.title'));
        const seconds = Number(response.headers()['retry-after']);
        assert.ok(seconds >= 1 && seconds <= 60);
        assert.ok((await tab.page.locator('main').innerText()).includes(t(lang, 'toomany.text', { seconds })));
        // Styled by the design system, served from our own origin although the pages are limited.
        const font = await tab.page.evaluate('getComputedStyle(document.body).fontFamily') as string;
        assert.match(font, /IBM Plex Sans/i);
        const width = await tab.page.evaluate('document.documentElement.scrollWidth') as number;
        assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
        await expectAccessible(tab.page, `the 429 page (${lang})`);
      } finally {
        await tab.context.close();
      }
    });
  }

});

describe('in Chromium: booking while its database is not open', () => {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    running = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.app.close();
  });

  for (const lang of ['da', 'en'] as Lang[]) {
    it(`says in ${lang} that booking is unavailable for a moment while the database is not open, accessible (390 px)`, async () => {
      const ports = running!.rt.ports;
      const was = ports.databaseOpen;
      ports.databaseOpen = () => false;
      const tab = await openTab(browser!, { js: false });
      try {
        await tab.page.setViewportSize({ width: 390, height: 844 });
        const response = await visit(tab.page, `${running!.base}/book?lang=${lang}`);
        assert.equal(response.status(), 503);
        assert.equal(response.headers()['retry-after'], '60');
        assert.equal(await htmlLang(tab.page), lang);
        assert.equal(await headingText(tab.page), t(lang, 'unavailable.booking.title'));
        await expectAccessible(tab.page, `the booking-unavailable page (${lang})`);
      } finally {
        if (was) ports.databaseOpen = was;
        else delete ports.databaseOpen;
        await tab.context.close();
      }
    });
  }
});
