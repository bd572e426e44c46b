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

/** PostgreSQL's deadlock and serialization failures, and SQLite's busy database: try the transaction again. */
export function isRetryable(error: unknown): boolean {
  const e = error as DriverError;
  return e?.code === '40P01' || e?.code === '40001' || e?.code === 'SQLITE_BUSY';
}

export async function withRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 * i + Math.random() * 5));
    }
  }
}

const UNAVAILABLE_CODES = new Set([
  // PostgreSQL: connection exceptions (class 08), shutting down or starting up (57P01-57P03), too many connections.
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300',
  // The network to it.
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  // SQLite: still locked after its wait, the disk full, the file gone or read-only.
  'SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY',
]);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Cannot use a pool after calling end|The database connection is not open|driver has already been destroyed/;

/**
 * The database cannot be reached or cannot write just now (down, restarting, out of connections or disk): the
 * request did not happen, and the person should try again later. Answered 503, not 500.
 */
export function isUnavailable(error: unknown): boolean {
  const e = error as DriverError;
  if (typeof e?.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('SQLITE_IOERR'))) return true;
  return typeof e?.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message);
}
