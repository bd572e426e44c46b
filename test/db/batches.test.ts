/**
 * PostgreSQL: holds and bookings asked for together are written by one statement (batcher.ts,
 * postgres-batches.ts), with the same guarantees as one at a time. Each test checks first that its requests did go
 * in one batch, so it tests the batch and not the statement of one. ADR 7, "Holds and bookings in batches".
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import pg from 'pg';
import { availability, confirmBooking, placeHold, rescheduleBooking } from '../../src/modules/booking/app/bookings.js';
import { loadConfig } from '../../src/platform/config.js';
import { TEST_DATABASE, type TestRuntime, testRuntime } from '../helpers.js';

const OFFICE = 'ics-copenhagen';
const SERVICE = 'cpr-registration';
const NOW = new Date('2026-11-25T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const details = (email: string) => ({ name: 'Ana Souza', email, phone: null, language: 'en' });

describe('DATABASE_MAX_BATCH', () => {
  it('is 32 unless set, from 1 (each on its own) to 256', () => {
    assert.equal(loadConfig({}).databaseMaxBatch, 32);
    assert.equal(loadConfig({ DATABASE_MAX_BATCH: '1' }).databaseMaxBatch, 1);
    for (const bad of ['0', '257', 'all', '1.5']) assert.throws(() => loadConfig({ DATABASE_MAX_BATCH: bad }), /DATABASE_MAX_BATCH/, bad);
  });
});

describe('on PostgreSQL, holds and bookings in batches', { skip: TEST_DATABASE === 'sqlite' ? 'PostgreSQL only: SQLite commits in groups instead (group-commit.ts)' : false }, () => {
  let rt: TestRuntime;
  let batches: { kind: 'holds' | 'bookings'; size: number }[] = [];
  before(async () => { rt = await testRuntime(undefined, { onBatch: (kind, size) => batches.push({ kind, size }) }); });
  after(async () => { await rt?.close(); });
  beforeEach(() => { batches = []; });

  const largest = (kind: 'holds' | 'bookings') => Math.max(0, ...batches.filter((b) => b.kind === kind).map((b) => b.size));
  let clients = 0;
  const hold = (startMs: number, client = `batch-client-${clients++}`, maxHoldsPerClient = 3, now = NOW) =>
    placeHold(rt.ports, { officeId: OFFICE, service: SERVICE, startMs, people: 1, clientKey: client, now, maxHoldsPerClient });
  const heldId = async (startMs: number, email: string) => {
    const h = await hold(startMs);
    assert.ok(h.ok);
    return { holdId: h.hold.id, details: details(email), now: minutes(1) };
  };
  /** Holds each of the times, then books them all at once; the batches recorded are the bookings' only. */
  const bookTogether = async (times: { startMs: number }[], email: (i: number) => string, now: (i: number) => Date = () => minutes(1)) => {
    const held = await Promise.all(times.map((s) => hold(s.startMs)));
    batches = [];
    const booked = await Promise.all(held.map((h, i) => {
      assert.ok(h.ok);
      return confirmBooking(rt.ports, { holdId: h.hold.id, details: details(email(i)), now: now(i) });
    }));
    return { held, booked };
  };
  const slots = async () => {
    const free = await availability(rt.ports, { officeId: OFFICE, service: SERVICE, people: 1, now: NOW });
    assert.ok(free.ok);
    return free.slots;
  };
  const used = async (startMs: number) => (await rt.database.db.selectFrom('slot_usage').select('used')
    .where('office_id', '=', OFFICE).where('service', '=', SERVICE).where('start_ms', '=', startMs).executeTakeFirst())?.used ?? 0;
  const liveHolds = async (startMs: number) => Number((await rt.database.db.selectFrom('holds').select((eb) => eb.fn.countAll().as('n'))
    .where('start_ms', '=', startMs).where('status', '=', 'active').executeTakeFirstOrThrow()).n);

  it('makes holds for several times in one statement, each place counted once', async () => {
    const [a, b, c] = (await slots()).slice(40, 43);
    const asked = [a!, a!, b!, b!, b!, c!].map((s) => hold(s.startMs));
    const results = await Promise.all(asked);
    assert.equal(largest('holds'), 6, 'the six holds went in one batch');
    assert.ok(results.every((r) => r.ok), JSON.stringify(results));
    assert.deepEqual([await used(a!.startMs), await used(b!.startMs), await used(c!.startMs)], [2, 3, 1]);
    assert.deepEqual([await liveHolds(a!.startMs), await liveHolds(b!.startMs), await liveHolds(c!.startMs)], [2, 3, 1]);
  });

  it('gives out a time asked for by more than it has to the last place and no more, and the other times of the batch', async () => {
    const [full, other] = (await slots()).slice(50, 52);
    assert.equal(full!.capacity, 8);
    const results = await Promise.all([...Array.from({ length: 11 }, () => hold(full!.startMs)), hold(other!.startMs), hold(other!.startMs)]);
    assert.equal(largest('holds'), 13);
    const forFull = results.slice(0, 11);
    assert.equal(forFull.filter((r) => r.ok).length, 8);
    const refused = forFull.filter((r) => !r.ok);
    assert.equal(refused.length, 3);
    for (const r of refused) {
      assert.ok(!r.ok && r.error === 'full' && r.next.length > 0 && r.next.every((s) => s.startMs !== full!.startMs), JSON.stringify(r));
    }
    assert.ok(results.slice(11).every((r) => r.ok));
    assert.equal(await used(full!.startMs), 8);
    assert.equal(await liveHolds(full!.startMs), 8);
    assert.equal(await used(other!.startMs), 2);
  });

  it('keeps a client within its limit on holds when it asks for several at once, in the order asked', async () => {
    const times = (await slots()).slice(60, 65);
    const results = await Promise.all(times.map((s) => hold(s.startMs, 'greedy-client', 3)));
    assert.equal(largest('holds'), 5);
    assert.deepEqual(results.map((r) => (r.ok ? 'held' : r.error)), ['held', 'held', 'held', 'too-many-holds', 'too-many-holds']);
    assert.deepEqual(await Promise.all(times.map((s) => used(s.startMs))), [1, 1, 1, 0, 0]);
  });

  it('writes bookings asked together in one statement, each with its one link and its one message', async () => {
    const times = (await slots()).slice(70, 76);
    const { held, booked } = await bookTogether(times, (i) => `together-${i}@example.com`);
    assert.equal(largest('bookings'), 6, 'the six bookings went in one batch');
    const db = rt.database.db;
    for (const [i, b] of booked.entries()) {
      assert.ok(b.ok, JSON.stringify(b));
      assert.equal(b.booking.startMs, times[i]!.startMs);
      assert.equal(b.booking.email, `together-${i}@example.com`);
      const row = await db.selectFrom('bookings').selectAll().where('reference', '=', b.booking.reference).executeTakeFirstOrThrow();
      assert.deepEqual([row.start_ms, row.people, row.status, row.created_ms], [times[i]!.startMs, 1, 'confirmed', minutes(1).getTime()]);
      const tokens = await db.selectFrom('booking_tokens').select('state').where('booking_id', '=', row.id).execute();
      assert.deepEqual(tokens.map((t) => t.state), ['current']);
      const messages = await db.selectFrom('outbox').select(['kind', 'to_address', 'event']).where('booking_id', '=', row.id).execute();
      assert.equal(messages.length, 1);
      assert.equal(messages[0]!.kind, 'confirmation');
      assert.equal(messages[0]!.to_address, `together-${i}@example.com`);
      assert.equal((JSON.parse(messages[0]!.event ?? '{}') as { reference: string }).reference, b.booking.reference);
    }
    const holds = await db.selectFrom('holds').select('status').where('id', 'in', held.map((h) => (h.ok ? h.hold.id : ''))).execute();
    assert.deepEqual(holds.map((h) => h.status), Array(6).fill('used'));
    assert.deepEqual(await Promise.all(times.map((s) => used(s.startMs))), Array(6).fill(1));
  });

  it('refuses the second of two bookings for one e-mail and service asked together, spending its hold', async () => {
    const times = (await slots()).slice(80, 83);
    const { held, booked } = await bookTogether(times, (i) => (i < 2 ? 'twice@example.com' : 'once@example.com'));
    assert.equal(largest('bookings'), 3);
    const [first, second, third] = booked;
    assert.ok(third!.ok);
    const made = [first!, second!].filter((b) => b.ok);
    const refused = [first!, second!].filter((b) => !b.ok);
    assert.equal(made.length, 1);
    assert.ok(made[0]!.ok);
    assert.deepEqual(refused, [{ ok: false, error: 'duplicate', existing: { reference: made[0]!.booking.reference } }]);
    const rows = await rt.database.db.selectFrom('bookings').select('id').where('email', '=', 'twice@example.com').execute();
    assert.equal(rows.length, 1);
    // The refused booking's hold is spent on the request, as a booking would spend it, and its place is free again.
    const refusedHold = held[first!.ok ? 1 : 0]!;
    assert.ok(refusedHold.ok);
    const row = await rt.database.db.selectFrom('holds').select('status').where('id', '=', refusedHold.hold.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'used');
    const usage = await rt.database.db.selectFrom('slot_usage').select('used').where('start_ms', '=', refusedHold.slot.startMs).where('office_id', '=', refusedHold.office.id).executeTakeFirst();
    assert.equal(usage?.used ?? 0, 0);
  });

  it('refuses a booking whose hold has run out while the others of its batch are made', async () => {
    const times = (await slots()).slice(90, 93);
    const { booked } = await bookTogether(times, (i) => `late-${i}@example.com`, (i) => (i === 1 ? minutes(11) : minutes(9)));
    assert.equal(largest('bookings'), 3);
    assert.deepEqual(booked.map((b) => (b.ok ? 'booked' : b.error)), ['booked', 'hold-expired', 'booked']);
  });

  it('books a hold once when it is booked twice at once', async () => {
    const [time] = (await slots()).slice(100, 101);
    const held = await hold(time!.startMs);
    assert.ok(held.ok);
    const results = await Promise.all([0, 1, 2].map((i) => confirmBooking(rt.ports, { holdId: held.hold.id, details: details(`race-${i}@example.com`), now: minutes(1) })));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.deepEqual(results.filter((r) => !r.ok), [{ ok: false, error: 'hold-used' }, { ok: false, error: 'hold-used' }]);
    assert.equal(await used(time!.startMs), 1);
  });

  it('moves a booking by locking its two times in the order a batch of holds locks them, the earlier first', async () => {
    const [early, late] = (await slots()).slice(110, 112);
    const moving = await confirmBooking(rt.ports, await heldId(early!.startMs, 'move-early@example.com'));
    assert.ok(moving.ok);
    assert.ok((await confirmBooking(rt.ports, await heldId(late!.startMs, 'move-late@example.com'))).ok);
    const admin = new pg.Client({ connectionString: rt.env.DATABASE_URL });
    await admin.connect();
    try {
      const row = (startMs: number) => `select used from slot_usage where office_id = '${OFFICE}' and service = '${SERVICE}' and start_ms = ${startMs}`;
      await admin.query('begin');
      await admin.query(`${row(early!.startMs)} for update`);
      // The move gives back its earlier time first: it waits for the row locked here and has not locked the later one.
      const moved = rescheduleBooking(rt.ports, moving.booking.reference, moving.token, late!.startMs, minutes(2), 'test');
      let waiting = false;
      for (let i = 0; i < 100 && !waiting; i++) {
        const blocked = await admin.query('select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))');
        waiting = blocked.rows.length > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(waiting, 'the move waits for the row locked here');
      await admin.query('savepoint probe');
      const later = await admin.query(`${row(late!.startMs)} for update nowait`).then(() => 'free', (e: { code?: string }) => e.code);
      await admin.query('rollback');
      assert.equal(later, 'free', 'the later time was locked while the earlier one was waited for');
      const result = await moved;
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(await used(early!.startMs), 0);
      assert.equal(await used(late!.startMs), 2);
    } finally {
      await admin.end();
    }
  });
});
