/**
 * npm run bench: builds and starts the real server (BENCH_ROUTES=true) in its own process, as `npm start` does,
 * and measures, in the same run,
 * each route against its twin that sends the same bytes already prepared. Prints the figures with the machine
 * and the date, and writes them to bench/results/<date>.json.
 *
 * Method: 50 connections (autocannon), a warm-up, then rounds that alternate route and twin; the median
 * requests per second of the rounds is reported. The load generator shares the machine with the server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SAMPLE_PLAN_QUERY, SAMPLE_PLAN_REQUEST } from './samples.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

interface Pair {
  name: string;
  goal: number;
  route: autocannon.Options;
  twin: autocannon.Options;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** CPU time the server process has used, in microseconds (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function serverCpuUs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The server runs as `npm start` runs it: compiled, from dist/.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const server = spawn(process.execPath, ['dist/src/web/server.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BENCH_ROUTES: 'true', RATE_LIMIT_MAX: '10000000', LOG_LEVEL: 'warn', DATA_DIR: join('data', 'bench') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  serverPid = server.pid;
  try {
    await waitFor(`${base}/healthz`);
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
    const results = [];
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
    const machine = {
      date: new Date().toISOString(),
      os: type(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRound: SECONDS,
    };
    console.log(`\nBenchmark ${machine.date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}`);
    console.log(`${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s, route and twin alternating\n`);
    console.log('| route | req/s | prepared twin req/s | ratio | goal | p99 ms (route / twin) | server CPU µs/request (route / twin) | bytes |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      const cpu = r.serverCpuUsPerRequest ? `${r.serverCpuUsPerRequest.route} / ${r.serverCpuUsPerRequest.twin}` : 'n/a';
      console.log(`| ${r.name} | ${r.routeRps} | ${r.twinRps} | ${(r.ratio * 100).toFixed(0)} % | ${r.goal * 100} % ${r.met ? 'met' : 'NOT met'} | ${r.routeP99Ms} / ${r.twinP99Ms} | ${cpu} | ${r.bytesPerResponse} |`);
    }
    mkdirSync('bench/results', { recursive: true });
    const file = join('bench', 'results', `${machine.date.slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify({ machine, results }, null, 2)}\n`);
    console.log(`\nwritten to ${file}`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
