import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawAnswers } from '../../src/modules/plan/domain/answers.js';
import { type FieldError, validateAnswers } from '../../src/modules/plan/domain/validate-answers.js';
import { TEST_TODAY, testDeps } from '../helpers.js';

const BASE: RawAnswers = { citizenships: ['SE'], purpose: 'work', stay: 'over-6-months' };

function errorsFor(raw: RawAnswers): FieldError[] {
  const deps = testDeps();
  const result = validateAnswers(raw, {
    asOf: TEST_TODAY,
    isCountry: (c) => deps.rules.countries.byCode.has(c),
    isPostalCode: (c) => deps.offices.postalAreas.has(c),
  });
  return result.ok ? [] : result.errors;
}

const codes = (raw: RawAnswers) => errorsFor(raw).map((e) => `${e.field}:${e.code}`);

describe('checking answers', () => {
  it('accepts a complete, sensible set of answers', () => {
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2027-01-10', moveInDate: '2027-01-12', postalCode: '8000', partner: true, childrenAges: [4, 0] }), []);
  });

  it('names each missing answer', () => {
    assert.deepEqual(codes({}), ['citizenships:required', 'purpose:required', 'stay:required']);
  });

  it('refuses unknown countries, wrong types and too many citizenships', () => {
    assert.deepEqual(codes({ ...BASE, citizenships: ['XX'] }), ['citizenships:unknown-country']);
    assert.deepEqual(codes({ ...BASE, citizenships: 'SE' }), ['citizenships:not-a-country-list']);
    assert.deepEqual(codes({ ...BASE, citizenships: [1] }), ['citizenships:not-a-country-list']);
    assert.deepEqual(codes({ ...BASE, citizenships: ['SE', 'NO', 'FI', 'IS', 'DE', 'FR'] }), ['citizenships:too-many-citizenships']);
  });

  it('accepts lower-case country codes and drops duplicates', () => {
    const deps = testDeps();
    const result = validateAnswers({ ...BASE, citizenships: ['se', 'SE', 'de'] }, { asOf: TEST_TODAY, isCountry: (c) => deps.rules.countries.byCode.has(c), isPostalCode: () => true });
    assert.ok(result.ok);
    assert.deepEqual(result.answers.citizenships, ['SE', 'DE']);
  });

  it('refuses impossible and absurd dates', () => {
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2027-02-31' }), ['arrivalDate:invalid-date']);
    assert.deepEqual(codes({ ...BASE, arrivalDate: '1800-01-01' }), ['arrivalDate:date-too-early']);
    assert.deepEqual(codes({ ...BASE, arrivalDate: '9999-12-31' }), ['arrivalDate:date-too-late']);
    assert.deepEqual(codes({ ...BASE, arrivalDate: 20270110 }), ['arrivalDate:invalid-date']);
    assert.deepEqual(codes({ ...BASE, moveInDate: 'tomorrow' }), ['moveInDate:invalid-date']);
  });

  it('keeps dates within a year back and two years ahead of today', () => {
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2025-11-25' }), []);
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2025-11-24' }), ['arrivalDate:date-too-early']);
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2028-11-25' }), []);
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2028-11-26' }), ['arrivalDate:date-too-late']);
  });

  it('refuses moving in before arriving, and a permit granted in the future', () => {
    assert.deepEqual(codes({ ...BASE, arrivalDate: '2027-01-10', moveInDate: '2027-01-09' }), ['moveInDate:move-in-before-arrival']);
    assert.deepEqual(codes({ ...BASE, hasResidencePermit: true, residencePermitDate: '2026-11-26' }), ['residencePermitDate:permit-date-in-future']);
    assert.deepEqual(codes({ ...BASE, hasResidencePermit: false, residencePermitDate: 'nonsense' }), [], 'a permit date is ignored without a permit');
  });

  it('refuses postal codes that are not four digits or not Danish', () => {
    assert.deepEqual(codes({ ...BASE, postalCode: '800' }), ['postalCode:postal-code-format']);
    assert.deepEqual(codes({ ...BASE, postalCode: '<script>' }), ['postalCode:postal-code-format']);
    assert.deepEqual(codes({ ...BASE, postalCode: '0001' }), ['postalCode:unknown-postal-code']);
    assert.deepEqual(codes({ ...BASE, postalCode: '2200' }), []);
  });

  it('refuses children that are not whole years from 0 to 17', () => {
    assert.deepEqual(codes({ ...BASE, childrenAges: [18] }), ['childrenAges:child-age-adult']);
    assert.deepEqual(codes({ ...BASE, childrenAges: [-1] }), ['childrenAges:child-age-not-whole']);
    assert.deepEqual(codes({ ...BASE, childrenAges: [2.5] }), ['childrenAges:child-age-not-whole']);
    assert.deepEqual(codes({ ...BASE, childrenAges: ['4'] }), ['childrenAges:child-age-not-whole']);
    assert.deepEqual(codes({ ...BASE, childrenAges: Array(13).fill(1) }), ['childrenAges:too-many-children']);
  });

  it('refuses yes/no answers that are not booleans, and choices outside the list', () => {
    assert.deepEqual(codes({ ...BASE, partner: 'yes' }), ['partner:not-yes-or-no']);
    assert.deepEqual(codes({ ...BASE, purpose: 'tourism' }), ['purpose:not-a-choice']);
    assert.deepEqual(codes({ ...BASE, stay: 12 }), ['stay:not-a-choice']);
  });
});
