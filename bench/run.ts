/**
 * npm run bench: builds and starts the real server (BENCH_ROUTES=true) in its own process, as `npm start` does,
 * and measures, in the same run,
 * - each route against its twin that sends the same bytes already prepared;
 * - bookings per second through the API (hold, then book; many clients racing for few slots) against a route of
 *   the same server that does one plain single-row insert transaction per request, and the free times of one
 *   office over 13 weeks: on SQLite and on PostgreSQL, each on a server of its own with a fresh database
 *   (bench/booking.ts).
 * Prints the figures with the machine and the date, and writes them to bench/results/<date>.json.
 *
 * Method: 50 connections (autocannon), a warm-up, then rounds that alternate route and twin; the median
 * requests per second of the rounds is reported. The load generator shares the machine with the server.
 *
 * Settings: BENCH_ROUNDS (3), BENCH_SECONDS (5 per round), BENCH_ONLY=routes|booking (one part; the other part's
 * figures already in the day's file are kept), BENCH_DATABASES (sqlite,postgres), BENCH_POSTGRES_URL (the local
 * server's `test` database; the benchmark works in a schema of its own and drops it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type BookingBenchResult, type DatabaseKind, bookingBench } from './booking.js';
import { median, serverCpuUs, startServer } from './lib.js';
import { SAMPLE_PLAN_QUERY, SAMPLE_PLAN_REQUEST } from './samples.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ONLY = process.env.BENCH_ONLY ?? '';
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim()).filter(Boolean) as DatabaseKind[];
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const CONNECTIONS = 50;

interface Pair {
  name: string;
  goal: number;
  route: autocannon.Options;
  twin: autocannon.Options;
}

let serverPid: number | undefined;

async function measure(options: autocannon.Options, seconds: number) {
  const before = serverCpuUs(serverPid);
  const result = await autocannon({ connections: CONNECTIONS, duration: seconds, ...options });
  const after = serverCpuUs(serverPid);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    bytes: result.throughput.average / Math.max(result.requests.average, 1),
    cpuUsPerRequest: before === null || after === null ? null : (after - before) / Math.max(result.requests.total, 1),
  };
}

type RouteResult = Record<string, unknown> & { name: string; routeRps: number; twinRps: number; ratio: number; goal: number; met: boolean; routeP99Ms: number; twinP99Ms: number; bytesPerResponse: number; serverCpuUsPerRequest: { route: number; twin: number } | null };

/** Each route against its prepared twin, on a server of its own (SQLite in data/bench, the default booking settings). */
async function routesBench(): Promise<RouteResult[]> {
  const server = await startServer({ DATA_DIR: join('data', 'bench') });
  const { base } = server;
  serverPid = server.pid;
  try {
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify(SAMPLE_PLAN_REQUEST);
    const pairs: Pair[] = [
      {
        name: 'POST /api/v1/plan',
        goal: 0.7,
        route: { url: `${base}/api/v1/plan`, method: 'POST', headers: json, body },
        twin: { url: `${base}/bench/prepared/plan`, method: 'POST', headers: json, body },
      },
      {
        name: 'GET /api/v1/finder?postalCode=8000',
        goal: 0.7,
        route: { url: `${base}/api/v1/finder?postalCode=8000` },
        twin: { url: `${base}/bench/prepared/finder` },
      },
      {
        name: 'GET /plan/result (plan page)',
        goal: 0.5,
        route: { url: `${base}/plan/result?${SAMPLE_PLAN_QUERY}` },
        twin: { url: `${base}/bench/prepared/plan-page` },
      },
    ];
    const results: RouteResult[] = [];
    for (const pair of pairs) {
      await measure(pair.route, 2);
      await measure(pair.twin, 2);
      const route: number[] = [];
      const twin: number[] = [];
      const routeCpu: number[] = [];
      const twinCpu: number[] = [];
      let last = { route: await measure(pair.route, 1), twin: await measure(pair.twin, 1) };
      for (let i = 0; i < ROUNDS; i++) {
        last = { route: await measure(pair.route, SECONDS), twin: await measure(pair.twin, SECONDS) };
        if (last.route.errors + last.route.non2xx + last.twin.errors + last.twin.non2xx > 0) throw new Error(`${pair.name}: errors during the run`);
        route.push(last.route.rps);
        twin.push(last.twin.rps);
        if (last.route.cpuUsPerRequest !== null) routeCpu.push(last.route.cpuUsPerRequest);
        if (last.twin.cpuUsPerRequest !== null) twinCpu.push(last.twin.cpuUsPerRequest);
      }
      const ratio = median(route) / median(twin);
      results.push({
        name: pair.name,
        routeRps: Math.round(median(route)),
        twinRps: Math.round(median(twin)),
        ratio: Number(ratio.toFixed(3)),
        goal: pair.goal,
        met: ratio >= pair.goal,
        routeP99Ms: last.route.p99,
        twinP99Ms: last.twin.p99,
        bytesPerResponse: Math.round(last.route.bytes),
        serverCpuUsPerRequest: routeCpu.length ? { route: Math.round(median(routeCpu)), twin: Math.round(median(twinCpu)) } : null,
        rounds: { route: route.map(Math.round), twin: twin.map(Math.round) },
      });
    }
    return results;
  } finally {
    await server.stop();
  }
}

