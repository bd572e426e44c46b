/**
 * The questionnaire, question by question: every question can be reached, every answer leads to a question
 * that exists (or to "check"), and answers that stop being relevant are dropped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PURPOSES, STAYS } from '../../src/modules/plan/domain/answers.js';
import {
  type FlowAnswers, type FlowContext, QUESTION_IDS, type QuestionId, isQuestionId, nextQuestion, previousQuestion,
  pruneAnswers, toRawAnswers,
} from '../../src/modules/plan/domain/questionnaire.js';
import { citizenshipGroup } from '../../src/modules/plan/domain/citizenship-group.js';
import { TEST_TODAY, testDeps } from '../helpers.js';

const ctx: FlowContext = { groupOf: (codes) => citizenshipGroup(testDeps().rules.countries, codes, TEST_TODAY) };
const empty = (): FlowAnswers => ({ citizenship: [], partnerCitizenship: [], age: [] });

/** Walks the questionnaire with a set of choices, returning the questions asked in order. */
function walk(choices: Partial<Record<QuestionId, Partial<FlowAnswers>>>): QuestionId[] {
  let answers = empty();
  const asked: QuestionId[] = [];
  for (let i = 0; i < 30; i++) {
    const next = nextQuestion(answers, ctx);
    if (next === 'check' || next === 'result') return asked;
    assert.ok(isQuestionId(next), `next question "${next}" is not declared`);
    asked.push(next);
    answers = { ...answers, ...(choices[next] ?? {}) };
  }
  throw new Error('the questionnaire does not end');
}

const FULL: Partial<Record<QuestionId, Partial<FlowAnswers>>> = {
  citizenship: { citizenship: ['IN'] }, 'moving-from': { movingFrom: 'DE' }, purpose: { purpose: 'work' },
  'left-ukraine': { leftUkraine: 'from-2022-02-01' }, scheme: { scheme: 'pay-limit' }, profession: { profession: 'health' },
  pdu2: { pdu2: 'yes' }, 'pdu2-date': { pdu2Date: '2027-01-05' }, 'partner-citizenship': { partnerCitizenship: ['IN'] },
  stay: { stay: 'over-6-months' },
  permit: { permit: 'yes' }, 'permit-date': { permitDate: '2026-10-01' }, arrival: { arrival: '2027-01-10' },
  'move-in': { moveIn: '2027-01-12' }, postcode: { postcode: '8000' }, partner: { partner: 'yes' },
  children: { children: 'yes' }, 'children-ages': { age: ['4'] },
};

