/**
 * Closing days, for any year: Easter-based holidays, fixed ones, Store Bededag only until 2023, and the days
 * public offices close. Checked against the date-holidays package over two centuries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Holidays from 'date-holidays';
import { closingDays, easterSunday } from '../../src/kernel/time/holidays.js';
import { testDeps } from '../helpers.js';

const rules = () => testDeps().offices.holidays;
const ids = (year: number) => closingDays(rules(), year).map((d) => `${d.date} ${d.id}`);

describe('closing days', () => {
  it('computes Easter Sunday for known years', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
    assert.equal(easterSunday(2285), '2285-03-22');
  });

  it('gives the whole list for 2026, Easter Monday on 6 April and no Store Bededag', () => {
    assert.deepEqual(ids(2026), [
      '2026-01-01 new-years-day', '2026-04-02 maundy-thursday', '2026-04-03 good-friday', '2026-04-05 easter-sunday',
      '2026-04-06 easter-monday', '2026-05-14 ascension-day', '2026-05-24 whit-sunday', '2026-05-25 whit-monday',
      '2026-06-05 constitution-day', '2026-12-24 christmas-eve', '2026-12-25 christmas-day', '2026-12-26 boxing-day',
      '2026-12-31 new-years-eve',
    ]);
  });

  it('has Store Bededag until 2023 and not from 2024', () => {
    assert.ok(ids(2023).includes('2023-05-05 general-prayer-day'));
    assert.ok(!ids(2024).some((d) => d.endsWith('general-prayer-day')));
  });

  it('agrees with date-holidays on every Danish public holiday from 1950 to 2150', () => {
    const oracle = new Holidays('DK');
    for (let year = 1950; year <= 2150; year++) {
      const theirs = oracle.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)).sort();
      const ours = closingDays(rules(), year).filter((d) => d.kind === 'public-holiday').map((d) => d.date).sort();
      assert.deepEqual(ours, theirs, String(year));
    }
  });
});
