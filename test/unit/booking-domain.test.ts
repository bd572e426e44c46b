/**
 * The pure parts of booking: slots from opening hours (holidays, summer time, lead time), references people can
 * read out, the details check, the calendar file, and when reminders fall due.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { reminderDue } from '../../src/modules/booking/app/bookings.js';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { type AppointmentEvent, appointmentCalendar, dateTime, escapeText, foldLine } from '../../src/modules/booking/app/appointment-calendar.js';
import { backoffMs } from '../../src/modules/booking/app/outbox-worker.js';
import { SlotCache } from '../../src/modules/booking/app/slot-cache.js';
import { BOOKABLE_SERVICES } from '../../src/modules/booking/domain/booking-config.js';
import { parsePeople, validateDetails } from '../../src/modules/booking/domain/details.js';
import { REFERENCE_ALPHABET, normaliseReference, referenceFrom } from '../../src/modules/booking/domain/reference.js';
import { type Slot, notBookable, slotAt, slotsFor } from '../../src/modules/booking/domain/slots.js';
import { addDays } from '../../src/kernel/dates/local-date.js';
import { hoursFor, hoursOn } from '../../src/kernel/time/opening-hours.js';
import { isoWithOffset, localMoment } from '../../src/kernel/time/copenhagen-clock.js';
import type { Booking } from '../../src/modules/booking/ports/booking-store.js';
import { testDeps } from '../helpers.js';

const deps = testDeps();
const config = deps.bookingConfig;
const office = (id: string) => deps.offices.byId.get(id)!;
const holidays = deps.offices.holidays;

describe('booking references', () => {
  it('use only characters that cannot be mistaken for each other', () => {
    for (const ch of '0O1IL') assert.ok(!REFERENCE_ALPHABET.includes(ch), ch);
    for (let i = 0; i < 2000; i++) {
      const ref = referenceFrom((n) => randomBytes(n));
      assert.match(ref, /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
    }
  });

  it('skip random bytes that would bias the alphabet', () => {
    // 248 and above would favour the first characters: they are dropped, so all-255 bytes then zeros give "AAAA-AAAA".
    let call = 0;
    const ref = referenceFrom((n) => (call++ === 0 ? new Uint8Array(n).fill(255) : new Uint8Array(n)));
    assert.equal(ref, 'AAAA-AAAA');
  });

  it('read back what people type, with any case, spaces or dashes', () => {
    assert.equal(normaliseReference(' k7rm 4pxt '), 'K7RM-4PXT');
    assert.equal(normaliseReference('K7RM4PXT'), 'K7RM-4PXT');
    assert.equal(normaliseReference('K7RM-4PX'), null);
    assert.equal(normaliseReference('K0RM-4PXT'), null, 'there is no zero in a reference');
    assert.equal(normaliseReference('KIRM-4PXT'), null);
  });
});

describe('the details a person gives', () => {
  const ok = { name: 'Zoë Ðorđević-Nowak', email: 'zoe@example.co.uk', phone: '+45 12 34 56 78', language: 'da' };
  it('accept names in any script, e-mails, phones with a country code', () => {
    for (const name of ['Zoë Ðorđević-Nowak', "Seán O'Connor", '山田 太郎', 'محمد علي', 'J. R. R. Tolkien', 'Anne-Marie Ågård']) {
      assert.ok(validateDetails({ ...ok, name }).ok, name);
    }
    const r = validateDetails({ ...ok, email: ' Zoe@Example.co.uk ', phone: '' });
    assert.ok(r.ok);
    assert.equal(r.details.emailKey, 'zoe@example.co.uk');
    assert.equal(r.details.phone, null);
  });

  it('refuse what is not a name, an e-mail or a phone, naming each field', () => {
    const r = validateDetails({ name: '<b>x</b>', email: 'a@b', phone: '12', language: 'fr' });
    assert.ok(!r.ok);
    assert.deepEqual(r.errors.map((e) => `${e.field}.${e.code}`), ['name.not-a-name', 'email.not-an-email', 'phone.not-a-phone', 'language.required']);
    for (const name of ['', '   ', '12345', 'x'.repeat(121), 'Bob\u0000', 'a@b.c', 'Robert"); DROP TABLE']) {
      assert.ok(!validateDetails({ ...ok, name }).ok, JSON.stringify(name));
    }
    for (const email of ['plain', 'a@b', 'a b@c.dk', 'a@-x.dk', '@x.dk', 'a@x..dk', `${'a'.repeat(250)}@x.dk`]) {
      assert.ok(!validateDetails({ ...ok, email }).ok, email);
    }
  });

  it('take out the characters nobody sees (reordering controls, zero-width, lone surrogates), keeping every script', () => {
    const cases: [string, string][] = [
      // A right-to-left override would show "Anna" while the name holds it reversed; the isolates and marks likewise.
      ['\u202eannA\u202c', 'annA'],
      ['Anna\u2066 Berg\u2069', 'Anna Berg'],
      ['\u200fمحمد\u200e علي\u061c', 'محمد علي'],
      // Zero-width space, joiner and non-joiner, word joiner, byte-order mark, soft hyphen, variation selector.
      ['Jo\u200bhn\u2060 \ufeffSmith', 'John Smith'],
      ['Ka\u00adren Ni\u200celsen', 'Karen Nielsen'],
      ['Olga\ufe0f', 'Olga'],
      // Lone halves of a surrogate pair are no character at all.
      ['Eva\ud800 Lund\udfff', 'Eva Lund'],
      // Real letters stay: Cyrillic, Chinese, Greek, Vietnamese, Devanagari with its marks, Hangul, an emoji-free name with
      // combining accents (kept as one composed letter).
      ['Олена Шевченко', 'Олена Шевченко'],
      ['李小龙', '李小龙'],
      ['Σωκράτης Παπαδόπουλος', 'Σωκράτης Παπαδόπουλος'],
      ['Nguyễn Thị Minh Khai', 'Nguyễn Thị Minh Khai'],
      ['प्रिया शर्मा', 'प्रिया शर्मा'],
      ['김민준', '김민준'],
      ['Zoe\u0308 Ågård', 'Zoë Ågård'],
    ];
    for (const [given, kept] of cases) {
      const r = validateDetails({ ...ok, name: given });
      assert.ok(r.ok, JSON.stringify(given));
      assert.equal(r.details.name, kept, JSON.stringify(given));
    }
    // Nothing visible left is no name; an invisible character does not slip into an e-mail address either.
    const empty = validateDetails({ ...ok, name: '\u200b\u202e\u2066' });
    assert.ok(!empty.ok);
    assert.deepEqual(empty.errors.map((e) => `${e.field}.${e.code}`), ['name.required']);
    const email = validateDetails({ ...ok, email: 'zo\u200be@example.co.uk\u202e' });
    assert.ok(email.ok);
    assert.equal(email.details.email, 'zoe@example.co.uk');
  });

  it('count a party from 1 to the most allowed', () => {
    assert.deepEqual(['1', '8', 3, ' 2 '].map((v) => parsePeople(v, 8)), [1, 8, 3, 2]);
    assert.deepEqual(['0', '9', '-1', '2.5', 'two', '', 50].map((v) => parsePeople(v, 8)), [null, null, null, null, null, null, null]);
  });
});

describe('free times from opening hours', () => {
  const now = new Date('2026-11-25T10:00:00Z');

  it('cut the hours into appointments of the service length, from two hours after now', () => {
    const slots = slotsFor({ office: office('ics-copenhagen'), service: 'guidance', config, holidays, now, to: '2026-11-26' as never });
    assert.deepEqual(slots.filter((s) => s.date === '2026-11-25').map((s) => localMoment(new Date(s.startMs)).minutes / 60), [13, 13.5, 14, 14.5, 15, 15.5, 16, 16.5]);
    assert.ok(slots.every((s) => s.endMs - s.startMs === 30 * 60_000 && s.capacity === 2));
  });

  it('are closed on public holidays, Christmas Eve and Constitution Day', () => {
    const all = slotsFor({ office: office('ics-aarhus'), service: 'cpr-registration', config, holidays, now });
    const days = new Set(all.map((s) => s.date));
    for (const closed of ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01']) assert.ok(!days.has(closed as never), closed);
    const june = slotsFor({ office: office('ics-aarhus'), service: 'cpr-registration', config, holidays, now: new Date('2027-05-30T10:00:00Z') });
    assert.ok(!june.some((s) => s.date === '2027-06-05'), 'Grundlovsdag');
  });

  it('stay at the same wall-clock times on both sides of the change to summer time', () => {
    const spring = slotsFor({ office: office('ics-copenhagen'), service: 'cpr-registration', config, holidays, now: new Date('2027-03-20T10:00:00Z'), from: '2027-03-22' as never, to: '2027-04-05' as never });
    const firstOfDay = new Map<string, number>();
    for (const s of spring) if (!firstOfDay.has(s.date)) firstOfDay.set(s.date, s.startMs);
    assert.equal(new Date(firstOfDay.get('2027-03-22')!).toISOString(), '2027-03-22T08:00:00.000Z');
    assert.equal(new Date(firstOfDay.get('2027-04-05')!).toISOString().slice(0, 10), '2027-04-05', );
    assert.ok(!firstOfDay.has('2027-03-29'), 'Easter Monday');
    assert.equal(new Date(firstOfDay.get('2027-03-31')!).toISOString(), '2027-03-31T09:00:00.000Z', '11:00 in summer time is 09:00 UTC');
  });

  it('use a service\'s own hours where it has them', () => {
    const sonderborg = office('ics-sonderborg');
    const cpr = slotsFor({ office: sonderborg, service: 'cpr-registration', config, holidays, now });
    assert.ok(cpr.length > 0);
    assert.equal(notBookable(sonderborg, 'biometrics', config), 'no-hours');
    assert.equal(notBookable(office('ics-aalborg'), 'mitid', config), 'not-offered');
  });

  it('find a slot by its exact start only', () => {
    const [first] = slotsFor({ office: office('ics-copenhagen'), service: 'cpr-registration', config, holidays, now });
    const query = { office: office('ics-copenhagen'), service: 'cpr-registration' as const, config, holidays, now };
    assert.deepEqual(slotAt(query, first!.startMs), first);
    assert.equal(slotAt(query, first!.startMs + 60_000), undefined);
    assert.equal(slotAt(query, first!.startMs - 86_400_000), undefined);
  });

  it('hold together for any office, service and moment (property)', () => {
    const ids = ['ics-copenhagen', 'ics-aarhus', 'ics-aalborg', 'ics-esbjerg', 'ics-sonderborg', 'siri-valby'];
    fc.assert(fc.property(
      fc.constantFrom(...ids), fc.constantFrom(...BOOKABLE_SERVICES), fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2029-12-31') }),
      (id, service, t) => {
        const o = office(id);
        const nowT = new Date(t);
        const slots = slotsFor({ office: o, service, config, holidays, now: nowT });
        const offered = o.services.find((s) => s.service === service);
        for (let i = 0; i < slots.length; i++) {
          const s = slots[i]!;
          if (i > 0) assert.ok(s.startMs > slots[i - 1]!.startMs, 'in order, no duplicates');
          assert.ok(s.startMs >= t + config.leadMinutes * 60_000);
          assert.equal(s.endMs - s.startMs, config.services[service].minutes * 60_000);
          const day = hoursOn(o, hoursFor(o, offered), s.date, holidays);
          const start = localMoment(new Date(s.startMs));
          assert.equal(start.date, s.date);
          assert.ok(day.intervals.some(([a, b]) => a <= start.minutes && start.minutes + config.services[service].minutes <= b), 'inside the hours');
        }
      },
    ), { numRuns: 150 });
  });
});

describe('the times kept for the day (SlotCache)', () => {
  const ids = ['ics-copenhagen', 'ics-aarhus', 'ics-esbjerg', 'ics-sonderborg', 'siri-valby'];

  it('are the times the pure rule gives, for any moment, range and day after day (property)', () => {
    // One cache for the whole run: the moments jump back and forth over days, as a long-running server's clock
    // moves on, and the cache must start afresh whenever the day changes.
    const cache = new SlotCache(deps.offices, config);
    const strip = (slots: readonly Slot[]) => slots.map(({ startMs, endMs, date, minutes, capacity }) => ({ startMs, endMs, date, minutes, capacity }));
    fc.assert(fc.property(
      fc.constantFrom(...ids), fc.constantFrom(...BOOKABLE_SERVICES), fc.integer({ min: Date.parse('2026-03-20'), max: Date.parse('2027-11-01') }),
      fc.option(fc.integer({ min: -3, max: 60 })), fc.option(fc.integer({ min: 0, max: 60 })),
      (id, service, t, fromDays, toDays) => {
        const o = office(id);
        const now = new Date(t);
        const today = localMoment(now).date;
        const range = { from: fromDays === null ? undefined : addDays(today, fromDays), to: toDays === null ? undefined : addDays(today, toDays) };
        const expected = slotsFor({ office: o, service, config, holidays, now, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
        const got = cache.slots(o, service, now, range);
        assert.deepEqual(strip(got), strip(expected));
        for (const s of got) {
          assert.equal(s.startIso, isoWithOffset(new Date(s.startMs)));
          assert.equal(s.endIso, isoWithOffset(new Date(s.endMs)));
        }
        const probe = expected[Math.floor(expected.length / 2)];
        if (probe) {
          assert.equal(cache.at(o, service, now, probe.startMs)?.startMs, probe.startMs);
          assert.equal(cache.at(o, service, now, probe.startMs + 60_000), undefined);
        }
        const early = slotsFor({ office: o, service, config, holidays, now: new Date(t - config.leadMinutes * 60_000) })[0];
        if (early && early.startMs < t + config.leadMinutes * 60_000) assert.equal(cache.at(o, service, now, early.startMs), undefined, 'too soon');
      },
    ), { numRuns: 300 });
  });
});

/** The appointment as ical-generator writes it: what appointmentCalendar was before it was written by hand. */
function withIcalGenerator(event: AppointmentEvent): string {
  const local = (ms: number) => { const { date, minutes } = localMoment(new Date(ms)); return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`; };
  const vtimezone = appointmentCalendar(event).split('\r\n');
  const calendar = ical({
    prodId: { company: 'International Citizen Service', product: 'ICS booking', language: event.lang.toUpperCase() },
    method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: () => vtimezone.slice(vtimezone.indexOf('BEGIN:VTIMEZONE'), vtimezone.indexOf('END:VTIMEZONE') + 1).join('\r\n') },
  });
  calendar.createEvent({
    id: `${event.bookingId}@ics-booking`, sequence: event.sequence, start: local(event.startMs), end: local(event.endMs), timezone: 'Europe/Copenhagen',
    stamp: new Date(event.stampMs), summary: event.summary, description: event.description, location: event.location, url: event.url,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** The two hours (00:00-02:00 UTC) of the last Sunday of October, whose Danish wall times 02:00-03:00 come twice. */
function inRepeatedHour(ms: number): boolean {
  const d = new Date(ms);
  if (d.getUTCMonth() !== 9) return false;
  const year = d.getUTCFullYear();
  const lastSunday = 31 - new Date(Date.UTC(year, 9, 31)).getUTCDay();
  const from = Date.UTC(year, 9, lastSunday);
  return ms >= from && ms < from + 2 * 3_600_000;
}

describe('the appointment calendar file, written by hand', () => {
  it('is byte for byte what ical-generator writes, for any texts and times outside the hour that comes twice (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }),
      fc.stringMatching(/^[a-zæøå ;,\\\r\n]{0,160}$/));
    fc.assert(fc.property(
      fc.record({
        bookingId: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), sequence: fc.integer({ min: 1, max: 50 }),
        startMs: fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2030-12-31') }).map((ms) => Math.floor(ms / 300_000) * 300_000),
        minutes: fc.constantFrom(10, 15, 20, 30), summary: text, description: text, location: text,
        url: fc.webUrl(), cancelled: fc.boolean(), stampMs: fc.integer({ min: 0, max: Date.parse('2031-01-01') }), lang: fc.constantFrom('en' as const, 'da' as const),
      }),
      ({ minutes, ...e }) => {
        const event = { ...e, endMs: e.startMs + minutes * 60_000 };
        // There ical-generator writes a wrong time (02:30 CEST as 02:00); see the next test.
        fc.pre(!inRepeatedHour(event.startMs) && !inRepeatedHour(event.endMs));
        assert.equal(appointmentCalendar(event), withIcalGenerator(event));
      },
    ), { numRuns: 400 });
  });

  it('writes a time in the hour that comes twice when summer time ends in UTC, so it names one instant', () => {
    // Sunday 25 October 2026: 02:30 comes first in summer time (00:30 UTC), then again in winter time (01:30 UTC).
    assert.equal(dateTime('DTSTART', Date.parse('2026-10-25T00:30:00Z')), 'DTSTART:20261025T003000Z');
    assert.equal(dateTime('DTEND', Date.parse('2026-10-25T01:00:00Z')), 'DTEND:20261025T010000Z');
    assert.equal(dateTime('DTSTART', Date.parse('2026-10-25T01:30:00Z')), 'DTSTART:20261025T013000Z');
    // Either side of it, and on the day summer time begins (no wall time is ambiguous then), the Danish wall time.
    assert.equal(dateTime('DTSTART', Date.parse('2026-10-24T23:59:00Z')), 'DTSTART;TZID=Europe/Copenhagen:20261025T015900');
    assert.equal(dateTime('DTEND', Date.parse('2026-10-25T02:00:00Z')), 'DTEND;TZID=Europe/Copenhagen:20261025T030000');
    assert.equal(dateTime('DTSTART', Date.parse('2026-03-29T01:00:00Z')), 'DTSTART;TZID=Europe/Copenhagen:20260329T030000');
    assert.equal(dateTime('DTSTART', Date.parse('2026-11-25T09:00:00Z')), 'DTSTART;TZID=Europe/Copenhagen:20261125T100000');
    const file = appointmentCalendar({ bookingId: 'b'.repeat(22), sequence: 1, startMs: Date.parse('2030-10-27T00:30:00Z'), endMs: Date.parse('2030-10-27T01:00:00Z'),
      summary: '', description: '', location: '', url: 'https://ics.example/b', cancelled: false, stampMs: 0, lang: 'en' });
    assert.match(file, /\r\nDTSTART:20301027T003000Z\r\nDTEND:20301027T010000Z\r\n/);
  });

  it('folds long lines at 75 octets, counting Danish letters as two', () => {
    const line = `DESCRIPTION:${'æ'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.every((l) => Buffer.byteLength(l) <= 75), folded.join('|'));
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
    assert.equal(escapeText('a;b,c\\d\r\ne'), 'a\\;b\\,c\\\\d\\ne');
  });
});

