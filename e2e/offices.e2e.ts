/**
 * The office pages in a real browser (Debian's chromium): the finder by postal code, by municipality and by the
 * browser's position, its error pages, the list and the page of one office, the keyboard-only way from the
 * finder to an office, and "Your office" in the plan. JavaScript on and off, English and Danish; axe-core checks
 * every page seen.
 *
 * The clock is fixed at 2026-11-25T10:00:00Z: Wednesday 11:00 in Denmark, when ICS West Aarhus (Wed 10–16) is
 * open. Expected names are written out here, not read from the office data, so that a wrong office fails.
 * Run: node --import tsx --test --test-concurrency=1 e2e/offices.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Lang } from '../src/modules/plan/domain/answers.js';
import type { FieldError } from '../src/modules/plan/domain/validate-answers.js';
import { testDeps } from '../test/helpers.js';
import {
  chromiumSuite, expectAccessible, focusMatches, focused, headingText, htmlLang,
  navigateBy, skipToMain, t, tabOnceTo, tabTo, visit,
} from './browser.js';

const message = (lang: Lang, error: FieldError) => testDeps().texts.message(lang, error);

const AARHUS = { latitude: 56.1567, longitude: 10.2108 };
const MALMO = { latitude: 55.605, longitude: 13.0038 };

const CPR: Record<Lang, string> = { en: 'CPR registration', da: 'CPR-registrering', uk: 'Реєстрація CPR' };
const EU_DOCUMENT: Record<Lang, string> = { en: 'EU residence document', da: 'EU-opholdsdokument', uk: 'Документ про проживання для громадян ЄС' };

interface OfficeName { id: string; name: Record<Lang, string> }
const ICS_WEST: OfficeName = { id: 'ics-aarhus', name: { en: 'ICS West, Aarhus', da: 'ICS Vest, Aarhus', uk: 'ICS Захід, Орхус' } };
const ICS_EAST: OfficeName = { id: 'ics-copenhagen', name: { en: 'ICS East, Copenhagen', da: 'ICS Øst, København', uk: 'ICS Схід, Копенгаген' } };
const BORNHOLM_CITIZEN_SERVICE: OfficeName = {
  id: 'citizen-service-400', name: { en: 'Citizen Service, Bornholm Regional Municipality', da: 'Borgerservice, Bornholms Regionskommune', uk: 'Borgerservice, комуна Bornholm' },
};
const SIRI_BORNHOLM: OfficeName = { id: 'siri-bornholm', name: { en: 'SIRI on Bornholm (one day a month)', da: 'SIRI på Bornholm (én dag om måneden)', uk: 'SIRI на Борнгольмі (один день на місяць)' } };

function path(page: Page): string {
  return new URL(page.url()).pathname;
}

const withLang = (url: string, lang: Lang) => (lang === 'en' ? url : `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
const officeHref = (office: OfficeName, lang: Lang) => withLang(`/offices/${office.id}`, lang);

// -------------------------------------------------------------------------------------------------- the results

interface ResultItem { service: string; office: string; href: string }

/** The finder's results: one item per service, each with its office as a link. */
async function readResults(page: Page): Promise<ResultItem[]> {
  const items: ResultItem[] = [];
  for (const item of await page.locator('.finder-results .finder-item').all()) {
    const service = (await item.locator('h3').innerText()).trim();
    const links = item.getByRole('link');
    assert.equal(await links.count(), 1, `the service "${service}" names one office, as a link`);
    const href = await links.first().getAttribute('href');
    assert.ok(href && href.startsWith('/offices/'), `"${service}" links to an office page: ${href}`);
    items.push({ service, office: (await links.first().innerText()).trim(), href });
  }
  return items;
}

function resultFor(items: ResultItem[], service: string): ResultItem {
  const found = items.find((i) => i.service === service);
  assert.ok(found, `the results have "${service}": ${items.map((i) => i.service).join(', ')}`);
  return found;
}

/**
 * The map under the results: an image with a name, one numbered marker per office, and a legend in words that
 * lists "You" and every office named in the results, once each, in the order they first appear.
 */
