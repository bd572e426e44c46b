/**
 * Danish wall-clock time, worked out with the EU summer-time rule, against the time-zone database (Intl):
 * around every change from 1997 to 2099, and at random instants.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { LocalDate } from '../../src/kernel/dates/local-date.js';
import { instantAt, isoWithOffset, localMoment, offsetMinutes } from '../../src/kernel/time/copenhagen-clock.js';

const zone = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
function fromIntl(instant: Date): { date: string; minutes: number } {
  const p: Record<string, string> = {};
  for (const part of zone.formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}
function lastSunday(year: number, month: number): Date {
  const d = new Date(Date.UTC(year, month, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d;
}

describe('Danish wall-clock time', () => {
  it('agrees with the time-zone database a minute either side of every change, 1997 to 2099', () => {
    for (let year = 1997; year <= 2099; year++) {
      for (const change of [lastSunday(year, 3), lastSunday(year, 10)]) {
        for (const delta of [-61, -1, 0, 1, 59]) {
          const instant = new Date(change.getTime() + delta * 60_000);
          assert.deepEqual(localMoment(instant), fromIntl(instant), instant.toISOString());
        }
      }
    }
  });

  it('agrees with the time-zone database at random instants', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1997, 0, 1), max: Date.UTC(2099, 11, 31) }), (t) => {
      assert.deepEqual(localMoment(new Date(t)), fromIntl(new Date(t)));
    }), { numRuns: 3000 });
  });

  it('turns a Danish date and time back into the instant, on both Sundays of 2026', () => {
    assert.equal(instantAt('2026-03-29' as LocalDate, 60).toISOString(), '2026-03-29T00:00:00.000Z');
    assert.equal(instantAt('2026-03-29' as LocalDate, 180).toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(isoWithOffset(instantAt('2026-03-29' as LocalDate, 150)), '2026-03-29T03:30:00+02:00', 'a time that does not exist lands after the gap');
    assert.equal(instantAt('2026-10-25' as LocalDate, 150).toISOString(), '2026-10-25T00:30:00.000Z', 'a time that happens twice: the first');
    assert.equal(instantAt('2026-10-25' as LocalDate, 180).toISOString(), '2026-10-25T02:00:00.000Z');
    assert.equal(offsetMinutes(new Date('2026-07-01T00:00:00Z')), 120);
    assert.equal(offsetMinutes(new Date('2026-12-01T00:00:00Z')), 60);
  });
});
