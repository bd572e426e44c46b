/**
 * docs/facts-review.md lists every dated value with the kind of its sources and the date each was checked: the list
 * is generated from the rules (npm run facts:review), and this test fails when the file is not what the rules give.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BEGIN, END, factsTables, withTables } from '../../scripts/facts-review.js';
import { ROOT } from '../../src/server.js';
import { testDeps } from '../helpers.js';

const file = readFileSync(join(ROOT, 'docs', 'facts-review.md'), 'utf8');

describe('the review of the facts (docs/facts-review.md)', () => {
  it('lists every value and source as the rules hold them now (run npm run facts:review after a change)', () => {
    assert.ok(file.includes(BEGIN) && file.includes(END), 'the generated part is there');
    assert.equal(file, withTables(file, testDeps().rules));
  });

  it('names the kind of every source, and none is of an unknown kind', () => {
    const tables = factsTables(testDeps().rules);
    assert.doesNotMatch(tables, /\(unknown, /);
    for (const p of testDeps().rules.parameters.values()) assert.ok(tables.includes(`\`${p.id}\``), p.id);
  });
});
