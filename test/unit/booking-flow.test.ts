/** The addresses the booking pages carry their state in. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FLOW_KEYS, type Flow, flowHref, readFlow } from '../../src/modules/booking/web/booking-flow.js';

describe('booking flow addresses', () => {
  it('are written as URLSearchParams writes them, for plain and for any values', () => {
    const value = fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,12}$/), fc.string({ maxLength: 12 }), fc.constantFrom('2027-01-15', '8000', '3', 'a b', 'æøå', '&=?#', '%41'));
    fc.assert(fc.property(
      fc.dictionary(fc.constantFrom(...FLOW_KEYS), value),
      fc.subarray([...FLOW_KEYS]),
      fc.constantFrom('en' as const, 'da' as const),
      (flow: Flow, keys, lang) => {
        const pairs: [string, string][] = keys.filter((k) => flow[k] !== undefined).map((k) => [k, flow[k]!]);
        if (lang !== 'en') pairs.push(['lang', lang]);
        const query = new URLSearchParams(pairs).toString();
        const expected = query ? `/book/time?${query}` : '/book/time';
        assert.equal(flowHref('/book/time', flow, keys, lang), expected);
        // And what is written is read back (values are trimmed and cut when read, so only plain short ones compare).
        const back = readFlow(Object.fromEntries(new URLSearchParams(expected.split('?')[1] ?? '')));
        for (const k of keys) if (flow[k] && flow[k] === flow[k]!.trim()) assert.equal(back[k], flow[k]);
      },
    ), { numRuns: 500 });
  });
});
