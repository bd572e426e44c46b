/**
 * The benchmark's plain-insert table leaves the product (issue 15): the benchmark brings its own reference server
 * and database. Databases made before this migration lose the table; new ones never had it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bench_inserts').ifExists().execute();
}

export async function down(): Promise<void> {
  // Nothing to restore: the table held only benchmark rows.
}
