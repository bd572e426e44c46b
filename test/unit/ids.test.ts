import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isHoldId } from '../../src/modules/booking/app/bookings.js';
import { ORDERED_ALPHABET, orderedId, timeOfId } from '../../src/kernel/ids.js';

const bytes = (values: number[]) => () => Uint8Array.from(values);
const MAX_MS = 2 ** 48 - 1;

describe('row ids ordered by time', () => {
  it('uses the 64 characters of base64url, in their byte order', () => {
    assert.equal(new Set(ORDERED_ALPHABET).size, 64);
    assert.equal([...ORDERED_ALPHABET].sort().join(''), ORDERED_ALPHABET);
    assert.match(ORDERED_ALPHABET, /^[A-Za-z0-9_-]{64}$/);
  });

  it('sorts as the times do, whatever the random part', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: MAX_MS }), fc.integer({ min: 0, max: MAX_MS }),
      fc.uint8Array({ minLength: 14, maxLength: 14 }), fc.uint8Array({ minLength: 14, maxLength: 14 }),
      (a, b, ra, rb) => {
        fc.pre(a !== b);
        const x = orderedId(a, () => ra);
        const y = orderedId(b, () => rb);
        // Byte order, as SQLite's BINARY and PostgreSQL's "C" collations compare.
        assert.equal(Buffer.compare(Buffer.from(x), Buffer.from(y)), a < b ? -1 : 1, `${a} ${x} / ${b} ${y}`);
        assert.equal(timeOfId(x), a);
      },
    ), { numRuns: 2000 });
  });

  it('is a hold id of 22 characters, with the time first and 84 random bits after it', () => {
    const id = orderedId(Date.parse('2026-12-02T10:00:00Z'), randomBytes);
    assert.equal(id.length, 22);
    assert.ok(isHoldId(id), id);
    assert.equal(timeOfId(id), Date.parse('2026-12-02T10:00:00Z'));
    assert.equal(orderedId(0, bytes(Array(14).fill(0))), '-'.repeat(22));
    assert.equal(orderedId(MAX_MS, bytes(Array(14).fill(255))), 'z'.repeat(22));
    // Each random byte picks one character by its low six bits: every character can come out, none more often.
    const all = orderedId(1, bytes([0, 1, 2, 63, 64, 65, 127, 128, 191, 192, 254, 255, 31, 32])).slice(8);
    assert.equal(all, '-01z-0z-z-yzUV');
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(orderedId(1_800_000_000_000, randomBytes));
    assert.equal(seen.size, 2000, 'ids of the same millisecond differ');
  });

  it('refuses a time it cannot write', () => {
    for (const bad of [-1, 2 ** 48, 1.5, Number.NaN]) assert.throws(() => orderedId(bad, randomBytes), RangeError, String(bad));
  });
});