describe('the questionnaire', () => {
  it('asks every question but those for Ukrainians and EU job seekers of a non-EU family with a permit', () => {
    assert.deepEqual(walk(FULL), QUESTION_IDS.filter((id) => !['left-ukraine', 'pdu2', 'pdu2-date'].includes(id)));
  });

  it('asks where the person moves from right after their citizenship', () => {
    assert.deepEqual(walk(FULL).slice(0, 3), ['citizenship', 'moving-from', 'purpose']);
  });

  it('asks EU job seekers about a PD U2, and its date only when they bring one; never a scheme', () => {
    const asked = walk({ ...FULL, citizenship: { citizenship: ['PL'] }, purpose: { purpose: 'job-seeking' } });
    assert.deepEqual(asked.slice(0, 6), ['citizenship', 'moving-from', 'purpose', 'profession', 'pdu2', 'pdu2-date']);
    assert.ok(!walk({ ...FULL, citizenship: { citizenship: ['PL'] }, purpose: { purpose: 'job-seeking' }, pdu2: { pdu2: 'no' } }).includes('pdu2-date'));
    assert.ok(!walk({ ...FULL, citizenship: { citizenship: ['IN'] }, purpose: { purpose: 'job-seeking' } }).includes('pdu2'), 'not outside the EU');
  });

  it('asks the scheme only of workers and researchers from outside the EU, and the profession of everyone who works', () => {
    assert.ok(walk({ ...FULL, purpose: { purpose: 'research' } }).includes('scheme'));
    assert.ok(!walk({ ...FULL, citizenship: { citizenship: ['FR'] } }).includes('scheme'));
    assert.ok(walk({ ...FULL, citizenship: { citizenship: ['FR'] } }).includes('profession'));
    assert.ok(!walk({ ...FULL, purpose: { purpose: 'study' } }).includes('profession'));
  });

  it('asks Ukrainians under the Special Act when they left', () => {
    assert.ok(walk({ ...FULL, citizenship: { citizenship: ['UA'] }, purpose: { purpose: 'ukraine-special-act' } }).includes('left-ukraine'));
  });

  it('does not ask about a partner who moves along of a person who comes to join their family', () => {
    for (const purpose of ['accompanying-family', 'family-reunification']) {
      const asked = walk({ ...FULL, purpose: { purpose } });
      assert.ok(!asked.includes('partner') && !asked.includes('partner-citizenship'), purpose);
      assert.ok(asked.includes('children'), purpose);
    }
  });

  it('asks the partner\'s citizenship only when a partner moves along', () => {
    assert.ok(!walk({ ...FULL, partner: { partner: 'no' } }).includes('partner-citizenship'));
  });

  it('asks again a question whose answer in the address cannot be used', () => {
    const answers: FlowAnswers = { ...empty(), citizenship: ['IN'], movingFrom: 'DE', purpose: 'banana', stay: 'over-6-months' };
    assert.equal(nextQuestion(answers, ctx, new Set(['purpose'])), 'purpose');
    assert.equal(nextQuestion(answers, ctx), 'permit', 'without the check, "banana" counts as an answer');
  });

  it('reaches every question from some set of answers', () => {
    const reached = new Set<QuestionId>();
    for (const citizenship of [['DK'], ['SE'], ['DE'], ['CH'], ['IN'], ['UA']]) for (const stay of STAYS) for (const purpose of PURPOSES)
      for (const permit of ['yes', 'no']) for (const children of ['yes', 'no']) {
        for (const id of walk({ ...FULL, citizenship: { citizenship }, stay: { stay }, purpose: { purpose }, permit: { permit }, children: { children } })) reached.add(id);
      }
    assert.deepEqual([...reached].sort(), [...QUESTION_IDS].sort());
  });

  it('asks a Danish citizen only where they move from, and goes straight to the result', () => {
    assert.deepEqual(walk({ ...FULL, citizenship: { citizenship: ['DK'] } }), ['citizenship', 'moving-from']);
    assert.equal(nextQuestion({ ...empty(), citizenship: ['DK'], movingFrom: 'GB' }, ctx), 'result');
  });

  it('asks nothing more after the length of stay for a short stay', () => {
    assert.deepEqual(walk({ ...FULL, stay: { stay: 'under-3-months' } }), ['citizenship', 'moving-from', 'purpose', 'scheme', 'profession', 'stay']);
  });

  it('does not ask EU, Nordic or Swiss citizens about a residence permit', () => {
    for (const c of ['DE', 'SE', 'CH']) {
      const asked = walk({ ...FULL, citizenship: { citizenship: [c] } });
      assert.ok(!asked.includes('permit') && !asked.includes('permit-date'), c);
    }
  });

  it('asks for the permit date only when the permit is granted, and ages only when children come', () => {
    assert.ok(!walk({ ...FULL, permit: { permit: 'no' } }).includes('permit-date'));
    assert.ok(!walk({ ...FULL, children: { children: 'no' } }).includes('children-ages'));
  });

  it('gives a back link to the previous relevant question', () => {
    const answers: FlowAnswers = { ...empty(), citizenship: ['DE'], movingFrom: 'DE', purpose: 'study', stay: 'over-6-months' };
    assert.equal(previousQuestion('arrival', answers, ctx), 'stay');
    assert.equal(previousQuestion('citizenship', answers, ctx), null);
    assert.equal(previousQuestion('arrival', { ...answers, citizenship: ['IN'], permit: 'yes' }, ctx), 'permit-date');
  });

  it('drops answers that a changed answer has made irrelevant', () => {
    const all: FlowAnswers = { ...empty(), citizenship: ['IN'], purpose: 'work', scheme: 'pay-limit', stay: 'over-6-months', permit: 'yes', permitDate: '2026-10-01', arrival: '2027-01-10', children: 'no', age: ['4'] };
    const nowEu = pruneAnswers({ ...all, citizenship: ['DE'] }, ctx);
    assert.equal(nowEu.permit, undefined);
    assert.equal(nowEu.permitDate, undefined);
    assert.equal(nowEu.scheme, undefined, 'no scheme for an EU citizen');
    assert.deepEqual(nowEu.age, [], 'ages are dropped when no children come');
    const nowShort = pruneAnswers({ ...all, stay: 'under-3-months' }, ctx);
    assert.equal(nowShort.arrival, undefined);
  });

  it('turns answers into the API\'s request, with "I don\'t know yet" as no date', () => {
    const raw = toRawAnswers({ ...empty(), citizenship: ['IN'], movingFrom: 'IN', purpose: 'work', scheme: 'fast-track', stay: 'over-6-months', permit: 'no', arrival: 'unknown', moveIn: 'not-yet', postcode: 'none', partner: 'yes', partnerCitizenship: ['US'], children: 'yes', age: ['4', 'x'] }, ctx);
    assert.deepEqual(raw, { citizenships: ['IN'], movingFrom: 'IN', purpose: 'work', scheme: 'fast-track', stay: 'over-6-months', hasResidencePermit: false, partner: true, partnerCitizenships: ['US'], childrenAges: [4, 'x'] });
  });
});
