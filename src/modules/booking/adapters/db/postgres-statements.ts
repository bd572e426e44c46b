/**
 * PostgreSQL only: a hold, a booking and the places taken, each in one statement (one round trip), where SQLite runs
 * a transaction of several statements in the process (booking-store.ts). These are the statements of one; those of
 * many asked for together are in postgres-batches.ts.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { BookResult, Booking, NewBooking, NewHold, NewMessage } from '../../ports/booking-store.js';
import { messageRow } from './booking-rows.js';
import type { Database, HoldsTable } from './schema.js';

/**
 * PostgreSQL only: a hold in one statement (the guarded upsert and the hold's row, joined by a data-modifying WITH),
 * so the slot's row is locked for one statement rather than across three round trips, and the request makes one
 * round trip instead of five. 'held'; 'full' when the places are taken by live holds and bookings (nothing run out
 * to free: the answer is final); 'check' when the client may be over its limit or run-out holds of the time could
 * be freed, which the transaction in booking-store.ts then settles.
 */
export async function holdInOneStatement(db: Kysely<Database>, hold: NewHold): Promise<'held' | 'full' | 'check'> {
  const result = await sql<{ held: boolean; allowed: boolean; run_out: boolean }>`
    with allowed as (
      select 1 as ok where (
        select count(*) from holds where client_key = ${hold.clientKey} and status = 'active' and expires_ms > ${hold.nowMs}
      ) < ${hold.maxHolds}
    ), taken as (
      insert into slot_usage (office_id, service, start_ms, capacity, used)
      select ${hold.officeId}, ${hold.service}, ${hold.startMs}, ${hold.capacity}, ${hold.people} from allowed
      on conflict (office_id, service, start_ms)
      do update set used = slot_usage.used + excluded.used, capacity = excluded.capacity
      where slot_usage.used + excluded.used <= excluded.capacity
      returning 1
    ), made as (
      insert into holds (id, office_id, service, start_ms, end_ms, people, client_key, created_ms, expires_ms, status)
      select ${hold.id}, ${hold.officeId}, ${hold.service}, ${hold.startMs}, ${hold.endMs}, ${hold.people}, ${hold.clientKey},
        ${hold.nowMs}, ${hold.expiresMs}, 'active'
      where exists (select 1 from taken)
      returning 1
    )
    select exists (select 1 from made) as held, exists (select 1 from allowed) as allowed,
      -- Looked for only when the hold was not made.
      case when exists (select 1 from made) then false else exists (
        select 1 from holds where status = 'active' and expires_ms <= ${hold.nowMs}
          and office_id = ${hold.officeId} and service = ${hold.service} and start_ms = ${hold.startMs}
      ) end as run_out`.execute(db);
  const row = result.rows[0];
  if (row?.held) return 'held';
  return row?.allowed && !row.run_out ? 'full' : 'check';
}

/** What a booking needs of its hold, which never changes once the hold is made. */
export type HoldFields = Pick<Selectable<HoldsTable>, 'office_id' | 'service' | 'start_ms' | 'end_ms' | 'people' | 'status' | 'expires_ms'>;

/** The booking a hold and the person's details make, as it is written. */
export function newBooking(input: NewBooking, hold: HoldFields): Booking {
  return {
    id: input.id, reference: input.reference, officeId: hold.office_id, service: hold.service, startMs: hold.start_ms, endMs: hold.end_ms,
    people: hold.people, name: input.name, email: input.email, phone: input.phone, language: input.language, status: 'confirmed',
    version: 1, reminded: false, createdMs: input.nowMs, updatedMs: input.nowMs, erasedMs: null,
  };
}

/**
 * PostgreSQL only: a booking in one statement. The hold is read first (its office, time and party never change),
 * so the confirmation can be written; then one statement uses the hold (only if it is still active), writes the
 * booking, its link token and its message. Undefined when the hold was not active any more (the caller then finds
 * out why). A second active booking for the e-mail and service, or a reference drawn twice, fails the statement
 * as a whole, exactly as in a transaction.
 */
export async function bookInOneStatement(
  db: Kysely<Database>, input: NewBooking, message: (booking: Booking) => NewMessage, known: HoldFields | undefined,
): Promise<BookResult | undefined> {
  const hold = known ?? await db.selectFrom('holds').select(['office_id', 'service', 'start_ms', 'end_ms', 'people', 'status', 'expires_ms'])
    .where('id', '=', input.holdId).executeTakeFirst();
  if (!hold || hold.status !== 'active' || hold.expires_ms <= input.nowMs) return undefined;
  const booking = newBooking(input, hold);
  const m = messageRow(message(booking));
  const result = await sql<{ id: string }>`
    with used as (
      update holds set status = 'used'
      where id = ${input.holdId} and status = 'active' and expires_ms > ${input.nowMs}
      returning id
    ), booked as (
      insert into bookings (id, reference, hold_id, office_id, service, start_ms, end_ms, people, name, email, email_key, phone,
        language, status, version, reminded, created_ms, updated_ms, erased_ms)
      select ${booking.id}, ${booking.reference}, used.id, ${booking.officeId}, ${booking.service}, ${booking.startMs}, ${booking.endMs},
        ${booking.people}, ${booking.name}, ${booking.email}, ${input.emailKey}, ${booking.phone}, ${booking.language}, 'confirmed', 1, 0,
        ${input.nowMs}, ${input.nowMs}, null
      from used
      returning id
    ), token as (
      insert into booking_tokens (token_hash, booking_id, state, created_ms)
      select ${input.tokenHash}, booked.id, 'current', ${input.nowMs} from booked
    ), message as (
      insert into outbox (id, booking_id, kind, dedupe_key, to_address, language, subject, body_text, ics, event, link_token, status,
        attempts, next_attempt_ms, claimed_until_ms, sent_ms, created_ms, last_error)
      select ${m.id}, booked.id, ${m.kind}, ${m.dedupe_key}, ${m.to_address}, ${m.language}, '', '', null, ${m.event}, ${m.link_token},
        'pending', 0, ${m.next_attempt_ms}, null, null, ${m.created_ms}, null
      from booked
    )
    select id from booked`.execute(db);
  return result.rows.length === 1 ? { ok: true, booking } : undefined;
}

/**
 * PostgreSQL: the places taken in a window as one row of "start:places" pairs (run-out holds' places negative),
 * one round trip and one row to read instead of a row per time (8 weeks of times are a few hundred rows).
 */
export async function placesTakenInOneRow(db: Kysely<Database>, officeId: string, service: string, fromMs: number, toMs: number, nowMs: number): Promise<Map<number, number>> {
  const result = await sql<{ taken: string | null }>`
    select string_agg(pair, ',') as taken from (
      select start_ms || ':' || used as pair from slot_usage
      where office_id = ${officeId} and service = ${service} and start_ms >= ${fromMs} and start_ms < ${toMs} and used > 0
      union all
      select start_ms || ':-' || sum(people) from holds
      where status = 'active' and expires_ms <= ${nowMs} and office_id = ${officeId} and service = ${service}
        and start_ms >= ${fromMs} and start_ms < ${toMs}
      group by start_ms
    ) pairs`.execute(db);
  const taken = new Map<number, number>();
  const text = result.rows[0]?.taken;
  if (!text) return taken;
  const runOut: [number, number][] = [];
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    const start = Number(pair.slice(0, colon));
    const places = Number(pair.slice(colon + 1));
    if (places < 0) runOut.push([start, -places]);
    else taken.set(start, places);
  }
  for (const [start, places] of runOut) taken.set(start, Math.max(0, (taken.get(start) ?? 0) - places));
  return taken;
}
