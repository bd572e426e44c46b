/**
 * A throwaway PostgreSQL cluster for the fault tests (test/db/faults.test.ts): made with initdb in a temporary
 * folder, on a free port of 127.0.0.1, owned by the `postgres` user (the tests run as root; PostgreSQL refuses to).
 * The `postgres` superuser logs in without a password; every other role with scram-sha-256, so a wrong password
 * fails as it would in production (28P01). Stopped with `-m immediate`, like a crash, and removed in the end.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  port: number;
  /** postgres://user[:password]@127.0.0.1:port/database */
  url(database?: string, user?: string, password?: string): string;
  start(): Promise<void>;
  /** Like a crash: no checkpoint, connections cut. */
  stop(): Promise<void>;
  /** Stops it if it runs and removes its folder. */
  remove(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether this machine can make a cluster: the binaries, and root to run them as `postgres`. */
export function canMakeCluster(): boolean {
  return process.getuid?.() === 0 && existsSync(join(BIN, 'initdb'));
}

const asPostgres = (command: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args], { timeout: 60_000 });

/** A new cluster, made but not started. */
export async function makeCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'ics-pg-'));
  chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const data = join(dir, 'data');
  const port = await freePort();
  // -N: no fsync while making it (a test cluster); the server itself keeps fsync on.
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
  writeFileSync(join(data, 'pg_hba.conf'), [
    'local all all trust',
    'host all postgres 127.0.0.1/32 trust',
    'host all all 127.0.0.1/32 scram-sha-256',
    '',
  ].join('\n'));
  appendFileSync(join(data, 'postgresql.conf'), [
    '', `port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`,
    "password_encryption = 'scram-sha-256'", 'max_connections = 50', 'shared_buffers = 16MB', '',
  ].join('\n'));
  let running = false;
  const cluster: PgCluster = {
    port,
    url: (database = 'postgres', user = 'postgres', password?: string) =>
      `postgres://${encodeURIComponent(user)}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@127.0.0.1:${port}/${database}`,
    async start() {
      await asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
      running = true;
    },
    async stop() {
      await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    async remove() {
      if (running) await cluster.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

function uidOf(user: string): number { return Number(execFileSync('id', ['-u', user]).toString().trim()); }
function gidOf(user: string): number { return Number(execFileSync('id', ['-g', user]).toString().trim()); }
