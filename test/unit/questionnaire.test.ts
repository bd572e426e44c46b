/**
 * The questionnaire, question by question: every question can be reached, every answer leads to a question
 * that exists (or to "check"), and answers that stop being relevant are dropped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PURPOSES, STAYS } from '../../src/domain/answers/answers.js';
import {
  type FlowAnswers, type FlowContext, QUESTION_IDS, type QuestionId, isQuestionId, nextQuestion, previousQuestion,
  pruneAnswers, toRawAnswers,
} from '../../src/domain/flow/questionnaire.js';
import { citizenshipGroup } from '../../src/domain/countries/citizenship-group.js';
import { TEST_TODAY, testDeps } from '../helpers.js';

const ctx: FlowContext = { groupOf: (codes) => citizenshipGroup(testDeps().rules.countries, codes, TEST_TODAY) };
const empty = (): FlowAnswers => ({ citizenship: [], age: [] });

/** Walks the questionnaire with a set of choices, returning the questions asked in order. */
function walk(choices: Partial<Record<QuestionId, Partial<FlowAnswers>>>): QuestionId[] {
  let answers = empty();
  const asked: QuestionId[] = [];
  for (let i = 0; i < 20; i++) {
    const next = nextQuestion(answers, ctx);
    if (next === 'check' || next === 'result') return asked;
    assert.ok(isQuestionId(next), `next question "${next}" is not declared`);
    asked.push(next);
    answers = { ...answers, ...(choices[next] ?? {}) };
  }
  throw new Error('the questionnaire does not end');
}

const FULL: Partial<Record<QuestionId, Partial<FlowAnswers>>> = {
  citizenship: { citizenship: ['IN'] }, purpose: { purpose: 'work' }, stay: { stay: 'over-6-months' },
  permit: { permit: 'yes' }, 'permit-date': { permitDate: '2026-10-01' }, arrival: { arrival: '2027-01-10' },
  'move-in': { moveIn: '2027-01-12' }, postcode: { postcode: '8000' }, partner: { partner: 'yes' },
  children: { children: 'yes' }, 'children-ages': { age: ['4'] },
};

describe('the questionnaire', () => {
  it('asks every question for a non-EU family with a permit', () => {
    assert.deepEqual(walk(FULL), [...QUESTION_IDS]);
  });

  it('reaches every question from some set of answers', () => {
    const reached = new Set<QuestionId>();
    for (const citizenship of [['DK'], ['SE'], ['DE'], ['CH'], ['IN']]) for (const stay of STAYS) for (const purpose of PURPOSES)
      for (const permit of ['yes', 'no']) for (const children of ['yes', 'no']) {
        for (const id of walk({ ...FULL, citizenship: { citizenship }, stay: { stay }, purpose: { purpose }, permit: { permit }, children: { children } })) reached.add(id);
      }
    assert.deepEqual([...reached].sort(), [...QUESTION_IDS].sort());
  });

  it('stops after the citizenship question for a Danish citizen, and goes straight to the result', () => {
    assert.deepEqual(walk({ ...FULL, citizenship: { citizenship: ['DK'] } }), ['citizenship']);
    assert.equal(nextQuestion({ ...empty(), citizenship: ['DK'] }, ctx), 'result');
  });

  it('asks nothing more after the length of stay for a short stay', () => {
    assert.deepEqual(walk({ ...FULL, stay: { stay: 'under-3-months' } }), ['citizenship', 'purpose', 'stay']);
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
    const answers: FlowAnswers = { citizenship: ['DE'], purpose: 'study', stay: 'over-6-months', age: [] };
    assert.equal(previousQuestion('arrival', answers, ctx), 'stay');
    assert.equal(previousQuestion('citizenship', answers, ctx), null);
    assert.equal(previousQuestion('arrival', { ...answers, citizenship: ['IN'], permit: 'yes' }, ctx), 'permit-date');
  });

  it('drops answers that a changed answer has made irrelevant', () => {
    const all: FlowAnswers = { citizenship: ['IN'], purpose: 'work', stay: 'over-6-months', permit: 'yes', permitDate: '2026-10-01', arrival: '2027-01-10', children: 'no', age: ['4'] };
    const nowEu = pruneAnswers({ ...all, citizenship: ['DE'] }, ctx);
    assert.equal(nowEu.permit, undefined);
    assert.equal(nowEu.permitDate, undefined);
    assert.deepEqual(nowEu.age, [], 'ages are dropped when no children come');
    const nowShort = pruneAnswers({ ...all, stay: 'under-3-months' }, ctx);
    assert.equal(nowShort.arrival, undefined);
  });

  it('turns answers into the API\'s request, with "I don\'t know yet" as no date', () => {
    const raw = toRawAnswers({ citizenship: ['IN'], purpose: 'work', stay: 'over-6-months', permit: 'no', arrival: 'unknown', moveIn: 'not-yet', postcode: 'none', partner: 'yes', children: 'yes', age: ['4', 'x'] }, ctx);
    assert.deepEqual(raw, { citizenships: ['IN'], purpose: 'work', stay: 'over-6-months', hasResidencePermit: false, partner: true, childrenAges: [4, 'x'] });
  });
});
