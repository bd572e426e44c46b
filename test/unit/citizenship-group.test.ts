import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citizenshipGroup } from '../../src/modules/plan/domain/citizenship-group.js';
import type { LocalDate } from '../../src/kernel/dates/local-date.js';
import { testDeps } from '../helpers.js';

const group = (codes: string[], on = '2026-11-25') => citizenshipGroup(testDeps().rules.countries, codes, on as LocalDate);

describe('citizenship groups', () => {
  it('puts each country in its group', () => {
    assert.equal(group(['DK']), 'danish');
    for (const c of ['FI', 'IS', 'NO', 'SE']) assert.equal(group([c]), 'nordic', c);
    for (const c of ['DE', 'PL', 'HR', 'LI']) assert.equal(group([c]), 'eu-eea', c);
    assert.equal(group(['CH']), 'swiss');
    for (const c of ['IN', 'US', 'UA', 'BR', 'PH', 'GB', 'XK']) assert.equal(group([c]), 'other', c);
  });

  it('counts territories as the country whose citizens live there', () => {
    assert.equal(group(['GL']), 'danish');
    assert.equal(group(['FO']), 'danish');
    assert.equal(group(['AX']), 'nordic');
    assert.equal(group(['PF']), 'eu-eea');
    assert.equal(group(['GI']), 'other');
  });

  it('applies the most favourable group when a person holds several citizenships', () => {
    assert.equal(group(['IN', 'DE']), 'eu-eea');
    assert.equal(group(['DE', 'SE']), 'nordic');
    assert.equal(group(['CH', 'FR']), 'eu-eea');
    assert.equal(group(['US', 'CH']), 'swiss');
    assert.equal(group(['SE', 'DK']), 'danish');
  });

  it('follows membership over time, on both sides of each change', () => {
    assert.equal(group(['GB'], '2020-12-31'), 'eu-eea');
    assert.equal(group(['GB'], '2021-01-01'), 'other');
    assert.equal(group(['HR'], '2013-06-30'), 'other');
    assert.equal(group(['HR'], '2013-07-01'), 'eu-eea');
  });
});
