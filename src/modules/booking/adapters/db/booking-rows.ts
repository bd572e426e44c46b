/**
 * The rows and statements that the booking store's operations share, on both databases: bookings and messages as
 * rows, places taken and given back with guarded updates, run-out holds released, links killed.
 */
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Booking, MessageBooking, NewMessage, OutgoingMessage, SlotKey, TokenState } from '../../ports/booking-store.js';
import type { BookingsTable, Database, OutboxTable } from './schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

export function toBooking(row: Selectable<BookingsTable>): Booking {
  return {
    id: row.id,
    reference: row.reference,
    officeId: row.office_id,
    service: row.service,
    startMs: row.start_ms,
    endMs: row.end_ms,
    people: row.people,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    status: row.status,
    version: row.version,
    reminded: row.reminded === 1,
    createdMs: row.created_ms,
    updatedMs: row.updated_ms,
    erasedMs: row.erased_ms,
  };
}

/*
 * The statements of every hold and booking are written with the `sql` tag rather than Kysely's builder: the builder
 * took about twice as long to put each together, and a booking runs a dozen of them. The SQL is the same on both
 * databases.
 */

/** Adds `people` to a slot's used places if they fit. True when they did. */
export async function takePlaces(db: Db, key: SlotKey, people: number, capacity: number): Promise<boolean> {
  if (people > capacity) return false;
  const result = await sql`
    insert into slot_usage (office_id, service, start_ms, capacity, used)
    values (${key.officeId}, ${key.service}, ${key.startMs}, ${capacity}, ${people})
    on conflict (office_id, service, start_ms) do update set used = slot_usage.used + excluded.used, capacity = excluded.capacity
    where slot_usage.used + excluded.used <= excluded.capacity`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export async function givePlaces(db: Db, key: SlotKey, people: number): Promise<void> {
  await db.updateTable('slot_usage')
    .set({ used: sql`used - ${people}` })
    .where('office_id', '=', key.officeId).where('service', '=', key.service).where('start_ms', '=', key.startMs)
    .execute();
}

/** Releases the run-out holds (of one slot, or all) and gives their places back. */
export async function releaseExpired(db: Db, nowMs: number, key?: SlotKey): Promise<number> {
  let query = db.updateTable('holds').set({ status: 'released' })
    .where('status', '=', 'active').where('expires_ms', '<=', nowMs);
  if (key) query = query.where('office_id', '=', key.officeId).where('service', '=', key.service).where('start_ms', '=', key.startMs);
  else query = query.where('id', 'in', db.selectFrom('holds').select('id').where('status', '=', 'active').where('expires_ms', '<=', nowMs).limit(500));
  const released = await query.returning(['office_id', 'service', 'start_ms', 'people']).execute();
  const bySlot = new Map<string, { key: SlotKey; people: number }>();
  for (const r of released) {
    const id = `${r.office_id}\u0000${r.service}\u0000${r.start_ms}`;
    const entry = bySlot.get(id) ?? { key: { officeId: r.office_id, service: r.service, startMs: r.start_ms }, people: 0 };
    entry.people += r.people;
    bySlot.set(id, entry);
  }
  // In a fixed order, so that two sweepers never wait on each other in a circle.
  for (const id of [...bySlot.keys()].sort()) {
    const entry = bySlot.get(id)!;
    await givePlaces(db, entry.key, entry.people);
  }
  return released.length;
}

/** An outbox row as the sender gets it. */
export function outgoing(r: Selectable<OutboxTable>): OutgoingMessage {
  let event: OutgoingMessage['event'] = null;
  if (r.event !== null) {
    const e = JSON.parse(r.event) as MessageBooking & { at: number };
    event = {
      atMs: e.at, token: r.link_token,
      booking: {
        id: e.id, reference: e.reference, officeId: e.officeId, service: e.service, startMs: e.startMs, endMs: e.endMs, people: e.people,
        name: e.name, language: e.language, version: e.version,
      },
    };
  }
  return {
    id: r.id, kind: r.kind, to: r.to_address ?? '', language: r.language, attempts: r.attempts, claimedUntilMs: r.claimed_until_ms ?? 0, event,
    stored: event ? null : { subject: r.subject, text: r.body_text, ics: r.ics },
  };
}

/** A message as an outbox row: the booking as it tells it (no secrets) and the link's token apart. */
export function messageRow(m: NewMessage) {
  const b = m.booking;
  return {
    id: m.id,
    booking_id: m.bookingId,
    kind: m.kind,
    dedupe_key: m.dedupeKey,
    to_address: m.to,
    language: m.language,
    subject: '',
    body_text: '',
    ics: null,
    event: JSON.stringify({
      at: m.nowMs, id: b.id, reference: b.reference, officeId: b.officeId, service: b.service, startMs: b.startMs, endMs: b.endMs,
      people: b.people, name: b.name, language: b.language, version: b.version,
    }),
    link_token: m.token,
    status: 'pending' as const,
    attempts: 0,
    next_attempt_ms: m.nowMs,
    claimed_until_ms: null,
    sent_ms: null,
    created_ms: m.nowMs,
    last_error: null,
  };
}

export async function killLinks(db: Db, bookingId: string, state: Exclude<TokenState, 'current'>): Promise<void> {
  await db.updateTable('booking_tokens').set({ state }).where('booking_id', '=', bookingId).where('state', '=', 'current').execute();
}

/** Thrown inside a transaction to undo it and say why (the caller turns it into an answer). */
export class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
