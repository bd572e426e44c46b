/**
 * Wires booking to real parts: the database (SQLite by default, PostgreSQL with DATABASE_URL), the mailer (SMTP
 * with SMTP_URL, .eml files otherwise), the outbox sender and the scheduled jobs. Every process may run the jobs:
 * each step is a guarded update, so two processes never do the same work twice.
 */
import { join } from 'node:path';
import { type BookingStoreOptions, kyselyBookingStore } from '../adapters/db/booking-store.js';
import { type OpenDatabase, openDatabase } from '../adapters/db/database.js';
import { withPlacesCache } from '../adapters/db/places-cache.js';
import { fileMailer, smtpMailer } from '../adapters/mail/mailer.js';
import { randomPool } from '../adapters/random/random-pool.js';
import { type BookingPorts, housekeeping } from '../app/booking/bookings.js';
import { SlotCache } from '../app/booking/slot-cache.js';
import { DEFAULT_OUTBOX, type Worker, startOutboxWorker } from '../app/booking/outbox-worker.js';
import type { Mailer } from '../ports/mailer.js';
import type { BaseDeps } from './deps.js';
import { laterWork } from './later-work.js';

export interface BookingRuntime {
  ports: BookingPorts;
  database: OpenDatabase;
  mailer: Mailer;
  worker: Worker | null;
  /** Runs the scheduled jobs once (also on a timer when jobs are on). */
  housekeeping(): ReturnType<typeof housekeeping>;
  /** Resolves when the work started after answers (BookingPorts.later) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

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
}

export async function startBookingRuntime(base: BaseDeps, options: RuntimeOptions = {}): Promise<BookingRuntime> {
  const { config } = base;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir, onIdleError: onError,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  const store = withPlacesCache(kyselyBookingStore(database.db, database.dialect, {
    maxBatch: config.databaseMaxBatch, handOvers: database.handOvers, ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  }), { ttlMs: config.freeTimesCacheMs, version: database.changeCounter });
  const mailer = options.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : fileMailer(join(config.dataDir, 'outbox'), config.mailFrom, config.mailFilesKeepDays));
  const jobs = options.jobs ?? config.jobs;
  const domain = new URL(config.publicUrl).hostname || DEFAULT_OUTBOX.domain;
  let worker: Worker | null = null;
  const later = laterWork(onError);
  const ports: BookingPorts = {
    store,
    directory: base.offices,
    rules: base.rules,
    config: base.bookingConfig,
    slots: new SlotCache(base.offices, base.bookingConfig),
    messages: { t: (lang, key, params) => base.texts.t(lang, key, params), directory: base.offices, rules: base.rules, publicUrl: config.publicUrl, eraseAfterDays: base.bookingConfig.eraseAfterDays },
    random: randomPool(),
    onMessage: () => worker?.kick(),
    later: (work) => later.run(work),
    mailCopies: mailer,
  };
  if (jobs) worker = startOutboxWorker(store, mailer, base.clock, ports.messages, { ...DEFAULT_OUTBOX, leaseMs: config.outboxLeaseMs, domain, intervalMs: options.outboxIntervalMs ?? 2_000, onError, warn: (text) => onError(new Error(text)) });
  const runHousekeeping = () => housekeeping(ports, base.clock.now());
  let timer: NodeJS.Timeout | null = null;
  if (jobs) {
    timer = setInterval(() => { runHousekeeping().catch(onError); }, options.housekeepingIntervalMs ?? 30_000);
    timer.unref();
    runHousekeeping().catch(onError);
  }
  return {
    ports,
    database,
    mailer,
    worker,
    housekeeping: runHousekeeping,
    idle: () => later.idle(),
    async close() {
      if (timer) clearInterval(timer);
      await later.idle();
      await worker?.stop();
      await mailer.close();
      await database.close();
    },
  };
}
