/**
 * The booking benchmarks of `npm run bench`, on one database (SQLite or PostgreSQL), each on a server process of
 * its own with a fresh database:
 *
 * 1. Bookings per second through the API: many clients (autocannon connections) each hold a time
 *    (POST /api/v1/holds) and then book it (POST /api/v1/bookings, an e-mail of its own per booking). All of them
 *    race for the first few free slots of one office and service (bench/samples.ts SAMPLE_BOOKING), so the same
 *    slot rows are written by every request: the worst case for contention. A hold that comes too late gets 409
 *    with the next free times, and the clients move on to those; the refusals are counted. The twin is
 *    POST /bench/insert of the same server: one single-row insert transaction per request, measured with the same
 *    connections, alternating with the bookings round by round.
 * 2. Free times of that office over the whole 13 weeks (GET /api/v1/offices/{id}/availability), with the bookings of
 *    (1) in the database: the latency of each request at one connection, through HTTP, and the time of
 *    `availability()` itself in this process on the same database, with its two parts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { availability } from '../src/modules/booking/app/bookings.js';
import { loadConfig } from '../src/platform/config.js';
import { isBookableService } from '../src/modules/booking/domain/booking-config.js';
import { slotsFor } from '../src/modules/booking/domain/slots.js';
import { startBookingRuntime } from '../src/modules/booking/booking-runtime.js';
import { loadDeps } from '../src/server.js';
import { median, quantile, serverCpuUs, startServer } from './lib.js';

const run = promisify(execFile);
import { SAMPLE_AVAILABILITY_PATH, SAMPLE_BOOKING } from './samples.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface BookingBenchOptions {
  rounds: number;
  seconds: number;
  connections: number;
  /** PostgreSQL server to use; the benchmark makes a schema of its own there and drops it afterwards. */
  postgresUrl: string;
}

export interface Latencies {
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BookingBenchResult {
  database: DatabaseKind;
  bookings: {
    bookingsPerS: number;
    insertsPerS: number;
    ratio: number;
    goal: number;
    met: boolean;
    /** Holds refused (409: the slot filled up meanwhile) per second. */
    refusalsPerS: number;
    /** Hold and booking requests per second together. */
    apiRequestsPerS: number;
    p99Ms: { booking: number; insert: number };
    serverCpuUs: { perBooking: number | null; perInsert: number | null };
    rounds: { bookings: number[]; inserts: number[]; refusals: number[] };
    /** Bookings answered 202 in the whole run (warm-up included), and bookings in the database afterwards. */
    booked: number;
    inDatabase: number;
    slotsFilled: number;
  };
  availability: {
    goalP99Ms: number;
    met: boolean;
    /** Free times in the answer, and times in the 13 weeks. */
    slots: { free: number; total: number };
    bytes: number;
    http: Latencies;
    httpBrotli: Latencies;
    /**
     * The same requests to a server that keeps nothing (FREE_TIMES_CACHE_MS=0): every answer read from the database,
     * as when the free times change between requests or nobody asked for them in the last second.
     */
    httpUncached: Latencies;
    /** The same answer already prepared (GET /bench/prepared/availability): the floor HTTP and the machine set. */
    httpPrepared: Latencies;
    /** In this process, with nothing kept: every call reads the database. */
    inProcess: { availability: Latencies; slotsFor: Latencies; placesTaken: Latencies };
  };
}

const json = { 'content-type': 'application/json' };

/** The first free slots of the office, which every client races for; moved on by the next free times a 409 gives. */
export class Race {
  private slots: { start: string; ms: number }[] = [];
  exhausted = false;

  constructor(private readonly count: number = SAMPLE_BOOKING.raceSlots) {}

  set(next: { start: string }[]): void {
    if (next.length === 0) {
      this.exhausted = true;
      return;
    }
    const first = Date.parse(next[0]!.start);
    // Answers arrive out of order: never go back to slots older than the ones known.
    if (this.slots.length > 0 && first < this.slots[0]!.ms) return;
    this.slots = next.slice(0, this.count).map((s) => ({ start: s.start, ms: Date.parse(s.start) }));
  }

