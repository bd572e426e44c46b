/**
 * The questionnaire in a real browser (Debian's chromium): three people walk it from the start page to their
 * plan, in English and in Danish, with JavaScript on and off. axe-core checks every page they see. Two walks use
 * the keyboard only: the Swedish engineer in English with JavaScript on (the country combobox), and the Indian
 * engineer in Danish with JavaScript off (the plain select). Then the error pages, the other pages, and the
 * scripts under the app's own Content Security Policy.
 *
 * All tests share one browser and one app (the clock is fixed at 2026-11-25T10:00:00Z); every walk has its own
 * browser context. Run: node --import tsx --test --test-concurrency=1 e2e/*.e2e.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Lang, LEFT_UKRAINE, PROFESSIONS, PURPOSES, SCHEMES, STAYS } from '../src/modules/plan/domain/answers.js';
import type { FieldError } from '../src/modules/plan/domain/validate-answers.js';
import { testDeps } from '../test/helpers.js';
import {
  type Tab, chromiumSuite, expectAccessible, focusMatches, focused, headingText, htmlLang,
  navigateBy, pickCountryByKeyboard, skipToMain, t, tabOnceTo, tabTo, visit,
} from './browser.js';

type QuestionId = 'citizenship' | 'moving-from' | 'purpose' | 'left-ukraine' | 'scheme' | 'profession' | 'stay' | 'permit'
  | 'permit-date' | 'arrival' | 'move-in' | 'postcode' | 'partner' | 'partner-citizenship' | 'children' | 'children-ages';
type CountryQuestion = 'citizenship' | 'moving-from' | 'partner-citizenship';
type ChoiceQuestion = 'purpose' | 'left-ukraine' | 'scheme' | 'profession' | 'stay' | 'permit' | 'partner' | 'children';
/** The field name of each choice question (its query key). */
const CHOICE_NAMES: Record<ChoiceQuestion, string> = {
  purpose: 'purpose', 'left-ukraine': 'leftUkraine', scheme: 'scheme', profession: 'profession', stay: 'stay', permit: 'permit', partner: 'partner', children: 'children',
};
const COUNTRY_LABELS: Record<CountryQuestion, string> = {
  citizenship: 'q.citizenship.label', 'moving-from': 'q.movingFrom.label', 'partner-citizenship': 'q.partnerCitizenship.label',
};

const TITLE_KEYS: Record<QuestionId, string> = {
  citizenship: 'q.citizenship.title', 'moving-from': 'q.movingFrom.title', purpose: 'q.purpose.title', 'left-ukraine': 'q.leftUkraine.title',
  scheme: 'q.scheme.title', profession: 'q.profession.title', 'partner-citizenship': 'q.partnerCitizenship.title', stay: 'q.stay.title', permit: 'q.permit.title',
  'permit-date': 'q.permitDate.title', arrival: 'q.arrival.title', 'move-in': 'q.moveIn.title',
  postcode: 'q.postcode.title', partner: 'q.partner.title', children: 'q.children.title',
  'children-ages': 'q.childrenAges.title',
};
const UNKNOWN_KEYS: Partial<Record<QuestionId, string>> = {
  arrival: 'q.arrival.unknown', 'move-in': 'q.moveIn.unknown', postcode: 'q.postcode.unknown',
};

const message = (lang: Lang, error: FieldError) => testDeps().texts.message(lang, error);

// -------------------------------------------------------------------------------------------------- the people

type DateAnswer = [day: string, month: string, year: string] | 'unknown';
type Choice = { value: string; labelKey: string; index: number };

type Country = { code: string; typed: Record<Lang, string>; name: Record<Lang, string> };

interface Person {
  name: string;
  countries: Partial<Record<CountryQuestion, Country>>;
  choices: Partial<Record<ChoiceQuestion, Choice>>;
  dates: Partial<Record<'permit-date' | 'arrival' | 'move-in', DateAnswer>>;
  postcode: string | 'unknown';
  ages: string[];
  /** The questions asked, in order. */
  questions: QuestionId[];
  /** The answers as "Check your answers" lists them, in the order of `questions`. */
  /** The answers as the check page shows them, in the languages the walks are taken in. */
  answers: Record<'en' | 'da', string[]>;
  group: string;
  /** The address-registration deadline as DTSTART;VALUE=DATE of the calendar, or null: no dated step. */
  calendarDate: string | null;
  expectPlan: (page: Page, lang: Lang) => Promise<void>;
}

