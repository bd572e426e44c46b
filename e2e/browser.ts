/**
 * Shared pieces of the browser tests: the app on a free port, Debian's chromium (never a downloaded browser),
 * a fresh context per walk, axe-core on every page, and small keyboard helpers.
 *
 * Code that runs in the page is passed as a string: the project's TypeScript has no DOM types.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, type Page, type Response, chromium } from 'playwright-core';
import type { Lang } from '../src/modules/plan/domain/answers.js';
import type { Params } from '../src/platform/i18n/texts.js';
import { type TestRuntime, linkInMail, testApp, testDeps, testRuntime } from '../test/helpers.js';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The interface's words, as the app shows them (content/ui.yaml). A missing key fails the test. */
export function t(lang: Lang, key: string, params?: Params): string {
  const text = testDeps().texts.t(lang, key, params);
  assert.notEqual(text, key, `no text "${key}" in content/ui.yaml`);
  return text;
}

export interface RunningApp {
  app: FastifyInstance;
  base: string;
  /** Its booking runtime: the e-mails it would send are read from there. */
  rt: TestRuntime;
}

/** The app with its clock fixed at 2026-11-25T10:00:00Z, on a free port (with settings changed, if given). */
export async function startApp(overrides: Parameters<typeof testApp>[0] = {}): Promise<RunningApp> {
  const rt = await testRuntime();
  const app = await testApp(overrides, { runtime: rt });
  app.addHook('onClose', async () => { await rt.close(); });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, rt };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export type TabOptions = Parameters<typeof openTab>[1];

/**
 * One app and one browser for the describe block it is called in: started in its `before` (the app first, so that
 * when the browser cannot start, `after` still closes the app) and closed in its `after`. `withTab` runs a walk in a
 * fresh browser context and closes it whatever happens.
 */
export function chromiumSuite(overrides: Parameters<typeof startApp>[0] = {}): {
  server: { readonly base: string; readonly rt: TestRuntime; mailLink(email: string): Promise<string> };
  withTab: <T>(options: TabOptions, run: (tab: Tab) => Promise<T>) => Promise<T>;
} {
  let browser: Browser | undefined;
  let running: RunningApp | undefined;
  before(async () => {
    running = await startApp(overrides);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.app.close();
  });
  return {
    server: {
      get base() { return running!.base; },
      get rt() { return running!.rt; },
      /** The booking link in the newest e-mail to this address, as the person would click it. */
      async mailLink(email: string) {
        return `${running!.base}${(await linkInMail(running!.rt, email)).path}`;
      },
    },
    async withTab(options, run) {
      const tab = await openTab(browser!, options);
      try {
        return await run(tab);
      } finally {
        await tab.context.close();
      }
    },
  };
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Script errors and console errors seen so far (not the browser's "Failed to load resource" for 4xx pages). */
  problems: string[];
}

/**
 * A fresh context and page. bypassCSP lets axe be injected into the page; `csp: true` keeps the app's own
 * Content Security Policy in force (then axe cannot run). `geolocation` is the position the browser reports,
 * with the permission to read it already granted.
 */
export async function openTab(
  browser: Browser,
  options: { js: boolean; csp?: boolean; geolocation?: { latitude: number; longitude: number } },
): Promise<Tab> {
  const context = await browser.newContext({
    javaScriptEnabled: options.js,
    bypassCSP: !options.csp,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Goes to an address and returns the final response (after any redirects). */
export async function visit(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url);
  assert.ok(response, `no response for ${url}`);
  return response;
}

/**
 * Does something that submits a form or follows a link, and waits until the page it leads to has loaded.
 * Returns the response of that page (the redirect after a good answer is followed).
 */
export async function navigateBy(page: Page, act: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()
      && (r.status() < 300 || r.status() >= 400)),
    act(),
  ]);
  await page.waitForURL(response.url(), { waitUntil: 'load' });
  return response;
}

// ---------------------------------------------------------------------------------------------------- axe-core

const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * With JavaScript off, Chromium runs no timers, and axe waits on setTimeout between rules. This stand-in runs
 * short timers as microtasks and never runs long ones (axe's 10 s time-outs), so axe can finish.
 */
const TIMER_SHIM = `(() => {
  let next = 1; const live = new Set();
  window.setTimeout = function (fn, ms) {
    const id = next++; const args = Array.prototype.slice.call(arguments, 2);
    if (Number(ms) > 1000) return id;
    live.add(id);
    Promise.resolve().then(() => { if (live.delete(id) && typeof fn === 'function') fn.apply(null, args); });
    return id;
  };
  window.clearTimeout = function (id) { live.delete(id); };
})()`;

interface AxeNode { target: unknown[]; failureSummary?: string }
interface AxeRule { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] }
interface AxeResults { violations: AxeRule[]; incomplete: AxeRule[] }

