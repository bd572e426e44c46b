/**
 * Erased means erased everywhere (GDPR art. 5(1)(e)), on SQLite and on PostgreSQL: 30 days after an appointment its
 * booking's name, e-mail and phone are gone from the rows, from the database file's free space and write-ahead log
 * (SQLite), and from the .eml copies the embedded default keeps of its messages. The test reads every byte under
 * the data directory for the erased values; the booking that is not due yet is still found there, so the search
 * works. Time is passed in.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import {
  availability, clientKeyOf, confirmBooking, housekeeping, placeHold, rescheduleBooking, sendLink,
} from '../../src/modules/booking/app/bookings.js';
import { deliverDue } from '../../src/modules/booking/app/outbox-worker.js';
import { TEST_DATABASE, type TestRuntime, testDeps, testRuntime } from '../helpers.js';

const OFFICE = 'ics-copenhagen';
const SERVICE = 'cpr-registration';
const NOW = new Date('2026-11-25T10:00:00Z');
const DAY = 86_400_000;

let rt: TestRuntime;
before(async () => {
  const base = testDeps();
  // The embedded default's mailer, asked to keep its files (as for reading them locally) longer than the erasure.
  rt = await testRuntime({ ...base, config: { ...base.config, mailFilesKeepDays: 365 } });
});
after(async () => { await rt.close(); });

/** Every file under a directory, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

/** The files that hold this text (as UTF-8, or as quoted-printable or base64 would write it in an e-mail). */
function holding(dir: string, text: string): string[] {
  const forms = [text, Buffer.from(text).toString('base64').slice(0, -4)].filter((f) => f.length >= 8);
  return filesUnder(dir).filter((f) => forms.some((form) => f.bytes.includes(form))).map((f) => f.path.slice(dir.length + 1));
}

async function book(startMs: number, name: string, email: string, phone: string) {
  const held = await placeHold(rt.ports, { officeId: OFFICE, service: SERVICE, startMs, people: 1, clientKey: clientKeyOf('203.0.113.7'), now: NOW, maxHoldsPerClient: 3 });
  assert.ok(held.ok);
  const booked = await confirmBooking(rt.ports, { holdId: held.hold.id, details: { name, email, phone, language: 'en' }, now: NOW });
  assert.ok(booked.ok);
  return booked;
}

describe(`erasure on ${TEST_DATABASE}`, () => {
  it('leaves no readable copy of an erased booking under the data directory: rows, database file, its log, e-mail files', async () => {
    const result = await availability(rt.ports, { officeId: OFFICE, service: SERVICE, people: 1, now: NOW });
    assert.ok(result.ok);
    const onDay = (date: string) => result.slots.filter((s) => s.date === date);
    const [first, moved] = onDay('2026-12-02');
    const [later] = onDay('2026-12-16');
    assert.ok(first && moved && later);

    const gone = { name: 'Erasmus Vanishing', email: 'erase.me.everywhere@example.com', phone: '+45 99 88 77 66' };
    const kept = { name: 'Keeper Stays', email: 'keep.me.for.now@example.com', phone: '+45 11 22 33 44' };
    const a = await book(first.startMs, gone.name, gone.email, gone.phone);
    // More copies: the booking moved (a new row version, a new link, a message), and its link asked for again.
    const aMoved = await rescheduleBooking(rt.ports, a.booking.reference, a.token, moved.startMs, NOW, 'test');
    assert.ok(aMoved.ok);
    assert.equal(await sendLink(rt.ports, a.booking.reference, NOW), 'queued');
    await book(later.startMs, kept.name, kept.email, kept.phone);
    const sent = await deliverDue(rt.ports.store, rt.mailer, { now: () => NOW }, rt.ports.messages, { leaseMs: 60_000, batch: 100, maxAttempts: 3, domain: 'ics.test' });
    assert.equal(sent.failed, 0);
    assert.ok(sent.sent >= 4);

    const dataDir = rt.env.DATA_DIR!;
    const outboxDir = join(dataDir, 'outbox');
    // Before: the values are there to be found (so finding none afterwards means something).
    const emlBefore = holding(outboxDir, gone.email);
    assert.ok(emlBefore.length >= 3, `the e-mail files of the booking: ${emlBefore.join(', ')}`);
    if (TEST_DATABASE === 'sqlite') assert.ok(holding(dataDir, gone.email).some((f) => f.startsWith('ics.sqlite')), 'the database file holds the address');

    // Each kept .eml file is a well-formed message (mailparser): From, To, Message-ID, the text, and the calendar.
    const mail = await simpleParser(readFileSync(join(outboxDir, emlBefore.find((f) => f.includes('.eml'))!)));
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : '', gone.email);
    assert.match(mail.messageId ?? '', /^<[A-Za-z0-9_-]+@ics\.test>$/);
    assert.match(mail.text ?? '', /Erasmus Vanishing/);

    // 31 days after the appointment (and 15 before the other one's end plus 30).
    const report = await housekeeping(rt.ports, new Date(moved.endMs + 31 * DAY));
    assert.equal(report.erased, 1);

    for (const secret of [gone.email, gone.name, gone.phone, a.token, aMoved.token]) {
      assert.deepEqual(holding(dataDir, secret), [], `"${secret}" is still readable under the data directory`);
    }
    // The booking not yet due is still there, in the same files: the search would have found the other.
    assert.ok(holding(outboxDir, kept.email).length >= 1, 'the other booking\'s e-mail file is kept');
    if (TEST_DATABASE === 'sqlite') assert.ok(holding(dataDir, kept.email).some((f) => f.startsWith('ics.sqlite')), 'the other booking is in the database file');

    // And the rows: the booking keeps what counts (office, time, people), nothing of the person.
    const { db } = rt.database;
    const row = await db.selectFrom('bookings').selectAll().where('id', '=', a.booking.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.email, row.email_key, row.phone, row.people, row.office_id], [null, null, null, null, 1, OFFICE]);
    const messages = await db.selectFrom('outbox').selectAll().where('booking_id', '=', a.booking.id).execute();
    assert.ok(messages.length >= 3);
    for (const m of messages) assert.doesNotMatch(JSON.stringify(m), /erase\.me|Erasmus|99 88 77 66/);
  });

  it('keeps e-mail files only as long as asked: housekeeping removes older ones, bookings not yet due kept', async () => {
    const outboxDir = join(rt.env.DATA_DIR!, 'outbox');
    const files = readdirSync(outboxDir);
    assert.ok(files.length > 0);
    // The kept booking is not due for erasure, but one of its files is a year and a day old (kept 365 days).
    const old = new Date(NOW.getTime() - 366 * DAY);
    utimesSync(join(outboxDir, files[0]!), old, old);
    const report = await housekeeping(rt.ports, NOW);
    assert.equal(report.erased, 0);
    assert.equal(report.mailFilesRemoved, 1);
    assert.deepEqual(readdirSync(outboxDir).sort(), files.slice(1).sort());
  });
});
