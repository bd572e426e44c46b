/**
 * The named cases in rules/cases/*.yaml: for each person, the plan we expect on the day given.
 * The expectations were written from the facts (shared/facts/newcomer-facts.md, guidance-review-2026-12.md) and
 * reviewed by hand. A family member's step is named id@partner or id@child-N.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Type from 'typebox';
import { checked, readYaml } from '../../src/modules/plan/adapters/load-rules.js';
import { makePlan } from '../../src/modules/plan/app/make-plan.js';
import type { LocalDate } from '../../src/kernel/dates/local-date.js';
import type { PlanStep } from '../../src/modules/plan/domain/plan.js';
import { CaseSchema, type PlanCase } from '../../src/modules/plan/domain/rules/schema.js';
import { ROOT } from '../../src/server.js';
import { testDeps } from '../helpers.js';

const dir = join(ROOT, 'rules', 'cases');
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) =>
  checked<PlanCase[]>(Type.Array(CaseSchema), readYaml(join(dir, f)), f));

/** Every text of a step a person reads, in one string. */
function wordsOf(step: PlanStep): string {
  return [step.title, step.summary, step.how ?? '', step.deadlineRule, step.due, step.check?.text ?? '',
    ...step.documents.map((d) => d.name)].join('\n');
}

describe('named cases', () => {
  it('there are at least 30 of them', () => assert.ok(cases.length >= 30, `only ${cases.length} cases`));

  for (const c of cases) {
    it(c.name, () => {
      const result = makePlan(testDeps(), c.input, c.asOf as LocalDate, 'en');
      assert.ok(result.ok, `the answers were refused: ${JSON.stringify(!result.ok && result.errors)}`);
      const { plan } = result;
      const e = c.expected;
      const keys = plan.steps.map((s) => s.key);
      const step = (key: string) => {
        const found = plan.steps.find((s) => s.key === key);
        assert.ok(found, `${key} is not in the plan: ${keys.join(', ')}`);
        return found;
      };
      assert.equal(plan.outcome, e.outcome);
      assert.equal(plan.group, e.group);
      if (e.steps) assert.deepEqual(keys, e.steps);
      if (e.startsWith) assert.deepEqual(keys.slice(0, e.startsWith.length), e.startsWith, `the plan starts ${keys.join(', ')}`);
      for (const key of e.includes ?? []) step(key);
      for (const key of e.excludes ?? []) assert.ok(!keys.includes(key), `${key} should not be in the plan`);
      if (e.deadlines) {
        const actual = Object.fromEntries(plan.steps.filter((s) => s.deadline).map((s) => [s.key, s.deadline]));
        assert.deepEqual(actual, e.deadlines);
      }
      for (const [key, date] of Object.entries(e.someDeadlines ?? {})) assert.equal(step(key).deadline, date, `deadline of ${key}`);
      if (e.required) assert.deepEqual(Object.fromEntries(plan.steps.map((s) => [s.key, s.required])), e.required);
      for (const [key, required] of Object.entries(e.someRequired ?? {})) assert.equal(step(key).required, required, `${key} required`);
      const done = plan.steps.filter((s) => s.status === 'done').map((s) => s.key);
      assert.deepEqual(done, e.done ?? []);
      for (const [key, words] of Object.entries(e.mentions ?? {})) {
        const text = wordsOf(step(key));
        for (const w of words) assert.ok(text.includes(w), `${key} does not say "${w}":\n${text}`);
      }
      for (const [key, words] of Object.entries(e.never ?? {})) {
        const found = plan.steps.find((s) => s.key === key);
        if (!found) continue;
        const text = wordsOf(found);
        for (const w of words) assert.ok(!text.includes(w), `${key} says "${w}":\n${text}`);
      }
      for (const key of e.uncertain ?? []) {
        const check = step(key).check;
        assert.ok(check, `${key} shows nothing to check`);
        assert.match(check.url, /^https:\/\/(www\.)?[a-z.]*(nyidanmark|retsinformation|lifeindenmark|borger|skat|virk|uim|siri|star|ufm|stps)\.dk\//);
      }
      for (const [key, label] of Object.entries(e.persons ?? {})) assert.equal(step(key).person.label, label, `who ${key} is for`);
      for (const [key, words] of Object.entries(e.due ?? {})) assert.ok(step(key).due.includes(words), `${key}: due "${step(key).due}"`);
    });
  }
});
