/**
 * The named cases in rules/cases/*.yaml: for each person, the exact plan we expect on the day given.
 * The expectations were written from the facts (shared/facts/newcomer-facts.md) and reviewed by hand.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Type from 'typebox';
import { checked, readYaml } from '../../src/adapters/rules/load-rules.js';
import { makePlan } from '../../src/app/make-plan.js';
import type { LocalDate } from '../../src/domain/dates/local-date.js';
import { CaseSchema, type PlanCase } from '../../src/domain/rules/schema.js';
import { ROOT } from '../../src/web/server.js';
import { testDeps } from '../helpers.js';

const dir = join(ROOT, 'rules', 'cases');
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) =>
  checked<PlanCase[]>(Type.Array(CaseSchema), readYaml(join(dir, f)), f));

describe('named cases', () => {
  it('there are at least 10 of them', () => assert.ok(cases.length >= 10, `only ${cases.length} cases`));

  for (const c of cases) {
    it(c.name, () => {
      const result = makePlan(testDeps(), c.input, c.asOf as LocalDate, 'en');
      assert.ok(result.ok, `the answers were refused: ${JSON.stringify(!result.ok && result.errors)}`);
      const { plan } = result;
      assert.equal(plan.outcome, c.expected.outcome);
      assert.equal(plan.group, c.expected.group);
      if (c.expected.steps) assert.deepEqual(plan.steps.map((s) => s.id), c.expected.steps);
      if (c.expected.deadlines) {
        const actual = Object.fromEntries(plan.steps.filter((s) => s.deadline).map((s) => [s.id, s.deadline]));
        assert.deepEqual(actual, c.expected.deadlines);
      }
      if (c.expected.required) {
        assert.deepEqual(Object.fromEntries(plan.steps.map((s) => [s.id, s.required])), c.expected.required);
      }
      const done = plan.steps.filter((s) => s.status === 'done').map((s) => s.id);
      assert.deepEqual(done, c.expected.done ?? []);
    });
  }
});