const yes: Choice = { value: 'yes', labelKey: 'yes', index: 0 };
const no: Choice = { value: 'no', labelKey: 'no', index: 1 };
const purpose = (value: (typeof PURPOSES)[number]): Choice => ({ value, labelKey: `q.purpose.${value}`, index: PURPOSES.indexOf(value) });
const stay = (value: (typeof STAYS)[number]): Choice => ({ value, labelKey: `q.stay.${value}`, index: STAYS.indexOf(value) });
const work = purpose('work');
const over6 = stay('over-6-months');
const scheme = (value: (typeof SCHEMES)[number]): Choice => ({ value, labelKey: `q.scheme.${value}`, index: SCHEMES.indexOf(value) });
const profession = (value: (typeof PROFESSIONS)[number]): Choice => ({ value, labelKey: `q.profession.${value}`, index: PROFESSIONS.indexOf(value) });
const leftUkraine = (value: (typeof LEFT_UKRAINE)[number]): Choice => ({ value, labelKey: `q.leftUkraine.${value}`, index: LEFT_UKRAINE.indexOf(value) });
const SWEDEN: Country = { code: 'SE', typed: { en: 'Swed', da: 'Sver', uk: 'Шве' }, name: { en: 'Sweden', da: 'Sverige', uk: 'Швеція' } };
const INDIA: Country = { code: 'IN', typed: { en: 'Indi', da: 'Indi', uk: 'Інд' }, name: { en: 'India', da: 'Indien', uk: 'Індія' } };
const UKRAINE: Country = { code: 'UA', typed: { en: 'Ukra', da: 'Ukra', uk: 'Укр' }, name: { en: 'Ukraine', da: 'Ukraine', uk: 'Україна' } };
const POLAND: Country = { code: 'PL', typed: { en: 'Pola', da: 'Pole', uk: 'Польщ' }, name: { en: 'Poland', da: 'Polen', uk: 'Польща' } };

/** The titles of the plan's steps, without their "Step n". */
async function stepTitles(page: Page, scope = '.plan-step'): Promise<string[]> {
  const titles: string[] = [];
  for (const heading of await page.locator(`${scope} .plan-step-title`).all()) {
    const number = (await heading.locator('.plan-step-number').innerText()).trim();
    const full = (await heading.innerText()).trim();
    assert.ok(full.startsWith(number));
    titles.push(full.slice(number.length).trim());
  }
  return titles;
}

/** A step of the plan by its key (id, or id@partner / id@child-N: a CSS id with "@" is matched as an attribute). */
export const stepSelector = (key: string) => `[id="step-${key}"]`;

async function expectDeadline(page: Page, stepId: string, isoDate: string, text: string): Promise<void> {
  const time = page.locator(`${stepSelector(stepId)} .plan-step-when time`);
  assert.equal(await time.count(), 1, `step ${stepId} shows a deadline`);
  assert.equal(await time.getAttribute('datetime'), isoDate);
  assert.equal((await time.innerText()).trim(), text);
}

const SWEDE: Person = {
  name: 'a Swedish engineer moving to Aarhus',
  countries: { citizenship: SWEDEN, 'moving-from': SWEDEN },
  choices: { purpose: work, profession: profession('none'), stay: over6, partner: no, children: no },
  dates: { arrival: ['4', '1', '2027'], 'move-in': ['4', '1', '2027'] },
  postcode: '8000',
  ages: [],
  questions: ['citizenship', 'moving-from', 'purpose', 'profession', 'stay', 'arrival', 'move-in', 'postcode', 'partner', 'children'],
  answers: {
    en: ['Sweden', 'Sweden', 'To work for an employer', 'No', 'More than 6 months', '4 January 2027', '4 January 2027', '8000 Aarhus C', 'No', 'No'],
    da: ['Sverige', 'Sverige', 'For at arbejde for en arbejdsgiver', 'Nej', 'Mere end 6 måneder', '4. januar 2027', '4. januar 2027', '8000 Aarhus C', 'Nej', 'Nej'],
  },
  group: 'group.nordic',
  calendarDate: '20270109',
  async expectPlan(page, lang) {
    await expectDeadline(page, 'address-registration', '2027-01-09', lang === 'en' ? 'Saturday 9 January 2027' : 'lørdag den 9. januar 2027');
    assert.equal(await page.locator('#step-eu-residence-document').count(), 0, 'a Nordic citizen gets no EU residence document step');
    assert.equal(await page.locator('#step-deregister-abroad').count(), 0, 'Sweden takes a person who moves to Denmark off its own register');
    const eu = (await stepTitles(page)).filter((title) => /EU residence document|EU-opholdsdokument/i.test(title));
    assert.deepEqual(eu, [], 'no step title mentions the EU residence document');
  },
};

