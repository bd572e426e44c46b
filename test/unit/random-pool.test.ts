/** The pool of random bytes: every draw is fresh, whatever its size, and never shared with another draw. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomPool } from '../../src/platform/random-pool.js';

describe('the random pool', () => {
  it('never hands out the same bytes twice, across refills', () => {
    const random = randomPool(256);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const bytes = random(16 + (i % 17));
      assert.equal(bytes.length, 16 + (i % 17));
      const hex = Buffer.from(bytes).toString('hex');
      assert.ok(!seen.has(hex), `draw ${i} repeats an earlier one`);
      seen.add(hex);
    }
  });

  it('gives copies: changing one draw changes nothing that comes later', () => {
    const random = randomPool(64);
    const first = random(32);
    first.fill(0);
    const second = random(32);
    assert.ok(second.some((b) => b !== 0));
    assert.notEqual(first.buffer, second.buffer);
  });

  it('draws more than the pool holds straight from the system, and the bytes look random', () => {
    const big = randomPool(64)(100_000);
    assert.equal(big.length, 100_000);
    const counts = new Array<number>(256).fill(0);
    for (const b of big) counts[b]!++;
    // 100,000 bytes over 256 values: about 390 each; a stuck or patterned source would be far off.
    assert.ok(counts.every((c) => c > 250 && c < 550), `byte counts between ${Math.min(...counts)} and ${Math.max(...counts)}`);
  });
});
