/**
 * A booking's language is one of the registry's (kernel/i18n/locales.ts), enforced by the database: a foreign key to
 * `languages`, which the app fills from the registry each time it opens the database. Adding a language is then a
 * registry entry and a content folder, with no migration. Before, a check listed English and Danish.
 * SQLite cannot change a table's constraints, so there the table is rebuilt with its rows and indexes.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('languages').addColumn('code', 'text', (c) => c.primaryKey()).execute();
  await sql`insert into languages (code) values ('en'), ('da')`.execute(db);
  // A failed statement leaves an SQLite transaction usable (a PostgreSQL one would not be): ask SQLite's question second.
  const onPostgres = await sql`select current_schema()`.execute(db).then(() => true, () => false);
  if (onPostgres) {
    await sql`alter table bookings drop constraint bookings_language`.execute(db);
    await sql`alter table bookings add constraint bookings_language foreign key (language) references languages (code)`.execute(db);
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'bookings'`.execute(db);
  const createSql = rows[0]?.sql ?? '';
  const check = /constraint\s+"?bookings_language"?\s+check\s*\(language in \('en', 'da'\)\)/i;
  if (!check.test(createSql)) throw new Error('bookings: the language check to replace was not found');
  const { rows: indexes } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'bookings' and sql is not null`.execute(db);
  const newSql = createSql
    .replace(check, 'constraint "bookings_language" foreign key ("language") references "languages" ("code")')
    .replace(/create table\s+"?bookings"?/i, 'create table "bookings_new"');
  await sql.raw(newSql).execute(db);
  await sql`insert into bookings_new select * from bookings`.execute(db);
  await sql`drop table bookings`.execute(db);
  await sql`alter table bookings_new rename to bookings`.execute(db);
  for (const index of indexes) await sql.raw(index.sql).execute(db);
}

export async function down(): Promise<void> {
  // Not undone: the check it replaced would refuse bookings in the languages added since.
}
