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
import { ROOT } from '../../src/web/server.js';

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/server.ts'], {
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
    for (let i = 0; i < 100 && !healthy; i++) {
      try { healthy = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    assert.ok(healthy, `no answer on /healthz: ${server.output()}`);
    const page = await fetch(`http://127.0.0.1:${port}/plan/check?citizenship=SE&purpose=work&stay=under-3-months`);
    assert.equal(page.status, 200);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    const lines = server.output().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(lines.some((l) => l.msg === 'shutting down'));
    assert.ok(!server.output().includes('citizenship=SE'), 'the query string (the answers) must not be logged');
  });

  it('refuses a bad configuration, naming the variable', async () => {
    const server = start({ PORT: 'eighty' });
    assert.equal(await server.exited, 1);
    assert.match(server.output(), /PORT must be a whole number/);
  });
});
