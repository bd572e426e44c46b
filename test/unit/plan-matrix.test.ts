/**
 * Every combination of citizenship group, purpose, length of stay, family and permit, with and without dates:
 * the plan keeps its promises for all of them (generated over the whole matrix, plus random dates).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { makePlan } from '../../src/modules/plan/app/make-plan.js';
import { PURPOSES, type RawAnswers, STAYS } from '../../src/modules/plan/domain/answers.js';
import { type LocalDate, addDays } from '../../src/kernel/dates/local-date.js';
import type { Plan } from '../../src/modules/plan/domain/plan.js';
import { TEST_TODAY, testDeps } from '../helpers.js';

const CITIZENSHIPS = { danish: ['DK'], nordic: ['SE'], 'eu-eea': ['DE'], swiss: ['CH'], other: ['IN'], dual: ['GB', 'PL'] };
/** Families (a partner only for those who do not come to join family, as the questionnaire asks) and where they move from. */
const FAMILIES: Pick<RawAnswers, 'partner' | 'partnerCitizenships' | 'childrenAges' | 'movingFrom'>[] = [
  { partner: false, childrenAges: [], movingFrom: 'US' },
  { partner: true, childrenAges: [], movingFrom: 'SE' },
  { partner: true, partnerCitizenships: ['IN'], childrenAges: [0, 3, 5, 9, 13, 16], movingFrom: 'DE' },
  { partner: true, partnerCitizenships: ['FR'], childrenAges: [6] },
];
/** The permit, with the answers about work and what the person brings that go with different people. */
const PERMITS: Pick<RawAnswers, 'hasResidencePermit' | 'residencePermitDate' | 'scheme' | 'profession' | 'pdu2' | 'pdu2Date' | 'leftUkraine'>[] = [
  {},
  { hasResidencePermit: false, scheme: 'fast-track', profession: 'regulated', pdu2: true, leftUkraine: 'from-2022-02-01' },
  { hasResidencePermit: true, residencePermitDate: '2026-09-01', scheme: 'researcher', profession: 'health', pdu2: true, pdu2Date: '2027-01-05', leftUkraine: 'before-2022-02-01' },
];
const joinsFamily = (purpose: string) => purpose === 'accompanying-family' || purpose === 'family-reunification';
const DATES: Pick<RawAnswers, 'arrivalDate' | 'moveInDate' | 'postalCode'>[] = [
  {}, { arrivalDate: '2027-01-10', moveInDate: '2027-01-20', postalCode: '2200' }, { arrivalDate: '2026-06-01' },
];
const PLACEHOLDER = /\{[a-z0-9:-]+\}/;

function* everyCombination(): Generator<RawAnswers> {
  for (const citizenships of Object.values(CITIZENSHIPS)) for (const purpose of PURPOSES) for (const stay of STAYS)
    for (const family of FAMILIES) for (const permit of PERMITS) for (const dates of DATES) {
      const f = joinsFamily(purpose) ? { ...family, partner: false, partnerCitizenships: undefined } : family;
      yield JSON.parse(JSON.stringify({ citizenships, purpose, stay, ...f, ...permit, ...dates })) as RawAnswers;
    }
}

function assertPromisesKept(answers: RawAnswers, en: Plan, da: Plan): void {
  const where = JSON.stringify(answers);
  const seen = new Set<string>();
  for (const step of en.steps) {
    for (const dep of step.dependsOn) assert.ok(seen.has(dep), `${step.key} comes before its prerequisite ${dep}: ${where}`);
    seen.add(step.key);
    if (step.deadline && typeof answers.arrivalDate === 'string') {
      assert.ok(step.deadline >= answers.arrivalDate, `${step.id} deadline ${step.deadline} is before arrival: ${where}`);
    }
    assert.ok(step.sources.length > 0, `${step.id} has no source`);
    for (const s of step.sources) assert.match(s.url, /^https?:\/\//);
    assert.ok(step.status === 'todo' || step.dependsOn.every((d) => en.steps.find((x) => x.key === d)?.status === 'done'),
      `${step.id} is done but depends on a step still to do: ${where}`);
  }
  assert.equal(seen.size, en.steps.length, `a step appears twice: ${where}`);
  assert.deepEqual(da.steps.map((s) => s.key), en.steps.map((s) => s.key), 'the languages give different plans');
  const people = new Set(en.steps.map((s) => s.person.label));
  assert.equal(people.size <= en.people.length, true, `steps for people not in the plan: ${where}`);
  en.steps.forEach((e, i) => {
    const d = da.steps[i]!;
    for (const [key, text] of Object.entries({ title: e.title, summary: e.summary, rule: e.deadlineRule, due: e.due, where: e.where.description, daTitle: d.title, daSummary: d.summary, daRule: d.deadlineRule, daDue: d.due, daWhere: d.where.description })) {
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
        partnerCitizenships: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 2 }),
        movingFrom: fc.constantFrom(...codes.filter((c) => c !== 'DK')),
        childrenAges: fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 5 }),
      }),
      (r) => {
        const moveIn = addDays(r.arrival, r.moveInOffset);
        const answers: RawAnswers = { ...r, arrivalDate: r.arrival, moveInDate: moveIn <= addDays(TEST_TODAY, 730) ? moveIn : r.arrival };
        if (joinsFamily(r.purpose)) answers.partner = false;
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
