/**
 * Opening hours on the day, in Danish time: the first and last minute of an interval, holidays, office closing
 * days, closures over several days, extra openings, and the two Sundays when summer time starts and ends.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LocalDate } from '../../src/kernel/dates/local-date.js';
import type { Office } from '../../src/modules/offices/domain/office.js';
import { hoursOn, openState, upcomingDays } from '../../src/kernel/time/opening-hours.js';
import { instantAt, isoWithOffset, localMoment, offsetMinutes } from '../../src/kernel/time/copenhagen-clock.js';
import { testDeps } from '../helpers.js';

const holidays = () => testDeps().offices.holidays;
const d = (s: string) => s as LocalDate;

/** ICS East's hours, with a closure over several days and an extra opening. */
function office(overrides: Partial<Office> = {}): Office {
  return {
    id: 'test-office', kind: 'ics', name: { en: 'Test', da: 'Test', uk: 'Test' }, municipality: '101', address: null,
    location: { latitude: 55.68, longitude: 12.56, precision: 'postal-code' },
    contact: { email: null, phone: null, website: null }, appointmentRequired: true,
    hours: { status: 'confirmed', week: { mon: [['09:00', '15:00']], wed: [['11:00', '17:00']], thu: [['09:00', '12:00'], ['13:00', '15:00']], fri: [['09:00', '14:00']] } },
    closures: [{ from: '2026-07-13', to: '2026-07-31', reason: { en: 'Summer closure', da: 'Sommerlukning', uk: 'Літнє закриття' } }],
    extraOpenings: [{ date: '2026-11-28', hours: [['10:00', '13:00']], reason: { en: 'Saturday opening', da: 'Lørdagsåbent', uk: 'Відкрито в суботу' } }],
    services: [{ service: 'cpr-registration', catchment: 'anyone', confidence: 'high' }],
    sources: [{ title: 't', url: 'https://example.org', checked: '2026-11-25' }],
    ...overrides,
  };
}

const at = (iso: string) => openState(office(), office().hours, new Date(iso), holidays());

describe('opening hours', () => {
  it('is open from the first minute and closed at the closing minute', () => {
    // Monday 30 November 2026, winter time (UTC+1): 09:00 local is 08:00Z.
    assert.equal(at('2026-11-30T07:59:00Z').status, 'closed');
    assert.equal(isoWithOffset(at('2026-11-30T07:59:00Z').nextOpening!.instant), '2026-11-30T09:00:00+01:00');
    const first = at('2026-11-30T08:00:00Z');
    assert.equal(first.status, 'open');
    assert.equal(isoWithOffset(first.closesAt!), '2026-11-30T15:00:00+01:00');
    assert.equal(at('2026-11-30T13:59:00Z').status, 'open');
    const closed = at('2026-11-30T14:00:00Z');
    assert.equal(closed.status, 'closed');
    assert.equal(isoWithOffset(closed.nextOpening!.instant), '2026-12-02T11:00:00+01:00', 'Tuesday is closed: Wednesday 11:00');
  });

  it('handles two intervals in a day (closed at lunch)', () => {
    const lunch = at('2026-12-03T11:30:00Z');
    assert.equal(lunch.status, 'closed');
    assert.equal(isoWithOffset(lunch.nextOpening!.instant), '2026-12-03T13:00:00+01:00');
  });

  it('is closed on Easter Monday 2026 (6 April) and opens on Wednesday, in summer time', () => {
    assert.deepEqual(hoursOn(office(), office().hours, d('2026-04-06'), holidays()).reason?.name.en, 'Easter Monday');
    const state = at('2026-04-06T08:00:00Z');
    assert.equal(state.status, 'closed');
    assert.equal(isoWithOffset(state.nextOpening!.instant), '2026-04-08T11:00:00+02:00');
  });

  it('is closed on 24 and 31 December, and over Christmas until the Monday after New Year', () => {
    for (const date of ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']) {
      assert.equal(hoursOn(office(), office().hours, d(date), holidays()).status, 'closed', date);
    }
    const state = at('2026-12-23T16:00:00Z');
    assert.equal(isoWithOffset(state.nextOpening!.instant), '2026-12-28T09:00:00+01:00');
  });

  it('is closed on Constitution Day (5 June)', () => {
    assert.equal(hoursOn(office(), office().hours, d('2026-06-05'), holidays()).reason?.kind, 'office-closing-day');
  });

  it('stays closed through a closure of several days and opens after it', () => {
    const days = upcomingDays(office(), office().hours, d('2026-07-13'), 19, holidays());
    assert.ok(days.every((day) => day.status === 'closed' && day.reason?.kind === 'closure'));
    const state = at('2026-07-15T09:00:00Z');
    assert.equal(isoWithOffset(state.nextOpening!.instant), '2026-08-03T09:00:00+02:00');
  });

  it('opens on an extra opening day', () => {
    const saturday = hoursOn(office(), office().hours, d('2026-11-28'), holidays());
    assert.deepEqual([saturday.status, saturday.intervals, saturday.reason?.kind], ['open', [[600, 780]], 'extra-opening']);
    assert.equal(isoWithOffset(at('2026-11-27T14:00:00Z').nextOpening!.instant), '2026-11-28T10:00:00+01:00');
  });

  it('gives the right next opening across the start of summer time (Sunday 29 March 2026)', () => {
    // Friday 27 March after closing: next is Monday 30 March 09:00, which is in summer time (UTC+2).
    const state = at('2026-03-27T14:00:00Z');
    assert.equal(state.nextOpening!.date, '2026-03-30');
    assert.equal(state.nextOpening!.instant.toISOString(), '2026-03-30T07:00:00.000Z');
    assert.equal(isoWithOffset(state.nextOpening!.instant), '2026-03-30T09:00:00+02:00');
    // On the Sunday itself, at 01:59 and 03:00 local time (the hour between does not exist).
    assert.deepEqual(localMoment(new Date('2026-03-29T00:59:00Z')), { date: '2026-03-29', minutes: 119 });
    assert.deepEqual(localMoment(new Date('2026-03-29T01:00:00Z')), { date: '2026-03-29', minutes: 180 });
    assert.equal(at('2026-03-29T10:00:00Z').nextOpening!.instant.toISOString(), '2026-03-30T07:00:00.000Z');
  });

  it('gives the right next opening across the end of summer time (Sunday 25 October 2026)', () => {
    const state = at('2026-10-23T13:00:00Z');
    assert.equal(isoWithOffset(state.nextOpening!.instant), '2026-10-26T09:00:00+01:00');
    assert.equal(state.nextOpening!.instant.toISOString(), '2026-10-26T08:00:00.000Z');
    assert.equal(offsetMinutes(new Date('2026-10-25T00:59:00Z')), 120);
    assert.equal(offsetMinutes(new Date('2026-10-25T01:00:00Z')), 60);
    // 02:30 happens twice that night: the first one is meant.
    assert.equal(instantAt(d('2026-10-25'), 150).toISOString(), '2026-10-25T00:30:00.000Z');
  });

  it('says "unknown" when the office\'s hours were not found', () => {
    const unknown = office({ hours: { status: 'unknown' } });
    assert.deepEqual(openState(unknown, unknown.hours, new Date('2026-11-30T10:00:00Z'), holidays()), { status: 'unknown' });
    assert.equal(hoursOn(unknown, unknown.hours, d('2026-11-30'), holidays()).status, 'unknown');
  });
});
