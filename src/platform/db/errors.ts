/**
 * What a database error means, the same on SQLite and PostgreSQL: a unique or check constraint that said no,
 * a conflict between transactions that is worth one more try, or a database that cannot be reached just now.
 */
interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** A unique constraint said no; with names, only one of those (PostgreSQL names the constraint, SQLite the columns). */
export function isUniqueViolation(error: unknown, ...names: string[]): boolean {
  const e = error as DriverError;
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!unique || names.length === 0) return unique;
  return names.some((name) => e.constraint === name || (typeof e.message === 'string' && e.message.includes(name)));
}

export function isCheckViolation(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === '23514' || e?.code === 'SQLITE_CONSTRAINT_CHECK';
}

/**
 * PostgreSQL's deadlock and serialization failures, and SQLite's busy database: try the transaction again. SQLite's
 * busy is worth another try only when it came at once (a transaction that could not wait its turn); one that came
 * after the busy timeout (DATABASE_BUSY_TIMEOUT_MS) has waited its turn already, and is answered 503 instead.
 */
export function isRetryable(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === '40P01' || e?.code === '40001' || e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_BUSY_SNAPSHOT';
}

/** An attempt that failed busy after waiting this long waited out SQLite's busy timeout: no more tries. */
const WAITED_MS = 200;

export async function withRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    const started = performance.now();
    try {
      return await work();
    } catch (error) {
      if (i >= attempts || !isRetryable(error)) throw error;
      if ((error as DriverError).code === 'SQLITE_BUSY' && performance.now() - started >= WAITED_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 * i + Math.random() * 5));
    }
  }
}

/**
 * PostgreSQL's classes of SQLSTATE (the first two characters) that mean "not now", whatever the code within them:
 * - 08 connection exception (the connection failed or broke);
 * - 28 invalid authorization (28P01 a wrong password, 28000 no entry in pg_hba.conf): the server is there, but this
 *   process may not use it until an operator mends its settings;
 * - 3D invalid catalog name (3D000: the database does not exist, dropped or not yet made);
 * - 53 insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections);
 * - 55 object not in prerequisite state (55P03 lock_not_available, which lock_timeout raises; 55000, 55006);
 * - 57 operator intervention (57014 query_canceled, which statement_timeout raises; 57P01 admin shutdown, 57P02
 *   crash shutdown, 57P03 cannot connect now, 57P04 database dropped; and 57000).
 * Each leaves nothing changed: the transaction is rolled back, or never began.
 */
const UNAVAILABLE_CLASSES = new Set(['08', '28', '3D', '53', '55', '57']);
const SQLSTATE = /^[0-9A-Z]{5}$/;

const UNAVAILABLE_CODES = new Set([
  // The network to it.
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  // SQLite: still locked after its busy timeout, the disk full, the file gone, unopenable or read-only (SQLITE_IOERR_*
  // below).
  'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN',
  'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_CANTLOCK',
  // The booking runtime has not opened (or migrated) the database yet: it keeps trying (DatabaseNotOpen).
  'ICS_DATABASE_NOT_OPEN',
]);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|The database connection is not open|driver has already been destroyed/;

/** What requests that need the database meet while the runtime has not opened it yet (booking-runtime.ts). */
export class DatabaseNotOpen extends Error {
  readonly code = 'ICS_DATABASE_NOT_OPEN';
  constructor(message = 'the database is not open yet') {
    super(message);
  }
}

/**
 * The database cannot be reached or cannot write just now (down, restarting, refusing us, out of connections or disk,
 * or a lock or statement that ran out of time): the request did not happen, and the person should try again later.
 * Answered 503 with Retry-After, not 500.
 */
export function isUnavailable(error: unknown): boolean {
  const e = error as DriverError;
  if (typeof e?.code === 'string') {
    if (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('SQLITE_IOERR') || e.code.startsWith('SQLITE_CANTOPEN')) return true;
    if (SQLSTATE.test(e.code) && UNAVAILABLE_CLASSES.has(e.code.slice(0, 2))) return true;
  }
  return typeof e?.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message);
}