  pick(): string {
    return this.slots[Math.floor(Math.random() * this.slots.length)]!.start;
  }
}

let emails = 0;
const emailPrefix = `bench-${Date.now().toString(36)}`;

interface Counts {
  held: number;
  refused: number;
  booked: number;
  unexpected: Map<string, number>;
}

function unexpected(counts: Counts, what: string, status: number): void {
  const key = `${what} ${status}`;
  counts.unexpected.set(key, (counts.unexpected.get(key) ?? 0) + 1);
}

export async function bookingRound(base: string, pid: number | undefined, race: Race, seconds: number, connections: number) {
  const counts: Counts = { held: 0, refused: 0, booked: 0, unexpected: new Map() };
  type Context = { holdId?: string | undefined };
  const before = serverCpuUs(pid);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/holds',
        headers: json,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ officeId: SAMPLE_BOOKING.officeId, service: SAMPLE_BOOKING.service, start: race.pick(), people: SAMPLE_BOOKING.people }),
        }),
        onResponse: (status, body, context) => {
          const ctx = context as Context;
          ctx.holdId = undefined;
          if (status === 201) {
            counts.held++;
            ctx.holdId = (JSON.parse(body) as { holdId: string }).holdId;
          } else if (status === 409) {
            counts.refused++;
            race.set((JSON.parse(body) as { nextSlots?: { start: string }[] }).nextSlots ?? []);
          } else {
            unexpected(counts, 'hold', status);
          }
        },
      },
      {
        method: 'POST',
        path: '/api/v1/bookings',
        headers: json,
        // No hold (it was refused): autocannon starts this client's sequence again with a hold.
        setupRequest: (request, context) => {
          const holdId = (context as Context).holdId;
          if (!holdId) return null as unknown as autocannon.Request;
          const email = `${emailPrefix}-${emails++}@example.com`;
          return { ...request, body: JSON.stringify({ holdId, name: SAMPLE_BOOKING.name, email, language: SAMPLE_BOOKING.language }) };
        },
        onResponse: (status) => {
          if (status === 202) counts.booked++;
          else unexpected(counts, 'booking', status);
        },
      },
    ],
  });
  const after = serverCpuUs(pid);
  if (result.errors > 0 || result.timeouts > 0) throw new Error(`bookings: ${result.errors} errors, ${result.timeouts} timeouts`);
  if (counts.unexpected.size > 0) throw new Error(`bookings: unexpected answers ${JSON.stringify([...counts.unexpected])}`);
  if (race.exhausted) throw new Error('bookings: the office ran out of free slots: run with fewer BENCH_SECONDS or BENCH_ROUNDS');
  return {
    booked: counts.booked,
    bookingsPerS: counts.booked / result.duration,
    refusalsPerS: counts.refused / result.duration,
    requestsPerS: result.requests.total / result.duration,
    p99Ms: result.latency.p99,
    cpuUsPerBooking: before === null || after === null ? null : (after - before) / Math.max(counts.booked, 1),
  };
}

