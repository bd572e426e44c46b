/**
 * The first tables: places per slot (guarded so they can never go over capacity), holds, bookings with their
 * link tokens, the e-mail outbox, attempts to book in time, and the audit log of reads of personal data.
 * Written with Kysely's schema builder only, so it runs the same on SQLite and PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('slot_usage')
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('slot_usage_pk', ['office_id', 'service', 'start_ms'])
    .addCheckConstraint('slot_usage_within_capacity', sql`used >= 0 and used <= capacity`)
    .execute();

  await db.schema.createTable('holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addCheckConstraint('holds_status', sql`status in ('active', 'used', 'released')`)
    .addCheckConstraint('holds_people', sql`people between 1 and 20`)
    .execute();
  await db.schema.createIndex('holds_by_expiry').on('holds').columns(['status', 'expires_ms']).execute();
  await db.schema.createIndex('holds_by_client').on('holds').columns(['client_key', 'status']).execute();

  await db.schema.createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('hold_id', 'text', (c) => c.notNull().unique())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('email_key', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reminded', 'integer', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addColumn('erased_ms', 'bigint')
    .addCheckConstraint('bookings_status', sql`status in ('confirmed', 'cancelled', 'past')`)
    .addCheckConstraint('bookings_language', sql`language in ('en', 'da')`)
    .execute();
  // One active booking per person (e-mail) per service, enforced by the database.
  await db.schema.createIndex('bookings_one_active_per_email_service').on('bookings').columns(['email_key', 'service'])
    .unique().where(sql.ref('status'), '=', 'confirmed').execute();
  await db.schema.createIndex('bookings_by_start').on('bookings').columns(['status', 'start_ms']).execute();
  await db.schema.createIndex('bookings_by_end').on('bookings').columns(['end_ms']).execute();

  await db.schema.createTable('booking_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addCheckConstraint('booking_tokens_state', sql`state in ('current', 'rescheduled', 'cancelled')`)
    .execute();
  await db.schema.createIndex('booking_tokens_by_booking').on('booking_tokens').columns(['booking_id', 'state']).execute();

  await db.schema.createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('to_address', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('ics', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_ms', 'bigint', (c) => c.notNull())
    .addColumn('claimed_until_ms', 'bigint')
    .addColumn('sent_ms', 'bigint')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addCheckConstraint('outbox_status', sql`status in ('pending', 'sending', 'sent', 'failed')`)
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_ms']).execute();
  await db.schema.createIndex('outbox_by_booking').on('outbox').columns(['booking_id']).execute();

  await db.schema.createTable('booking_attempts')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('tried_ms', 'bigint', (c) => c.notNull())
    .addColumn('earliest_start_ms', 'bigint')
    .execute();

  await db.schema.createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_by_booking').on('audit_log').columns(['booking_id', 'at_ms']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'booking_attempts', 'outbox', 'booking_tokens', 'bookings', 'holds', 'slot_usage']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
