/**
 * Transactions on SQLite, committed in groups. SQLite has one writer, and with `synchronous=FULL` every commit waits
 * for the disk; under load that wait, not the work, sets how many bookings a second the server can take. So the
 * transactions that arrive together (in one turn of the event loop, or while the previous group waited for the disk)
 * run one after another inside one database transaction, each in a savepoint of its own, and are committed once.
 * A transaction that fails is rolled back to its savepoint and fails alone, exactly as it would on its own. Nobody
 * is answered before the commit has reached the disk; if the commit fails, every transaction of the group fails.
 *
 * What the callers see is what `db.transaction().execute(work)` gives: all of `work` or none of it, in an order
 * the database decides. PostgreSQL runs transactions side by side and does not use this: there, the holds and the
 * bookings asked for together are written by one statement instead (batcher.ts, postgres-batches.ts).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export type Transact = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

interface Waiting {
  work: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** The most transactions in one commit. */
  maxGroup?: number;
  /** Told the size of each group after its commit (for statistics and tests). */
  onCommit?: (transactions: number) => void;
}

export function groupCommit(db: Kysely<Database>, options: GroupCommitOptions = {}): Transact {
  const maxGroup = options.maxGroup ?? 64;
  const queue: Waiting[] = [];
  let scheduled = false;

  const runGroup = async (group: Waiting[]): Promise<Outcome[]> => {
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      const outcomes: Outcome[] = [];
      try {
        for (const item of group) {
          await sql`savepoint one`.execute(conn);
          try {
            const value = await item.work(conn);
            await sql`release one`.execute(conn);
            outcomes.push({ ok: true, value });
          } catch (error) {
            // Undoes this transaction's statements only. If SQLite has already ended the whole transaction (an I/O
            // error, a full disk), this fails too, and the group fails as a whole below.
            await sql`rollback to one`.execute(conn);
            await sql`release one`.execute(conn);
            outcomes.push({ ok: false, error });
          }
        }
        await sql`commit`.execute(conn);
        options.onCommit?.(group.length);
        return outcomes;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const group = queue.splice(0, maxGroup);
      try {
        const outcomes = await runGroup(group);
        group.forEach((item, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      } catch (error) {
        for (const item of group) item.reject(error);
      }
    }
    scheduled = false;
  };

  return <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> => new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!scheduled) {
      scheduled = true;
      // After the requests that arrived in this turn of the event loop have queued their transactions too.
      setImmediate(() => { void drain(); });
    }
  });
}
