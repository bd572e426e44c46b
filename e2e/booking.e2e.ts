/**
 * The booking pages in a real browser (Debian's chromium): booking a time from the service to the booking's own
 * page, with JavaScript off in English (the office from the postal code, an empty details form first) and on in
 * Danish; the same by keyboard only; the names of the time choices; moving a booking (the old link then says it
 * is out of date) and cancelling it through its confirmation page; the receipt for a deadline that cannot be met;
 * a time taken by someone else meanwhile; and "find your booking". axe-core checks every page and error state.
 *
 * The clock is fixed at 2026-11-25T10:00:00Z: Wednesday 11:00 in Denmark, so the first bookable time (two hours
 * ahead) is 13:00 today. Every test books with its own e-mail address: one active booking per e-mail and service.
 * Expected texts are written out here or read from content/ui.yaml, not computed by the app's own code.
 * Run: node --import tsx --test --test-concurrency=1 e2e/booking.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page, Response } from 'playwright-core';
import type { Lang } from '../src/modules/plan/domain/answers.js';
import type { FieldError } from '../src/modules/plan/domain/validate-answers.js';
import { testDeps } from '../test/helpers.js';
import {
  chromiumSuite, expectAccessible, focusMatches, focused, headingText, htmlLang,
  navigateBy, skipToMain, t, tabOnceTo, tabTo, visit,
} from './browser.js';

const message = (lang: Lang, error: FieldError) => testDeps().texts.message(lang, error);

const CPR: Record<Lang, string> = { en: 'CPR registration', da: 'CPR-registrering', uk: 'Реєстрація CPR' };
const ICS_EAST = { id: 'ics-copenhagen', name: { en: 'ICS East, Copenhagen', da: 'ICS Øst, København', uk: 'ICS Схід, Копенгаген' } };
const MAX_PEOPLE = 8;

/** 8 characters in two groups, without 0/O, 1/I or L. */
const REFERENCE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

function path(page: Page): string {
  return new URL(page.url()).pathname;
}

function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

const withLang = (url: string, lang: Lang) => (lang === 'en' ? url : `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);

/** The local time of a slot from its value, written with its offset ("2026-11-25T13:00:00+01:00" → "13:00"). */
function timeOf(startIso: string): string {
  const m = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}):00\+01:00$/.exec(startIso);
  assert.ok(m, `a time's value is a local time with the winter offset: ${startIso}`);
  return m[1]!;
}

// ------------------------------------------------------------------------------------------------ page checks

/**
 * The page a step led to: status, address, language, heading, and "Error: " at the start of the title exactly when
 * the page shows form errors (`errors`, the default for 400 and 409 answers to a form).
 */
async function expectPage(page: Page, response: Response, o: { path: string | RegExp; status?: number; lang: Lang; heading: string; errors?: boolean }): Promise<void> {
  assert.equal(response.status(), o.status ?? 200, `status of ${page.url()}`);
  if (typeof o.path === 'string') assert.equal(path(page), o.path);
  else assert.match(path(page), o.path);
  assert.equal(await htmlLang(page), o.lang);
  assert.equal(await headingText(page), o.heading);
  const title = await page.title();
  const errors = o.errors ?? (o.status === 400 || o.status === 409);
  assert.equal(title.startsWith(t(o.lang, 'title.error.prefix')), errors, `${errors ? 'a page with form errors' : 'a page without errors'}: "${title}"`);
  assert.equal(await page.locator('[data-module="error-summary"]').count(), errors ? 1 : 0, errors ? 'an error summary' : 'no error summary');
}

/** Every form on the page carries the language, when it is not English. */
async function expectLangInForms(page: Page, lang: Lang): Promise<void> {
  for (const form of await page.locator('main form').all()) {
    const hidden = form.locator('input[type="hidden"][name="lang"]');
    if (lang === 'en') assert.equal(await hidden.count(), 0, `an English form carries no lang (${page.url()})`);
    else assert.equal(await hidden.getAttribute('value'), lang, `every form carries lang=${lang} (${page.url()})`);
  }
}

/** The DKFDS error summary: role alert, its heading, and one link per message, to the field. */
async function expectErrorSummary(page: Page, lang: Lang, errors: { text: string; href: string }[]): Promise<Locator> {
  const summary = page.locator('[data-module="error-summary"]');
  assert.equal(await summary.count(), 1, 'one error summary');
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal((await summary.locator('.alert-heading').innerText()).trim(), t(lang, 'error.summary.title'));
  const links = summary.getByRole('link');
  assert.deepEqual((await links.allInnerTexts()).map((s) => s.trim()), errors.map((e) => e.text));
  for (const [i, e] of errors.entries()) assert.equal(await links.nth(i).getAttribute('href'), e.href);
  return summary;
}