export async function insertRound(base: string, pid: number | undefined, seconds: number, connections: number) {
  const before = serverCpuUs(pid);
  const result = await autocannon({ url: `${base}/bench/insert`, method: 'POST', connections, duration: seconds });
  const after = serverCpuUs(pid);
  if (result.errors + result.timeouts + result.non2xx > 0) throw new Error(`POST /bench/insert: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return {
    insertsPerS: result.requests.total / result.duration,
    p99Ms: result.latency.p99,
    cpuUsPerInsert: before === null || after === null ? null : (after - before) / Math.max(result.requests.total, 1),
  };
}

function latencies(ms: number[]): Latencies {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Number(x.toFixed(3));
  return {
    requests: sorted.length,
    p50Ms: round(quantile(sorted, 0.5)),
    p90Ms: round(quantile(sorted, 0.9)),
    p99Ms: round(quantile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** One request at a time over one kept-alive connection, from a process of its own (bench/sequential-gets.ts). */
async function sequentialGets(url: string, headers: Record<string, string>, seconds: number): Promise<{ ms: number[]; bytes: number }> {
  const args = ['--import', 'tsx', join('bench', 'sequential-gets.ts'), url, String(seconds), ...Object.entries(headers).map(([k, v]) => `${k}=${v}`)];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as { ms: number[]; bytes: number };
}

/** `availability()` and its two parts (the slots of 13 weeks; the places taken, from the database), timed in this process. */
async function inProcessAvailability(env: Record<string, string>, seconds: number) {
  const base = loadDeps(loadConfig({ ...env, LOG_LEVEL: 'silent', FREE_TIMES_CACHE_MS: '0' }));
  const runtime = await startBookingRuntime(base, { jobs: false });
  try {
    const { ports } = runtime;
    const { officeId, service } = SAMPLE_BOOKING;
    const office = ports.directory.byId.get(officeId)!;
    if (!isBookableService(service)) throw new Error(`${service} is not a bookable service`);
    const timed = async (work: () => unknown): Promise<number[]> => {
      const ms: number[] = [];
      for (let i = 0; i < 200; i++) await work();
      const until = performance.now() + seconds * 1_000;
      while (performance.now() < until) {
        const t0 = performance.now();
        await work();
        ms.push(performance.now() - t0);
      }
      return ms;
    };
    const whole = await timed(() => availability(ports, { officeId, service, people: SAMPLE_BOOKING.people, now: new Date() }));
    const slots = await timed(() => slotsFor({ office, service, config: ports.config, holidays: ports.directory.holidays, now: new Date() }));
    const all = slotsFor({ office, service, config: ports.config, holidays: ports.directory.holidays, now: new Date() });
    const taken = await timed(() => ports.store.placesTaken(officeId, service, all[0]!.startMs, all[all.length - 1]!.startMs + 1, Date.now()));
    const db = runtime.database.db;
    const inDatabase = await db.selectFrom('bookings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const full = await db.selectFrom('slot_usage').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('office_id', '=', officeId).where('service', '=', service).where(sql`used`, '>=', sql`capacity`).executeTakeFirstOrThrow();
    const over = await db.selectFrom('slot_usage').select((eb) => eb.fn.countAll<number>().as('n')).where(sql`used`, '>', sql`capacity`).executeTakeFirstOrThrow();
    if (Number(over.n) > 0) throw new Error('a slot has more places taken than it has');
    const answer = await availability(ports, { officeId, service, people: SAMPLE_BOOKING.people, now: new Date() });
    return {
      freeSlots: answer.ok ? answer.slots.length : 0, totalSlots: all.length,
      availability: latencies(whole), slotsFor: latencies(slots), placesTaken: latencies(taken),
      inDatabase: Number(inDatabase.n), slotsFilled: Number(full.n),
    };
  } finally {
    await runtime.close();
  }
}

/**
 * Lets the database finish writing out the bookings, as it does on its own soon after a burst: on PostgreSQL what
 * autovacuum would do (vacuum and fresh statistics) and a checkpoint; on SQLite a checkpoint of the WAL. Then a
 * second of quiet.
 */
async function settle(database: DatabaseKind, env: Record<string, string>, admin: (statement: string) => Promise<void>): Promise<void> {
  if (database === 'postgres') {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      for (const table of ['slot_usage', 'holds', 'bookings', 'booking_tokens', 'outbox']) await client.query(`vacuum (analyze) ${table}`);
    } finally {
      await client.end();
    }
    await admin('checkpoint');
  } else {
    const file = new SqliteDatabase(join(env.DATA_DIR!, 'ics.sqlite'));
    try {
      file.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      file.close();
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

/** Runs both benchmarks on one database; null when PostgreSQL cannot be reached. */
export async function bookingBench(database: DatabaseKind, options: BookingBenchOptions): Promise<BookingBenchResult | null> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ics-bench-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    BOOKING_CONFIG: join('bench', 'booking.yaml'),
    BOOKING_RATE_LIMIT_MAX: '10000000',
    MAX_HOLDS_PER_CLIENT: '1000000',
    // No mail sender or scheduled jobs in the server: the benchmark measures the requests alone.
    JOBS: 'false',
  };
  let schema: string | null = null;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: options.postgresUrl });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  try {
    if (database === 'postgres') {
      schema = `bench_${process.pid}_${Date.now().toString(36)}`;
      try {
        await admin(`create schema "${schema}"`);
      } catch (error) {
        console.error(`PostgreSQL at ${options.postgresUrl} cannot be reached (${(error as Error).message}): skipped`);
        schema = null;
        return null;
      }
      env.DATABASE_URL = `${options.postgresUrl}${options.postgresUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
    }
    const server = await startServer(env);
    let booking;
    let http;
    let httpBrotli;
    let httpPrepared;
    let httpUncached;
    let booked = 0;
    try {
      const { base, pid } = server;
      const { connections, seconds } = options;
      const race = new Race();
      const url = `${base}${SAMPLE_AVAILABILITY_PATH}`;
      race.set(((await (await fetch(url)).json()) as { slots: { start: string }[] }).slots);

      booked += (await bookingRound(base, pid, race, 2, connections)).booked;
      await insertRound(base, pid, 2, connections);
      const rounds: Awaited<ReturnType<typeof bookingRound>>[] = [];
      const inserts: Awaited<ReturnType<typeof insertRound>>[] = [];
      for (let i = 0; i < options.rounds; i++) {
        const round = await bookingRound(base, pid, race, seconds, connections);
        booked += round.booked;
        rounds.push(round);
        inserts.push(await insertRound(base, pid, seconds, connections));
      }
      const cpu = (xs: (number | null)[]) => (xs.every((x) => x !== null) ? Math.round(median(xs as number[])) : null);
      const bookingsPerS = median(rounds.map((r) => r.bookingsPerS));
      const insertsPerS = median(inserts.map((r) => r.insertsPerS));
      booking = {
        bookingsPerS: Math.round(bookingsPerS),
        insertsPerS: Math.round(insertsPerS),
        ratio: Number((bookingsPerS / insertsPerS).toFixed(3)),
        goal: 0.5,
        met: bookingsPerS / insertsPerS >= 0.5,
        refusalsPerS: Math.round(median(rounds.map((r) => r.refusalsPerS))),
        apiRequestsPerS: Math.round(median(rounds.map((r) => r.requestsPerS))),
        p99Ms: { booking: median(rounds.map((r) => r.p99Ms)), insert: median(inserts.map((r) => r.p99Ms)) },
        serverCpuUs: { perBooking: cpu(rounds.map((r) => r.cpuUsPerBooking)), perInsert: cpu(inserts.map((r) => r.cpuUsPerInsert)) },
        rounds: {
          bookings: rounds.map((r) => Math.round(r.bookingsPerS)),
          inserts: inserts.map((r) => Math.round(r.insertsPerS)),
          refusals: rounds.map((r) => Math.round(r.refusalsPerS)),
        },
      };

      // The free times are measured at rest: after thousands of bookings in seconds the database is still writing
      // them out (a checkpoint, autovacuum) and takes the machine's two cores. It is given that time first, as it
      // would have between bursts of real bookings (ADR 7); the prepared twin below is measured in the same state.
      await settle(database, env, admin);
      const plain = await sequentialGets(url, {}, seconds);
      const brotli = await sequentialGets(url, { 'accept-encoding': 'br, gzip' }, seconds);
      // The same bytes already prepared, measured the same way: what HTTP and this machine cost on their own.
      const prepared = await sequentialGets(`${base}/bench/prepared/availability`, {}, seconds);
      http = { ...latencies(plain.ms), bytes: plain.bytes };
      httpBrotli = latencies(brotli.ms);
      httpPrepared = latencies(prepared.ms);
    } finally {
      await server.stop();
    }
    // The same free times from a server that keeps nothing, on the same database.
    const uncachedServer = await startServer({ ...env, FREE_TIMES_CACHE_MS: '0' });
    try {
      httpUncached = latencies((await sequentialGets(`${uncachedServer.base}${SAMPLE_AVAILABILITY_PATH}`, {}, options.seconds)).ms);
    } finally {
      await uncachedServer.stop();
    }
    const inProcess = await inProcessAvailability(env, Math.min(options.seconds, 3));
    return {
      database,
      bookings: { ...booking, booked, inDatabase: inProcess.inDatabase, slotsFilled: inProcess.slotsFilled },
      availability: {
        goalP99Ms: 5,
        met: http.p99Ms < 5,
        slots: { free: inProcess.freeSlots, total: inProcess.totalSlots },
        bytes: http.bytes,
        http: { requests: http.requests, p50Ms: http.p50Ms, p90Ms: http.p90Ms, p99Ms: http.p99Ms, maxMs: http.maxMs },
        httpBrotli,
        httpUncached,
        httpPrepared,
        inProcess: { availability: inProcess.availability, slotsFor: inProcess.slotsFor, placesTaken: inProcess.placesTaken },
      },
    };
  } finally {
    if (schema) await admin(`drop schema if exists "${schema}" cascade`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
