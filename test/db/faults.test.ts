/**
 * A database that fails politely (issue 14, ADR 9): every outage is a 503 with Retry-After, never a 500, and changes
 * nothing; no request waits for ever on a lock; the app starts without its database and books once it comes.
 * Outages on the shared server (a database that refuses connections, one that was dropped), on a private cluster
 * of our own (a wrong password, the server stopped in the middle of load, the server down at start), and a lock held
 * from outside (SQLite and PostgreSQL). The figures go to docs/reliability.md (run with --test-reporter=spec to read
 * them).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/platform/config.js';
import { buildApp } from '../../src/app.js';
import { type BookingRuntime, type DatabaseEvent, type RuntimeOptions, startBookingRuntime } from '../../src/modules/booking/booking-runtime.js';
import { TEST_COOKIE_SECRET, TEST_DATABASE, TEST_DATABASE_URL, testDeps } from '../helpers.js';
import { type PgCluster, canMakeCluster, makeCluster } from '../pg-cluster.js';

const postgres = TEST_DATABASE === 'postgres';
const PG_ONLY = postgres ? false : 'PostgreSQL only (TEST_DATABASE=postgres): the SQLite run has no server to lose';
const CLUSTER = !postgres ? PG_ONLY : canMakeCluster() ? false : 'needs root and /usr/lib/postgresql/15/bin to make a private cluster';

const base = testDeps();

interface Faulty {
  rt: BookingRuntime;
  app: FastifyInstance;
  dataDir: string;
  events: DatabaseEvent[];
  close(): Promise<void>;
}

/** The app on a runtime of its own (not the helpers': those must open their database at once). */
async function faulty(databaseUrl: string | null, config: Partial<Config> = {}, options: RuntimeOptions = {}): Promise<Faulty> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ics-faults-'));
  const events: DatabaseEvent[] = [];
  const merged: Config = { ...base.config, maxHoldsPerClient: 1000, bookingRateLimitMax: 1_000_000, freeTimesCacheMs: 0, dataDir, databaseUrl, ...config };
  const rt = await startBookingRuntime({ ...base, config: merged }, {
    jobs: false, openRetryMs: [100, 200, 300], onError: () => undefined, onDatabase: (event) => events.push(event), ...options,
  });
  const app = await buildApp({ ...base, config: merged, booking: rt.ports, cookieSecret: TEST_COOKIE_SECRET });
  return {
    rt, app, dataDir, events,
    async close() {
      await app.close();
      await rt.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const codeOf = (error: unknown) => (error as { code?: string })?.code;
/**
 * What the store meets just now: 'ok', or the driver's error code (the SQLSTATE on PostgreSQL). The first calls
 * may meet a connection that an administrator just ended (57P01, or "Connection terminated") before the pool has
 * dropped it; those are passed over, to see what a new connection meets.
 */
async function storeSays(rt: BookingRuntime): Promise<string> {
  let said = '';
  for (let i = 0; i < 10; i++) {
    said = await rt.ports.store.ping().then(() => 'ok', (error: unknown) => codeOf(error) ?? String((error as Error)?.message ?? error));
    if (said !== '57P01' && !/Connection terminated|not queryable/.test(said)) return said;
    await new Promise((r) => setTimeout(r, 20));
  }
  return said;
}

const postJson = (app: FastifyInstance, url: string, body: unknown, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' }, remoteAddress });

async function freeStarts(app: FastifyInstance, count = 1): Promise<string[]> {
  const res = await app.inject('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration');
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ slots: { start: string }[] }>().slots.slice(0, count).map((s) => s.start);
}
const hold = (app: FastifyInstance, start: string, remoteAddress?: string) =>
  postJson(app, '/api/v1/holds', { officeId: 'ics-copenhagen', service: 'cpr-registration', start, people: 1 }, remoteAddress);
const book = (app: FastifyInstance, holdId: string, email: string, remoteAddress?: string) =>
  postJson(app, '/api/v1/bookings', { holdId, name: 'Mei Chen', email, language: 'en' }, remoteAddress);

/** A 503 that says when to try again: JSON for the API, a page in the person's language otherwise. */
function assertUnavailable(res: LightMyRequestResponse, lang: 'en' | 'da' | 'api' = 'api') {
  assert.equal(res.statusCode, 503, res.body);
  assert.equal(res.headers['retry-after'], '60');
  if (lang === 'api') {
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.match(res.json<{ message: string }>().message, /cannot reach its database just now, so the request may not have been carried out/);
  } else {
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, new RegExp(`<html lang="${lang}"`));
    assert.match(res.body, lang === 'en' ? /<h1[^>]*>Booking is unavailable for a moment<\/h1>/ : /<h1[^>]*>Booking er ikke mulig lige nu<\/h1>/);
    assert.match(res.body, lang === 'en' ? /Please try again in a few minutes/ : /Prøv igen om et par minutter/);
  }
}

/** Rows of the booking tables, and whether every slot's count of places is what its holds and bookings make. */
async function tally(rt: BookingRuntime) {
  const db = rt.database.db;
  const holds = await db.selectFrom('holds').select(['status', 'people', 'office_id', 'service', 'start_ms']).execute();
  const bookings = await db.selectFrom('bookings').select(['status', 'people', 'office_id', 'service', 'start_ms', 'email']).execute();
  const usage = await db.selectFrom('slot_usage').select(['office_id', 'service', 'start_ms', 'used']).execute();
  const expected = new Map<string, number>();
  const add = (r: { office_id: string; service: string; start_ms: number }, n: number) => {
    const key = `${r.office_id}/${r.service}/${Number(r.start_ms)}`;
    expected.set(key, (expected.get(key) ?? 0) + n);
  };
  for (const h of holds) if (h.status === 'active') add(h, h.people);
  for (const b of bookings) if (b.status === 'confirmed') add(b, b.people);
  const mismatched = usage.filter((u) => (expected.get(`${u.office_id}/${u.service}/${Number(u.start_ms)}`) ?? 0) !== Number(u.used));
  return { holds, bookings, usage, mismatched };
}

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the settings for waiting on the database', () => {
  it('reads DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_LOCK_TIMEOUT_MS and DATABASE_BUSY_TIMEOUT_MS, with their defaults and bounds', () => {
    const defaults = loadConfig({});
    assert.deepEqual([defaults.databaseStatementTimeoutMs, defaults.databaseLockTimeoutMs, defaults.databaseBusyTimeoutMs], [5_000, 2_000, 5_000]);
    const set = loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '8000', DATABASE_LOCK_TIMEOUT_MS: '500', DATABASE_BUSY_TIMEOUT_MS: '250' });
    assert.deepEqual([set.databaseStatementTimeoutMs, set.databaseLockTimeoutMs, set.databaseBusyTimeoutMs], [8_000, 500, 250]);
    const bad: [string, string[]][] = [
      ['DATABASE_STATEMENT_TIMEOUT_MS', ['0', '99', '600001', 'soon', '1.5']],
      ['DATABASE_LOCK_TIMEOUT_MS', ['0', '9', '600001', '-1', '2s']],
      ['DATABASE_BUSY_TIMEOUT_MS', ['0', '9', '600001', 'forever', '10.5']],
    ];
    for (const [name, values] of bad) for (const value of values) assert.throws(() => loadConfig({ [name]: value }), new RegExp(name), `${name}=${value}`);
  });
});