const INDIAN: Person = {
  name: 'an Indian engineer with a partner and a child',
  countries: { citizenship: INDIA, 'moving-from': INDIA, 'partner-citizenship': INDIA },
  choices: {
    purpose: work, scheme: scheme('pay-limit'), profession: profession('none'), stay: over6,
    permit: { value: 'yes', labelKey: 'q.permit.yes', index: 0 }, partner: yes, children: yes,
  },
  dates: { 'permit-date': ['1', '10', '2026'], arrival: ['10', '1', '2027'], 'move-in': ['12', '1', '2027'] },
  postcode: '8000',
  ages: ['4'],
  questions: ['citizenship', 'moving-from', 'purpose', 'scheme', 'profession', 'stay', 'permit', 'permit-date', 'arrival', 'move-in', 'postcode',
    'partner', 'partner-citizenship', 'children', 'children-ages'],
  answers: {
    en: ['India', 'India', 'To work for an employer', 'The Pay Limit scheme: a high salary', 'No', 'More than 6 months', 'Yes, it has been granted',
      '1 October 2026', '10 January 2027', '12 January 2027', '8000 Aarhus C', 'Yes', 'India', 'Yes', '4 years'],
    da: ['Indien', 'Indien', 'For at arbejde for en arbejdsgiver', 'Beløbsordningen: en høj løn', 'Nej', 'Mere end 6 måneder', 'Ja, den er givet',
      '1. oktober 2026', '10. januar 2027', '12. januar 2027', '8000 Aarhus C', 'Ja', 'Indien', 'Ja', '4 år'],
  },
  group: 'group.other',
  calendarDate: '20270117',
  async expectPlan(page, lang) {
    await expectDeadline(page, 'address-registration', '2027-01-17', lang === 'en' ? 'Sunday 17 January 2027' : 'søndag den 17. januar 2027');
    await expectDeadline(page, 'address-registration@partner', '2027-01-17', lang === 'en' ? 'Sunday 17 January 2027' : 'søndag den 17. januar 2027');
    assert.equal(await page.locator(stepSelector('daycare@child-1')).count(), 1, 'the 4-year-old gets the daycare step');
    assert.match(await page.locator(stepSelector('daycare@child-1')).innerText(), new RegExp(t(lang, 'plan.for', { person: t(lang, 'person.child', { age: 4 }) })));
    const permit = page.locator('#step-residence-permit');
    assert.equal(await permit.count(), 1, 'the residence permit step is shown');
    assert.match(await permit.getAttribute('class') ?? '', /\bplan-step-done\b/, 'the granted residence permit is shown as done');
    assert.equal((await permit.locator('.badge').innerText()).trim(), t(lang, 'plan.done'));
    assert.equal(await permit.locator('.plan-step-when time').count(), 0, 'a step that is done has no deadline');
  },
};

const UKRAINIAN: Person = {
  name: 'a Ukrainian under the Special Act with two children',
  countries: { citizenship: UKRAINE, 'moving-from': POLAND },
  choices: {
    purpose: purpose('ukraine-special-act'), 'left-ukraine': leftUkraine('from-2022-02-01'),
    stay: over6, permit: { value: 'no', labelKey: 'q.permit.no', index: 1 }, partner: no, children: yes,
  },
  dates: { arrival: 'unknown', 'move-in': 'unknown' },
  postcode: 'unknown',
  ages: ['8', '12'],
  questions: ['citizenship', 'moving-from', 'purpose', 'left-ukraine', 'stay', 'permit', 'arrival', 'move-in', 'postcode', 'partner', 'children', 'children-ages'],
  answers: {
    en: ['Ukraine', 'Poland', 'I have fled Ukraine and come under the Ukraine Special Act', 'On or after 1 February 2022', 'More than 6 months',
      'No, I still have to apply, or I am waiting for an answer', "I don't know yet", "I don't have a home yet", "I don't know it yet",
      'No', 'Yes', '8, 12 years'],
    da: ['Ukraine', 'Polen', 'Jeg er flygtet fra Ukraine og kommer efter den ukrainske særlov', 'Den 1. februar 2022 eller senere', 'Mere end 6 måneder',
      'Nej, jeg skal stadig søge, eller jeg venter på svar', 'Det ved jeg ikke endnu', 'Jeg har ikke en bolig endnu', 'Det ved jeg ikke endnu',
      'Nej', 'Ja', '8, 12 år'],
  },
  group: 'group.other',
  calendarDate: null,
  async expectPlan(page) {
    assert.equal(await page.locator(stepSelector('school@child-1')).count(), 1, 'the child of 8 gets the school step');
    assert.equal(await page.locator(stepSelector('school@child-2')).count(), 1, 'the child of 12 gets the school step');
    assert.equal(await page.locator('#step-integration-programme').count(), 1, 'the Special Act gives the integration programme');
    assert.equal(await page.locator('#step-address-registration .plan-step-when time').count(), 0,
      'without a move-in date the address registration has no date');
  },
};

// ------------------------------------------------------------------------------------------------------ drivers

const CONTINUE = 'main button.button-primary';

interface Walk {
  tab: Tab;
  base: string;
  person: Person;
  lang: 'en' | 'da';
  js: boolean;
  keyboard: boolean;
  label: string;
}

function path(page: Page): string {
  const url = new URL(page.url());
  return url.pathname;
}

