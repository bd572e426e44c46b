/**
 * The rules load, hold together, and the loader refuses what would make a plan wrong: a value with no source,
 * dates out of order, unknown names, a missing language.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RulesError, loadRules } from '../../src/modules/plan/adapters/load-rules.js';
import type { LocalDate } from '../../src/kernel/dates/local-date.js';
import { allTexts } from '../../src/modules/plan/domain/rules/check-rules.js';
import { CONTRACT_STEP_IDS } from '../../src/modules/plan/domain/rules/rules.js';
import { ROOT } from '../../src/server.js';
import { LANGS } from '../../src/kernel/i18n/locales.js';
import { copenhagenDate } from '../../src/kernel/time/copenhagen-time.js';
import { testDeps } from '../helpers.js';

const EARLIEST = '2025-11-25' as LocalDate;
/** Sources may have been checked up to the real today, whatever day the tests' clock says it is. */
const CHECKED_BY = copenhagenDate(new Date());
const copies: string[] = [];
after(() => { for (const dir of copies) rmSync(dir, { recursive: true, force: true }); });

/**
 * A copy of the rules and their texts with files changed, loaded. A name is under rules/ unless it starts with
 * "content/"; a change that returns null removes the file.
 */
function loadWith(file: string | string[], change: (text: string) => string | null): () => unknown {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  copies.push(dir);
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  for (const name of typeof file === 'string' ? [file] : file) {
    const path = join(dir, name.startsWith('content/') ? name : join('rules', name));
    const changed = change(readFileSync(path, 'utf8'));
    if (changed === null) rmSync(path);
    else writeFileSync(path, changed);
  }
  return () => loadRules({ rulesDir: join(dir, 'rules'), earliestDate: EARLIEST, today: CHECKED_BY });
}

describe('the rules', () => {
  it('load, and hold every step id of the API contract', () => {
    const { rules } = testDeps();
    for (const id of CONTRACT_STEP_IDS) assert.ok(rules.stepsById.has(id), id);
  });

  it('have every text in English and Danish, finished, and different in the two languages', () => {
    for (const step of testDeps().rules.steps) {
      for (const text of allTexts(step)) assert.doesNotMatch(text, /TODO|FIXME/, step.id);
      assert.notEqual(step.text.en.summary, step.text.da.summary, step.id);
      assert.notEqual(step.text.en.guide.intro, step.text.da.guide.intro, step.id);
    }
  });

  it('give every step and every parameter value a source with a date it was checked', () => {
    const { rules } = testDeps();
    for (const step of rules.steps) assert.ok(step.sources.length > 0 && step.sources.every((s) => s.checked <= CHECKED_BY), step.id);
    for (const p of rules.parameters.values()) for (const e of p.entries) assert.ok(e.sources.length > 0, p.id);
  });

  it('refuse a parameter value without a source', () => {
    const load = loadWith('parameters/address-registration-days.yaml', (t) => t.replace(/ {4}sources:[\s\S]*$/, ''));
    assert.throws(load, RulesError);
  });

  it('refuse parameter dates out of order', () => {
    const load = loadWith('parameters/pay-limit-dkk.yaml', (t) => t.replace('from: 2025-01-01', 'from: 2023-01-01'));
    assert.throws(load, /not in order/);
  });

  it('refuse a parameter that has no value for the dates the app accepts', () => {
    const load = loadWith('parameters/address-registration-days.yaml', (t) => t.replace('from: 2019-01-01', 'from: 2026-01-01'));
    assert.throws(load, /no value before 2026-01-01/);
  });

  it('refuse an unknown predicate, an unknown step and an unknown key', () => {
    assert.throws(loadWith('steps/mitid.yaml', (t) => t.replace('appliesWhen: [stays-three-months-or-more, old-enough-for-mitid]', 'appliesWhen: [is-martian]')), /unknown predicate "is-martian"/);
    assert.throws(loadWith('steps/mitid.yaml', (t) => t.replace('dependsOn: [cpr-registration]', 'dependsOn: [teleport]')), /unknown step "teleport"/);
    assert.throws(loadWith('steps/mitid.yaml', (t) => t.replace('order: 110', 'order: 110\ncolour: blue')), /schema/);
  });

  it('refuse a text that names an unknown parameter, and a missing language', () => {
    const inEveryLanguage = (file: string) => LANGS.map((lang) => `content/${lang}/${file}`);
    assert.throws(
      loadWith(inEveryLanguage('steps/address-registration.yaml'), (t) => t.replace(/^ {2}title: .*$/m, '  title: "Register within {nine_days}"')),
      /unknown parameter "nine-days"/,
    );
    // The start-up check of the languages (platform/i18n/content.ts): a file, a key or a placeholder that differs.
    assert.throws(loadWith('content/da/steps/health-card.yaml', () => null), /content\/da\/steps\/health-card.yaml is missing/);
    assert.throws(loadWith('content/uk/steps/health-card.yaml', (t) => t.replace(/^ {2}summary: .*\n/m, '')), /content\/uk\/steps\/health-card.yaml: "text.summary" is missing/);
    assert.throws(
      loadWith('content/uk/steps/address-registration.yaml', (t) => t.replace(/^ {2}title: .*$/m, '  title: "Зареєструйте адресу протягом {days} днів"')),
      /content\/uk\/steps\/address-registration.yaml: "text.title" names \{days\} but English names \{address_registration_days\}/,
    );
    assert.throws(loadWith('content/uk/steps/address-registration.yaml', (t) => t.replace(/^ {2}title: .*$/m, '  title: "{address_registration_days, plural, one {#}"')), /not valid MessageFormat/);
  });

  it('refuse a source whose kind (law, authority, secondary) is not known', () => {
    assert.throws(loadWith('steps/mitid.yaml', (t) => t.replace('https://www.mitid.dk', 'https://blog.example.com')), /blog\.example\.com.* no known kind/);
  });

  it('refuse a value of high confidence that rests only on secondary sources', () => {
    const load = loadWith('parameters/pay-limit-dkk.yaml', (t) => t.replace('value: 552000\n    confidence: medium', 'value: 552000\n    confidence: high'));
    assert.throws(load, /pay-limit-dkk: the value from 2026-01-01 has high confidence but no law or authority source/);
  });

  it('refuse a step that shows a value resting only on secondary sources without a link to check it on an official page', () => {
    const load = loadWith('steps/residence-permit.yaml', (t) => t.replaceAll('url: https://www.nyidanmark.dk/en-GB\n', 'url: https://visaverge.com/news\n'));
    assert.throws(load, /residence-permit.*names pay-limit-dkk, which rests only on secondary sources, without a check linking to an official page/);
  });

  it('refuse steps that depend on each other in a cycle', () => {
    assert.throws(loadWith('steps/address-registration.yaml', (t) => t.replace('dependsOn: [eu-residence-document, residence-permit]', 'dependsOn: [nemkonto]')), /cycle/);
  });
});