describe(`a lock held from outside, on ${TEST_DATABASE}`, () => {
  const schema = `faults_lock_${process.pid}_${randomBytes(3).toString('hex')}`;
  const TIMEOUT_MS = 500;
  let f: Faulty;
  let outside: { lock(table: string): Promise<void>; release(): Promise<void>; close(): Promise<void> };
  before(async () => {
    f = postgres
      ? await faulty(TEST_DATABASE_URL, { databaseLockTimeoutMs: TIMEOUT_MS }, { schema })
      : await faulty(null, { databaseBusyTimeoutMs: TIMEOUT_MS });
    if (postgres) {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      outside = {
        lock: async (table) => { await client.query('begin'); await client.query(`lock table "${schema}"."${table}" in access exclusive mode`); },
        release: async () => { await client.query('rollback'); },
        close: () => client.end(),
      };
    } else {
      const file = new SqliteDatabase(join(f.dataDir, 'ics.sqlite'));
      outside = {
        lock: async () => { file.exec('begin immediate'); },
        release: async () => { file.exec('rollback'); },
        close: async () => { file.close(); },
      };
    }
  });
  after(async () => {
    await outside?.close();
    await f?.close();
    if (postgres) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try { await admin.query(`drop schema if exists "${schema}" cascade`); } finally { await admin.end(); }
    }
  });

  it(`answers a hold and a booking 503 with Retry-After within the ${postgres ? 'lock' : 'busy'} timeout, and makes nothing of them`, async (t: TestContext) => {
    const [first, second] = await freeStarts(f.app, 2);
    const earlier = await hold(f.app, first!);
    assert.equal(earlier.statusCode, 201, earlier.body);
    const holdId = earlier.json<{ holdId: string }>().holdId;
    const before = await tally(f.rt);

    // PostgreSQL: the slots' counts (the hold's statement) and then the bookings (the booking's); SQLite: the file.
    await outside.lock('slot_usage');
    let started = performance.now();
    const refused = await within(TIMEOUT_MS + 3_000, 'the hold under the lock', hold(f.app, second!));
    const holdMs = performance.now() - started;
    assertUnavailable(refused);
    // A page that reads the free times: PostgreSQL's lock (access exclusive) stops reads too; SQLite's does not (WAL).
    const page = await within(TIMEOUT_MS + 3_000, 'the page under the lock', f.app.inject('/book/time?service=cpr-registration&office=ics-copenhagen&people=1&lang=da'));
    if (postgres) assertUnavailable(page, 'da');
    else assert.equal(page.statusCode, 200, 'on SQLite, reading goes on while another connection writes');
    if (postgres) {
      await outside.release();
      await outside.lock('bookings');
    }
    started = performance.now();
    const booking = await within(TIMEOUT_MS + 3_000, 'the booking under the lock', book(f.app, holdId, 'locked@example.com'));
    const bookMs = performance.now() - started;
    assertUnavailable(booking);
    const code = await storeSays(f.rt);
    await outside.release();
    t.diagnostic(`${TEST_DATABASE}: lock held from outside, timeout ${TIMEOUT_MS} ms: hold answered 503 in ${Math.round(holdMs)} ms, booking 503 in ${Math.round(bookMs)} ms`);
    assert.ok(holdMs >= TIMEOUT_MS * 0.9 && holdMs < TIMEOUT_MS * 3 + 200, `the hold waited the timeout once, not again and again: ${holdMs} ms`);
    assert.ok(bookMs >= TIMEOUT_MS * 0.9 && bookMs < TIMEOUT_MS * 3 + 200, `the booking waited the timeout once, not again and again: ${bookMs} ms`);
    assert.equal(code, 'ok', 'the store answers once the lock is gone');

    // Nothing half-made: the earlier hold is as it was, no second hold, no booking, the counts match.
    const now = await tally(f.rt);
    assert.deepEqual(now.holds, before.holds);
    assert.deepEqual(now.bookings, []);
    assert.deepEqual(now.usage, before.usage);
    assert.deepEqual(now.mismatched, []);
    // And once the lock is gone, the same booking goes through.
    const again = await book(f.app, holdId, 'locked@example.com');
    assert.equal(again.statusCode, 202, again.body);
    assert.equal((await tally(f.rt)).bookings.length, 1);
  });

  it('on PostgreSQL, a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS is cancelled (57014): 503', { skip: PG_ONLY }, async (t: TestContext) => {
    const own = await faulty(TEST_DATABASE_URL, { databaseLockTimeoutMs: 60_000, databaseStatementTimeoutMs: TIMEOUT_MS }, { schema });
    try {
      const [start] = await freeStarts(own.app, 1);
      await outside.lock('slot_usage');
      const started = performance.now();
      const refused = await within(TIMEOUT_MS + 3_000, 'the hold under the lock', hold(own.app, start!));
      const ms = performance.now() - started;
      assertUnavailable(refused);
      let code: unknown;
      try { await sql`select pg_sleep(2)`.execute(own.rt.database.db); } catch (error) { code = codeOf(error); }
      assert.equal(code, '57014', 'a statement that runs too long is cancelled');
      t.diagnostic(`postgres: statement_timeout ${TIMEOUT_MS} ms (lock_timeout 60 s): hold answered 503 in ${Math.round(ms)} ms; SQLSTATE 57014`);
      assert.ok(ms < TIMEOUT_MS * 3 + 200, `${ms} ms`);
    } finally {
      await outside.release();
      await own.close();
    }
    assert.deepEqual((await tally(f.rt)).mismatched, []);
  });
});

