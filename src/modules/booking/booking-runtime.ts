/**
 * Wires booking to real parts: the database (SQLite by default, PostgreSQL with DATABASE_URL), the mailer (SMTP
 * with SMTP_URL, .eml files otherwise), the outbox sender and the scheduled jobs. Every process may run the jobs:
 * each step is a guarded update, so two processes never do the same work twice.
 */
import { join } from 'node:path';
import { type BookingStoreOptions, kyselyBookingStore } from './adapters/db/booking-store.js';
import { type OpenDatabase, openDatabase } from './adapters/db/database.js';
import { DatabaseNotOpen, isUnavailable } from '../../platform/db/errors.js';
import { withPlacesCache } from './adapters/db/places-cache.js';
import { fileMailer, smtpMailer } from '../../platform/mail/mailer.js';
import { randomPool } from '../../platform/random-pool.js';
import { type BookingPorts, housekeeping } from './app/bookings.js';
import { SlotCache } from './app/slot-cache.js';
import { DEFAULT_OUTBOX, type Worker, startOutboxWorker } from './app/outbox-worker.js';
import type { BookingStore } from './ports/booking-store.js';
import type { Mailer } from '../../platform/mail/mailer-port.js';
import { type BookingBaseDeps } from './deps.js';
import { laterWork } from '../../platform/later-work.js';

export type DatabaseState = 'open' | 'unavailable';

export interface BookingRuntime {
  ports: BookingPorts;
  /** The open database; throws DatabaseNotOpen (answered 503) while the runtime is still trying to open it. */
  readonly database: OpenDatabase;
  /** 'open' once the database is open and migrated; 'unavailable' while the runtime keeps trying (ADR 9). */
  databaseState(): DatabaseState;
  /** Resolves when the database is open (at once if it is); rejects if the runtime is closed first. */
  ready(): Promise<void>;
  mailer: Mailer;
  /** The e-mail sender, once the database is open and when jobs are on. */
  readonly worker: Worker | null;
  /** Runs the scheduled jobs once (also on a timer when jobs are on). */
  housekeeping(): ReturnType<typeof housekeeping>;
  /** Resolves when the work started after answers (BookingPorts.later) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A change in whether the database can be used: told once per change, not once per try. */
export interface DatabaseEvent {
  state: DatabaseState;
  /** Why it cannot be used (the driver's error), while unavailable. */
  error?: unknown;
  /** When the runtime tries again, while unavailable. */
  retryInMs?: number;
}

/** How long the runtime waits between tries to open the database: 1, 2, 5, 10 s, then every 30 s. */
export const OPEN_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export interface RuntimeOptions {
  /** PostgreSQL schema (tests give each run its own). */
  schema?: string;
  mailer?: Mailer;
  jobs?: boolean;
  outboxIntervalMs?: number;
  housekeepingIntervalMs?: number;
  onError?: (error: unknown) => void;
  /** Told the size of each batch of holds or bookings (PostgreSQL; for tests). */
  onBatch?: BookingStoreOptions['onBatch'];
  /** Told when the database becomes usable or unusable, or fails for another reason than before. */
  onDatabase?: (event: DatabaseEvent) => void;
  /** The waits between tries to open the database (the last one repeats); OPEN_RETRY_MS unless given. */
  openRetryMs?: readonly number[];
}

/** A store for while the database is not open: every call fails as a database that cannot be reached. */
function notOpenStore(): BookingStore {
  return new Proxy({} as BookingStore, {
    get: (_target, name) => (typeof name === 'string' ? () => Promise.reject(new DatabaseNotOpen()) : undefined),
  });
}

function errorKey(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return `${String(e?.code ?? '')}:${String(e?.message ?? error)}`;
}

/**
 * Starts booking. It tries to open (and migrate) the database once before it resolves; if that fails because the
 * database cannot be reached or refuses us (errors.ts, isUnavailable), it resolves all the same, with the database
 * 'unavailable', and keeps trying in the background (OPEN_RETRY_MS); meanwhile every call of the store fails as
 * unavailable (503). Once the database opens, booking works, the sender and the jobs start, with no restart. Any
 * other failure (a migration that is wrong) stops the start, as before.
 */
export async function startBookingRuntime(base: BookingBaseDeps, options: RuntimeOptions = {}): Promise<BookingRuntime> {
  const { config } = base;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const onDatabase = options.onDatabase ?? ((event: DatabaseEvent) => {
    if (event.state === 'open') console.error('database open');
    else console.error(`database unavailable (trying again in ${event.retryInMs} ms): ${(event.error as Error)?.message ?? event.error}`);
  });
  const retryMs = options.openRetryMs?.length ? options.openRetryMs : OPEN_RETRY_MS;
  const mailer = options.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : fileMailer(join(config.dataDir, 'outbox'), config.mailFrom, config.mailFilesKeepDays));
  const jobs = options.jobs ?? config.jobs;
  const domain = new URL(config.publicUrl).hostname || DEFAULT_OUTBOX.domain;
  let worker: Worker | null = null;
  let database: OpenDatabase | null = null;
  const later = laterWork(onError);
  const ports: BookingPorts = {
    store: notOpenStore(),
    directory: base.offices,
    rules: base.rules,
    config: base.bookingConfig,
    slots: new SlotCache(base.offices, base.bookingConfig),
    messages: { t: (lang, key, params) => base.texts.t(lang, key, params), directory: base.offices, rules: base.rules, publicUrl: config.publicUrl, eraseAfterDays: base.bookingConfig.eraseAfterDays },
    random: randomPool(),
    onMessage: () => worker?.kick(),
    later: (work) => later.run(work),
    mailCopies: mailer,
    databaseOpen: () => database !== null,
  };
  const runHousekeeping = () => housekeeping(ports, base.clock.now());
  let timer: NodeJS.Timeout | null = null;

