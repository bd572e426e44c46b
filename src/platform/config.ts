/**
 * The only place that reads the environment. Parsed once at start-up, with safe defaults; a bad value stops the
 * app with a message that names the variable.
 */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Requests per minute per client address before 429. */
  rateLimitMax: number;
  /** Trust X-Forwarded-For from a proxy in front (only when there is one). */
  trustProxy: boolean;
  /** The address people reach the service at: used in calendar files and in the links in e-mails. */
  publicUrl: string;
  /** PostgreSQL when set (postgres://…); otherwise SQLite in DATA_DIR/ics.sqlite. */
  databaseUrl: string | null;
  /**
   * PostgreSQL connections this process keeps open at most. Requests beyond it wait in the process for a
   * connection rather than in the database for a lock or a core (ADR 7, "Connections").
   */
  databasePoolSize: number;
  /** PostgreSQL: the most holds, or bookings, written by one statement (1: each on its own). */
  databaseMaxBatch: number;
  /**
   * PostgreSQL's statement_timeout (ms): a statement that runs longer is cancelled (57014) and its request answered
   * 503, so no request waits for ever on a database that has stalled. ADR 9.
   */
  databaseStatementTimeoutMs: number;
  /** PostgreSQL's lock_timeout (ms): a statement that waits longer for a lock fails (55P03), answered 503. ADR 9. */
  databaseLockTimeoutMs: number;
  /** SQLite's busy_timeout (ms): how long a write waits for another connection's write lock before 503. ADR 9. */
  databaseBusyTimeoutMs: number;
  /** SMTP when set (smtp://user:pass@host:port or smtps://…); otherwise e-mails are written to DATA_DIR/outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /**
   * Without SMTP: how many days the e-mails are kept as .eml files in DATA_DIR/outbox, for reading them locally. 0
   * (the default) keeps none: nothing is sent, and no copy of a message (a name, an address, a private link) stays.
   */
  mailFilesKeepDays: number;
  /** Holds and bookings per minute per client address, on top of the general limit. */
  bookingRateLimitMax: number;
  /** Times a client may hold at once. */
  maxHoldsPerClient: number;
  /** Run the outbox sender and the scheduled jobs in this process (every process may: they do not collide). */
  jobs: boolean;
  /**
   * How long the outbox sender holds its claim on a message while sending it; a crashed sender's claim runs out
   * after this and another sender takes the message. Longer than any send may take.
   */
  outboxLeaseMs: number;
  /** Signs the cookie that carries the form-protection secret. When unset, one is made and kept in DATA_DIR. */
  cookieSecret: string | null;
  /**
   * How long (ms) a server process may keep the places taken per time it read, for the free times; 0 keeps
   * nothing. Its own bookings and changes are seen at once; on PostgreSQL another process's within this time.
   */
  freeTimesCacheMs: number;
  /** The booking configuration file (places, durations, horizon): config/booking.yaml unless BOOKING_CONFIG is set. */
  bookingConfigFile: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be true or false; it is "${env[name]}"`);
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\/\S+$/.test(raw)) throw new ConfigError('DATABASE_URL must be a PostgreSQL address, postgres://user@host:port/database');
  return raw;
}

function smtpUrl(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (!raw) return null;
  if (!/^smtps?:\/\/\S+$/.test(raw)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  return raw;
}

function cookieSecret(env: Env): string | null {
  const raw = env.COOKIE_SECRET;
  if (!raw) return null;
  if (raw.length < 32) throw new ConfigError('COOKIE_SECRET must be at least 32 characters long');
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || 'localhost';
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must start with http:// or https://; it is "${publicUrl}"`);
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR || './data'),
    logLevel: logLevel as Config['logLevel'],
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 300, 1, 10_000_000),
    trustProxy: flag(env, 'TRUST_PROXY'),
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl: databaseUrl(env),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 4, 1, 100),
    databaseMaxBatch: integer(env, 'DATABASE_MAX_BATCH', 32, 1, 256),
    databaseStatementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5_000, 100, 600_000),
    databaseLockTimeoutMs: integer(env, 'DATABASE_LOCK_TIMEOUT_MS', 2_000, 10, 600_000),
    databaseBusyTimeoutMs: integer(env, 'DATABASE_BUSY_TIMEOUT_MS', 5_000, 10, 600_000),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM || 'ICS booking <no-reply@ics.localhost>',
    mailFilesKeepDays: integer(env, 'MAIL_FILES_KEEP_DAYS', 0, 0, 365),
    bookingRateLimitMax: integer(env, 'BOOKING_RATE_LIMIT_MAX', 30, 1, 10_000_000),
    maxHoldsPerClient: integer(env, 'MAX_HOLDS_PER_CLIENT', 3, 1, 1_000_000),
    jobs: env.JOBS === undefined || env.JOBS === '' ? true : flag(env, 'JOBS'),
    outboxLeaseMs: integer(env, 'OUTBOX_LEASE_MS', 60_000, 1_000, 86_400_000),
    cookieSecret: cookieSecret(env),
    freeTimesCacheMs: integer(env, 'FREE_TIMES_CACHE_MS', 1_000, 0, 60_000),
    bookingConfigFile: env.BOOKING_CONFIG ? resolve(env.BOOKING_CONFIG) : null,
  };
}
