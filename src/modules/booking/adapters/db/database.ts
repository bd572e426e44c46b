/**
 * Opens the database: SQLite (better-sqlite3, WAL) under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
 * Migrates on start. Nothing else in the app knows which one it is on. Booking's for now: it is the only module with
 * tables (the platform keeps what every database needs: its errors, platform/db/errors.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect, type PostgresPool, type PostgresPoolClient, SqliteDialect,
  type SqliteDatabase as SqliteDatabaseLike, sql,
} from 'kysely';
import pg from 'pg';
import { isUnavailable } from '../../../../platform/db/errors.js';
import * as booking001 from './migrations/001-booking.js';
import * as messages002 from './migrations/002-message-events.js';
import * as handOver003 from './migrations/003-hand-over.js';
import * as noBench004 from './migrations/004-no-bench-table.js';
import * as languages005 from './migrations/005-languages.js';
import { LANGS } from '../../../../kernel/i18n/locales.js';
import { type HandOvers, postgresHandOvers } from './hand-overs.js';
import type { Database } from './schema.js';

// PostgreSQL's bigint comes back as text by default; our bigints are milliseconds, safe as numbers.
pg.types.setTypeParser(20, (value: string) => Number(value));

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL only: the schema to use (tests give each run its own). */
  schema?: string;
  /** PostgreSQL only: the most connections kept open (4 unless given). */
  poolSize?: number;
  /**
   * PostgreSQL only: told when a connection the pool kept idle breaks (the server restarted, or an administrator
   * ended it). The pool drops it and opens another when one is needed; unheard, the error would end the process.
   */
  onIdleError?: (error: Error) => void;
  /** PostgreSQL only: statement_timeout in ms (5000 unless given). A statement that runs longer fails 57014. */
  statementTimeoutMs?: number;
  /** PostgreSQL only: lock_timeout in ms (2000 unless given). A wait for a lock that lasts longer fails 55P03. */
  lockTimeoutMs?: number;
  /** SQLite only: busy_timeout in ms (5000 unless given). A write that waits longer for the lock fails SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /**
   * SQLite: a number that moves whenever another connection (or process) commits to the database file (PRAGMA
   * data_version; read directly, it costs a microsecond). PostgreSQL has nothing as cheap: null.
   */
  changeCounter: (() => number) | null;
  /**
   * PostgreSQL: the outbox's hand-over records, on a connection of their own (hand-overs.ts). SQLite needs none: its
   * statements commit synchronously, so the store writes them as it writes everything.
   */
  handOvers: HandOvers | null;
  close(): Promise<void>;
}

const migrations: Record<string, Migration> = { '001-booking': booking001, '002-message-events': messages002, '003-hand-over': handOver003, '004-no-bench-table': noBench004, '005-languages': languages005 };
const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * better-sqlite3 with its prepared statements kept (the 256 used last): Kysely prepares every query anew, which
 * took about a tenth of a booking's time. Safe because every statement runs to its end synchronously (we never
 * stream rows), so no statement is in use when it is handed out again.
 */
