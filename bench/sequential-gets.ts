/**
 * One request at a time over one kept-alive connection, for `seconds` after a second of warm-up; prints the time of
 * each request (from sending to the last byte) as JSON. Run as a process of its own by bench/booking.ts, so the
 * latencies are not those of the benchmark's own garbage collector, which holds the results of the load before.
 * Usage: node --import tsx bench/sequential-gets.ts <url> <seconds> [header=value ...]
 */
import { Agent, request as httpRequest } from 'node:http';

const [url, secondsText, ...headerArgs] = process.argv.slice(2);
if (!url || !secondsText) throw new Error('usage: sequential-gets.ts <url> <seconds> [header=value ...]');
const headers = Object.fromEntries(headerArgs.map((h) => [h.slice(0, h.indexOf('=')), h.slice(h.indexOf('=') + 1)]));
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

const get = () => new Promise<{ status: number; bytes: number }>((resolve, reject) => {
  const req = httpRequest(url, { agent, headers }, (res) => {
    let bytes = 0;
    res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end();
});

const ms: number[] = [];
let bytes = 0;
const warmUntil = performance.now() + 1_000;
while (performance.now() < warmUntil) await get();
const until = performance.now() + Number(secondsText) * 1_000;
while (performance.now() < until) {
  const t0 = performance.now();
  const res = await get();
  ms.push(performance.now() - t0);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  bytes = res.bytes;
}
agent.destroy();
process.stdout.write(JSON.stringify({ ms, bytes }));
