/**
 * Every combination of citizenship group, purpose, length of stay, family and permit, with and without dates:
 * the plan keeps its promises for all of them (generated over the whole matrix, plus random dates).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { makePlan } from '../../src/app/make-plan.js';
import { PURPOSES, type RawAnswers, STAYS } from '../../src/domain/answers/answers.js';
import { type LocalDate, addDays } from '../../src/domain/dates/local-date.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import { MAX_SKELETONS, makeSkeleton, planSkeleton, valuation } from '../../src/domain/plan/plan-skeleton.js';
import { staticContext } from '../../src/domain/plan/step-static.js';
import { TEST_TODAY, testDeps } from '../helpers.js';

const CITIZENSHIPS = { danish: ['DK'], nordic: ['SE'], 'eu-eea': ['DE'], swiss: ['CH'], other: ['IN'], dual: ['GB', 'PL'] };
const FAMILIES = [
  { partner: false, childrenAges: [] },
  { partner: true, childrenAges: [] },
  { partner: true, childrenAges: [0, 3, 5, 9, 16] },
  { partner: false, childrenAges: [6] },
];
const PERMITS: Pick<RawAnswers, 'hasResidencePermit' | 'residencePermitDate'>[] = [
  {}, { hasResidencePermit: false }, { hasResidencePermit: true, residencePermitDate: '2026-09-01' },
];
const DATES: Pick<RawAnswers, 'arrivalDate' | 'moveInDate' | 'postalCode'>[] = [
  {}, { arrivalDate: '2027-01-10', moveInDate: '2027-01-20', postalCode: '2200' }, { arrivalDate: '2026-06-01' },
];
const PLACEHOLDER = /\{[a-z0-9:-]+\}/;

function* everyCombination(): Generator<RawAnswers> {
  for (const citizenships of Object.values(CITIZENSHIPS)) for (const purpose of PURPOSES) for (const stay of STAYS)
    for (const family of FAMILIES) for (const permit of PERMITS) for (const dates of DATES) {
      yield { citizenships, purpose, stay, ...family, ...permit, ...dates };
    }
}

function assertPromisesKept(answers: RawAnswers, en: Plan, da: Plan): void {
  const where = JSON.stringify(answers);
  const seen = new Set<string>();
  for (const step of en.steps) {
    for (const dep of step.dependsOn) assert.ok(seen.has(dep), `${step.id} comes before its prerequisite ${dep}: ${where}`);
    seen.add(step.id);
    if (step.deadline && typeof answers.arrivalDate === 'string') {
      assert.ok(step.deadline >= answers.arrivalDate, `${step.id} deadline ${step.deadline} is before arrival: ${where}`);
    }
    assert.ok(step.sources.length > 0, `${step.id} has no source`);
    for (const s of step.sources) assert.match(s.url, /^https?:\/\//);
    assert.ok(step.status === 'todo' || step.dependsOn.every((d) => en.steps.find((x) => x.id === d)?.status === 'done'),
      `${step.id} is done but depends on a step still to do: ${where}`);
  }
  assert.equal(seen.size, en.steps.length, `a step appears twice: ${where}`);
  assert.deepEqual(da.steps.map((s) => s.id), en.steps.map((s) => s.id), 'the languages give different plans');
  en.steps.forEach((e, i) => {
    const d = da.steps[i]!;
    for (const [key, text] of Object.entries({ title: e.title, summary: e.summary, rule: e.deadlineRule, where: e.where.description, daTitle: d.title, daSummary: d.summary, daRule: d.deadlineRule, daWhere: d.where.description })) {
      assert.ok(text.trim().length > 0, `${e.id}: ${key} is empty`);
      assert.doesNotMatch(text, PLACEHOLDER, `${e.id}: ${key} has an unfilled placeholder`);
      assert.doesNotMatch(text, /TODO/, `${e.id}: ${key} is unfinished`);
    }
    assert.notEqual(e.summary, d.summary, `${e.id}: the Danish summary is the English one`);
    for (const doc of [...e.documents, ...d.documents]) assert.doesNotMatch(doc.name, PLACEHOLDER);
    if (e.check) assert.doesNotMatch(e.check.text + (d.check?.text ?? ''), PLACEHOLDER);
  });
}

describe('the plan over every combination of answers', () => {
  it('keeps its promises for every group, purpose, stay, family, permit and date', () => {
    const deps = testDeps();
    let count = 0;
    for (const answers of everyCombination()) {
      const en = makePlan(deps, answers, TEST_TODAY, 'en');
      const da = makePlan(deps, answers, TEST_TODAY, 'da');
      assert.ok(en.ok && da.ok, `refused: ${JSON.stringify(answers)} ${JSON.stringify(!en.ok && en.errors)}`);
      assertPromisesKept(answers, en.plan, da.plan);
      if (en.plan.group === 'danish') assert.equal(en.plan.steps.length, 0);
      if (answers.stay === 'under-3-months' && en.plan.group !== 'danish') assert.equal(en.plan.outcome, 'short-stay');
      count++;
    }
    assert.equal(count, 6 * PURPOSES.length * STAYS.length * FAMILIES.length * PERMITS.length * DATES.length);
  });

  it('gets the same shape from the kept shapes as from the catalogue itself, for every combination', () => {
    // A shape is kept per valuation of the catalogue's predicates: if anything else decided the shape, two people
    // with one valuation would get different shapes, and the later one would get the earlier one's.
    const deps = testDeps();
    const valuations = new Set<string>();
    for (const answers of everyCombination()) for (const lang of ['en', 'da'] as const) {
      const result = makePlan(deps, answers, TEST_TODAY, lang);
      assert.ok(result.ok);
      const { profile } = result;
      if (result.plan.outcome === 'not-for-ics') continue;
      const context = staticContext(deps.rules, lang, profile.arrivalDate ?? profile.asOf, profile.municipality);
      assert.deepEqual(planSkeleton(deps.rules, context, profile), makeSkeleton(deps.rules, context, profile), JSON.stringify(answers));
      valuations.add(valuation(deps.rules, profile));
    }
    // The shapes kept for the whole matrix, in both languages, fit well under the cap (ADR 5).
    assert.ok(valuations.size * 2 * 2 < MAX_SKELETONS, `${valuations.size} valuations`);
  });

  it('keeps its promises for random dates, families and citizenships', () => {
    const deps = testDeps();
    const codes = [...deps.rules.countries.byCode.keys()];
    const date = (min: number, max: number) => fc.integer({ min, max }).map((n) => addDays(TEST_TODAY, n));
    fc.assert(fc.property(
      fc.record({
        citizenships: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 3 }),
        purpose: fc.constantFrom(...PURPOSES),
        stay: fc.constantFrom(...STAYS),
        hasResidencePermit: fc.boolean(),
        residencePermitDate: date(-3000, 0),
        arrival: date(-365, 700),
        moveInOffset: fc.integer({ min: 0, max: 60 }),
        partner: fc.boolean(),
        childrenAges: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 5 }),
      }),
      (r) => {
        const moveIn = addDays(r.arrival, r.moveInOffset);
        const answers: RawAnswers = { ...r, arrivalDate: r.arrival, moveInDate: moveIn <= addDays(TEST_TODAY, 730) ? moveIn : r.arrival };
        delete (answers as Record<string, unknown>).arrival;
        delete (answers as Record<string, unknown>).moveInOffset;
        const en = makePlan(deps, answers, TEST_TODAY, 'en');
        const da = makePlan(deps, answers, TEST_TODAY, 'da');
        assert.ok(en.ok && da.ok, JSON.stringify(!en.ok && en.errors));
        assertPromisesKept(answers, en.plan, da.plan);
        for (const s of en.plan.steps) if (s.deadline) assert.equal(s.overdue, s.deadline < TEST_TODAY);
      },
    ), { numRuns: 400 });
  });

  it('counts the 5 days from the permit when the permit comes after moving in', () => {
    const result = makePlan(testDeps(), {
      citizenships: ['IN'], purpose: 'work', stay: 'over-6-months', hasResidencePermit: true,
      residencePermitDate: '2026-11-20', arrivalDate: '2026-11-01', moveInDate: '2026-11-02',
    }, TEST_TODAY, 'en');
    assert.ok(result.ok);
    assert.equal(result.plan.steps.find((s) => s.id === 'address-registration')?.deadline, '2026-11-25' as LocalDate);
  });
});