/** Answers the question on the page, by mouse and fill(), and returns the response of the page it leads to. */
async function answerByPointer(w: Walk, id: QuestionId) {
  const { page } = w.tab;
  const { person, lang } = w;
  const next = () => navigateBy(page, () => page.getByRole('button', { name: t(lang, 'continue'), exact: true }).click());
  switch (id) {
    case 'citizenship': case 'moving-from': case 'partner-citizenship': {
      const country = person.countries[id];
      assert.ok(country);
      if (w.js) {
        const box = page.getByRole('combobox', { name: t(lang, COUNTRY_LABELS[id]), exact: true });
        await box.click();
        await pickCountryByKeyboard(page, country.typed[lang], country.name[lang], id);
      } else {
        assert.equal(await page.locator(`#${id}-input`).count(), 0, 'without JavaScript the select is not replaced');
        await page.getByLabel(t(lang, COUNTRY_LABELS[id]), { exact: true }).selectOption(country.code);
      }
      assert.equal(await page.locator(`#${id}`).inputValue(), country.code, 'the select carries the country code');
      return next();
    }
    case 'purpose': case 'left-ukraine': case 'scheme': case 'profession': case 'stay': case 'permit': case 'partner': case 'children': {
      const choice = person.choices[id];
      assert.ok(choice);
      await page.getByRole('radio', { name: t(lang, choice.labelKey), exact: true }).check();
      return next();
    }
    case 'permit-date': case 'arrival': case 'move-in': {
      const date = person.dates[id];
      assert.ok(date);
      if (date === 'unknown') {
        return navigateBy(page, () => page.getByRole('button', { name: t(lang, UNKNOWN_KEYS[id] ?? ''), exact: true }).click());
      }
      const group = page.getByRole('group', { name: t(lang, TITLE_KEYS[id]) });
      await group.getByLabel(t(lang, 'date.day'), { exact: true }).fill(date[0]);
      await group.getByLabel(t(lang, 'date.month'), { exact: true }).fill(date[1]);
      await group.getByLabel(t(lang, 'date.year'), { exact: true }).fill(date[2]);
      return next();
    }
    case 'postcode': {
      if (person.postcode === 'unknown') {
        return navigateBy(page, () => page.getByRole('button', { name: t(lang, 'q.postcode.unknown'), exact: true }).click());
      }
      await page.getByLabel(t(lang, 'q.postcode.title'), { exact: true }).fill(person.postcode);
      return next();
    }
    case 'children-ages': {
      await page.getByLabel(t(lang, 'q.childrenAges.label', { n: 1 }), { exact: true }).fill(person.ages[0] ?? '');
      for (let i = 1; i < person.ages.length; i++) {
        const shown = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'q.childrenAges.add'), exact: true }).click());
        await expectAddedSlot(w, shown.status(), i);
        await page.getByLabel(t(lang, 'q.childrenAges.label', { n: i + 1 }), { exact: true }).fill(person.ages[i] ?? '');
      }
      return next();
    }
  }
}

/** After "Add another child": the same question again, the ages so far kept, and one more empty field. */
async function expectAddedSlot(w: Walk, status: number, i: number): Promise<void> {
  const { page } = w.tab;
  assert.equal(status, 200);
  assert.equal(path(page), '/plan/children-ages');
  const fields = page.locator('input[name="age"]');
  assert.equal(await fields.count(), i + 1, `${i + 1} age fields after adding one`);
  assert.deepEqual(await fields.evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value)),
    [...w.person.ages.slice(0, i), '']);
  await expectAccessible(page, `children-ages with ${i + 1} children (${w.label})`);
}

