/**
 * When a message was handed to the mail server (ADR 10): written just before the message's last line goes, so a
 * sender that is killed after it never sends the message again, and one killed before it does.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('handed_ms', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('handed_ms').execute();
}
