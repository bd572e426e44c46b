/**
 * Messages are written in words when they are sent, not when the event happens (ADR 7): an outbox row keeps the
 * booking as the message tells it (`event`, JSON without secrets) and the link's token until the message is sent
 * (`link_token`). Rows written before keep their words in subject, body_text and ics, and are sent as they are.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('event', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('link_token', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('link_token').execute();
  await db.schema.alterTable('outbox').dropColumn('event').execute();
}
