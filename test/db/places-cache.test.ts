/**
 * The free times kept for a moment (src/modules/booking/adapters/db/places-cache.ts), on a real database: this process's writes
 * are seen at once, another connection's at once on SQLite and within the time on PostgreSQL, and a refused hold
 * never offers the time it was refused. Two runtimes on one database stand for two server processes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlacesCacheStats } from '../../src/modules/booking/adapters/db/places-cache.js';
import { availability, placeHold } from '../../src/modules/booking/app/bookings.js';
import type { BookingPorts } from '../../src/modules/booking/app/bookings.js';
import { loadConfig } from '../../src/platform/config.js';
import { loadDeps } from '../../src/server.js';
import { TEST_DATABASE, TEST_NOW, type TestRuntime, testDeps, testRuntime } from '../helpers.js';
import { fixedClock } from '../../src/platform/clock/system-clock.js';
import { startBookingRuntime } from '../../src/modules/booking/booking-runtime.js';

const OFFICE = 'ics-copenhagen';
const SERVICE = 'cpr-registration';
const NOW = new Date(TEST_NOW);
const TTL_MS = 1_500;

const stats = (ports: BookingPorts): PlacesCacheStats => (ports.store as unknown as { placesCacheStats(): PlacesCacheStats }).placesCacheStats();

async function free(ports: BookingPorts, now = NOW) {
  const result = await availability(ports, { officeId: OFFICE, service: SERVICE, people: 1, now });
  assert.ok(result.ok);
  return result.slots;
}

const placesLeft = async (ports: BookingPorts, startMs: number, now = NOW) => (await free(ports, now)).find((s) => s.startMs === startMs)?.placesLeft;

let clients = 0;
const hold = (ports: BookingPorts, startMs: number, people: number, now = NOW) =>
  placeHold(ports, { officeId: OFFICE, service: SERVICE, startMs, people, clientKey: `cache-${clients++}`, now, maxHoldsPerClient: 3 });

describe(`free times kept for a moment on ${TEST_DATABASE}`, () => {
  let a: TestRuntime;
  let b: Awaited<ReturnType<typeof startBookingRuntime>>;
  before(async () => {
    const base = testDeps();
    a = await testRuntime({ ...base, config: { ...base.config, freeTimesCacheMs: TTL_MS } });
    // A second "process" on the same database: its own connection (SQLite) or pool (PostgreSQL).
    b = await startBookingRuntime({ ...base, config: { ...base.config, ...a.env.DATABASE_URL ? { databaseUrl: a.env.DATABASE_URL } : {}, dataDir: a.env.DATA_DIR!, freeTimesCacheMs: TTL_MS } }, { jobs: false });
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers again from what it read, and reads afresh after its own hold', async () => {
    const slot = (await free(a.ports))[2]!;
    const before = stats(a.ports);
    assert.equal(await placesLeft(a.ports, slot.startMs), 8);
    assert.equal(await placesLeft(a.ports, slot.startMs), 8);
    const kept = stats(a.ports);
    assert.equal(kept.hits - before.hits, 2, 'the second and third reads came from what was kept');
    assert.ok((await hold(a.ports, slot.startMs, 3)).ok);
    assert.equal(await placesLeft(a.ports, slot.startMs), 5, 'its own hold is seen at once');
    assert.equal(stats(a.ports).misses - kept.misses, 1);
  });

  it('does not use what it read for another moment of the request', async () => {
    await free(a.ports);
    const before = stats(a.ports);
    await free(a.ports, new Date(NOW.getTime() + TTL_MS));
    await free(a.ports, new Date(NOW.getTime() - 1));
    assert.equal(stats(a.ports).misses - before.misses, 2);
  });

  it('sees another process\'s hold at once on SQLite, and within the time on PostgreSQL', async () => {
    const slot = (await free(a.ports))[4]!;
    assert.equal(await placesLeft(a.ports, slot.startMs), 8);
    const keptAt = performance.now();
    assert.ok((await hold(b.ports, slot.startMs, 2)).ok);
    const seen = await placesLeft(a.ports, slot.startMs);
    if (TEST_DATABASE === 'sqlite') {
      assert.equal(seen, 6, 'SQLite tells of the other connection\'s commit at once');
    } else if (performance.now() - keptAt < TTL_MS - 300) {
      assert.equal(seen, 8, 'PostgreSQL: the answer kept a moment ago is used');
    }
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50 - (performance.now() - keptAt)));
    assert.equal(await placesLeft(a.ports, slot.startMs), 6, 'after the time, the other process\'s hold is seen');
  });

  it('never offers the time a hold was just refused for, even when another process filled it', async () => {
    const slot = (await free(a.ports))[6]!;
    assert.equal(await placesLeft(a.ports, slot.startMs), 8, 'kept by this process');
    assert.ok((await hold(b.ports, slot.startMs, 8)).ok, 'the other process takes every place');
    const refused = await hold(a.ports, slot.startMs, 1);
    assert.ok(!refused.ok && refused.error === 'full', JSON.stringify(refused));
    assert.ok(refused.next.length > 0);
    assert.ok(!refused.next.some((s) => s.startMs === slot.startMs), 'the refusal offers the full time');
    assert.equal(await placesLeft(a.ports, slot.startMs), undefined, 'and the free times no longer list it');
  });

  it('keeps nothing with FREE_TIMES_CACHE_MS=0', async () => {
    assert.equal(loadConfig({ FREE_TIMES_CACHE_MS: '0' }).freeTimesCacheMs, 0);
    assert.throws(() => loadConfig({ FREE_TIMES_CACHE_MS: '-1' }), /FREE_TIMES_CACHE_MS/);
    const base = loadDeps(loadConfig({ LOG_LEVEL: 'silent', FREE_TIMES_CACHE_MS: '0' }), fixedClock(TEST_NOW));
    const c = await startBookingRuntime({ ...base, config: { ...base.config, ...a.env.DATABASE_URL ? { databaseUrl: a.env.DATABASE_URL } : {}, dataDir: a.env.DATA_DIR! } }, { jobs: false });
    try {
      await free(c.ports);
      await free(c.ports);
      assert.deepEqual(stats(c.ports), { hits: 0, misses: 2 });
    } finally {
      await c.close();
    }
  });
});