/** The same answers by keyboard only: Tab and Shift+Tab to move, Space on radios, typing, Enter/Space on buttons. */
async function answerByKeyboard(w: Walk, id: QuestionId) {
  const { page } = w.tab;
  const { person, lang } = w;
  const press = (key: 'Enter' | 'Space') => navigateBy(page, () => page.keyboard.press(key));
  await skipToMain(page, lang);
  switch (id) {
    case 'citizenship': case 'moving-from': case 'partner-citizenship': {
      const country = person.countries[id];
      assert.ok(country);
      if (w.js) {
        await tabTo(page, `#${id}-input`);
        await pickCountryByKeyboard(page, country.typed[lang], country.name[lang], id);
      } else {
        await tabTo(page, `select#${id}`);
        await page.keyboard.type(country.name[lang]);
      }
      assert.equal(await page.locator(`#${id}`).inputValue(), country.code);
      await tabTo(page, CONTINUE);
      return press('Enter');
    }
    case 'purpose': case 'left-ukraine': case 'scheme': case 'profession': case 'stay': case 'permit': case 'partner': case 'children': {
      const choice = person.choices[id];
      assert.ok(choice);
      await tabTo(page, `main input[type="radio"][name="${CHOICE_NAMES[id]}"]`);
      assert.ok(await focusMatches(page, `#${id}`), `Tab enters the radio group at its first radio, not ${await focused(page)}`);
      for (let i = 0; i < choice.index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      assert.ok(await focusMatches(page, `input[type="radio"][value="${choice.value}"]:checked`), `the radio "${choice.value}" is checked`);
      await tabOnceTo(page, CONTINUE);
      return press('Space');
    }
    case 'permit-date': case 'arrival': case 'move-in': {
      const date = person.dates[id];
      assert.ok(date);
      if (date === 'unknown') {
        await tabTo(page, 'main button[name="unknown"]');
        return press('Enter');
      }
      await tabTo(page, `#${id}-day`);
      await page.keyboard.type(date[0]);
      await tabOnceTo(page, `#${id}-month`);
      await page.keyboard.type(date[1]);
      await tabOnceTo(page, `#${id}-year`);
      await page.keyboard.type(date[2]);
      await tabOnceTo(page, CONTINUE);
      return press('Enter');
    }
    case 'postcode': {
      if (person.postcode === 'unknown') {
        await tabTo(page, 'main button[name="unknown"]');
        return press('Space');
      }
      await tabTo(page, '#postcode');
      await page.keyboard.type(person.postcode);
      // Past "Continue" to "I don't know it yet", and back again.
      await tabTo(page, 'main button[name="unknown"]');
      await tabOnceTo(page, CONTINUE, true);
      return press('Space');
    }
    case 'children-ages': {
      await tabTo(page, '#children-ages');
      await page.keyboard.type(person.ages[0] ?? '');
      for (let i = 1; i < person.ages.length; i++) {
        await tabTo(page, 'main button[name="add"]');
        const shown = await press('Enter');
        await expectAddedSlot(w, shown.status(), i);
        await skipToMain(page, lang);
        await tabTo(page, `#children-ages-${i + 1}`);
        await page.keyboard.type(person.ages[i] ?? '');
      }
      await tabTo(page, CONTINUE);
      return press('Enter');
    }
  }
}

/** Reads the ICS file behind the plan's calendar link. */
async function expectCalendar(w: Walk): Promise<void> {
  const { page } = w.tab;
  const link = page.getByRole('link', { name: t(w.lang, 'plan.calendar'), exact: true });
  if (w.person.calendarDate === null) {
    assert.equal(await link.count(), 0, 'a plan without dated steps has no calendar link');
    return;
  }
  const href = await link.getAttribute('href');
  assert.ok(href && href.startsWith('/plan/calendar.ics?'), `calendar link: ${href}`);
  const response = await page.request.get(new URL(href, page.url()).toString());
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'] ?? '', /^text\/calendar\b/);
  const ics = (await response.text()).replace(/\r\n[ \t]/g, '');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  const events = ics.split('BEGIN:VEVENT').slice(1);
  assert.ok(events.length > 0, 'the calendar has events');
  const [title] = await stepTitles(page, stepSelector('address-registration'));
  const registration = events.find((e) => e.includes(`SUMMARY:${t(w.lang, 'plan.deadline')}: ${title}`));
  assert.ok(registration, `an event for "${title}"`);
  assert.match(registration, new RegExp(`\\r\\nDTSTART;VALUE=DATE:${w.person.calendarDate}\\r\\n`));
}

async function walkQuestionnaire(w: Walk): Promise<void> {
  const { page } = w.tab;
  const { lang } = w;

  if (w.keyboard && w.js) {
    // Counts any pointer use in sessionStorage, which lasts across the walk's pages: it must stay at 0.
    await w.tab.context.addInitScript(`for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
      addEventListener(type, () => { sessionStorage.setItem('pointer', String(Number(sessionStorage.getItem('pointer') || 0) + 1)); }, true);
    }`);
  }
  let response = await visit(page, `${w.base}/`);
  assert.equal(response.status(), 200);
  await expectAccessible(page, `start page (${w.label})`);
  if (lang === 'da') {
    // The header's language link, as a Danish reader would use it.
    if (w.keyboard) {
      await tabTo(page, 'header a.lang-link[hreflang="da"]');
      response = await navigateBy(page, () => page.keyboard.press('Enter'));
    } else {
      response = await navigateBy(page, () => page.locator('header a.lang-link[hreflang="da"]').click());
    }
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).search, '?lang=da');
    await expectAccessible(page, `start page in Danish (${w.label})`);
  }
  assert.equal(await htmlLang(page), lang);
  assert.equal(await headingText(page), t(lang, 'home.title'));

  if (w.keyboard) {
    await skipToMain(page, lang);
    await tabOnceTo(page, 'main a.button-start');
    response = await navigateBy(page, () => page.keyboard.press('Enter'));
  } else {
    response = await navigateBy(page, () => page.getByRole('link', { name: t(lang, 'home.start'), exact: true }).click());
  }

  for (const id of w.person.questions) {
    assert.equal(path(page), `/plan/${id}`, `the next question is "${id}"`);
    assert.equal(response.status(), 200);
    assert.equal(await htmlLang(page), lang);
    assert.equal(await headingText(page), t(lang, TITLE_KEYS[id]));
    assert.equal(await page.locator('[data-module="error-summary"]').count(), 0);
    await expectAccessible(page, `question ${id} (${w.label})`);
    response = await (w.keyboard ? answerByKeyboard(w, id) : answerByPointer(w, id));
  }

  // Check your answers.
  assert.equal(path(page), '/plan/check');
  assert.equal(response.status(), 200);
  assert.equal(await headingText(page), t(lang, 'check.title'));
  const rows = page.locator('table.answers-list tbody tr');
  const questions = (await rows.locator('th').allInnerTexts()).map((s) => s.trim());
  const answers = (await rows.locator('td:first-of-type').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(questions, w.person.questions.map((id) => t(lang, TITLE_KEYS[id])));
  assert.deepEqual(answers, w.person.answers[lang]);
  await expectAccessible(page, `check page (${w.label})`);
  if (w.keyboard) {
    await skipToMain(page, lang);
    await tabTo(page, 'main a.button-primary');
    assert.equal((await page.locator('main a.button-primary').innerText()).trim(), t(lang, 'check.submit'));
    response = await navigateBy(page, () => page.keyboard.press('Enter'));
  } else {
    response = await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: t(lang, 'check.submit'), exact: true }).click());
  }

  // The plan.
  assert.equal(path(page), '/plan/result');
  assert.equal(response.status(), 200);
  assert.equal(await headingText(page), t(lang, 'plan.title'));
  assert.ok((await page.locator('main').innerText()).includes(t(lang, 'plan.group', { group: t(lang, w.person.group) })));
  await expectAccessible(page, `plan page (${w.label})`);
  await w.person.expectPlan(page, lang);
  await expectCalendar(w);

  if (w.keyboard && w.js) assert.equal(await page.evaluate(`sessionStorage.getItem('pointer')`), null, 'no mouse or touch was used');
  assert.deepEqual(w.tab.problems, [], 'no script or console errors');
}

