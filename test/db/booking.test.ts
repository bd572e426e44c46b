/**
 * Booking against a real database: run with TEST_DATABASE=sqlite (default) and TEST_DATABASE=postgres; the
 * test script runs this file on both. Time is passed in, so holds run out and reminders fall due on command.
 */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { after, before, describe, it } from 'node:test';
import {
  availability, cancelBooking, confirmBooking, housekeeping, openBooking, placeHold, rescheduleBooking, sendLink,
} from '../../src/modules/booking/app/bookings.js';
import { whenText } from '../../src/modules/booking/app/messages.js';
import { timeOfId } from '../../src/kernel/ids.js';
import { deliverDue } from '../../src/modules/booking/app/outbox-worker.js';
import { HANDED_OVER_UNHEARD } from '../../src/modules/booking/adapters/db/booking-store.js';
import type { Mailer, MailMessage } from '../../src/platform/mail/mailer-port.js';
import { TEST_DATABASE, type TestRuntime, outboxMail, testRuntime } from '../helpers.js';

const OFFICE = 'ics-copenhagen';
const SERVICE = 'cpr-registration';
// Wednesday 25 November 2026, 11:00 in Copenhagen.
const NOW = new Date('2026-11-25T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let rt: TestRuntime;
before(async () => { rt = await testRuntime(); });
after(async () => { await rt.close(); });

const details = (email: string, language: 'en' | 'da' = 'en') => ({ name: 'Ana Souza', email, phone: '+45 12 34 56 78', language });
let clientCounter = 0;
const client = () => `client-${clientCounter++}`;

async function freeSlots(people = 1, now = NOW) {
  const result = await availability(rt.ports, { officeId: OFFICE, service: SERVICE, people, now });
  assert.ok(result.ok);
  return result.slots;
}

async function hold(startMs: number, people = 1, now = NOW) {
  return placeHold(rt.ports, { officeId: OFFICE, service: SERVICE, startMs, people, clientKey: client(), now, maxHoldsPerClient: 3 });
}

type Booked = Awaited<ReturnType<typeof book>>;

async function book(startMs: number, email: string, people = 1, now = NOW) {
  const held = await hold(startMs, people, now);
  assert.ok(held.ok, `hold failed: ${JSON.stringify(held)}`);
  const booked = await confirmBooking(rt.ports, { holdId: held.hold.id, details: details(email), now });
  assert.ok(booked.ok, `booking failed: ${JSON.stringify(booked)}`);
  return booked;
}

describe(`booking on ${TEST_DATABASE}`, () => {
  it('offers times from the office hours, two hours ahead at the earliest, with all places free', async () => {
    const slots = await freeSlots();
    assert.ok(slots.length > 100);
    assert.ok(slots[0]!.startMs >= minutes(120).getTime());
    assert.ok(slots.every((s) => s.placesLeft === 8 && s.capacity === 8));
    // Wednesday's hours at ICS Copenhagen are 11:00-17:00; 13:00 is the first time two hours after 11:00.
    assert.equal(new Date(slots[0]!.startMs).toISOString(), '2026-11-25T12:00:00.000Z');
  });

  it('takes places with a hold, and a booking keeps them', async () => {
    const slot = (await freeSlots())[3]!;
    const held = await hold(slot.startMs, 3);
    assert.ok(held.ok);
    assert.equal(held.hold.expiresMs, NOW.getTime() + 10 * 60_000);
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs)?.placesLeft, 5);
    const booked = await confirmBooking(rt.ports, { holdId: held.hold.id, details: details('ana@example.com'), now: minutes(2) });
    assert.ok(booked.ok);
    assert.match(booked.booking.reference, /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    assert.equal(booked.booking.people, 3);
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs)?.placesLeft, 5);
    const again = await confirmBooking(rt.ports, { holdId: held.hold.id, details: details('other@example.com'), now: minutes(3) });
    assert.deepEqual(again, { ok: false, error: 'hold-used' });
    // The rows are keyed by ids that begin with the moment they were made (ids.ts): the hold's, the booking's and its
    // message's; the token is wholly random, and only its hash is kept.
    assert.equal(timeOfId(held.hold.id), NOW.getTime());
    assert.equal(timeOfId(booked.booking.id), minutes(2).getTime());
    const messages = await rt.database.db.selectFrom('outbox').select('id').where('booking_id', '=', booked.booking.id).execute();
    assert.deepEqual(messages.map((m) => timeOfId(m.id)), [minutes(2).getTime()]);
  });

  it('frees a hold that runs out, and refuses to book on it', async () => {
    const slot = (await freeSlots())[5]!;
    const held = await hold(slot.startMs, 8);
    assert.ok(held.ok);
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs), undefined, 'a full slot is not offered');
    const later = minutes(11);
    assert.equal((await freeSlots(1, later)).find((s) => s.startMs === slot.startMs)?.placesLeft, 8, 'run-out holds count as free');
    const late = await confirmBooking(rt.ports, { holdId: held.hold.id, details: details('late@example.com'), now: later });
    assert.deepEqual(late, { ok: false, error: 'hold-expired' });
    const other = await hold(slot.startMs, 8, later);
    assert.ok(other.ok, 'the run-out hold is released to make room');
    assert.equal((await rt.ports.store.holdById(held.hold.id))?.status, 'released');
  });

  it('refuses a time with too few places left, offering the next free ones', async () => {
    const slot = (await freeSlots())[7]!;
    await book(slot.startMs, 'big@example.com', 6);
    const refused = await hold(slot.startMs, 3);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.error === 'full');
    assert.ok(refused.next.length > 0 && refused.next.every((s) => s.placesLeft >= 3));
    assert.ok((await hold(slot.startMs, 2)).ok, 'two still fit');
  });

  it('refuses times that do not exist, have passed, or are too soon', async () => {
    const slot = (await freeSlots())[0]!;
    for (const startMs of [slot.startMs + 60_000, minutes(-60).getTime(), minutes(30).getTime(), Date.parse('2027-06-01T07:00:00Z')]) {
      const result = await hold(startMs);
      assert.deepEqual(result, { ok: false, error: 'no-such-slot' }, new Date(startMs).toISOString());
    }
    assert.deepEqual(await placeHold(rt.ports, { officeId: 'ics-odense', service: SERVICE, startMs: slot.startMs, people: 1, clientKey: 'x', now: NOW, maxHoldsPerClient: 3 }),
      { ok: false, error: 'no-hours' });
    assert.deepEqual(await hold(slot.startMs, 9), { ok: false, error: 'too-many-people', max: 8 });
  });

  it('limits how many times one client can hold at once', async () => {
    const slots = await freeSlots();
    const key = 'greedy-client';
    const results = [];
    for (const s of slots.slice(20, 24)) results.push(await placeHold(rt.ports, { officeId: OFFICE, service: SERVICE, startMs: s.startMs, people: 1, clientKey: key, now: NOW, maxHoldsPerClient: 3 }));
    assert.deepEqual(results.map((r) => r.ok), [true, true, true, false]);
    assert.deepEqual(results[3], { ok: false, error: 'too-many-holds', max: 3 });
    const fourth = slots[23]!;
    const taken = await rt.ports.store.placesTaken(OFFICE, SERVICE, fourth.startMs, fourth.startMs + 1, NOW.getTime());
    assert.equal(taken.get(fourth.startMs) ?? 0, 0, 'the refused hold took no place');
    // Many at once from one client: the limit holds under a race too, give or take what a race can slip past.
    const racing = await Promise.all(slots.slice(-20).map((s) => placeHold(rt.ports, { officeId: OFFICE, service: SERVICE, startMs: s.startMs, people: 1, clientKey: 'racing-client', now: NOW, maxHoldsPerClient: 3 })));
    const won = racing.filter((r) => r.ok).length;
    assert.ok(won >= 3, `${won} holds`);
    if (TEST_DATABASE === 'sqlite') assert.equal(won, 3, 'on SQLite the count and the hold are one transaction');
  });

  it('allows one active booking per e-mail per service, and says which', async () => {
    const slots = await freeSlots();
    const first = await book(slots[30]!.startMs, 'Once@Example.com');
    const held = await hold(slots[31]!.startMs);
    assert.ok(held.ok);
    const second = await confirmBooking(rt.ports, { holdId: held.hold.id, details: details(' once@example.COM '), now: NOW });
    assert.deepEqual(second, { ok: false, error: 'duplicate', existing: { reference: first.booking.reference } });
    // The hold is spent on the request, as a booking spends it (so its page says the same), and its places come back.
    assert.equal((await rt.ports.store.holdById(held.hold.id))?.status, 'used');
    assert.equal((await freeSlots()).find((s) => s.startMs === slots[31]!.startMs)?.placesLeft, 8);
    const cancelled = await cancelBooking(rt.ports, first.booking.reference, first.token, NOW, 'test');
    assert.ok(cancelled.ok);
    const again = await hold(slots[31]!.startMs);
    assert.ok(again.ok);
    assert.ok((await confirmBooking(rt.ports, { holdId: again.hold.id, details: details('once@example.com'), now: NOW })).ok, 'after a cancel, a new booking is fine');
  });

  it('cancels once: the places come back, the link dies, a message is written', async () => {
    const slot = (await freeSlots())[40]!;
    const { booking, token } = await book(slot.startMs, 'cancel@example.com', 4);
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs)?.placesLeft, 4);
    const cancelled = await cancelBooking(rt.ports, booking.reference, token, NOW, 'test');
    assert.ok(cancelled.ok);
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs)?.placesLeft, 8);
    assert.equal((await openBooking(rt.ports, booking.reference, token, NOW, 'test'))?.state, 'cancelled');
    assert.deepEqual(await cancelBooking(rt.ports, booking.reference, token, NOW, 'test'), { ok: false, error: 'changed' });
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs)?.placesLeft, 8, 'a second cancel gives nothing back twice');
  });

  it('reschedules: places move, the old link says what happened, the new one works', async () => {
    const slots = await freeSlots();
    const { booking, token } = await book(slots[50]!.startMs, 'move@example.com', 2);
    const moved = await rescheduleBooking(rt.ports, booking.reference, token, slots[51]!.startMs, NOW, 'test');
    assert.ok(moved.ok);
    assert.equal(moved.booking.startMs, slots[51]!.startMs);
    assert.equal(moved.booking.version, 2);
    const after = await freeSlots();
    assert.equal(after.find((s) => s.startMs === slots[50]!.startMs)?.placesLeft, 8);
    assert.equal(after.find((s) => s.startMs === slots[51]!.startMs)?.placesLeft, 6);
    assert.equal((await openBooking(rt.ports, booking.reference, token, NOW, 'test'))?.state, 'rescheduled');
    assert.equal((await openBooking(rt.ports, booking.reference, moved.token, NOW, 'test'))?.state, 'current');
    assert.deepEqual(await cancelBooking(rt.ports, booking.reference, token, NOW, 'test'), { ok: false, error: 'changed' }, 'the old link cannot cancel');
    assert.equal(await openBooking(rt.ports, booking.reference, 'x'.repeat(43), NOW, 'test'), undefined, 'a wrong token opens nothing');
  });

  it('does not move a booking to a slot without room, and changes nothing then', async () => {
    const slots = await freeSlots();
    await book(slots[60]!.startMs, 'fill@example.com', 7);
    const { booking, token } = await book(slots[61]!.startMs, 'stay@example.com', 2);
    const refused = await rescheduleBooking(rt.ports, booking.reference, token, slots[60]!.startMs, NOW, 'test');
    assert.ok(!refused.ok && refused.error === 'full');
    const opened = await openBooking(rt.ports, booking.reference, token, NOW, 'test');
    assert.ok(opened?.state === 'current');
    assert.equal(opened.booking.startMs, slots[61]!.startMs);
    assert.equal((await freeSlots()).find((s) => s.startMs === slots[61]!.startMs)?.placesLeft, 6);
  });

  it('gives 100 racing requests for the last place exactly one hold', async () => {
    const slot = (await freeSlots())[70]!;
    await book(slot.startMs, 'almost-full@example.com', 7);
    const results = await Promise.all(Array.from({ length: 100 }, () => hold(slot.startMs)));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.error === 'full').length, 99);
    assert.equal((await freeSlots()).find((s) => s.startMs === slot.startMs), undefined);
  });

  it('lets no link but the current one read the booking: an older or dead link says what happened, never whose it was', async () => {
    const slots = await freeSlots();
    const { booking, token: first } = await book(slots[84]!.startMs, 'dead-links@example.com', 2);
    // A second live link (asked for again), then a move: both older links die, the new one opens.
    assert.equal(await sendLink(rt.ports, booking.reference, NOW), 'queued');
    const linkRow = await rt.database.db.selectFrom('booking_tokens').select(['token_hash', 'state']).where('booking_id', '=', booking.id).execute();
    assert.equal(linkRow.filter((r) => r.state === 'current').length, 2, 'two live links before the move');
    const moved = await rescheduleBooking(rt.ports, booking.reference, first, slots[85]!.startMs, NOW, 'test');
    assert.ok(moved.ok);
    const old = await openBooking(rt.ports, booking.reference, first, NOW, 'test');
    assert.deepEqual(old, { state: 'rescheduled', gone: { reference: booking.reference, officeId: booking.officeId, service: booking.service, startMs: slots[85]!.startMs, endMs: moved.booking.endMs, people: 2 } });
    const cancelled = await cancelBooking(rt.ports, booking.reference, moved.token, minutes(1), 'test');
    assert.ok(cancelled.ok);
    for (const token of [first, moved.token]) {
      const dead = await openBooking(rt.ports, booking.reference, token, minutes(2), 'test');
      assert.equal(dead?.state, 'cancelled');
      assert.ok(dead && !('booking' in dead), 'a dead link carries no booking');
      assert.doesNotMatch(JSON.stringify(dead), /dead-links@example\.com|Ana Souza|12 34 56 78/, 'nothing about whose booking it was');
    }
    // Only the reads with the current link were written down: none of the dead ones.
    const trail = await rt.ports.store.auditTrail(booking.id);
    assert.deepEqual(trail.map((t) => `${t.actor}:${t.action}`), ['test:read', 'test:reschedule', 'test:read', 'test:cancel']);
  });

  it('audits every read of a booking', async () => {
    const slot = (await freeSlots())[80]!;
    const { booking, token } = await book(slot.startMs, 'audit@example.com');
    await openBooking(rt.ports, booking.reference, token, NOW, 'link');
    await openBooking(rt.ports, booking.reference, token, minutes(1), 'api');
    const trail = await rt.ports.store.auditTrail(booking.id);
    assert.deepEqual(trail.map((t) => `${t.actor}:${t.action}`), ['link:read', 'api:read']);
  });

  it('sends a reminder once, on the day before, with a link that works', async () => {
    const slot = (await freeSlots()).find((s) => s.date === '2026-11-30')!;
    const { booking } = await book(slot.startMs, 'remind@example.com');
    const early = await housekeeping(rt.ports, new Date('2026-11-28T10:00:00Z'));
    assert.equal(early.reminders, 0);
    assert.equal((await rt.ports.store.bookingByReference(booking.reference))?.reminded, false);
    const due = await housekeeping(rt.ports, new Date('2026-11-29T08:30:00Z'));
    assert.ok(due.reminders >= 1);
    const again = await housekeeping(rt.ports, new Date('2026-11-29T09:30:00Z'));
    assert.equal(again.reminders, 0);
    assert.equal((await rt.ports.store.bookingByReference(booking.reference))?.reminded, true);
    const reminders = await outboxMail(rt, { booking_id: booking.id, kind: 'reminder' });
    assert.equal(reminders.length, 1);
    assert.match(reminders[0]!.subject, /^Tomorrow: CPR registration at ICS East, Copenhagen at 09:00 \(/);
  });

  it('sends a fresh link at most once an hour per booking', async () => {
    const slot = (await freeSlots())[90]!;
    const { booking } = await book(slot.startMs, 'resend@example.com');
    assert.equal(await sendLink(rt.ports, booking.reference, NOW), 'queued');
    assert.equal(await sendLink(rt.ports, booking.reference, minutes(5)), 'duplicate');
    assert.equal(await sendLink(rt.ports, booking.reference.toLowerCase(), minutes(61)), 'queued');
    assert.equal(await sendLink(rt.ports, 'AAAA-AAAA', NOW), 'not-found');
  });

  it('delivers every message once, and tries again later when the mail server fails', async () => {
    const sent: MailMessage[] = [];
    let failNext = 2;
    const mailer: Mailer = {
      description: 'test',
      async send(m) {
        if (failNext-- > 0) throw new Error('451 try again later');
        sent.push(m);
      },
      async close() {},
    };
    const clock = { now: () => NOW };
    const first = await deliverDue(rt.ports.store, mailer, clock, rt.ports.messages, { leaseMs: 60_000, batch: 1000, maxAttempts: 5, domain: 'ics.test' });
    assert.equal(first.failed, 2);
    const pending = await rt.ports.store.pendingMessages();
    assert.ok(pending >= 2);
    const later = { now: () => new Date('2027-06-01T00:00:00Z') };
    await deliverDue(rt.ports.store, mailer, later, rt.ports.messages, { leaseMs: 60_000, batch: 1000, maxAttempts: 5, domain: 'ics.test' });
    assert.equal(await rt.ports.store.pendingMessages(), 0);
    const ids = sent.map((m) => m.messageId);
    assert.equal(new Set(ids).size, ids.length, 'no message is sent twice');
    const confirmations = sent.filter((m) => m.subject.startsWith('Booked:'));
    assert.ok(confirmations.length > 5);
    assert.ok(confirmations.every((m) => m.ics?.includes('DTSTART;TZID=Europe/Copenhagen:') && /https?:\/\/[^\s]+\/booking\/[A-Z0-9-]{9}\?token=[A-Za-z0-9_-]{43}/.test(m.text)));
    // The private link is in the e-mail's text only; the attached calendar file, read by ical.js, carries no key.
    for (const m of confirmations) {
      const token = /\?token=([A-Za-z0-9_-]{43})/.exec(m.text)![1]!;
      assert.ok(!m.ics!.includes(token));
      const event = new ICAL.Component(ICAL.parse(m.ics!)).getFirstSubcomponent('vevent')!;
      assert.match(String(event.getFirstPropertyValue('url')), /\/booking\/find\?reference=[A-Z0-9-]{9}$/);
      assert.doesNotMatch(String(event.getFirstPropertyValue('description')), /token/);
    }
  });

  it('never sends a message again once it was handed over, and sends again one that was not (a sender killed, a claim run low, a server that says no)', async () => {
    const LEASE = 60_000;
    const options = (warnings: string[] = []) => ({ leaseMs: LEASE, batch: 1000, maxAttempts: 5, domain: 'ics.test', warn: (w: string) => warnings.push(w) });
    const start = new Date('2026-12-20T08:00:00Z');
    let nowMs = start.getTime();
    const clock = { now: () => new Date(nowMs) };
    const confirmationOf = async (id: string) => (await rt.database.db.selectFrom('outbox').selectAll().where('booking_id', '=', id).where('kind', '=', 'confirmation').executeTakeFirstOrThrow());
    const slots = await freeSlots();
    const booked = [];
    for (const [i, w] of ['after', 'before', 'low', 'refused', 'silent'].entries()) booked.push(await book(slots[300 + i]!.startMs, `hand-over-${w}@example.com`));
    const [killedAfter, , runsLow, refused, noAnswer] = booked as [Booked, Booked, Booked, Booked, Booked];

    // A sender claims every message, hands one over and is killed; it had not reached the end of another.
    const claimed = await rt.ports.store.claimMessages(nowMs, LEASE, 1000);
    const mine = (b: Booked) => claimed.find((m) => m.event?.booking.id === b.booking.id)!;
    const handed = await rt.ports.store.handOver(mine(killedAfter).id, mine(killedAfter).claimedUntilMs, nowMs);
    assert.equal(await handed.done, true);
    assert.equal((await confirmationOf(killedAfter.booking.id)).handed_ms, nowMs);
    // Another claim cannot record a hand-over of the same message.
    assert.equal(await (await rt.ports.store.handOver(mine(killedAfter).id, mine(killedAfter).claimedUntilMs + 1, nowMs)).done, false);

    // The claims run out. The next sender does not send the handed-over one again (it counts as sent, when it was
    // handed over), and sends the others; one of them is slow and lets go, one is refused, one gets no answer.
    nowMs += LEASE + 1;
    const sent: string[] = [];
    // The slow one's time passes once the others have reached their end (they are sent side by side, on one clock).
    let reached = 0;
    let refusedOnce = false;
    let othersReached!: () => void;
    const others = new Promise<void>((resolve) => { othersReached = resolve; });
    const mailer: Mailer = {
      description: 'test',
      async send(m, hooks) {
        if (m.to === 'hand-over-low@example.com' && reached < 3) {
          await others;
          nowMs += LEASE * 0.7;
        }
        try {
          await hooks!.beforeEnd!();
        } finally {
          if (++reached === 3) othersReached();
        }
        if (m.to === 'hand-over-refused@example.com' && !refusedOnce) {
          refusedOnce = true;
          throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
        }
        if (m.to === 'hand-over-silent@example.com') throw new Error('Connection closed unexpectedly');
        sent.push(m.to);
      },
      async close() {},
    };
    const warnings: string[] = [];
    const result = await deliverDue(rt.ports.store, mailer, clock, rt.ports.messages, options(warnings));
    assert.deepEqual(sent, ['hand-over-before@example.com']);
    assert.deepEqual([result.sent, result.failed], [2, 2], 'sent: the one that got through, and the one with no answer after its end');
    const row = await confirmationOf(killedAfter.booking.id);
    assert.deepEqual([row.status, row.sent_ms, row.to_address, row.attempts, row.last_error], ['sent', start.getTime(), null, 1, HANDED_OVER_UNHEARD]);
    assert.equal((await confirmationOf(noAnswer.booking.id)).status, 'sent');
    assert.match(warnings.join('\n'), /no answer after it.*counted as sent/);
    for (const b of [runsLow, refused]) {
      const r = await confirmationOf(b.booking.id);
      assert.deepEqual([r.status, r.handed_ms, r.claimed_until_ms], ['pending', null, null], b.booking.reference);
    }
    assert.match((await confirmationOf(runsLow.booking.id)).last_error ?? '', /claim on the message ran low/);

    // Later, the two that did not get through are sent, once each; nothing else.
    nowMs += 3_600_000;
    await deliverDue(rt.ports.store, mailer, clock, rt.ports.messages, options());
    assert.deepEqual(sent.sort(), ['hand-over-before@example.com', 'hand-over-low@example.com', 'hand-over-refused@example.com']);
    assert.equal(await rt.ports.store.pendingMessages(), 0);
  });

  it('words each message when it sends it, from the booking as it was, and keeps no token once it is sent', async () => {
    const slot = (await freeSlots())[120]!;
    const { booking, token } = await book(slot.startMs, 'worded@example.com');
    // Moved after the confirmation was written: the confirmation still tells the time that was booked.
    const later = (await freeSlots())[130]!;
    const moved = await rescheduleBooking(rt.ports, booking.reference, token, later.startMs, NOW, 'test');
    assert.ok(moved.ok);
    // A message written by an earlier version of the app, with its words kept in the row.
    await rt.database.db.insertInto('outbox').values({
      id: 'old-row', booking_id: null, kind: 'link', dedupe_key: 'old-row', to_address: 'old@example.com', language: 'en', subject: 'Kept subject',
      body_text: 'Kept words', ics: null, event: null, link_token: null, status: 'pending', attempts: 0, next_attempt_ms: 0,
      claimed_until_ms: null, sent_ms: null, created_ms: 0, last_error: null,
    }).execute();
    const sent: MailMessage[] = [];
    const mailer: Mailer = { description: 'test', async send(m) { sent.push(m); }, async close() {} };
    await deliverDue(rt.ports.store, mailer, { now: () => NOW }, rt.ports.messages, { leaseMs: 60_000, batch: 1000, maxAttempts: 5, domain: 'ics.test' });
    const mine = sent.filter((m) => m.to === 'worded@example.com');
    const confirmation = mine.find((m) => m.subject.startsWith('Booked:'))!;
    const notice = mine.find((m) => !m.subject.startsWith('Booked:'))!;
    assert.match(confirmation.text, new RegExp(whenText('en', slot.startMs, slot.endMs, rt.ports.messages.t).replace(/[()]/g, '\\$&')));
    assert.match(notice.text, new RegExp(whenText('en', later.startMs, later.endMs, rt.ports.messages.t).replace(/[()]/g, '\\$&')));
    assert.deepEqual(sent.filter((m) => m.to === 'old@example.com').map((m) => [m.subject, m.text]), [['Kept subject', 'Kept words']]);
    const rows = await rt.database.db.selectFrom('outbox').select(['status', 'link_token']).where('booking_id', '=', booking.id).execute();
    assert.ok(rows.length >= 2 && rows.every((r) => r.status === 'sent' && r.link_token === null));
  });

  it('erases names, e-mails and phones 30 days after the appointment, keeping the counts', async () => {
    const slot = (await freeSlots()).find((s) => s.date === '2026-12-02')!;
    const { booking } = await book(slot.startMs, 'erase@example.com');
    const day29 = await housekeeping(rt.ports, new Date(slot.endMs + 29 * 86_400_000));
    assert.ok(day29.markedPast >= 1);
    assert.equal((await rt.ports.store.bookingByReference(booking.reference))?.email, 'erase@example.com');
    const day31 = await housekeeping(rt.ports, new Date(slot.endMs + 31 * 86_400_000));
    assert.ok(day31.erased >= 1);
    const erased = await rt.ports.store.bookingByReference(booking.reference);
    assert.deepEqual([erased?.name, erased?.email, erased?.phone, erased?.status, erased?.people], [null, null, null, 'past', 1]);
    const rows = await rt.database.db.selectFrom('outbox').select(['to_address', 'body_text', 'event', 'link_token']).where('booking_id', '=', booking.id).execute();
    assert.ok(rows.length > 0 && rows.every((r) => r.to_address === null && r.body_text === '' && r.event === null && r.link_token === null));
  });
});