/** Runs axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on the page as it is now, and fails on any violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  if (await page.evaluate('typeof window.axe') === 'undefined') {
    // JavaScript is off: an added <script> does not run, but the test can still evaluate axe in the page.
    await page.evaluate(TIMER_SHIM);
    await page.evaluate(AXE_SOURCE);
  }
  const results = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`,
  ) as AxeResults;
  const report = results.violations.map((v) =>
    `- ${v.id} (${v.impact ?? 'no impact'}): ${v.help} <${v.helpUrl}>\n`
    + v.nodes.map((n) => `    at ${n.target.map(String).join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n'))
    .join('\n');
  assert.equal(results.violations.length, 0, `axe found accessibility problems on ${label}:\n${report}`);
}

// -------------------------------------------------------------------------------------------------- page reading

export async function headingText(page: Page): Promise<string> {
  return (await page.locator('h1').first().innerText()).trim();
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** A short description of the focused element, for messages: tag, id, name, class and text. */
export async function focused(page: Page): Promise<string> {
  return await page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return '(nothing)';
    const text = (el.innerText || el.value || '').trim().slice(0, 40);
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '')
      + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + (text ? ' "' + text + '"' : '');
  })()`) as string;
}

export async function focusMatches(page: Page, selector: string): Promise<boolean> {
  return await page.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`) as boolean;
}

// ------------------------------------------------------------------------------------------------------ keyboard

/**
 * Presses Tab (or Shift+Tab) until the focused element matches the selector. Fails when it takes more than
 * `max` presses, or when the focus leaves the page's elements and wraps around.
 */
export async function tabTo(page: Page, selector: string, { back = false, max = 40 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await focusMatches(page, selector)) return presses;
  }
  assert.fail(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${selector} in ${max} presses; focus is on ${await focused(page)}`);
}

/** One Tab, which must land on the selector. */
export async function tabOnceTo(page: Page, selector: string, back = false): Promise<void> {
  await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  assert.ok(await focusMatches(page, selector), `after ${back ? 'Shift+Tab' : 'Tab'} the focus should be on ${selector}, not ${await focused(page)}`);
}

/**
 * The first Tab stop of every page is the skip link; Enter on it moves the focus to <main>, so the next Tab
 * goes into the page's content.
 */
export async function skipToMain(page: Page, lang: Lang): Promise<void> {
  await tabOnceTo(page, 'a.skipnav');
  assert.equal((await page.locator('a.skipnav').innerText()).trim(), t(lang, 'skip.link'));
  // DKFDS slides the link in (a 0.2 s transition).
  let box = await page.locator('a.skipnav').boundingBox();
  for (let i = 0; i < 10 && !(box && box.y >= 0); i++) {
    await page.waitForTimeout(50);
    box = await page.locator('a.skipnav').boundingBox();
  }
  assert.ok(box && box.width > 1 && box.height > 1 && box.y >= 0, `the skip link is visible when it has the focus: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main-content$/);
  assert.ok(await focusMatches(page, 'main#main-content'), `the skip link moves the focus to <main>, not ${await focused(page)}`);
}

/**
 * The enhanced country picker, by keyboard only: type part of the name, then ArrowDown through the options
 * until the one wanted is active, and Enter. The combobox must already have the focus.
 */
export async function pickCountryByKeyboard(page: Page, typed: string, name: string, selectId = 'citizenship'): Promise<void> {
  await page.keyboard.type(typed);
  const input = page.locator(`#${selectId}-input`);
  assert.equal(await input.getAttribute('aria-expanded'), 'true', 'typing opens the list of countries');
  // Names that begin with what was typed come before names where only a later word does.
  const shown = (await page.locator(`#${selectId}-listbox [role="option"]`).allInnerTexts()).map((text) => text.trim().toLowerCase());
  const begins = shown.map((text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').startsWith(typed.toLowerCase()));
  assert.ok(begins.indexOf(false) === -1 || begins.lastIndexOf(true) < begins.indexOf(false), `the countries shown for "${typed}": ${shown.join(', ')}`);
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    assert.ok(active, 'ArrowDown makes an option active (aria-activedescendant)');
    const option = page.locator(`#${active}`);
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    if ((await option.innerText()).trim() === name) {
      await page.keyboard.press('Enter');
      assert.equal(await input.inputValue(), name);
      assert.equal(await input.getAttribute('aria-expanded'), 'false', 'Enter closes the list');
      return;
    }
  }
  assert.fail(`"${name}" was not among the first options after typing "${typed}"`);
}
