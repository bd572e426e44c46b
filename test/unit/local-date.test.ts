import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copenhagenDate } from '../../src/kernel/time/copenhagen-time.js';
import {
  type LocalDate, addDays, addMonths, daysBetween, fromParts, isoWeekday, parseLocalDate,
} from '../../src/kernel/dates/local-date.js';

const d = (s: string) => s as LocalDate;

describe('local dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    assert.equal(parseLocalDate('2028-02-29'), '2028-02-29');
    assert.equal(parseLocalDate('2027-02-29'), null);
    assert.equal(parseLocalDate('2027-02-31'), null);
    assert.equal(parseLocalDate('2027-13-01'), null);
    assert.equal(parseLocalDate('2027-00-10'), null);
    assert.equal(parseLocalDate('27-01-10'), null);
    assert.equal(parseLocalDate('2027-1-10'), null);
    assert.equal(parseLocalDate(' 2027-01-10'), null);
    assert.equal(fromParts(2027, 4, 31), null);
    assert.equal(fromParts(2027, 4, 30), '2027-04-30');
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDays(d('2026-12-29'), 5), '2027-01-03');
    assert.equal(addDays(d('2028-02-27'), 2), '2028-02-29');
    assert.equal(addDays(d('2027-03-01'), -1), '2027-02-28');
    assert.equal(daysBetween(d('2027-01-01'), d('2028-01-01')), 365);
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    assert.equal(addMonths(d('2026-11-30'), 3), '2027-02-28');
    assert.equal(addMonths(d('2027-11-30'), 3), '2028-02-29');
    assert.equal(addMonths(d('2027-01-31'), 1), '2027-02-28');
    assert.equal(addMonths(d('2027-01-15'), 12), '2028-01-15');
    assert.equal(addMonths(d('2027-03-15'), -3), '2026-12-15');
  });

  it('is not moved by summer time: 5 days after the change is still 5 calendar days', () => {
    assert.equal(addDays(d('2026-03-27'), 5), '2026-04-01');
    assert.equal(addDays(d('2026-10-23'), 5), '2026-10-28');
  });

  it('knows weekdays', () => {
    assert.equal(isoWeekday(d('2026-11-25')), 3);
    assert.equal(isoWeekday(d('2027-01-10')), 7);
  });

  it('gives the date in Denmark, not in UTC', () => {
    assert.equal(copenhagenDate(new Date('2026-11-24T23:30:00Z')), '2026-11-25');
    assert.equal(copenhagenDate(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
    assert.equal(copenhagenDate(new Date('2026-07-01T22:00:00Z')), '2026-07-02');
    assert.equal(copenhagenDate(new Date('2026-03-28T23:00:00Z')), '2026-03-29');
    assert.equal(copenhagenDate(new Date('2026-10-25T22:59:00Z')), '2026-10-25');
    assert.equal(copenhagenDate(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
  });
});