// ---------------------------------------------------------------------------------------------------------- tests

describe('in Chromium', () => {
  const suite = chromiumSuite();
  const { server } = suite;
  const withTab = <T>(js: boolean, run: (tab: Tab) => Promise<T>, csp = false): Promise<T> => suite.withTab({ js, csp }, run);

  describe('three people walk the questionnaire to their plan', () => {
    for (const person of [SWEDE, INDIAN, UKRAINIAN]) {
      for (const lang of ['en', 'da'] as const) {
        for (const js of [true, false]) {
          // Keyboard only: the Swede in English with the combobox, the Indian in Danish with the plain select.
          const keyboard = (person === SWEDE && lang === 'en' && js) || (person === INDIAN && lang === 'da' && !js);
          const label = `${lang}, JavaScript ${js ? 'on' : 'off'}${keyboard ? ', keyboard only' : ''}`;
          it(`${person.name} (${label})`, { timeout: 60_000 }, () =>
            withTab(js, (tab) => walkQuestionnaire({ tab, base: server.base, person, lang, js, keyboard, label })));
        }
      }
    }
  });

  describe('error pages', () => {
    for (const { js, lang } of [{ js: true, lang: 'en' }, { js: false, lang: 'en' }, { js: true, lang: 'da' }] as const) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      it(`an empty citizenship shows the error summary, which leads to the field (${label})`, { timeout: 30_000 }, () => withTab(js, async ({ page, problems }) => {
        const start = lang === 'en' ? '/plan/citizenship' : '/plan/citizenship?lang=da';
        assert.equal((await visit(page, server.base + start)).status(), 200);
        const response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'continue'), exact: true }).click());
        assert.equal(response.status(), 400);
        assert.ok((await page.title()).startsWith(t(lang, 'title.error.prefix')), 'the page title starts with "Error: "');
        const text = message(lang, { field: 'citizenships', code: 'required' });
        const summary = page.locator('[data-module="error-summary"]');
        assert.equal(await summary.getAttribute('role'), 'alert');
        assert.equal((await summary.locator('.alert-heading').innerText()).trim(), t(lang, 'error.summary.title'));
        const link = summary.getByRole('link', { name: text, exact: true });
        assert.equal(await link.getAttribute('href'), js ? '#citizenship-input' : '#citizenship');
        assert.ok((await page.locator('.form-error-message').innerText()).includes(text));
        await expectAccessible(page, `citizenship error (${label})`);
        if (js) {
          assert.ok(await focusMatches(page, '[data-module="error-summary"]'), `DKFDS focuses the error summary, not ${await focused(page)}`);
          // From the summary, by keyboard: Tab to its link, Enter.
          await tabOnceTo(page, '[data-module="error-summary"] a');
          await page.keyboard.press('Enter');
          assert.ok(await focusMatches(page, '#citizenship-input[role="combobox"]'), `the link focuses the country field, not ${await focused(page)}`);
          await pickCountryByKeyboard(page, 'Fra', lang === 'en' ? 'France' : 'Frankrig');
        } else {
          await link.click();
          await page.waitForURL(/#citizenship$/);
          assert.ok(await focusMatches(page, 'select#citizenship'), `the link focuses the country field, not ${await focused(page)}`);
          await page.locator('select#citizenship').selectOption('FR');
        }
        const fixed = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'continue'), exact: true }).click());
        assert.equal(fixed.status(), 200);
        assert.equal(path(page), '/plan/moving-from', 'with a country chosen, the next question follows');
        assert.deepEqual(problems, []);
      }));
    }

    for (const js of [true, false]) {
      const label = `JavaScript ${js ? 'on' : 'off'}`;
      it(`31 2 2027 as the arrival date asks for a real date (${label})`, { timeout: 30_000 }, () => withTab(js, async ({ page, problems }) => {
        await visit(page, `${server.base}/plan/arrival?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months`);
        await page.fill('#arrival-day', '31');
        await page.fill('#arrival-month', '2');
        await page.fill('#arrival-year', '2027');
        const response = await navigateBy(page, () => page.getByRole('button', { name: t('en', 'continue'), exact: true }).click());
        assert.equal(response.status(), 400);
        const text = message('en', { field: 'arrivalDate', code: 'date-not-real' });
        assert.match(text, /real date/);
        assert.ok((await page.locator('.form-error-message').innerText()).includes(text));
        assert.deepEqual([await page.inputValue('#arrival-day'), await page.inputValue('#arrival-month'), await page.inputValue('#arrival-year')],
          ['31', '2', '2027'], 'what was typed is shown again');
        assert.equal(await page.locator('#arrival-day').getAttribute('aria-invalid'), 'true');
        assert.match(await page.getByRole('group', { name: t('en', 'q.arrival.title') }).getAttribute('aria-describedby') ?? '', /\barrival-error\b/);
        await expectAccessible(page, `arrival error (${label})`);
        if (js) assert.ok(await focusMatches(page, '[data-module="error-summary"]'), 'DKFDS focuses the error summary');
        await page.locator('[data-module="error-summary"]').getByRole('link', { name: text, exact: true }).click();
        assert.ok(await focusMatches(page, '#arrival-day'), `the summary link focuses the day, not ${await focused(page)}`);
        assert.deepEqual(problems, []);
      }));

      it(`12 as the postal code asks for 4 digits (${label})`, { timeout: 30_000 }, () => withTab(js, async ({ page, problems }) => {
        await visit(page, `${server.base}/plan/postcode?citizenship=SE&movingFrom=SE&purpose=work&profession=none&stay=over-6-months&arrival=2027-01-04&moveIn=2027-01-04`);
        await page.getByLabel(t('en', 'q.postcode.title'), { exact: true }).fill('12');
        const response = await navigateBy(page, () => page.getByRole('button', { name: t('en', 'continue'), exact: true }).click());
        assert.equal(response.status(), 400);
        const text = message('en', { field: 'postalCode', code: 'postal-code-format' });
        assert.match(text, /4 digits/);
        assert.ok((await page.locator('.form-error-message').innerText()).includes(text));
        assert.equal(await page.inputValue('#postcode'), '12');
        assert.equal(await page.locator('#postcode').getAttribute('aria-invalid'), 'true');
        assert.match(await page.locator('#postcode').getAttribute('aria-describedby') ?? '', /\bpostcode-error\b/);
        await expectAccessible(page, `postcode error (${label})`);
        await page.locator('[data-module="error-summary"]').getByRole('link', { name: text, exact: true }).click();
        assert.ok(await focusMatches(page, '#postcode'), `the summary link focuses the postal code, not ${await focused(page)}`);
        assert.deepEqual(problems, []);
      }));
    }
  });

  describe('other pages pass axe', () => {
    const pages: { url: string; status: number; heading: [Lang, string] }[] = [
      { url: '/', status: 200, heading: ['en', 'home.title'] },
      { url: '/?lang=da', status: 200, heading: ['da', 'home.title'] },
      { url: '/steps', status: 200, heading: ['en', 'steps.title'] },
      { url: '/steps/address-registration', status: 200, heading: ['en', ''] },
      { url: '/steps/residence-permit?lang=da', status: 200, heading: ['da', ''] },
      { url: '/nope', status: 404, heading: ['en', 'notfound.title'] },
    ];
    for (const js of [true, false]) {
      it(`start page, guides and "page not found" (JavaScript ${js ? 'on' : 'off'})`, { timeout: 30_000 }, () => withTab(js, async ({ page, problems }) => {
        for (const { url, status, heading: [lang, key] } of pages) {
          const response = await visit(page, server.base + url);
          assert.equal(response.status(), status, url);
          assert.equal(await htmlLang(page), lang, url);
          if (key) assert.equal(await headingText(page), t(lang, key), url);
          await expectAccessible(page, `${url} (JavaScript ${js ? 'on' : 'off'})`);
        }
        assert.deepEqual(problems, []);
      }));

      it(`check page and plan for a short stay: FR, work, under 3 months (JavaScript ${js ? 'on' : 'off'})`, { timeout: 30_000 }, () => withTab(js, async ({ page, problems }) => {
        const response = await visit(page, `${server.base}/plan/check?citizenship=FR&movingFrom=FR&purpose=work&profession=none&stay=under-3-months`);
        assert.equal(response.status(), 200);
        assert.equal(await headingText(page), t('en', 'check.title'));
        await expectAccessible(page, 'check page, short stay');
        const plan = await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: t('en', 'check.submit'), exact: true }).click());
        assert.equal(plan.status(), 200);
        assert.equal(path(page), '/plan/result');
        assert.equal(await headingText(page), t('en', 'plan.title.short'));
        await expectAccessible(page, 'plan page, short stay');
        assert.deepEqual(problems, []);
      }));
    }

    for (const { js, lang } of [{ js: true, lang: 'en' }, { js: false, lang: 'da' }] as const) {
      it(`a Danish citizen goes from the first question to the page for Danish citizens (${lang}, JavaScript ${js ? 'on' : 'off'})`, { timeout: 30_000 }, () => withTab(js, async ({ page, problems }) => {
        await visit(page, `${server.base}/plan/citizenship${lang === 'da' ? '?lang=da' : ''}`);
        if (js) {
          await page.getByRole('combobox', { name: t(lang, 'q.citizenship.label'), exact: true }).click();
          await pickCountryByKeyboard(page, 'Denm', 'Denmark');
        } else {
          await page.getByLabel(t(lang, 'q.citizenship.label'), { exact: true }).selectOption('DK');
        }
        let response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'continue'), exact: true }).click());
        assert.equal(response.status(), 200);
        assert.equal(path(page), '/plan/moving-from', 'a Danish citizen is asked only where they move from');
        if (js) {
          await page.getByRole('combobox', { name: t(lang, 'q.movingFrom.label'), exact: true }).click();
          await pickCountryByKeyboard(page, lang === 'en' ? 'United K' : 'Storbr', lang === 'en' ? 'United Kingdom' : 'Storbritannien', 'moving-from');
        } else {
          await page.getByLabel(t(lang, 'q.movingFrom.label'), { exact: true }).selectOption('GB');
        }
        response = await navigateBy(page, () => page.getByRole('button', { name: t(lang, 'continue'), exact: true }).click());
        assert.equal(response.status(), 200);
        assert.equal(path(page), '/plan/result');
        assert.equal(await headingText(page), t(lang, 'plan.title.danish'));
        assert.ok((await page.locator('main').innerText()).includes(t(lang, 'plan.danish.form')), 'from the UK: the health insurance country form');
        await expectAccessible(page, `plan page, Danish citizen (${lang}, JavaScript ${js ? 'on' : 'off'})`);
        assert.deepEqual(problems, []);
      }));
    }
  });

  describe('details', () => {
    it('the language link keeps the answers given so far', { timeout: 30_000 }, () => withTab(false, async ({ page }) => {
      await visit(page, `${server.base}/plan/stay?citizenship=SE&movingFrom=SE&purpose=study`);
      await navigateBy(page, () => page.locator('header a.lang-link[hreflang="da"]').click());
      assert.equal(await htmlLang(page), 'da');
      assert.equal(await headingText(page), t('da', 'q.stay.title'));
      assert.deepEqual(Object.fromEntries(new URL(page.url()).searchParams), { citizenship: 'SE', movingFrom: 'SE', purpose: 'study', lang: 'da' });
      await page.getByRole('radio', { name: t('da', 'q.stay.over-6-months'), exact: true }).check();
      await navigateBy(page, () => page.getByRole('button', { name: t('da', 'continue'), exact: true }).click());
      assert.equal(path(page), '/plan/arrival');
      assert.equal(await htmlLang(page), 'da', 'the answer keeps the language');
    }));

    it('the scripts run under the app\'s own Content Security Policy', { timeout: 30_000 }, () => withTab(true, async ({ page, problems }) => {
      const response = await visit(page, `${server.base}/plan/citizenship`);
      assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      assert.equal(await page.getByRole('combobox', { name: t('en', 'q.citizenship.label'), exact: true }).count(), 1, 'app.js replaced the select');
      await navigateBy(page, () => page.getByRole('button', { name: t('en', 'continue'), exact: true }).click());
      assert.ok(await focusMatches(page, '[data-module="error-summary"]'), 'dkfds.min.js ran and focused the error summary');
      assert.deepEqual(problems, [], 'no CSP violations or script errors');
    }, true));
  });
});
