/**
 * The process: read the configuration, load and check the rules and reference data, start the app, and stop it
 * cleanly on SIGTERM or SIGINT (in-flight requests finish; new ones get 503).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from './platform/i18n/content.js';
import { systemClock } from './platform/clock/system-clock.js';
import { loadPlaces } from './modules/offices/index.js';
import { loadOfficeDirectory } from './modules/offices/index.js';
import { loadRules } from './modules/plan/index.js';
import { loadBookingConfig } from './modules/booking/index.js';
import { loadConfig } from './platform/config.js';
import { copenhagenDate } from './kernel/time/copenhagen-time.js';
import { dateLimits } from './modules/plan/index.js';
import { buildApp, loggerOptions } from './app.js';
import { createTexts } from './platform/i18n/texts.js';
import { ROOT } from './platform/root.js';
import type { BaseDeps } from './deps.js';
import { type DatabaseEvent, startBookingRuntime } from './modules/booking/index.js';

export { ROOT };

function laterDay<T extends string>(a: T, b: T): T {
  return a > b ? a : b;
}

export function loadDeps(config: BaseDeps['config'], clock = systemClock): BaseDeps {
  const today = copenhagenDate(clock.now());
  const places = loadPlaces(join(ROOT, 'reference'));
  const offices = loadOfficeDirectory({ referenceDir: join(ROOT, 'reference'), rulesDir: join(ROOT, 'rules'), places });
  return {
    config,
    clock,
    // A source cannot have been checked after the real today (whatever day a test's clock says it is).
    rules: loadRules({ rulesDir: join(ROOT, 'rules'), earliestDate: dateLimits(today).arrivalMin, today: laterDay(today, copenhagenDate(systemClock.now())) }),
    offices,
    texts: createTexts(loadContent(join(ROOT, 'content'))),
    bookingConfig: loadBookingConfig(config.bookingConfigFile ?? join(ROOT, 'config', 'booking.yaml'), offices),
  };
}

/** The secret for the form-protection cookie: COOKIE_SECRET, or one made once and kept in DATA_DIR. */
export function cookieSecretFor(config: BaseDeps['config']): string {
  if (config.cookieSecret) return config.cookieSecret;
  const file = join(config.dataDir, 'cookie-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const base = loadDeps(config);
  // Failures of background work (the e-mail sender, the scheduled jobs, a database connection that broke while idle)
  // go to the app's log once it exists: the message and code only (a driver's error carries its whole connection).
  let logError = (error: unknown) => console.error(error instanceof Error ? error.message : error);
  // Whether the database can be used, told once per change (not once per try); booking waits for it, nothing else.
  // Before the app (and its log) exists, the last event waits for it.
  let pendingEvent: DatabaseEvent | null = null;
  let logDatabase = (event: DatabaseEvent) => { pendingEvent = event; };
  const runtime = await startBookingRuntime(base, { onError: (error) => logError(error), onDatabase: (event) => logDatabase(event) });
  const app = await buildApp({ ...base, booking: runtime.ports, cookieSecret: cookieSecretFor(config) }, { logger: loggerOptions(config.logLevel) });
  logError = (error) => {
    const e = error as { message?: unknown; code?: unknown };
    app.log.error({ err: { message: String(e?.message ?? error), code: e?.code } }, 'background work failed');
  };
  logDatabase = (event) => {
    const e = event.error as { message?: unknown; code?: unknown } | undefined;
    if (event.state === 'open') app.log.info({ database: config.databaseUrl ? 'postgres' : 'sqlite' }, 'database open: booking ready');
    else app.log.warn({ err: { message: String(e?.message ?? event.error), code: e?.code }, retryInMs: event.retryInMs }, 'database unavailable: booking answers 503 and the database is tried again');
  };
  if (pendingEvent) logDatabase(pendingEvent);
  app.addHook('onClose', async () => { await runtime.close(); });
  const database = runtime.databaseState() === 'open' ? runtime.database.dialect : 'unavailable';
  app.log.info({ database, mail: runtime.mailer.description, jobs: config.jobs }, database === 'unavailable'
    ? 'booking started without its database: it answers 503 until the database opens' : 'booking ready');
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0), (error: unknown) => {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
