import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { fixedClock } from '../src/platform/clock/system-clock.js';
import { loadConfig } from '../src/platform/config.js';
import type { LocalDate } from '../src/kernel/dates/local-date.js';
import type { Clock } from '../src/platform/clock/clock.js';
import { buildApp } from '../src/app.js';
import { type BookingRuntime, type RuntimeOptions, startBookingRuntime } from '../src/modules/booking/booking-runtime.js';
import type { AppDeps, BaseDeps } from '../src/deps.js';
import { loadDeps } from '../src/server.js';
import { outgoing } from '../src/modules/booking/adapters/db/booking-store.js';
import { composeOutgoing } from '../src/modules/booking/app/messages.js';
import type { OutboxTable } from '../src/modules/booking/adapters/db/schema.js';

/** The day the tests stand on: the rules' sources were checked on this day. */
export const TEST_TODAY = '2026-11-25' as LocalDate;
export const TEST_NOW = '2026-11-25T10:00:00Z';

/**
 * Which database the database tests run on: TEST_DATABASE=postgres uses TEST_DATABASE_URL (default: the local
 * server's `test` database), each test file in a schema of its own that is dropped afterwards; anything else
 * uses SQLite in a temporary folder.
 */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

let cached: BaseDeps | undefined;

export function testDeps(): BaseDeps {
  cached ??= loadDeps(loadConfig({ RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' }), fixedClock(TEST_NOW));
  return cached;
}

export interface TestRuntime extends BookingRuntime {
  /** Database settings for a server process that should share this database. */
  env: Record<string, string>;
}

let counter = 0;

/** A booking runtime on a fresh database (SQLite file or PostgreSQL schema) that is removed on close. */
export async function testRuntime(base: BaseDeps = testDeps(), options: RuntimeOptions & { clock?: Clock } = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ics-test-'));
  const postgres = TEST_DATABASE === 'postgres';
  const schema = postgres ? `t_${process.pid}_${Date.now().toString(36)}_${counter++}` : undefined;
  const config = { ...base.config, dataDir, databaseUrl: postgres ? TEST_DATABASE_URL : null };
  let firstError: unknown;
  const runtime = await startBookingRuntime({ ...base, config, clock: options.clock ?? base.clock }, {
    jobs: false, onDatabase: (event) => { firstError ??= event.error; }, ...options, ...(schema ? { schema } : {}),
  });
  if (runtime.databaseState() !== 'open') {
    // The tests' database must be there: say why it is not, rather than wait for it.
    await runtime.close();
    throw firstError instanceof Error ? firstError : new Error('the test database did not open');
  }
  const env: Record<string, string> = postgres
    ? { DATABASE_URL: `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`, DATA_DIR: dataDir }
    : { DATA_DIR: dataDir };
  return {
    ...runtime,
    env,
    async close() {
      await runtime.close();
      if (schema) await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try { await client.query(`drop schema if exists "${schema}" cascade`); } finally { await client.end(); }
}

export const TEST_COOKIE_SECRET = 'test-cookie-secret-that-is-long-enough-1234';

/** The app on a fresh database; the database goes away when the app closes. */
export async function testApp(overrides: Partial<AppDeps['config']> = {}, options: { clock?: Clock; runtime?: TestRuntime } = {}): Promise<FastifyInstance> {
  const base = testDeps();
  const clock = options.clock ?? base.clock;
  const runtime = options.runtime ?? await testRuntime({ ...base, clock });
  const app = await buildApp({ ...base, clock, config: { ...base.config, ...overrides }, booking: runtime.ports, cookieSecret: TEST_COOKIE_SECRET });
  if (!options.runtime) app.addHook('onClose', async () => { await runtime.close(); });
  return app;
}

/** The outbox's messages in words, as the sender will write them, with their rows (filtered by `where`). */
export async function outboxMail(rt: BookingRuntime, where: Partial<Pick<OutboxTable, 'kind' | 'to_address' | 'booking_id'>>) {
  let query = rt.database.db.selectFrom('outbox').selectAll();
  for (const [column, value] of Object.entries(where)) query = query.where(column as 'kind', '=', value as OutboxTable['kind']);
  const rows = await query.execute();
  return rows.map((row) => ({ ...composeOutgoing(rt.ports.messages, outgoing(row)), row }));
}

/**
 * The private link a person finds in the e-mail sent to this address (the newest message with a link), as the
 * sender will word it: a booking's reference and token reach the person only by e-mail.
 */
export async function linkInMail(rt: BookingRuntime, email: string, kind?: OutboxTable['kind']): Promise<{ reference: string; token: string; subject: string; path: string }> {
  await rt.idle();
  // The tests' clock stands still, so messages written in one test can share their time: name the kind to be sure.
  const mails = await outboxMail(rt, kind ? { to_address: email, kind } : { to_address: email });
  for (const mail of mails.sort((a, b) => Number(b.row.created_ms) - Number(a.row.created_ms) || (b.row.id < a.row.id ? -1 : 1))) {
    const m = /\/booking\/([A-Z0-9-]{9})\?token=([A-Za-z0-9_-]{43})(&lang=da)?/.exec(mail.text);
    if (m) return { reference: m[1]!, token: m[2]!, subject: mail.subject, path: m[0] };
  }
  throw new Error(`no e-mail with a booking link to ${email} (${mails.length} messages)`);
}