function printRoutes(results: RouteResult[]): void {
  console.log(`${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s, route and twin alternating\n`);
  console.log('| route | req/s | prepared twin req/s | ratio | goal | p99 ms (route / twin) | server CPU µs/request (route / twin) | bytes |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const cpu = r.serverCpuUsPerRequest ? `${r.serverCpuUsPerRequest.route} / ${r.serverCpuUsPerRequest.twin}` : 'n/a';
    console.log(`| ${r.name} | ${r.routeRps} | ${r.twinRps} | ${(r.ratio * 100).toFixed(0)} % | ${r.goal * 100} % ${r.met ? 'met' : 'NOT met'} | ${r.routeP99Ms} / ${r.twinP99Ms} | ${cpu} | ${r.bytesPerResponse} |`);
  }
}

function printBooking(results: BookingBenchResult[]): void {
  console.log(`\nBookings (hold, then book; ${CONNECTIONS} connections racing for the first free slots), median of ${ROUNDS} rounds of ${SECONDS} s, alternating with the plain-insert route\n`);
  console.log('| database | bookings/s | plain inserts/s | ratio | goal | holds refused/s | p99 ms (hold or book / insert) | server CPU µs (per booking / per insert) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { database, bookings: b } of results) {
    console.log(`| ${database} | ${b.bookingsPerS} | ${b.insertsPerS} | ${(b.ratio * 100).toFixed(0)} % | 50 % ${b.met ? 'met' : 'NOT met'} | ${b.refusalsPerS} | ${b.p99Ms.booking} / ${b.p99Ms.insert} | ${b.serverCpuUs.perBooking ?? 'n/a'} / ${b.serverCpuUs.perInsert ?? 'n/a'} |`);
  }
  console.log('\nFree times of one office for 13 weeks (GET availability), 1 connection, one request at a time; nothing kept: a server with FREE_TIMES_CACHE_MS=0; in-process: availability() alone, nothing kept\n');
  console.log('| database | free / all slots | bytes | HTTP p50 / p90 / p99 ms | goal p99 < 5 ms | HTTP, nothing kept: p50 / p90 / p99 ms | prepared twin p50 / p90 / p99 ms | HTTP with br: p50 / p99 ms | in-process p50 / p99 ms | slotsFor p50 / p99 ms | placesTaken p50 / p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { database, availability: a } of results) {
    const { http, httpBrotli: br, httpPrepared: tw, httpUncached: u, inProcess: p } = a;
    console.log(`| ${database} | ${a.slots.free} / ${a.slots.total} | ${a.bytes} | ${http.p50Ms} / ${http.p90Ms} / ${http.p99Ms} | ${a.met ? 'met' : 'NOT met'} | ${u ? `${u.p50Ms} / ${u.p90Ms} / ${u.p99Ms}` : 'n/a'} | ${tw ? `${tw.p50Ms} / ${tw.p90Ms} / ${tw.p99Ms}` : 'n/a'} | ${br.p50Ms} / ${br.p99Ms} | ${p.availability.p50Ms} / ${p.availability.p99Ms} | ${p.slotsFor.p50Ms} / ${p.slotsFor.p99Ms} | ${p.placesTaken.p50Ms} / ${p.placesTaken.p99Ms} |`);
  }
  for (const { database, bookings: b } of results) {
    console.log(`${database}: ${b.booked} bookings answered 202, ${b.inDatabase} in the database, ${b.slotsFilled} slots filled`);
  }
}

async function main(): Promise<void> {
  if (ONLY !== '' && ONLY !== 'routes' && ONLY !== 'booking') throw new Error('BENCH_ONLY must be routes or booking');
  // The servers run as `npm start` runs them: compiled, from dist/.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  mkdirSync('bench/results', { recursive: true });
  const date = new Date().toISOString();
  const file = join('bench', 'results', `${date.slice(0, 10)}.json`);
  const earlier = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as { results?: RouteResult[]; booking?: BookingBenchResult[] } : {};

  const results = ONLY === 'booking' ? earlier.results ?? [] : await routesBench();
  let booking: BookingBenchResult[] = earlier.booking ?? [];
  if (ONLY !== 'routes') {
    booking = [];
    for (const database of DATABASES) {
      const result = await bookingBench(database, { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, postgresUrl: POSTGRES_URL });
      if (result) booking.push(result);
    }
  }
  const machine = {
    date,
    os: type(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    connections: CONNECTIONS,
    rounds: ROUNDS,
    secondsPerRound: SECONDS,
    ...(ONLY ? { only: ONLY } : {}),
  };
  console.log(`\nBenchmark ${machine.date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}`);
  if (ONLY !== 'booking') printRoutes(results);
  if (ONLY !== 'routes') printBooking(booking);
  writeFileSync(file, `${JSON.stringify({ machine, results, booking }, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