function keepingStatements(file: SqliteDatabase.Database, size = 256): SqliteDatabaseLike {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => file.close(),
    prepare(text: string) {
      let statement = kept.get(text);
      if (statement) {
        kept.delete(text);
      } else {
        statement = file.prepare(text);
        if (kept.size >= size) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}

/** Statements named so far (text → name), the same names on every connection of this process. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 2_000;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * A pool whose connections run each data statement as a named prepared statement: PostgreSQL then parses and
 * plans it once per connection instead of on every request (the booking's statements are large). Kysely writes
 * the same text for the same query with other values, so the number of names stays small; past a bound, new
 * texts run unnamed as before.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const named = (text: string): string | undefined => {
    let name = statementNames.get(text);
    if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS && PREPARABLE.test(text)) {
      statementNames.set(text, name = `ics_${statementNames.size.toString(36)}`);
    }
    return name;
  };
  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      // A connection that breaks while it is lent out (the server stopped or restarted mid-query) fails its query,
      // which is answered 503, and the client emits 'error' too: unheard, that would end the process. The pool
      // drops the broken client when it comes back.
      const broken = (): void => undefined;
      client.on('error', broken);
      return {
        query: ((text: unknown, values?: readonly unknown[]) => {
          if (typeof text !== 'string') return client.query(text as never);
          const name = named(text);
          return name === undefined ? client.query(text, values as unknown[]) : client.query({ name, text, values: values as unknown[] });
        }) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => {
          client.removeListener('error', broken);
          client.release(destroy);
        },
      };
    },
  };
}

/**
 * SQLite: a file written before secure_delete was on may still hold old values in its free space; VACUUM rewrites it
 * once, and `user_version` 1 records that it was done (Kysely keeps its own migration tables; this number is ours).
 */
async function cleanFreeSpaceOnce(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  if (Number(rows[0]?.user_version ?? 0) >= 1) return;
  await sql`vacuum`.execute(db);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await sql`pragma user_version = 1`.execute(db);
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  let dialect: OpenDatabase['dialect'];
  let migrationSchema: string | undefined;
  let changeCounter: OpenDatabase['changeCounter'] = null;
  let handOvers: HandOvers | null = null;
  if (options.databaseUrl) {
    dialect = 'postgres';
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 4,
      application_name: 'ics',
      // A request waits at most this long for a connection, then gets 503 (errors.ts), rather than waiting forever.
      connectionTimeoutMillis: 10_000,
      // Sent with each new connection (startup parameters), so they hold for every statement on it, the batches of
      // postgres-batches.ts and the migrations included: no statement runs, or waits for a lock, without end (ADR 9).
      statement_timeout: options.statementTimeoutMs ?? 5_000,
      lock_timeout: options.lockTimeoutMs ?? 2_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    pool.on('error', options.onIdleError ?? ((error) => console.error(`database connection ended: ${error.message}`)));
    try {
      if (options.schema) {
        const client = await pool.connect();
        try { await client.query(`create schema if not exists "${options.schema.replace(/"/g, '')}"`); } finally { client.release(); }
      }
      const current = await pool.query<{ schema: string }>('select current_schema() as schema');
      migrationSchema = current.rows[0]?.schema ?? 'public';
    } catch (error) {
      // The server is down, refuses us or has no such database: nothing is left open (the caller tries again).
      await pool.end().catch(() => undefined);
      throw error;
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    handOvers = postgresHandOvers({
      connectionString: options.databaseUrl,
      statement_timeout: options.statementTimeoutMs ?? 5_000,
      lock_timeout: options.lockTimeoutMs ?? 2_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    }, options.onIdleError ?? ((error) => console.error(`database connection ended: ${error.message}`)));
  } else {
    dialect = 'sqlite';
    mkdirSync(options.dataDir, { recursive: true });
    // Throws SQLITE_CANTOPEN when the file cannot be opened (isUnavailable: the runtime tries again).
    const file = new SqliteDatabase(join(options.dataDir, 'ics.sqlite'));
    file.pragma('journal_mode = WAL');
    // FULL: a booking answered 201 survives even a power cut, not only a crash of the process.
    file.pragma('synchronous = FULL');
    // A write waits this long for another connection's (or process's) write lock, then fails SQLITE_BUSY: 503 (ADR 9).
    file.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5_000)}`);
    file.pragma('foreign_keys = ON');
    // What is deleted or overwritten (an erased name, e-mail or phone) is overwritten with zeros in the file, not left
    // readable in its free space (ADR 10).
    file.pragma('secure_delete = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(file) }) });
    const dataVersion = file.prepare('pragma data_version').pluck();
    changeCounter = () => dataVersion.get() as number;
  }
  // On PostgreSQL the migrator must look only in our schema: other schemas may hold tables of the same name.
  const migrator = new Migrator({
    db, provider, migrationTableName: 'ics_migrations', migrationLockTableName: 'ics_migrations_lock',
    ...(migrationSchema ? { migrationTableSchema: migrationSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy().catch(() => undefined);
    // The database went away, or a lock or statement ran out of time: the driver's error as it is (errors.ts).
    if (isUnavailable(error)) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message}`);
  }
  try {
    // The registry's languages, which a booking's language must be one of (migration 005).
    await db.insertInto('languages').values(LANGS.map((code) => ({ code }))).onConflict((oc) => oc.column('code').doNothing()).execute();
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw e;
  }
  if (dialect === 'sqlite') {
    try {
      await cleanFreeSpaceOnce(db);
    } catch (e) {
      await db.destroy().catch(() => undefined);
      throw e;
    }
  }
  return {
    db, dialect, changeCounter, handOvers,
    async close() {
      await handOvers?.close();
      await db.destroy();
    },
  };
}