describe('outages of the shared PostgreSQL server', { skip: PG_ONLY }, () => {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  const made: string[] = [];
  const urlOf = (database: string) => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const newDatabase = async () => {
    const name = `faults_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database "${name}"`);
    made.push(name);
    return name;
  };
  const endConnections = (name: string) => admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
  before(async () => { await admin.connect(); });
  after(async () => {
    for (const name of made) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('a database that does not allow connections (ALTER DATABASE … ALLOW_CONNECTIONS false): 503, nothing made; then it works again', async (t: TestContext) => {
    const name = await newDatabase();
    const f = await faulty(urlOf(name));
    try {
      const [start] = await freeStarts(f.app, 1);
      await admin.query(`alter database "${name}" allow_connections false`);
      await endConnections(name);
      const code = await storeSays(f.rt);
      assertUnavailable(await hold(f.app, start!));
      assertUnavailable(await f.app.inject('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration'));
      assertUnavailable(await f.app.inject(`/book/time?service=cpr-registration&office=ics-copenhagen&people=1&lang=da`), 'da');
      const health = await f.app.inject('/healthz');
      assert.deepEqual([health.statusCode, health.json()], [200, { status: 'ok', database: 'unavailable' }]);
      t.diagnostic(`allow_connections false: SQLSTATE ${code}`);
      assert.equal(code, '55000');
      await admin.query(`alter database "${name}" allow_connections true`);
      assert.deepEqual((await tally(f.rt)).holds, [], 'the refused hold made nothing');
      assert.equal((await hold(f.app, start!)).statusCode, 201, 'and it works again, with no restart');
    } finally {
      await f.close();
    }
  });

  it('a database that was dropped: 503 (3D000)', async (t: TestContext) => {
    const name = await newDatabase();
    const f = await faulty(urlOf(name));
    try {
      const [start] = await freeStarts(f.app, 1);
      await endConnections(name);
      await admin.query(`drop database "${name}" with (force)`);
      const code = await storeSays(f.rt);
      assertUnavailable(await hold(f.app, start!));
      assertUnavailable(await f.app.inject('/book/time?service=cpr-registration&office=ics-copenhagen&people=1'), 'en');
      t.diagnostic(`dropped database: SQLSTATE ${code}`);
      assert.equal(code, '3D000');
    } finally {
      await f.close();
    }
  });
});

describe('outages of a private PostgreSQL cluster', { skip: CLUSTER }, () => {
  let cluster: PgCluster;
  const superuser = () => {
    const client = new pg.Client({ connectionString: cluster.url() });
    return client.connect().then(() => client);
  };
  before(async () => { cluster = await makeCluster(); });
  after(async () => { await cluster?.remove(); });

  it('starts with the server down: the plan, the guides and the offices serve, booking answers 503 in the person\'s language; once the server is up, it books with no restart', async (t: TestContext) => {
    const f = await faulty(cluster.url('postgres'));
    try {
      assert.equal(f.rt.databaseState(), 'unavailable');
      assert.equal(codeOf(f.events[0]?.error), 'ECONNREFUSED');
      for (const url of ['/', '/offices', '/offices/ics-copenhagen', '/steps/eu-residence-document?lang=da', '/api/v1/offices', '/api/v1/steps']) {
        const res = await f.app.inject(url);
        assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      }
      const plan = await postJson(f.app, '/api/v1/plan', { citizenships: ['SE'], movingFrom: 'SE', purpose: 'work', stay: 'over-6-months', arrivalDate: '2027-01-04', moveInDate: '2027-01-04', partner: true, partnerCitizenships: ['IN'], childrenAges: [4] });
      assert.equal(plan.statusCode, 200, plan.body);
      const health = await f.app.inject('/healthz');
      assert.deepEqual([health.statusCode, health.json()], [200, { status: 'ok', database: 'unavailable' }]);
      assertUnavailable(await f.app.inject('/book'), 'en');
      assertUnavailable(await f.app.inject('/book?lang=da'), 'da');
      assertUnavailable(await f.app.inject('/booking/find?lang=da'), 'da');
      assertUnavailable(await f.app.inject({
        method: 'POST', url: '/booking/find', payload: 'reference=K7RM4PXT&email=a%40example.com&lang=da', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }), 'da');
      assertUnavailable(await f.app.inject('/api/v1/offices/ics-copenhagen/availability?service=cpr-registration'));
      assertUnavailable(await hold(f.app, '2026-11-30T10:00:00+01:00'));
      // A few tries fail while it is down (100, 200, 300 ms apart), told once.
      await new Promise((r) => setTimeout(r, 700));
      assert.equal(f.events.length, 1, 'told once that it is unavailable, not once per try');

      const started = performance.now();
      await cluster.start();
      await within(10_000, 'the runtime opening the database', f.rt.ready());
      t.diagnostic(`server down at start: booking 503, plan/offices 200; database open ${Math.round(performance.now() - started)} ms after pg_ctl start began (retry every 300 ms in the test; 1-2-5-10-30 s by default)`);
      assert.equal(f.events.at(-1)?.state, 'open');
      for (let i = 1; i < f.events.length; i++) assert.notDeepEqual(f.events[i], f.events[i - 1], 'each event is a change');
      assert.deepEqual((await f.app.inject('/healthz')).json(), { status: 'ok', database: 'ok' });
      assert.equal((await f.app.inject('/book?lang=da')).statusCode, 200);
      const [start] = await freeStarts(f.app, 1);
      const held = await hold(f.app, start!);
      assert.equal(held.statusCode, 201, held.body);
      const booked = await book(f.app, held.json<{ holdId: string }>().holdId, 'late@example.com');
      assert.equal(booked.statusCode, 202, booked.body);
      assert.equal((await tally(f.rt)).bookings.filter((b) => b.email === 'late@example.com').length, 1);
    } finally {
      await f.close();
    }
  });

  it('a wrong password (scram-sha-256): 503 (28P01), at start and when the password changes under a running app', async (t: TestContext) => {
    const admin = await superuser();
    try {
      await admin.query(`create role app login password 'right-password'`);
      await admin.query('create database app owner app');
    } finally { await admin.end(); }
    const wrong = await faulty(cluster.url('app', 'app', 'wrong-password'));
    try {
      assert.equal(wrong.rt.databaseState(), 'unavailable');
      assert.equal(codeOf(wrong.events[0]?.error), '28P01');
      assertUnavailable(await hold(wrong.app, '2026-11-30T10:00:00+01:00'));
      assertUnavailable(await wrong.app.inject('/book?lang=da'), 'da');
    } finally {
      await wrong.close();
    }
    const f = await faulty(cluster.url('app', 'app', 'right-password'));
    try {
      assert.equal(f.rt.databaseState(), 'open');
      const [start] = await freeStarts(f.app, 1);
      const again = await superuser();
      try {
        await again.query(`alter role app password 'changed-password'`);
        await again.query(`select pg_terminate_backend(pid) from pg_stat_activity where usename = 'app'`);
      } finally { await again.end(); }
      const code = await storeSays(f.rt);
      assertUnavailable(await hold(f.app, start!));
      t.diagnostic(`wrong password: SQLSTATE ${code} (at start: ${codeOf(wrong.events[0]?.error)})`);
      assert.equal(code, '28P01');
    } finally {
      await f.close();
    }
  });

  it('the server stopped in the middle of load (pg_ctl stop -m immediate): 2xx, 4xx or 503, never 500; every booking answered 202 is there after the restart', async (t: TestContext) => {
    const admin = await superuser();
    try { await admin.query('create database load'); } finally { await admin.end(); }
    const f = await faulty(cluster.url('load'), { databasePoolSize: 8 });
    const statuses = new Map<number, number>();
    const acknowledged: string[] = [];
    const refusedEmails: string[] = [];
    let missingRetryAfter = 0;
    const count = (res: LightMyRequestResponse) => {
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 503 && res.headers['retry-after'] !== '60') missingRetryAfter++;
    };
    try {
      const starts = await freeStarts(f.app, 200);
      let stopAt: 'running' | 'stopping' | 'stopped' = 'running';
      let stoppedAt = 0;
      let n = 0;
      let stopping: Promise<void> | undefined;
      const worker = async (w: number) => {
        const address = `10.0.0.${w + 1}`;
        while (stopAt !== 'stopped' || performance.now() - stoppedAt < 500) {
          const i = n++;
          const held = await hold(f.app, starts[i % starts.length]!, address);
          count(held);
          if (held.statusCode !== 201) continue;
          const email = `load${i}@example.com`;
          const res = await book(f.app, held.json<{ holdId: string }>().holdId, email, address);
          count(res);
          if (res.statusCode === 202) acknowledged.push(email);
          else refusedEmails.push(email);
          if (stopAt === 'running' && acknowledged.length >= 60) {
            stopAt = 'stopping';
            stopping = cluster.stop().then(() => { stopAt = 'stopped'; stoppedAt = performance.now(); });
          }
        }
      };
      await within(30_000, 'the load', Promise.all(Array.from({ length: 16 }, (_, w) => worker(w))));
      await stopping;
      const answers = [...statuses.values()].reduce((a, b) => a + b, 0);
      await cluster.start();
      // The pool connects again by itself when next asked.
      let code = await storeSays(f.rt);
      for (let i = 0; i < 50 && code !== 'ok'; i++) { await new Promise((r) => setTimeout(r, 100)); code = await storeSays(f.rt); }
      assert.equal(code, 'ok');
      const rows = await tally(f.rt);
      const present = new Set(rows.bookings.filter((b) => b.status === 'confirmed').map((b) => b.email));
      const lost = acknowledged.filter((email) => !present.has(email));
      const madeButRefused = refusedEmails.filter((email) => present.has(email));
      const summary = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s}: ${c}`).join(', ');
      t.diagnostic(`mid-load stop: ${answers} answers (${summary}); bookings acknowledged 202: ${acknowledged.length}, present after restart: ${acknowledged.length - lost.length}; answered 503 but made (commit cut off after it reached the server): ${madeButRefused.length}; slots whose count does not match: ${rows.mismatched.length}`);
      assert.equal(statuses.get(500) ?? 0, 0, 'no 500');
      assert.ok([...statuses.keys()].every((s) => (s >= 200 && s < 500) || s === 503), summary);
      assert.ok((statuses.get(503) ?? 0) > 0, 'the stop was seen');
      assert.equal(missingRetryAfter, 0, 'every 503 says when to try again');
      assert.deepEqual(lost, [], 'every booking answered 202 is there');
      assert.deepEqual(rows.mismatched, [], 'every slot counts exactly its holds and bookings');
      // And booking goes on after the restart.
      const [start] = await freeStarts(f.app, 1);
      const held = await hold(f.app, start!, '10.0.1.1');
      assert.equal(held.statusCode, 201, held.body);
      assert.equal((await book(f.app, held.json<{ holdId: string }>().holdId, 'after@example.com', '10.0.1.1')).statusCode, 202);
    } finally {
      await f.close();
    }
  });
});