/** A field's own message above it, aria-invalid, and aria-describedby that points at the message. */
async function expectFieldError(page: Page, id: string, text: string): Promise<void> {
  assert.ok((await page.locator(`#${id}-error`).innerText()).includes(text), `#${id} shows its message`);
  assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${id}`).getAttribute('aria-describedby') ?? '', new RegExp(`\\b${id}-error\\b`));
}

/** The summary rows of an appointment, as term → value. */
async function summaryRows(page: Page, scope = 'main'): Promise<Record<string, string>> {
  const rows: Record<string, string> = {};
  for (const row of await page.locator(`${scope} dl.booking-summary .summary-list-row`).all()) {
    rows[(await row.locator('dt').innerText()).trim()] = (await row.locator('dd').innerText()).trim();
  }
  return rows;
}

/**
 * The focused element shows a focus ring: its own outline or box shadow, or, for a DKFDS radio (the input itself
 * is hidden), the outline of its label's circle.
 */
async function expectFocusRing(page: Page, selector: string): Promise<void> {
  assert.ok(await focusMatches(page, selector), `the focus should be on ${selector}, not ${await focused(page)}`);
  const ring = await page.evaluate(`(() => {
    const el = document.activeElement;
    const shown = (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow && style.boxShadow !== 'none');
    if (el.matches('input[type="radio"], input[type="checkbox"]')) {
      const label = document.querySelector('label[for="' + el.id + '"]');
      return !!label && shown(getComputedStyle(label, '::before'));
    }
    return shown(getComputedStyle(el));
  })()`) as boolean;
  assert.ok(ring, `the focused ${await focused(page)} has a visible focus ring`);
}

/** The time radios: value, visible time and accessible name each. */
async function timeChoices(page: Page): Promise<{ value: string; time: string; places: string }[]> {
  const choices = [];
  for (const group of await page.locator('.time-grid .form-group-radio').all()) {
    const value = await group.locator('input[type="radio"]').getAttribute('value');
    assert.ok(value);
    choices.push({
      value,
      time: (await group.locator('label [aria-hidden="true"]').innerText()).trim(),
      places: (await group.locator('label .time-places').innerText()).trim(),
    });
  }
  return choices;
}

/**
 * Each time radio is named with the whole day and the time ("Monday 30 November 2026 at 09:00, 8 places left"),
 * so a screen reader that jumps between radios hears the date too; the visible text is just the time.
 */
async function expectTimeNames(page: Page, lang: Lang, dayText: string): Promise<number> {
  const choices = await timeChoices(page);
  assert.ok(choices.length > 0, 'the day has free times');
  assert.equal(await page.getByRole('radio').count(), choices.length, 'every time is a radio, and nothing else is');
  for (const { value, time, places } of choices) {
    assert.equal(time, timeOf(value), 'the visible time is the time of the value');
    assert.match(places, lang === 'en' ? /^(1 place|[2-8] places) left$/ : /^(1 plads|[2-8] pladser) tilbage$/);
    const name = `${t(lang, 'booking.at', { date: dayText, time })}, ${places}`;
    const radio = page.getByRole('radio', { name, exact: true });
    assert.equal(await radio.count(), 1, `one radio is named "${name}"`);
    assert.equal(await radio.getAttribute('value'), value);
  }
  return choices.length;
}

/** The booking's own page, after booking or moving: the reference, the summary, the banner and the links. */
async function expectManagePage(page: Page, lang: Lang, o: { done: 'moved' | null; email: string; when: string; people: number }): Promise<string> {
  assert.equal(await htmlLang(page), lang);
  assert.equal(await headingText(page), t(lang, 'manage.heading'));
  const reference = (await page.locator('main .booking-reference').innerText()).trim();
  assert.match(reference, REFERENCE);
  assert.equal(path(page), `/booking/${reference}`);
  assert.equal(await page.title(), `${t(lang, 'manage.title', { reference })} - ${t(lang, 'service.name')}`);
  const rows = await summaryRows(page);
  assert.equal(rows[t(lang, 'booking.field.when')], o.when);
  assert.equal(rows[t(lang, 'booking.field.people')], String(o.people));
  const banner = page.locator('main .alert-success');
  if (o.done) {
    assert.equal(await banner.getAttribute('role'), 'status', 'the banner is announced');
    assert.equal((await banner.locator('.alert-heading').innerText()).trim(), t(lang, 'manage.moved.title'));
    assert.ok((await banner.innerText()).includes(o.email), 'the banner names the e-mail address');
  } else {
    assert.equal(await banner.count(), 0, 'no banner when the page is opened again');
  }
  const actions = page.locator('main ul.booking-actions');
  for (const key of ['manage.calendar', 'manage.reschedule', 'manage.cancel']) {
    assert.equal(await actions.getByRole('link', { name: t(lang, key), exact: true }).count(), 1, `the link "${t(lang, key)}"`);
  }
  return reference;
}

/**
 * The answer to the details form: the appointment asked for and where the e-mail goes, announced; no reference and
 * no link (they come by e-mail only, so the page is the same whether or not the address already had a booking).
 */
async function expectSentPage(page: Page, lang: Lang, o: { email: string; when: string; people: number }): Promise<void> {
  assert.equal(await htmlLang(page), lang);
  assert.equal(await page.title(), `${t(lang, 'book.sent.title')} - ${t(lang, 'service.name')}`);
  const banner = page.locator('main .alert-success');
  assert.equal(await banner.getAttribute('role'), 'status', 'the banner is announced');
  assert.equal((await banner.locator('.alert-heading').innerText()).trim(), t(lang, 'book.sent.title'));
  assert.ok((await banner.innerText()).includes(o.email), 'the banner names the e-mail address');
  assert.equal(await headingText(page), t(lang, 'book.sent.heading'));
  const rows = await summaryRows(page);
  assert.equal(rows[t(lang, 'booking.field.when')], o.when);
  assert.equal(rows[t(lang, 'booking.field.people')], String(o.people));
  assert.equal(await page.locator('main .booking-reference').count(), 0, 'no reference on the page');
  assert.doesNotMatch(await page.content(), /token=|\/booking\/[A-Z0-9]{4}-/, 'no private link on the page');
}

// ------------------------------------------------------------------------------------------------------- the API

interface Slot { start: string; end: string; placesLeft: number }

async function api<T>(base: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(base + url, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() as T };
}

/** Books a time through the API, as another person (or another program) would. */
async function bookByApi(server: { base: string; mailLink(email: string): Promise<string> }, b: { officeId: string; service: string; start: string; people: number; email: string; name?: string }) {
  const { base } = server;
  const hold = await api<{ holdId: string }>(base, '/api/v1/holds', { officeId: b.officeId, service: b.service, start: b.start, people: b.people });
  assert.equal(hold.status, 201, `the API holds the time: ${JSON.stringify(hold.json)}`);
  const booked = await api<Record<string, unknown>>(base, '/api/v1/bookings',
    { holdId: hold.json.holdId, name: b.name ?? 'Someone Else', email: b.email, language: 'en' });
  assert.equal(booked.status, 202, `the API books the time: ${JSON.stringify(booked.json)}`);
  // The reference and the token, as the person finds them in the e-mail.
  const link = new URL(await server.mailLink(b.email));
  return { reference: link.pathname.split('/')[2]!, token: link.searchParams.get('token')! };
}

// ---------------------------------------------------------------------------------------------------------- tests

describe('the booking pages in Chromium', () => {
  const { server, withTab } = chromiumSuite();

  it('books CPR registration for 2 people at the office the postal code suggests (en, JavaScript off)', { timeout: 45_000 },
    () => withTab({ js: false }, async ({ page, problems }) => {
      const lang = 'en';
      const button = (key: string) => page.getByRole('button', { name: t(lang, key), exact: true });

      // 1. The service.
      let response = await visit(page, `${server.base}/book`);
      await expectPage(page, response, { path: '/book', lang, heading: t(lang, 'book.service.title') });
      assert.equal(await page.getByRole('group', { name: t(lang, 'book.service.title'), exact: true }).count(), 1, 'the heading is the radios\' legend');
      await expectAccessible(page, 'service (en, JavaScript off)');
      await page.getByRole('radio', { name: CPR.en, exact: true }).check();
      response = await navigateBy(page, () => button('continue').click());

      // 2. The office: none is chosen until the postal code suggests one.
      await expectPage(page, response, { path: '/book/office', lang, heading: t(lang, 'book.office.title', { service: CPR.en }) });
      assert.deepEqual(query(page), { service: 'cpr-registration' });
      assert.equal(await page.locator('input[name="office"]:checked').count(), 0, 'no office is chosen before the postal code');
      await expectAccessible(page, 'office (en, JavaScript off)');
      await page.getByLabel(t(lang, 'book.office.postcode.label'), { exact: true }).fill('2300');
      response = await navigateBy(page, () => button('book.office.postcode.button').click());
      await expectPage(page, response, { path: '/book/office', lang, heading: t(lang, 'book.office.title', { service: CPR.en }) });
      assert.deepEqual(query(page), { service: 'cpr-registration', postcode: '2300' });
      assert.equal(await page.inputValue('#postcode'), '2300', 'the postal code stays in its field');
      const suggested = page.locator('input[name="office"]:checked');
      assert.equal(await suggested.count(), 1, 'the postal code chooses an office');
      assert.equal(await suggested.getAttribute('value'), ICS_EAST.id);
      assert.equal(await suggested.getAttribute('id'), 'office', 'the suggested office comes first');
      // Named by the office alone; the address and the reason are its description (a DKFDS radio hint).
      assert.equal(await page.getByRole('radio', { name: ICS_EAST.name.en, exact: true }).isChecked(), true);
      const detailId = await suggested.getAttribute('aria-describedby');
      assert.ok(detailId);
      assert.equal((await page.locator(`#${detailId}`).innerText()).trim(), `Nyropsgade 1, 1602 København V · ${t(lang, 'book.office.serves')}`);
      assert.equal(await page.locator(`label[for="office"] #${detailId}`).count(), 0, 'the description is not also in the name');
      assert.equal(await page.getByText(t(lang, 'book.office.serves')).count(), 1, 'only one office serves the address');
      await expectAccessible(page, 'office suggested for 2300 (en, JavaScript off)');
      response = await navigateBy(page, () => button('continue').click());

      // 3. How many people.
      await expectPage(page, response, { path: '/book/people', lang, heading: t(lang, 'book.people.title') });
      assert.deepEqual(query(page), { service: 'cpr-registration', postcode: '2300', office: ICS_EAST.id });
      const people = page.getByLabel(t(lang, 'book.people.title'), { exact: true });
      assert.equal(await people.inputValue(), '1', 'one person unless told otherwise');
      await expectAccessible(page, 'people (en, JavaScript off)');
      await people.fill('2');
      response = await navigateBy(page, () => button('continue').click());

      // 4. The days with free times, as links.
      await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.days.title') });
      assert.equal(query(page).people, '2');
      assert.equal((await page.locator('main p.font-lead').innerText()).trim(),
        t(lang, 'book.days.lead', { service: CPR.en, office: ICS_EAST.name.en, people: 2 }));
      const firstDay = page.locator('main ul.day-list a').first();
      assert.equal((await firstDay.innerText()).trim(), 'Wednesday 25 November 2026', 'today still has free times');
      assert.equal((await page.locator('main h2').first().innerText()).trim(), t(lang, 'book.days.week', { date: 'Monday 23 November 2026' }));
      await expectAccessible(page, 'days (en, JavaScript off)');
      response = await navigateBy(page, () => firstDay.click());

      // 5. The times of that day.
      const dayTitle = t(lang, 'book.times.title', { date: 'Wednesday 25 November 2026' });
      await expectPage(page, response, { path: '/book/time', lang, heading: dayTitle });
      assert.equal(query(page).date, '2026-11-25');
      const choices = await timeChoices(page);
      assert.equal(choices[0]?.time, '13:00', 'the first time is two hours from now');
      await expectAccessible(page, 'times (en, JavaScript off)');
      await page.getByRole('radio', { name: `${t(lang, 'booking.at', { date: 'Wednesday 25 November 2026', time: '13:00' })}, ${choices[0]!.places}`, exact: true }).check();
      assert.equal(await page.locator('main form input[name="_csrf"]').count(), 1, 'holding a time is a form with a CSRF token');
      response = await navigateBy(page, () => button('book.times.submit').click());

      // 6. The details: empty first.
      await expectPage(page, response, { path: /^\/book\/details\/[^/]+$/, lang, heading: t(lang, 'book.details.title') });
      const detailsUrl = page.url();
      assert.equal((await page.locator('main .alert-info .alert-heading').innerText()).trim(), t(lang, 'book.details.held', { time: '11:10' }));
      const held = await summaryRows(page);
      assert.deepEqual(held, {
        [t(lang, 'booking.field.service')]: CPR.en,
        [t(lang, 'booking.field.when')]: 'Wednesday 25 November 2026, 13:00 to 13:15 (Danish time)',
        [t(lang, 'booking.field.where')]: `${ICS_EAST.name.en}, Nyropsgade 1, 1602 København V`,
        [t(lang, 'booking.field.people')]: '2',
      });
      assert.equal(await page.getByRole('radio', { name: t(lang, 'lang.name.en'), exact: true }).isChecked(), true, 'e-mails in the page\'s language unless told otherwise');
      await expectAccessible(page, 'details (en, JavaScript off)');
      response = await navigateBy(page, () => button('book.details.submit').click());
      await expectPage(page, response, { path: new URL(detailsUrl).pathname, status: 400, lang, heading: t(lang, 'book.details.title') });
      const nameError = message(lang, { field: 'name', code: 'required' });
      const emailError = message(lang, { field: 'email', code: 'required' });
      const summary = await expectErrorSummary(page, lang, [{ text: nameError, href: '#name' }, { text: emailError, href: '#email' }]);
      await expectFieldError(page, 'name', nameError);
      await expectFieldError(page, 'email', emailError);
      assert.equal(await page.locator('#phone').getAttribute('aria-invalid'), null, 'the phone number may be empty');
      await expectAccessible(page, 'details with errors (en, JavaScript off)');
      await summary.getByRole('link', { name: emailError, exact: true }).click();
      await page.waitForURL(/#email$/);
      assert.ok(await focusMatches(page, '#email'), `the summary link focuses the e-mail field, not ${await focused(page)}`);

      // Then the details as they should be.
      await page.getByLabel(t(lang, 'book.details.name'), { exact: true }).fill('Ana Pereira');
      await page.getByLabel(t(lang, 'book.details.email'), { exact: true }).fill('ana.pereira@example.com');
      await page.getByLabel(`${t(lang, 'book.details.phone')} ${t(lang, 'optional')}`, { exact: true }).fill('+351 912 345 678');
      response = await navigateBy(page, () => button('book.details.submit').click());

      // 7. The answer: the appointment asked for, and the e-mail that is on its way.
      assert.equal(response.status(), 200);
      await expectSentPage(page, lang, { email: 'ana.pereira@example.com', when: 'Wednesday 25 November 2026, 13:00 to 13:15 (Danish time)', people: 2 });
      assert.equal((await page.locator('main .alert-success .alert-heading').innerText()).trim(), 'Check your e-mail');
      await expectAccessible(page, 'request sent (en, JavaScript off)');

      // 8. The link in the e-mail: the booking's own page.
      response = await visit(page, await server.mailLink('ana.pereira@example.com'));
      assert.equal(response.status(), 200);
      const reference = await expectManagePage(page, lang, {
        done: null, email: 'ana.pereira@example.com', when: 'Wednesday 25 November 2026, 13:00 to 13:15 (Danish time)', people: 2,
      });
      assert.ok(query(page).token, 'the address carries the private token');
      assert.equal(await page.getByRole('heading', { name: t(lang, 'manage.bring.title'), exact: true, level: 2 }).count(), 1, 'what to bring is listed');
      assert.ok(await page.locator('main h2 + p + ul li').count() > 0, 'with the documents');
      await expectAccessible(page, 'booking page (en, JavaScript off)');

      // The calendar file.
      const calendarHref = await page.getByRole('link', { name: t(lang, 'manage.calendar'), exact: true }).getAttribute('href');
      assert.ok(calendarHref);
      const ics = await page.request.get(new URL(calendarHref, page.url()).toString());
      assert.equal(ics.status(), 200);
      assert.match(ics.headers()['content-type'] ?? '', /^text\/calendar\b/);
      const calendar = (await ics.text()).replace(/\r\n[ \t]/g, '');
      assert.match(calendar, /^BEGIN:VCALENDAR\r\n/);
      assert.match(calendar, /\r\nDTSTART(;TZID=Europe\/Copenhagen:20261125T130000|:20261125T120000Z)\r\n/, 'the event starts at 13:00 Danish time');
      assert.ok(calendar.includes(reference), 'the event names the reference');

      // The hold is used: its page says so, and holds nothing more.
      response = await visit(page, detailsUrl);
      await expectPage(page, response, { path: new URL(detailsUrl).pathname, status: 409, lang, heading: t(lang, 'book.gone.used.title'), errors: false });
      await expectAccessible(page, 'used hold (en, JavaScript off)');
      assert.deepEqual(problems, []);
    }));

  it('books in Danish (da, JavaScript on)', { timeout: 45_000 }, () => withTab({ js: true }, async ({ page, problems }) => {
    const lang = 'da';
    const button = (key: string) => page.getByRole('button', { name: t(lang, key), exact: true });

    // From the English start of booking, by the header's language link.
    await visit(page, `${server.base}/book`);
    let response = await navigateBy(page, () => page.locator('header a.lang-link[hreflang="da"]').click());
    await expectPage(page, response, { path: '/book', lang, heading: t(lang, 'book.service.title') });
    assert.equal(t(lang, 'book.service.title'), 'Hvad skal du booke en tid til?');
    assert.deepEqual(query(page), { lang: 'da' });
    await expectLangInForms(page, lang);
    await expectAccessible(page, 'service (da, JavaScript on)');
    await page.getByRole('radio', { name: CPR.da, exact: true }).check();
    response = await navigateBy(page, () => button('continue').click());

    await expectPage(page, response, { path: '/book/office', lang, heading: t(lang, 'book.office.title', { service: CPR.da }) });
    assert.deepEqual(query(page), { service: 'cpr-registration', lang: 'da' });
    await expectLangInForms(page, lang);
    await expectAccessible(page, 'office (da, JavaScript on)');
    await page.getByRole('radio', { name: ICS_EAST.name.da, exact: true }).check();
    response = await navigateBy(page, () => button('continue').click());

    // An answer that is not a number: the error, in Danish; DKFDS focuses the summary.
    await expectPage(page, response, { path: '/book/people', lang, heading: t(lang, 'book.people.title') });
    assert.equal(await headingText(page), 'Hvor mange personer kommer?');
    await expectLangInForms(page, lang);
    await expectAccessible(page, 'people (da, JavaScript on)');
    const people = page.getByLabel(t(lang, 'book.people.title'), { exact: true });
    await people.fill('ni');
    response = await navigateBy(page, () => button('continue').click());
    await expectPage(page, response, { path: '/book/time', status: 400, lang, heading: t(lang, 'book.people.title') });
    const notANumber = message(lang, { field: 'people', code: 'not-a-number', params: { max: MAX_PEOPLE } });
    assert.equal(notANumber, 'Skriv antallet af personer som et tal fra 1 til 8');
    await expectErrorSummary(page, lang, [{ text: notANumber, href: '#people' }]);
    await expectFieldError(page, 'people', notANumber);
    assert.equal(await people.inputValue(), 'ni', 'what was typed is shown again');
    assert.ok(await focusMatches(page, '[data-module="error-summary"]'), `DKFDS focuses the error summary, not ${await focused(page)}`);
    await expectLangInForms(page, lang);
    await expectAccessible(page, 'people with an error (da, JavaScript on)');
    await people.fill('1');
    response = await navigateBy(page, () => button('continue').click());

    await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.days.title') });
    assert.equal(await headingText(page), 'Vælg en dag');
    assert.equal((await page.locator('main p.font-lead').innerText()).trim(),
      t(lang, 'book.days.lead', { service: CPR.da, office: ICS_EAST.name.da, people: 1 }));
    assert.doesNotMatch(await page.locator('main p.font-lead').innerText(), /\b1 personer\b/, 'no plural for one person');
    const secondDay = page.locator('main ul.day-list a').nth(1);
    assert.equal((await secondDay.innerText()).trim(), 'torsdag den 26. november 2026');
    assert.equal(query(page).lang, 'da');
    assert.match(await secondDay.getAttribute('href') ?? '', /&lang=da$/, 'the day links keep the language');
    await expectAccessible(page, 'days (da, JavaScript on)');
    // A day beyond the 13 weeks, as from a link edited by hand: the same list, with an error that leads to it.
    const daysUrl = page.url();
    response = await visit(page, `${daysUrl}&date=9999-12-31`);
    await expectPage(page, response, { path: '/book/time', status: 400, lang, heading: t(lang, 'book.days.title') });
    await expectErrorSummary(page, lang, [{ text: message(lang, { field: 'date', code: 'not-a-date' }), href: '#days' }]);
    assert.ok(await focusMatches(page, '[data-module="error-summary"]'), `DKFDS focuses the error summary, not ${await focused(page)}`);
    await expectAccessible(page, 'days with a day outside the booking window (da, JavaScript on)');
    await page.locator('[data-module="error-summary"] a[href="#days"]').click();
    assert.ok(await focusMatches(page, '#days'), `the error's link leads to the list of days, not ${await focused(page)}`);
    response = await visit(page, daysUrl);
    await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.days.title') });
    response = await navigateBy(page, () => secondDay.click());

    await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.times.title', { date: 'torsdag den 26. november 2026' }) });
    assert.equal(await headingText(page), 'Vælg et tidspunkt torsdag den 26. november 2026');
    await expectLangInForms(page, lang);
    await expectTimeNames(page, lang, 'torsdag den 26. november 2026');
    await expectAccessible(page, 'times (da, JavaScript on)');
    const second = (await timeChoices(page))[1]!;
    await page.locator(`input[name="start"][value="${second.value}"]`).check();
    response = await navigateBy(page, () => button('book.times.submit').click());

    await expectPage(page, response, { path: /^\/book\/details\/[^/]+$/, lang, heading: t(lang, 'book.details.title') });
    assert.equal(await headingText(page), 'Dine oplysninger');
    assert.deepEqual(query(page), { lang: 'da' });
    await expectLangInForms(page, lang);
    await expectAccessible(page, 'details (da, JavaScript on)');
    await page.getByLabel(t(lang, 'book.details.name'), { exact: true }).fill('Jens Hansen');
    await page.getByLabel(t(lang, 'book.details.email'), { exact: true }).fill('jens.hansen@example.dk');
    assert.equal(await page.getByRole('radio', { name: 'Dansk', exact: true }).isChecked(), true, 'e-mails in Danish, as the page');
    response = await navigateBy(page, () => button('book.details.submit').click());

    assert.equal(response.status(), 200);
    const when = `torsdag den 26. november 2026 kl. ${second.time}-${endOf(second.time, 15)} (dansk tid)`;
    await expectSentPage(page, lang, { email: 'jens.hansen@example.dk', when, people: 1 });
    assert.equal((await page.locator('main .alert-success .alert-heading').innerText()).trim(), 'Tjek din e-mail');
    await expectAccessible(page, 'request sent (da, JavaScript on)');
    response = await visit(page, await server.mailLink('jens.hansen@example.dk'));
    assert.equal(response.status(), 200);
    assert.equal(query(page).lang, 'da', 'the link in a Danish e-mail opens the booking in Danish');
    await expectManagePage(page, lang, { done: null, email: 'jens.hansen@example.dk', when, people: 1 });
    assert.equal(await headingText(page), 'Din booking');
    await expectAccessible(page, 'booking page (da, JavaScript on)');
    assert.deepEqual(problems, []);
  }));

  it('by keyboard only: from /book to the booking page (en, JavaScript on)', { timeout: 45_000 }, () => withTab({ js: true }, async ({ page, context, problems }) => {
    await context.addInitScript(`for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
      addEventListener(type, () => { sessionStorage.setItem('pointer', String(Number(sessionStorage.getItem('pointer') || 0) + 1)); }, true);
    }`);
    const lang = 'en';
    const press = (key: 'Enter' | 'Space') => navigateBy(page, () => page.keyboard.press(key));
    const CONTINUE = 'main button.button-primary';

    // The service: Tab into the radios, Space, Tab to "Continue", Enter.
    let response = await visit(page, `${server.base}/book`);
    assert.equal(response.status(), 200);
    await skipToMain(page, lang);
    await tabTo(page, 'main input[name="service"]');
    await expectFocusRing(page, '#service');
    assert.equal(await page.locator('#service').getAttribute('value'), 'cpr-registration');
    await page.keyboard.press('Space');
    assert.ok(await focusMatches(page, '#service:checked'), 'Space chooses CPR registration');
    await tabOnceTo(page, CONTINUE);
    await expectFocusRing(page, CONTINUE);
    response = await press('Enter');
    assert.equal(response.status(), 200);
    assert.equal(path(page), '/book/office');

    // The office: the postal code first (Enter submits its own form), then the suggested office.
    await skipToMain(page, lang);
    await tabTo(page, '#postcode');
    await expectFocusRing(page, '#postcode');
    await page.keyboard.type('2300');
    response = await press('Enter');
    assert.equal(response.status(), 200);
    assert.deepEqual(query(page), { service: 'cpr-registration', postcode: '2300' });
    await skipToMain(page, lang);
    await tabTo(page, 'main input[name="office"]');
    await expectFocusRing(page, `#office:checked[value="${ICS_EAST.id}"]`);
    await tabOnceTo(page, CONTINUE);
    await expectFocusRing(page, CONTINUE);
    response = await press('Space');
    assert.equal(response.status(), 200);
    assert.equal(path(page), '/book/people');

    // People: the number, and Enter in the field.
    await skipToMain(page, lang);
    await tabTo(page, '#people');
    await expectFocusRing(page, '#people');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    response = await press('Enter');
    assert.equal(response.status(), 200);
    assert.equal(await headingText(page), t(lang, 'book.days.title'));

    // The first day's link.
    await skipToMain(page, lang);
    await tabTo(page, 'main ul.day-list a');
    await expectFocusRing(page, 'main ul.day-list li:first-child a');
    response = await press('Enter');
    assert.equal(response.status(), 200);
    assert.equal(query(page).date, '2026-11-25');

    // The times: ArrowDown to the second, Tab to the button.
    await skipToMain(page, lang);
    await tabTo(page, 'main input[name="start"]');
    await expectFocusRing(page, '#start');
    await page.keyboard.press('ArrowDown');
    await expectFocusRing(page, '#start-2:checked');
    const chosen = await page.locator('#start-2').getAttribute('value');
    assert.ok(chosen);
    await tabOnceTo(page, CONTINUE);
    await expectFocusRing(page, CONTINUE);
    assert.equal((await page.locator(CONTINUE).innerText()).trim(), t(lang, 'book.times.submit'));
    response = await press('Enter');
    assert.equal(response.status(), 200);
    assert.match(path(page), /^\/book\/details\//);

    // The details: name, e-mail, phone, the language (English is chosen), the button.
    await skipToMain(page, lang);
    await tabTo(page, '#name');
    await expectFocusRing(page, '#name');
    await page.keyboard.type('Kofi Mensah');
    await tabOnceTo(page, '#email');
    await page.keyboard.type('kofi.mensah@example.com');
    await tabOnceTo(page, '#phone');
    await expectFocusRing(page, '#phone');
    await tabOnceTo(page, 'input[name="language"]:checked');
    await expectFocusRing(page, '#language');
    await tabOnceTo(page, CONTINUE);
    await expectFocusRing(page, CONTINUE);
    assert.equal((await page.locator(CONTINUE).innerText()).trim(), t(lang, 'book.details.submit'));
    response = await press('Space');
    assert.equal(response.status(), 200);
    const when = `Wednesday 25 November 2026, ${timeOf(chosen)} to ${endOf(timeOf(chosen), 15)} (Danish time)`;
    await expectSentPage(page, lang, { email: 'kofi.mensah@example.com', people: 2, when });
    // The page's own link is reachable by keyboard; then the link from the e-mail, as it is followed.
    await skipToMain(page, lang);
    await tabTo(page, 'main a[href="/"]');
    await expectFocusRing(page, 'main a[href="/"]');
    response = await visit(page, await server.mailLink('kofi.mensah@example.com'));
    assert.equal(response.status(), 200);
    await expectManagePage(page, lang, { done: null, email: 'kofi.mensah@example.com', people: 2, when });

    // The booking's links are reachable too.
    await skipToMain(page, lang);
    await tabTo(page, 'main ul.booking-actions a');
    await expectFocusRing(page, 'main ul.booking-actions li:first-child a');
    await tabOnceTo(page, `main ul.booking-actions a[href^="/booking/"][href*="/reschedule?"]`);
    await tabOnceTo(page, `main ul.booking-actions a[href^="/booking/"][href*="/cancel?"]`);
    await expectFocusRing(page, 'main ul.booking-actions li:last-child a');
    assert.equal(await page.evaluate(`sessionStorage.getItem('pointer')`), null, 'no mouse or touch was used');
    assert.deepEqual(problems, []);
  }));

  describe('every time is named with its whole date and the time', () => {
    for (const { lang, js, day } of [
      { lang: 'en', js: false, day: 'Monday 30 November 2026' },
      { lang: 'da', js: true, day: 'mandag den 30. november 2026' },
    ] as const) {
      it(`${day} (${lang}, JavaScript ${js ? 'on' : 'off'})`, { timeout: 30_000 }, () => withTab({ js }, async ({ page, problems }) => {
        const response = await visit(page, server.base + withLang('/book/time?service=cpr-registration&office=ics-copenhagen&people=1&date=2026-11-30', lang));
        await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.times.title', { date: day }) });
        const count = await expectTimeNames(page, lang, day);
        assert.ok(count >= 20, `a Monday at ICS East has many times: ${count}`);
        const first = page.getByRole('radio').first();
        const expected = lang === 'en' ? 'Monday 30 November 2026 at 09:00, 8 places left' : 'mandag den 30. november 2026 kl. 09:00, 8 pladser tilbage';
        assert.equal(await page.getByRole('radio', { name: expected, exact: true }).count(), 1, `the first time is "${expected}"`);
        assert.equal(await first.getAttribute('value'), '2026-11-30T09:00:00+01:00');
        // What is seen is just the time and the places: the date is in the heading, and hidden in the label.
        const label = page.locator('label[for="start"]');
        assert.equal((await label.locator('[aria-hidden="true"]').innerText()).trim(), '09:00');
        assert.equal((await label.locator('.time-places').innerText()).trim(), lang === 'en' ? '8 places left' : '8 pladser tilbage');
        const hidden = await label.locator('.sr-only').boundingBox();
        assert.ok(hidden && hidden.width <= 1 && hidden.height <= 1, `the full date is visually hidden: ${JSON.stringify(hidden)}`);
        await expectAccessible(page, `times on 30 November (${lang}, JavaScript ${js ? 'on' : 'off'})`);
        assert.deepEqual(problems, []);
      }));
    }
  });

  it('moves a booking (the old link is then out of date) and cancels it on the confirmation page (en, JavaScript off)', { timeout: 45_000 },
    () => withTab({ js: false }, async ({ page, problems }) => {
      const lang = 'en';
      const slots = await api<{ slots: Slot[] }>(server.base, '/api/v1/offices/ics-aarhus/availability?service=eu-residence-document&people=1');
      assert.equal(slots.status, 200);
      const start = slots.json.slots[0]!.start;
      assert.equal(start, '2026-11-25T13:00:00+01:00');
      const { reference, token } = await bookByApi(server, { officeId: 'ics-aarhus', service: 'eu-residence-document', start, people: 1, email: 'mei.chen@example.com' });
      assert.match(reference, REFERENCE);
      const oldLink = `${server.base}/booking/${reference}?token=${token}`;

      let response = await visit(page, oldLink);
      assert.equal(response.status(), 200);
      await expectManagePage(page, lang, { done: null, email: 'mei.chen@example.com', when: 'Wednesday 25 November 2026, 13:00 to 13:20 (Danish time)', people: 1 });
      await expectAccessible(page, 'booking page opened from its link');

      // Move: the days (without the current time), a day, a time.
      response = await navigateBy(page, () => page.getByRole('link', { name: t(lang, 'manage.reschedule'), exact: true }).click());
      await expectPage(page, response, { path: `/booking/${reference}/reschedule`, lang, heading: t(lang, 'reschedule.title') });
      assert.equal((await page.locator('main p.font-lead').innerText()).trim(),
        t(lang, 'reschedule.lead', { when: 'Wednesday 25 November 2026 at 13:00' }));
      await expectAccessible(page, 'reschedule: days');
      response = await navigateBy(page, () => page.getByRole('link', { name: 'Monday 30 November 2026', exact: true }).click());
      await expectPage(page, response, { path: `/booking/${reference}/reschedule`, lang, heading: t(lang, 'book.times.title', { date: 'Monday 30 November 2026' }) });
      assert.equal(query(page).date, '2026-11-30');
      await expectTimeNames(page, lang, 'Monday 30 November 2026');
      await expectAccessible(page, 'reschedule: times');
      // Without a time chosen: the error.
      response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'reschedule.submit'), exact: true }).click());
      await expectPage(page, response, { path: `/booking/${reference}/reschedule`, status: 400, lang, heading: t(lang, 'book.times.title', { date: 'Monday 30 November 2026' }) });
      await expectErrorSummary(page, lang, [{ text: message(lang, { field: 'start', code: 'required' }), href: '#start' }]);
      await expectAccessible(page, 'reschedule: no time chosen');
      const [, third] = await timeChoices(page);
      assert.ok(third);
      await page.locator(`input[name="start"][value="${third.value}"]`).check();
      response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'reschedule.submit'), exact: true }).click());
      assert.equal(response.status(), 200);
      const moved = query(page);
      assert.equal(moved.done, 'moved');
      assert.ok(moved.token && moved.token !== token, 'moving gives a new token');
      await expectManagePage(page, lang, {
        done: 'moved', email: 'mei.chen@example.com', people: 1,
        when: `Monday 30 November 2026, ${third.time} to ${endOf(third.time, 20)} (Danish time)`,
      });
      await expectAccessible(page, 'booking page after moving');
      const newLink = `${server.base}/booking/${reference}?token=${moved.token}`;

      // The old link: out of date, with a way to get the current one by e-mail. Its cancel page cancels nothing.
      response = await visit(page, oldLink);
      await expectPage(page, response, { path: `/booking/${reference}`, lang, heading: t(lang, 'dead.rescheduled.title') });
      assert.equal(await headingText(page), 'This link is out of date');
      assert.ok((await page.locator('main p.font-lead').innerText()).includes(reference));
      assert.equal(await page.locator('main .booking-reference').count(), 0, 'no booking details on an old link');
      await expectAccessible(page, 'old link after moving');
      response = await visit(page, `${server.base}/booking/${reference}/cancel?token=${token}`);
      await expectPage(page, response, { path: `/booking/${reference}/cancel`, lang, heading: t(lang, 'dead.rescheduled.title') });
      assert.equal(await page.getByRole('button', { name: t(lang, 'cancel.confirm') }).count(), 0, 'the old link cannot cancel');
      response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'book.link.button'), exact: true }).click());
      await expectPage(page, response, { path: `/booking/${reference}/link`, lang, heading: t(lang, 'link.sent.title') });
      await expectAccessible(page, 'link sent');

      // The new link works; following the cancel link alone cancels nothing.
      response = await visit(page, newLink);
      assert.equal(response.status(), 200);
      await expectManagePage(page, lang, { done: null, email: 'mei.chen@example.com', people: 1, when: `Monday 30 November 2026, ${third.time} to ${endOf(third.time, 20)} (Danish time)` });
      response = await navigateBy(page, () => page.getByRole('link', { name: t(lang, 'manage.cancel'), exact: true }).click());
      await expectPage(page, response, { path: `/booking/${reference}/cancel`, lang, heading: t(lang, 'cancel.title', { reference }) });
      assert.equal((await summaryRows(page))[t(lang, 'booking.field.when')], `Monday 30 November 2026, ${third.time} to ${endOf(third.time, 20)} (Danish time)`);
      const form = page.locator('main form');
      assert.equal(await form.getAttribute('method'), 'post', 'cancelling is a POST form');
      assert.equal(await form.locator('input[name="_csrf"]').count(), 1);
      await expectAccessible(page, 'cancel confirmation');
      response = await navigateBy(page, () => page.getByRole('link', { name: t(lang, 'cancel.keep'), exact: true }).click());
      assert.equal(response.status(), 200);
      await expectManagePage(page, lang, { done: null, email: 'mei.chen@example.com', people: 1, when: `Monday 30 November 2026, ${third.time} to ${endOf(third.time, 20)} (Danish time)` });
      response = await visit(page, newLink);
      assert.equal(response.status(), 200);
      assert.equal(await headingText(page), t(lang, 'manage.heading'), 'the booking is still there');

      // Confirmed: cancelled.
      await navigateBy(page, () => page.getByRole('link', { name: t(lang, 'manage.cancel'), exact: true }).click());
      response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'cancel.confirm'), exact: true }).click());
      await expectPage(page, response, { path: `/booking/${reference}`, lang, heading: t(lang, 'dead.cancelled.title', { reference }) });
      assert.equal(query(page).done, 'cancelled');
      const banner = page.locator('main .alert-success');
      assert.equal(await banner.getAttribute('role'), 'status');
      assert.equal((await banner.locator('.alert-heading').innerText()).trim(), t(lang, 'cancel.done.title'));
      assert.equal((await page.locator('main p.font-lead').innerText()).trim(),
        t(lang, 'dead.cancelled.text', { when: `Monday 30 November 2026 at ${third.time}` }));
      await expectAccessible(page, 'cancelled');
      // Opened again later: cancelled, without the banner, and the way to book again.
      response = await visit(page, newLink);
      await expectPage(page, response, { path: `/booking/${reference}`, lang, heading: t(lang, 'dead.cancelled.title', { reference }) });
      assert.equal(await page.locator('main .alert-success').count(), 0);
      assert.equal(await page.getByRole('main').getByRole('link', { name: t(lang, 'dead.book'), exact: true }).getAttribute('href'), '/book');
      assert.deepEqual(problems, []);
    }));

  describe('a deadline that no free time meets', () => {
    const url = '/book/time?service=cpr-registration&office=ics-aalborg&people=2&deadline=2026-11-20&step=address-registration';
    for (const { lang, js } of [{ lang: 'en', js: false }, { lang: 'da', js: true }] as const) {
      it(`warns, and gives a printable receipt of the attempt (${lang}, JavaScript ${js ? 'on' : 'off'})`, { timeout: 30_000 },
        () => withTab({ js }, async ({ page, problems }) => {
          const deadline = lang === 'en' ? 'Friday 20 November 2026' : 'fredag den 20. november 2026';
          const earliest = lang === 'en' ? 'Wednesday 25 November 2026 at 13:00' : 'onsdag den 25. november 2026 kl. 13:00';
          let response = await visit(page, server.base + withLang(url, lang));
          await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.days.title') });
          const warning = page.locator('main .alert-warning');
          assert.equal(await warning.count(), 1);
          assert.equal((await warning.locator('.alert-heading').innerText()).trim(), t(lang, 'book.deadline.late.title', { date: deadline }));
          assert.ok((await warning.innerText()).includes(earliest), 'the warning gives the earliest free time');
          const late = page.locator('main ul.day-list li.day-late');
          assert.equal(await late.count(), await page.locator('main ul.day-list li').count(), 'every day is after the deadline');
          assert.equal((await late.first().locator('strong').innerText()).trim(), t(lang, 'book.days.late'));
          await expectLangInForms(page, lang);
          await expectAccessible(page, `deadline warning (${lang})`);

          response = await navigateBy(page, () => warning.getByRole('button', { name: t(lang, 'book.receipt.button'), exact: true }).click());
          await expectPage(page, response, { path: /^\/book\/attempt\/T-[A-Z0-9]{4}-[A-Z0-9]{4}$/, lang, heading: t(lang, 'receipt.title') });
          const reference = path(page).slice('/book/attempt/'.length);
          assert.equal(query(page).step, 'address-registration');
          assert.equal((await page.locator('main .booking-reference').innerText()).trim(), reference);
          const rows = await summaryRows(page);
          assert.equal(rows[t(lang, 'receipt.tried')], t(lang, 'booking.at', { date: lang === 'en' ? 'Wednesday 25 November 2026' : 'onsdag den 25. november 2026', time: '11:00' }));
          assert.ok(rows[t(lang, 'receipt.deadline')]?.startsWith(`${deadline} (`), `the deadline, with its rule: ${rows[t(lang, 'receipt.deadline')]}`);
          assert.equal(rows[t(lang, 'receipt.earliest')], earliest);
          assert.equal(rows[t(lang, 'booking.field.people')], '2');
          assert.ok(rows[t(lang, 'booking.field.where')]?.startsWith(lang === 'en' ? 'ICS North, Aalborg' : 'ICS Nord, Aalborg'));
          await expectAccessible(page, `receipt (${lang})`);

          // On paper: the receipt, without the header's navigation, the language link or the hint to print.
          await page.emulateMedia({ media: 'print' });
          assert.ok(await page.locator('.receipt').isVisible());
          assert.equal(await page.locator('header nav.service-nav').isVisible(), false);
          assert.equal(await page.locator('header nav.lang-switch').isVisible(), false);
          assert.equal(await page.getByText(t(lang, 'receipt.print')).isVisible(), false);
          await page.emulateMedia({ media: 'screen' });
          assert.ok(await page.getByText(t(lang, 'receipt.print')).isVisible());
          assert.deepEqual(problems, []);
        }));
    }
  });

  it('a time that someone else took meanwhile: 409, the times again, and another time can be held (en, JavaScript on)', { timeout: 30_000 },
    () => withTab({ js: true }, async ({ page, problems }) => {
      const lang = 'en';
      const day = 'Thursday 26 November 2026';
      let response = await visit(page, `${server.base}/book/time?service=cpr-registration&office=ics-esbjerg&people=1&date=2026-11-26`);
      await expectPage(page, response, { path: '/book/time', lang, heading: t(lang, 'book.times.title', { date: day }) });
      const [first, second] = await timeChoices(page);
      assert.ok(first && second);
      assert.equal(first.places, '4 places left');
      await page.locator('#start').check();

      // Someone else takes all four places of that time.
      await bookByApi(server, { officeId: 'ics-esbjerg', service: 'cpr-registration', start: first.value, people: 4, email: 'family.of.four@example.com' });

      response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'book.times.submit'), exact: true }).click());
      await expectPage(page, response, { path: '/book/hold', status: 409, lang, heading: t(lang, 'book.times.title', { date: day }) });
      const taken = message(lang, { field: 'start', code: 'taken' });
      assert.equal(taken, 'Someone else has just taken this time: choose another');
      await expectErrorSummary(page, lang, [{ text: taken, href: '#start' }]);
      assert.ok((await page.locator('#start-error').innerText()).includes(taken));
      assert.match(await page.locator('main fieldset').first().getAttribute('aria-describedby') ?? '', /\bstart-error\b/);
      assert.ok(await focusMatches(page, '[data-module="error-summary"]'), `DKFDS focuses the error summary, not ${await focused(page)}`);
      const left = await timeChoices(page);
      assert.equal(left.some((c) => c.value === first.value), false, 'the taken time is no longer offered');
      assert.equal(left[0]?.value, second.value);
      await expectTimeNames(page, lang, day);
      await expectAccessible(page, 'time taken meanwhile');

      // From the summary to the times, by keyboard, and the next time.
      await tabOnceTo(page, '[data-module="error-summary"] a');
      await page.keyboard.press('Enter');
      assert.ok(await focusMatches(page, '#start'), `the summary link focuses the first time, not ${await focused(page)}`);
      await page.keyboard.press('Space');
      response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'book.times.submit'), exact: true }).click());
      await expectPage(page, response, { path: /^\/book\/details\//, lang, heading: t(lang, 'book.details.title') });
      assert.equal((await summaryRows(page))[t(lang, 'booking.field.when')], `${day}, ${second.time} to ${endOf(second.time, 15)} (Danish time)`);
      assert.deepEqual(problems, []);
    }));

  it('"Find your booking": errors, then the same answer whether or not the booking exists (en, JavaScript off)', { timeout: 30_000 },
    () => withTab({ js: false }, async ({ page, problems }) => {
      const lang = 'en';
      const submit = () => navigateBy(page, () => page.getByRole('button', { name: t(lang, 'find.submit'), exact: true }).click());
      await visit(page, `${server.base}/book`);
      let response = await navigateBy(page, () => page.getByRole('link', { name: t(lang, 'book.find.link'), exact: true }).click());
      await expectPage(page, response, { path: '/booking/find', lang, heading: t(lang, 'find.title') });
      await expectAccessible(page, 'find your booking');

      response = await submit();
      await expectPage(page, response, { path: '/booking/find', status: 400, lang, heading: t(lang, 'find.title') });
      const refError = message(lang, { field: 'reference', code: 'required' });
      const emailError = message(lang, { field: 'email', code: 'required' });
      await expectErrorSummary(page, lang, [{ text: refError, href: '#reference' }, { text: emailError, href: '#email' }]);
      await expectFieldError(page, 'reference', refError);
      await expectFieldError(page, 'email', emailError);
      await expectAccessible(page, 'find your booking with errors');

      // O, I and L are not in references.
      await page.getByLabel(t(lang, 'find.reference'), { exact: true }).fill('LOIX-2345');
      await page.getByLabel(t(lang, 'book.details.email'), { exact: true }).fill('someone@example.com');
      response = await submit();
      assert.equal(response.status(), 400);
      await expectErrorSummary(page, lang, [{ text: message(lang, { field: 'reference', code: 'not-a-reference' }), href: '#reference' }]);
      assert.equal(await page.inputValue('#reference'), 'LOIX-2345', 'what was typed is shown again');
      assert.equal(await page.inputValue('#email'), 'someone@example.com');

      await page.getByLabel(t(lang, 'find.reference'), { exact: true }).fill('k7rm 4pxt');
      response = await submit();
      await expectPage(page, response, { path: '/booking/find', lang, heading: t(lang, 'link.sent.title') });
      assert.equal((await page.locator('main p.font-lead').innerText()).trim(), t(lang, 'link.sent.text'));
      await expectAccessible(page, 'find your booking: link sent');
      assert.deepEqual(problems, []);
    }));
});

/** "13:00" plus some minutes, as "13:15". */
function endOf(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