describe('the appointment calendar file', () => {
  const event = {
    bookingId: 'b1', sequence: 2, startMs: Date.parse('2027-10-31T08:00:00Z'), endMs: Date.parse('2027-10-31T08:15:00Z'),
    summary: 'CPR registration', description: 'Reference: K7RM-4PXT', location: 'Nyropsgade 1', url: 'http://localhost/booking/x', cancelled: false, stampMs: 0, lang: 'en' as const,
  };
  it('writes Danish wall-clock time with the zone\'s definition, and a rising sequence', () => {
    const ics = appointmentCalendar(event);
    assert.match(ics, /DTSTART;TZID=Europe\/Copenhagen:20271031T090000/, '08:00 UTC on the last Sunday of October is 09:00 winter time');
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen/);
    assert.match(ics, /SEQUENCE:2/);
    assert.match(ics, /METHOD:PUBLISH/);
    assert.match(ics, /UID:b1@ics-booking/);
  });
  it('cancels with the same UID', () => {
    const ics = appointmentCalendar({ ...event, cancelled: true, sequence: 3 });
    assert.match(ics, /METHOD:CANCEL/);
    assert.match(ics, /STATUS:CANCELLED/);
    assert.match(ics, /UID:b1@ics-booking/);
  });
});

describe('reminders and retries', () => {
  const booking = (start: string, created: string) => ({ startMs: Date.parse(start), createdMs: Date.parse(created) }) as Booking;
  it('remind on the day before, from 09:00, only bookings made before that day', () => {
    const b = booking('2026-12-03T08:00:00Z', '2026-11-25T10:00:00Z');
    assert.equal(reminderDue(b, new Date('2026-12-02T07:59:00Z')), false, '08:59 in Denmark');
    assert.equal(reminderDue(b, new Date('2026-12-02T08:00:00Z')), true, '09:00 in Denmark');
    assert.equal(reminderDue(b, new Date('2026-12-03T07:00:00Z')), true, 'still on the day itself if missed');
    assert.equal(reminderDue(b, new Date('2026-12-03T08:00:00Z')), false, 'not once it has started');
    assert.equal(reminderDue(booking('2026-12-03T08:00:00Z', '2026-12-02T06:00:00Z'), new Date('2026-12-02T10:00:00Z')), false, 'booked the day before: the confirmation is enough');
  });
  it('wait longer after each failed send, up to an hour', () => {
    assert.deepEqual([1, 2, 3, 8, 20].map(backoffMs), [30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });
});
