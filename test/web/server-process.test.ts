/**
 * The real process: it starts on the given port, answers /healthz, logs JSON without query strings, stops
 * cleanly on SIGTERM, and refuses a bad configuration with a message that names the variable.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../../src/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ics-data-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('the server process', () => {
  it('starts, answers, logs JSON without the answers, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = start({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    let healthy = false;
    // A generous wait: on a loaded machine compiling and checking everything can take a while; what is asserted is
    // that it answers at all (start-up time is measured by the benchmark, not here).
    const deadline = Date.now() + 60_000;
    while (!healthy && Date.now() < deadline && server.child.exitCode === null) {
      try { healthy = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    if (!healthy) server.child.kill('SIGKILL');
    assert.ok(healthy, `no answer on /healthz: ${server.output()}`);
    const page = await fetch(`http://127.0.0.1:${port}/plan/check?citizenship=SE&purpose=work&stay=under-3-months`);
    assert.equal(page.status, 200);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    const lines = server.output().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(lines.some((l) => l.msg === 'shutting down'));
    assert.ok(!server.output().includes('citizenship=SE'), 'the query string (the answers) must not be logged');
  });

  it('starts without its database: /healthz 200 saying so, the offices 200, booking 503 with Retry-After, logged once (ADR 9)', async () => {
    const port = await freePort();
    const closed = await freePort();
    const server = start({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/nothing` });
    let health: Response | undefined;
    const deadline = Date.now() + 60_000;
    while (!health && Date.now() < deadline && server.child.exitCode === null) {
      try { health = await fetch(`http://127.0.0.1:${port}/healthz`); } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    if (!health) server.child.kill('SIGKILL');
    assert.ok(health, `no answer on /healthz: ${server.output()}`);
    assert.deepEqual([health.status, await health.json()], [200, { status: 'ok', database: 'unavailable' }]);
    assert.equal((await fetch(`http://127.0.0.1:${port}/offices`)).status, 200);
    const page = await fetch(`http://127.0.0.1:${port}/book?lang=da`);
    assert.deepEqual([page.status, page.headers.get('retry-after')], [503, '60']);
    assert.match(await page.text(), /Booking er ikke mulig lige nu/);
    // Tries 1 s and 2 s later fail the same way: not told again.
    await new Promise((r) => setTimeout(r, 3_200));
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    const lines = server.output().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.filter((l) => String(l.msg).startsWith('database unavailable')).length, 1, server.output());
    assert.ok(lines.some((l) => l.database === 'unavailable' && String(l.msg).startsWith('booking started without its database')));
  });

  it('refuses a bad configuration, naming the variable', async () => {
    const server = start({ PORT: 'eighty' });
    assert.equal(await server.exited, 1);
    assert.match(server.output(), /PORT must be a whole number/);
  });
});
