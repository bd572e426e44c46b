/**
 * A booking's language is one of the registry's, and the database says so (migration 005): a booking in Ukrainian is
 * taken and its e-mail is in Ukrainian; a row in a language the registry does not have is refused by the database
 * itself, whatever the code above it does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { availability, clientKeyOf, confirmBooking, placeHold } from '../../src/modules/booking/app/bookings.js';
import { TEST_DATABASE, type TestRuntime, outboxMail, testRuntime } from '../helpers.js';

const NOW = new Date('2026-11-25T10:00:00Z');
let rt: TestRuntime;
before(async () => { rt = await testRuntime(); });
after(async () => { await rt.close(); });

describe(`booking languages on ${TEST_DATABASE}`, () => {
  it('takes a booking in Ukrainian and writes its confirmation in Ukrainian', async () => {
    const free = await availability(rt.ports, { officeId: 'ics-copenhagen', service: 'cpr-registration', people: 1, now: NOW });
    assert.ok(free.ok);
    const slot = free.slots[0]!;
    const held = await placeHold(rt.ports, { officeId: 'ics-copenhagen', service: 'cpr-registration', startMs: slot.startMs, people: 1, clientKey: clientKeyOf('203.0.113.9'), now: NOW, maxHoldsPerClient: 3 });
    assert.ok(held.ok);
    const booked = await confirmBooking(rt.ports, { holdId: held.hold.id, details: { name: 'Олена Коваль', email: 'olena@example.com', phone: null, language: 'uk' }, now: NOW });
    assert.ok(booked.ok);
    const [mail] = await outboxMail(rt, { booking_id: booked.booking.id, kind: 'confirmation' });
    assert.ok(mail, 'a confirmation is waiting to be sent');
    assert.equal(mail.row.language, 'uk');
    assert.match(mail.subject, /[а-яіїєґ]/i, `the subject is in Ukrainian: ${mail.subject}`);
    assert.match(mail.text, /lang=uk/, 'its links open the pages in Ukrainian');
    assert.match(mail.ics ?? '', /SUMMARY:Реєстрація CPR/, 'the calendar file too');
  });

  it('refuses, in the database, a booking in a language the registry does not have', async () => {
    const row = await rt.database.db.selectFrom('bookings').selectAll().executeTakeFirstOrThrow();
    await assert.rejects(
      sql`update bookings set language = 'xx' where id = ${row.id}`.execute(rt.database.db),
      /foreign key|violates/i,
    );
    const { rows } = await sql<{ code: string }>`select code from languages order by code`.execute(rt.database.db);
    assert.deepEqual(rows.map((r) => r.code), ['da', 'en', 'uk']);
  });
});