async function expectResultsMap(page: Page, lang: Lang, items: ResultItem[], you = 'office.yourPostcode'): Promise<void> {
  const map = page.locator('.finder-results figure.denmark-map');
  assert.equal(await map.count(), 1, 'the results have a map');
  assert.equal(await map.getByRole('img', { name: t(lang, 'office.mapFinder'), exact: true }).count(), 1, 'the map is an image with a name');
  const offices = [...new Set(items.map((i) => i.office))];
  const legend = (await map.locator('figcaption .map-legend li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.deepEqual(legend, [t(lang, you), ...offices.map((name, i) => `${i + 1} ${name}`)], 'the legend names where you are and each office');
  assert.deepEqual(await map.locator('svg .map-point-office text').allTextContents(), offices.map((_, i) => String(i + 1)),
    'the map has one numbered marker per office in the legend');
  assert.equal(await map.locator('svg .map-point-you').count(), 1, 'the map marks where you are');
}

async function expectResultsHeading(page: Page, lang: Lang, place: string | RegExp): Promise<void> {
  const heading = (await page.locator('.finder-results h2').innerText()).trim();
  if (typeof place === 'string') assert.equal(heading, t(lang, 'finder.resultsFor', { place }));
  else assert.match(heading, place);
  assert.equal(await page.getByRole('region', { name: heading, exact: true }).count(), 1, 'the results are a region named by their heading');
}

async function submitFinder(page: Page, lang: Lang) {
  return navigateBy(page, () => page.getByRole('button', { name: t(lang, 'finder.submit'), exact: true }).click());
}

/** An office page as the finder's link leads to it: its name, the language kept, and open or opening times. */
async function expectOfficePage(page: Page, lang: Lang, office: OfficeName, status: number): Promise<void> {
  assert.equal(status, 200);
  assert.equal(path(page), `/offices/${office.id}`);
  assert.equal(await htmlLang(page), lang);
  assert.equal(await headingText(page), office.name[lang]);
  assert.equal(await page.locator('table.hours-table').count(), 2, "this week's and next week's hours");
  assert.equal(await page.locator('figure.denmark-map').getByRole('img', { name: t(lang, 'office.map', { name: office.name[lang] }), exact: true }).count(), 1);
}

// ---------------------------------------------------------------------------------------------------------- tests

describe('the office pages in Chromium', () => {
  const { server, withTab } = chromiumSuite();

  describe('the finder by postal code', () => {
    const cases: { lang: 'en' | 'da'; js: boolean; postcode: string; place: Record<'en' | 'da', string>; cpr: OfficeName }[] = [
      { lang: 'en', js: true, postcode: '8000', place: { en: '8000 Aarhus C (Aarhus Municipality)', da: '8000 Aarhus C (Aarhus Kommune)' }, cpr: ICS_WEST },
      { lang: 'en', js: false, postcode: '8000', place: { en: '8000 Aarhus C (Aarhus Municipality)', da: '8000 Aarhus C (Aarhus Kommune)' }, cpr: ICS_WEST },
      { lang: 'da', js: true, postcode: '2000', place: { en: '2000 Frederiksberg (Frederiksberg Municipality)', da: '2000 Frederiksberg (Frederiksberg Kommune)' }, cpr: ICS_EAST },
      { lang: 'da', js: false, postcode: '8000', place: { en: '8000 Aarhus C (Aarhus Municipality)', da: '8000 Aarhus C (Aarhus Kommune)' }, cpr: ICS_WEST },
    ];
    for (const { lang, js, postcode, place, cpr } of cases) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      it(`${postcode} gives ${cpr.name.en} for CPR registration (${label})`, { timeout: 30_000 }, () => withTab({ js }, async ({ page, problems }) => {
        let response = await visit(page, server.base + withLang('/offices/finder', lang));
        assert.equal(response.status(), 200);
        assert.equal(await htmlLang(page), lang);
        assert.equal(await headingText(page), t(lang, 'finder.title'));
        assert.equal(await page.locator('.finder-results').count(), 0, 'no results before a search');
        await expectAccessible(page, `finder (${label})`);

        await page.getByLabel(t(lang, 'finder.postcode'), { exact: true }).fill(postcode);
        response = await submitFinder(page, lang);
        assert.equal(response.status(), 200);
        assert.equal(path(page), '/offices/finder');
        assert.equal(new URL(page.url()).searchParams.get('postcode'), postcode);
        assert.equal(new URL(page.url()).searchParams.get('lang'), lang === 'en' ? null : lang, 'the search keeps the language');
        assert.equal(await htmlLang(page), lang);
        assert.equal(await page.inputValue('#postcode'), postcode, 'the postal code stays in the field');
        await expectResultsHeading(page, lang, place[lang]);
        const items = await readResults(page);
        assert.ok(items.length >= 5, `several services are listed: ${items.length}`);
        assert.deepEqual(resultFor(items, CPR[lang]), { service: CPR[lang], office: cpr.name[lang], href: officeHref(cpr, lang) });
        await expectResultsMap(page, lang, items);
        await expectAccessible(page, `finder results for ${postcode} (${label})`);

        response = await navigateBy(page, () => page.locator('.finder-item', { has: page.getByRole('heading', { name: CPR[lang], exact: true }) })
          .getByRole('link', { name: cpr.name[lang], exact: true }).click());
        await expectOfficePage(page, lang, cpr, response.status());
        await expectAccessible(page, `${cpr.id} from the finder (${label})`);
        assert.deepEqual(problems, [], 'no script or console errors');
      }));
    }
  });

  describe('the finder by municipality', () => {
    for (const { lang, js } of [{ lang: 'en', js: true }, { lang: 'da', js: false }] as const) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      it(`Bornholm: CPR registration at its Citizen Service, the EU residence document at SIRI on Bornholm (${label})`, { timeout: 30_000 },
        () => withTab({ js }, async ({ page, problems }) => {
          await visit(page, server.base + withLang('/offices/finder', lang));
          const select = page.getByLabel(t(lang, 'finder.or'), { exact: true });
          assert.equal(await select.locator('option').count(), 99, 'a first empty choice and the 98 municipalities');
          await select.selectOption({ label: 'Bornholm' });
          const response = await submitFinder(page, lang);
          assert.equal(response.status(), 200);
          assert.equal(new URL(page.url()).searchParams.get('municipality'), '400');
          assert.equal(await page.inputValue('#municipality'), '400', 'the municipality stays chosen');
          await expectResultsHeading(page, lang, lang === 'en' ? 'Bornholm Regional Municipality' : 'Bornholms Regionskommune');
          const items = await readResults(page);
          assert.deepEqual(resultFor(items, CPR[lang]),
            { service: CPR[lang], office: BORNHOLM_CITIZEN_SERVICE.name[lang], href: officeHref(BORNHOLM_CITIZEN_SERVICE, lang) });
          assert.deepEqual(resultFor(items, EU_DOCUMENT[lang]),
            { service: EU_DOCUMENT[lang], office: SIRI_BORNHOLM.name[lang], href: officeHref(SIRI_BORNHOLM, lang) });
          await expectResultsMap(page, lang, items, 'office.yourMunicipality');
          await expectAccessible(page, `finder results for Bornholm (${label})`);

          const office = await navigateBy(page, () => page.getByRole('link', { name: SIRI_BORNHOLM.name[lang], exact: true }).click());
          await expectOfficePage(page, lang, SIRI_BORNHOLM, office.status());
          await expectAccessible(page, `siri-bornholm (${label})`);
          assert.deepEqual(problems, []);
        }));
    }
  });

  describe('"Use my location"', () => {
    it('in Aarhus gives the offices for Aarhus (en, JavaScript on)', { timeout: 30_000 }, () => withTab({ js: true, geolocation: AARHUS }, async ({ page, problems }) => {
      await visit(page, `${server.base}/offices/finder`);
      const button = page.getByRole('button', { name: t('en', 'finder.location'), exact: true });
      assert.ok(await button.isVisible(), 'app.js shows the button when the browser can give a position');
      await expectAccessible(page, 'finder with the location button');
      const response = await navigateBy(page, () => button.click());
      assert.equal(response.status(), 200);
      const query = new URL(page.url()).searchParams;
      assert.equal(path(page), '/offices/finder');
      assert.deepEqual([Number(query.get('lat')), Number(query.get('lon'))], [AARHUS.latitude, AARHUS.longitude], 'the position goes in the address');
      // The nearest postal area's centre decides the code shown; the municipality is what matters.
      await expectResultsHeading(page, 'en', /^Offices for \d{4} Aarhus C \(Aarhus Municipality\)$/);
      const items = await readResults(page);
      assert.deepEqual(resultFor(items, CPR.en), { service: CPR.en, office: ICS_WEST.name.en, href: officeHref(ICS_WEST, 'en') });
      await expectResultsMap(page, 'en', items, 'office.you');
      await expectAccessible(page, 'finder results for a position in Aarhus');
      assert.deepEqual(problems, []);
    }));

    it('in Malmö says the position is not in Denmark (da, JavaScript on)', { timeout: 30_000 }, () => withTab({ js: true, geolocation: MALMO }, async ({ page, problems }) => {
      await visit(page, `${server.base}/offices/finder?lang=da`);
      await page.getByLabel(t('da', 'finder.student'), { exact: true }).check();
      const response = await navigateBy(page, () => page.getByRole('button', { name: t('da', 'finder.location'), exact: true }).click());
      assert.equal(response.status(), 400);
      const query = new URL(page.url()).searchParams;
      assert.deepEqual([query.get('student'), query.get('lang')], ['yes', 'da'], 'the student box and the language go with the position');
      assert.equal(await htmlLang(page), 'da');
      const summary = page.locator('[data-module="error-summary"]');
      assert.equal(await summary.getByRole('link', { name: message('da', { field: 'position', code: 'outside-denmark' }), exact: true }).count(), 1);
      assert.equal(await page.locator('.finder-results').count(), 0);
      await expectAccessible(page, 'finder error for a position in Malmö');
      assert.deepEqual(problems, []);
    }));

    it('is not shown without JavaScript', { timeout: 30_000 }, () => withTab({ js: false }, async ({ page }) => {
      await visit(page, `${server.base}/offices/finder`);
      const button = page.locator('[data-module="use-location"]');
      assert.equal(await button.count(), 1);
      assert.equal(await button.isVisible(), false, 'the button does nothing without JavaScript, so it is hidden');
      assert.equal(await page.getByRole('button', { name: t('en', 'finder.location') }).count(), 0, 'nor is it in the accessibility tree');
    }));
  });

  describe('error pages', () => {
    const errors: { what: string; url?: string; postcode?: string; status: number; error: FieldError; onField: boolean }[] = [
      { what: '12 as the postal code', postcode: '12', status: 400, error: { field: 'postalCode', code: 'postal-code-format' }, onField: true },
      {
        what: '8001 as the postal code', postcode: '8001', status: 404, onField: true,
        error: { field: 'postalCode', code: 'unknown-postal-code-suggest', params: { value: '8001', suggestions: '7980, 7990, 8000' } },
      },
      {
        what: 'a position in Malmö', url: `/offices/finder?lat=${MALMO.latitude}&lon=${MALMO.longitude}`, status: 400, onField: false,
        error: { field: 'position', code: 'outside-denmark' },
      },
    ];
    for (const js of [true, false]) {
      for (const { what, url, postcode, status, error, onField } of errors) {
        const label = `JavaScript ${js ? 'on' : 'off'}`;
        it(`${what} (${label})`, { timeout: 30_000 }, () => withTab({ js }, async ({ page, problems }) => {
          let response;
          if (postcode !== undefined) {
            await visit(page, `${server.base}/offices/finder`);
            await page.getByLabel(t('en', 'finder.postcode'), { exact: true }).fill(postcode);
            response = await submitFinder(page, 'en');
          } else {
            response = await visit(page, server.base + (url ?? ''));
          }
          assert.equal(response.status(), status);
          assert.ok((await page.title()).startsWith(t('en', 'title.error.prefix')), 'the page title starts with "Error: "');
          const text = message('en', error);
          if (error.code === 'postal-code-format') assert.match(text, /4 digits/);
          if (error.code === 'unknown-postal-code-suggest') assert.match(text, /^8001 is not a Danish postal code\. Did you mean .*8000.*\?$/);
          if (error.code === 'outside-denmark') assert.match(text, /^That position is not in Denmark/);
          const summary = page.locator('[data-module="error-summary"]');
          assert.equal(await summary.getAttribute('role'), 'alert');
          assert.equal((await summary.locator('.alert-heading').innerText()).trim(), t('en', 'error.summary.title'));
          const link = summary.getByRole('link', { name: text, exact: true });
          assert.equal(await link.getAttribute('href'), '#postcode');
          const field = page.locator('#postcode');
          if (onField) {
            assert.ok((await page.locator('#postcode-error').innerText()).includes(text), 'the message is also above the field');
            assert.equal(await field.getAttribute('aria-invalid'), 'true');
            assert.match(await field.getAttribute('aria-describedby') ?? '', /\bpostcode-error\b/);
            assert.equal(await field.inputValue(), postcode, 'what was typed is shown again');
          } else {
            // The position is not a field: the summary leads to the postal code, as the way to go on.
            assert.equal(await page.locator('.form-error-message').count(), 0);
            assert.equal(await field.getAttribute('aria-invalid'), null);
          }
          assert.equal(await page.locator('.finder-results').count(), 0, 'no results');
          await expectAccessible(page, `${what} (${label})`);
          if (js) {
            assert.ok(await focusMatches(page, '[data-module="error-summary"]'), `DKFDS focuses the error summary, not ${await focused(page)}`);
            await tabOnceTo(page, '[data-module="error-summary"] a');
            await page.keyboard.press('Enter');
          } else {
            await link.click();
            await page.waitForURL(/#postcode$/);
          }
          assert.ok(await focusMatches(page, '#postcode'), `the summary link focuses the postal code, not ${await focused(page)}`);
          // From there, the right postal code gives the results.
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type('8000');
          const fixed = await submitFinder(page, 'en');
          assert.equal(fixed.status(), 200);
          await expectResultsHeading(page, 'en', '8000 Aarhus C (Aarhus Municipality)');
          assert.deepEqual(problems, []);
        }));
      }
    }
  });

  describe('the list and the office pages pass axe', () => {
    const pages: { url: string; lang: Lang; heading: string }[] = [
      { url: '/offices', lang: 'en', heading: t('en', 'offices.title') },
      { url: '/offices?lang=da', lang: 'da', heading: t('da', 'offices.title') },
      { url: '/offices/ics-aarhus', lang: 'en', heading: ICS_WEST.name.en },
      { url: '/offices/ics-odense?lang=da', lang: 'da', heading: 'ICS Syd, Odense' },
      { url: '/offices/siri-valby', lang: 'en', heading: 'SIRI, Copenhagen (Valby)' },
      { url: '/offices/citizen-service-400', lang: 'en', heading: BORNHOLM_CITIZEN_SERVICE.name.en },
      { url: '/offices/finder', lang: 'en', heading: t('en', 'finder.title') },
    ];
    for (const js of [true, false]) {
      it(`${pages.length} pages (JavaScript ${js ? 'on' : 'off'})`, { timeout: 45_000 }, () => withTab({ js }, async ({ page, problems }) => {
        for (const { url, lang, heading } of pages) {
          const response = await visit(page, server.base + url);
          assert.equal(response.status(), 200, url);
          assert.equal(await htmlLang(page), lang, url);
          assert.equal(await headingText(page), heading, url);
          await expectAccessible(page, `${url} (JavaScript ${js ? 'on' : 'off'})`);
        }
        assert.deepEqual(problems, []);
      }));
    }

    it('the list links to every ICS centre, SIRI office and the 98 Citizen Services', { timeout: 30_000 }, () => withTab({ js: false }, async ({ page }) => {
      await visit(page, `${server.base}/offices`);
      const sections = page.locator('main h2');
      assert.deepEqual((await sections.allInnerTexts()).map((s) => s.trim()),
        [t('en', 'offices.ics'), t('en', 'offices.siri'), t('en', 'offices.citizenServices')]);
      const citizen = page.locator('main ul.municipality-list a');
      assert.equal(await citizen.count(), 98);
      assert.equal(await citizen.filter({ hasText: /^Bornholm$/ }).getAttribute('href'), '/offices/citizen-service-400');
      const ics = page.locator('main ul.office-list').first().getByRole('link');
      assert.ok((await ics.allInnerTexts()).map((s) => s.trim()).includes(ICS_WEST.name.en));
      const finder = await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: t('en', 'finder.title'), exact: true }).click());
      assert.equal(finder.status(), 200);
      assert.equal(path(page), '/offices/finder');
    }));
  });

  it('ICS West Aarhus is open now, closes at 16:00, and today is marked in its hours (Wednesday 25 November 2026, 11:00)',
    { timeout: 30_000 }, () => withTab({ js: true }, async ({ page, problems }) => {
      await visit(page, `${server.base}/offices/ics-aarhus`);
      assert.equal((await page.locator('main p.font-lead').innerText()).trim(), t('en', 'office.openNow', { time: '16:00' }));
      assert.equal((await page.locator('main p.font-lead').innerText()).trim(), 'Open now, closes at 16:00');
      const [thisWeek, nextWeek] = await page.locator('table.hours-table').all() as [Locator, Locator];
      assert.equal((await thisWeek.locator('caption').innerText()).trim(), t('en', 'office.hoursThisWeek'));
      assert.equal((await nextWeek.locator('caption').innerText()).trim(), t('en', 'office.hoursNextWeek'));
      assert.equal(await thisWeek.locator('tbody tr').count(), 7);
      assert.equal(await nextWeek.locator('tbody tr').count(), 7);
      const today = page.locator('table.hours-table tbody tr.hours-today');
      assert.equal(await today.count(), 1, 'one row is today');
      assert.equal(await thisWeek.locator('tbody tr').first().getAttribute('class'), 'hours-today', 'today is the first row of this week');
      // Marked in words (for everyone, screen readers too) and in colour.
      assert.equal((await today.locator('th').innerText()).replace(/\s+/g, ' ').trim(), `Wednesday 25 November 2026 (${t('en', 'office.today')})`);
      assert.equal((await today.locator('td').innerText()).trim(), '10:00–16:00');
      // Code run in the page is a string: the project's TypeScript has no DOM types.
      const background = (row: string) =>
        page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(`table.hours-table tbody ${row} th`)})).backgroundColor`) as Promise<string>;
      const [todayBackground, tomorrowBackground] = [await background('tr.hours-today'), await background('tr:nth-child(2)')];
      assert.match(todayBackground, /^rgb/);
      assert.notEqual(todayBackground, tomorrowBackground, 'today\'s row has its own background');
      assert.equal(await nextWeek.locator('strong').count(), 0, 'no day of next week is marked as today');
      await expectAccessible(page, 'ics-aarhus at 11:00 on a Wednesday');
      assert.deepEqual(problems, []);
    }));

  it('by keyboard only: from the finder to the office page (en, JavaScript on)', { timeout: 30_000 }, () => withTab({ js: true }, async ({ page, context, problems }) => {
    await context.addInitScript(`for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
      addEventListener(type, () => { sessionStorage.setItem('pointer', String(Number(sessionStorage.getItem('pointer') || 0) + 1)); }, true);
    }`);
    await visit(page, `${server.base}/offices/finder`);
    await skipToMain(page, 'en');
    await tabTo(page, '#postcode');
    await page.keyboard.type('8000');
    const results = await navigateBy(page, () => page.keyboard.press('Enter'));
    assert.equal(results.status(), 200);
    await expectResultsHeading(page, 'en', '8000 Aarhus C (Aarhus Municipality)');

    await skipToMain(page, 'en');
    await tabTo(page, '.finder-results a');
    const first = page.locator('.finder-results a').first();
    assert.ok(await focusMatches(page, '.finder-results .finder-item:first-child a'), `the first office link has the focus, not ${await focused(page)}`);
    assert.equal((await first.innerText()).trim(), ICS_WEST.name.en);
    const office = await navigateBy(page, () => page.keyboard.press('Enter'));
    await expectOfficePage(page, 'en', ICS_WEST, office.status());
    assert.equal(await page.evaluate(`sessionStorage.getItem('pointer')`), null, 'no mouse or touch was used');
    assert.deepEqual(problems, []);
  }));

  describe('the plan names the office', () => {
    // Partner and children are answered too: without them /plan/result sends the reader back to those questions.
    const plan = '/plan/result?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=2027-01-04&moveIn=2027-01-04&postcode=8000&partner=no&children=no';
    for (const js of [true, false]) {
      it(`a Swede moving to 8000 gets ICS West Aarhus as "Your office" (JavaScript ${js ? 'on' : 'off'})`, { timeout: 30_000 },
        () => withTab({ js }, async ({ page, problems }) => {
          const response = await visit(page, server.base + plan);
          assert.equal(response.status(), 200);
          assert.equal(path(page), '/plan/result');
          for (const step of ['address-registration', 'cpr-registration']) {
            // Each step is folded: its summary opens it, with or without JavaScript.
            await page.locator(`#step-${step} summary`).click();
            const term = page.locator(`#step-${step} dt`).filter({ hasText: new RegExp(`^${t('en', 'plan.office')}$`) });
            assert.equal(await term.count(), 1, `the step ${step} has "Your office"`);
            const link = term.locator('xpath=following-sibling::dd[1]').getByRole('link');
            assert.equal(await link.count(), 1);
            assert.equal(await link.getAttribute('href'), '/offices/ics-aarhus', `${step}: the office link`);
            assert.equal((await link.innerText()).trim(), ICS_WEST.name.en);
            assert.match(await term.locator('xpath=following-sibling::dd[1]').innerText(), /Open now, closes at 16:00\./);
          }
          await expectAccessible(page, `plan with an office (JavaScript ${js ? 'on' : 'off'})`);
          const office = await navigateBy(page, () => page.locator('#step-cpr-registration').getByRole('link', { name: ICS_WEST.name.en, exact: true }).click());
          await expectOfficePage(page, 'en', ICS_WEST, office.status());
          assert.deepEqual(problems, []);
        }));
    }
  });
});
