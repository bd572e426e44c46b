/**
 * What a database error means, the same on SQLite and PostgreSQL: a unique or check constraint that said no, or
 * a conflict between transactions that is worth one more try.
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