  const open = () => openDatabase({
    databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir, onIdleError: onError,
    statementTimeoutMs: config.databaseStatementTimeoutMs, lockTimeoutMs: config.databaseLockTimeoutMs, busyTimeoutMs: config.databaseBusyTimeoutMs,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  const opened = (db: OpenDatabase) => {
    database = db;
    ports.store = withPlacesCache(kyselyBookingStore(db.db, db.dialect, {
      maxBatch: config.databaseMaxBatch, handOvers: db.handOvers, ...(options.onBatch ? { onBatch: options.onBatch } : {}),
    }), { ttlMs: config.freeTimesCacheMs, version: db.changeCounter });
    if (jobs) {
      worker = startOutboxWorker(ports.store, mailer, base.clock, ports.messages, { ...DEFAULT_OUTBOX, leaseMs: config.outboxLeaseMs, domain, intervalMs: options.outboxIntervalMs ?? 2_000, onError, warn: (text) => onError(new Error(text)) });
      timer = setInterval(() => { runHousekeeping().catch(onError); }, options.housekeepingIntervalMs ?? 30_000);
      timer.unref();
      runHousekeeping().catch(onError);
    }
    for (const waiting of readyWaiters.splice(0)) waiting.resolve();
  };

  // Tries again and again while the database cannot be used; tells of each change once.
  let closed = false;
  let tries = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> | null = null;
  let lastKey: string | null = null;
  const readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const failed = (error: unknown) => {
    const waitMs = retryMs[Math.min(tries, retryMs.length - 1)]!;
    tries++;
    const key = errorKey(error);
    if (key !== lastKey) {
      lastKey = key;
      onDatabase({ state: 'unavailable', error, retryInMs: waitMs });
    }
    retryTimer = setTimeout(() => {
      retryTimer = null;
      attempt = open().then(async (db) => {
        if (closed) { await db.close(); return; }
        opened(db);
        onDatabase({ state: 'open' });
      }, (e: unknown) => {
        if (closed) return;
        if (!isUnavailable(e)) onError(e);
        failed(e);
      }).finally(() => { attempt = null; });
    }, waitMs);
    retryTimer.unref();
  };

  try {
    opened(await open());
  } catch (error) {
    if (!isUnavailable(error)) {
      await mailer.close();
      throw error;
    }
    failed(error);
  }

  return {
    ports,
    get database(): OpenDatabase {
      if (!database) throw new DatabaseNotOpen();
      return database;
    },
    databaseState: () => (database ? 'open' : 'unavailable'),
    ready: () => (database ? Promise.resolve() : new Promise<void>((resolve, reject) => { readyWaiters.push({ resolve, reject }); })),
    mailer,
    get worker() { return worker; },
    housekeeping: runHousekeeping,
    idle: () => later.idle(),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await attempt;
      for (const waiting of readyWaiters.splice(0)) waiting.reject(new DatabaseNotOpen('the booking runtime closed before its database opened'));
      if (timer) clearInterval(timer);
      await later.idle();
      await worker?.stop();
      await mailer.close();
      await database?.close();
    },
  };
}
