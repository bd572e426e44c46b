/**
 * PostgreSQL only: several holds, or several bookings, in one statement (batcher.ts gathers them). Each statement
 * does for many what postgres-statements.ts does for one, with the same guards; an item it cannot settle for sure
 * (a slot whose places do not fit them all, a client that may be over its limit, a booking that meets a unique
 * constraint) is answered 'again', and the caller then runs it on its own, which says exactly why.
 */
import { type Kysely, sql } from 'kysely';
import type { NewBooking, NewHold } from '../../ports/booking-store.js';
import type { messageRow } from './booking-rows.js';
import type { Database } from './schema.js';
import type { HoldFields } from './postgres-statements.js';

/**
 * Holds in one statement. The places are taken per time for all its holds at once (the guarded upsert, so a time's
 * holds are made all together or not at all), the times in one order, so two batches never wait for each other
 * in a circle. A client's holds are made in the order asked, as far as its live holds and those before them in the
 * batch stay within its limit.
 */
export async function holdsInOneStatement(db: Kysely<Database>, holds: NewHold[]): Promise<('held' | 'again')[]> {
  const column = <T>(pick: (h: NewHold) => T) => holds.map(pick);
  // A hold is live until its expiry: counted at the latest moment of the batch, none is counted that has run out.
  const nowMs = Math.max(...column((h) => h.nowMs));
  const result = await sql<{ id: string }>`
    with input as (
      select * from unnest(${column((h) => h.id)}::text[], ${column((h) => h.officeId)}::text[], ${column((h) => h.service)}::text[],
        ${column((h) => h.startMs)}::bigint[], ${column((h) => h.endMs)}::bigint[], ${column((h) => h.people)}::int[],
        ${column((h) => h.capacity)}::int[], ${column((h) => h.clientKey)}::text[], ${column((h) => h.maxHolds)}::int[],
        ${column((h) => h.nowMs)}::bigint[], ${column((h) => h.expiresMs)}::bigint[])
        with ordinality as t(id, office_id, service, start_ms, end_ms, people, capacity, client_key, max_holds, created_ms, expires_ms, asked)
    ), live as (
      select client_key, count(*) as held from holds
      where client_key in (select client_key from input) and status = 'active' and expires_ms > ${nowMs}
      group by client_key
    ), ranked as (
      select input.*, row_number() over (partition by client_key order by asked) as rank from input
    ), allowed as (
      select ranked.* from ranked left join live using (client_key)
      where coalesce(live.held, 0) + ranked.rank <= ranked.max_holds
    ), wanted as (
      select office_id, service, start_ms, max(capacity) as capacity, sum(people)::int as used from allowed
      group by office_id, service, start_ms
      order by office_id, service, start_ms
    ), taken as (
      insert into slot_usage (office_id, service, start_ms, capacity, used)
      select office_id, service, start_ms, capacity, used from wanted
      on conflict (office_id, service, start_ms)
      do update set used = slot_usage.used + excluded.used, capacity = excluded.capacity
      where slot_usage.used + excluded.used <= excluded.capacity
      returning office_id, service, start_ms
    ), made as (
      insert into holds (id, office_id, service, start_ms, end_ms, people, client_key, created_ms, expires_ms, status)
      select allowed.id, allowed.office_id, allowed.service, allowed.start_ms, allowed.end_ms, allowed.people, allowed.client_key,
        allowed.created_ms, allowed.expires_ms, 'active'
      from allowed join taken using (office_id, service, start_ms)
      returning id
    )
    select id from made`.execute(db);
  const made = new Set(result.rows.map((r) => r.id));
  return holds.map((h) => (made.has(h.id) ? 'held' : 'again'));
}

/** A booking as the batch writes it: its input, its hold (known to this process), and its confirmation's row. */
export interface BatchedBooking {
  input: NewBooking;
  hold: HoldFields;
  message: ReturnType<typeof messageRow>;
}

/**
 * Bookings in one statement. Their holds are locked first (in one order) and used only if still active, so a hold
 * is booked once however many ask; a booking that meets a unique constraint (a second active booking for the
 * e-mail and service, a reference drawn twice) is left out, with its hold, token and message, and answered 'again'.
 */
export async function bookingsInOneStatement(db: Kysely<Database>, items: BatchedBooking[]): Promise<('booked' | 'again')[]> {
  const column = <T>(pick: (b: BatchedBooking) => T) => items.map(pick);
  const result = await sql<{ id: string }>`
    with input as (
      select * from unnest(${column((b) => b.input.holdId)}::text[], ${column((b) => b.input.id)}::text[],
        ${column((b) => b.input.reference)}::text[], ${column((b) => b.input.name)}::text[], ${column((b) => b.input.email)}::text[],
        ${column((b) => b.input.emailKey)}::text[], ${column((b) => b.input.phone)}::text[], ${column((b) => b.input.language)}::text[],
        ${column((b) => b.input.tokenHash)}::text[], ${column((b) => b.message.id)}::text[], ${column((b) => b.message.kind)}::text[],
        ${column((b) => b.message.dedupe_key)}::text[], ${column((b) => b.message.to_address)}::text[],
        ${column((b) => b.message.event)}::text[], ${column((b) => b.message.link_token)}::text[],
        ${column((b) => b.input.nowMs)}::bigint[])
        as t(hold_id, id, reference, name, email, email_key, phone, language, token_hash, message_id, kind, dedupe_key, to_address,
          event, link_token, now_ms)
    ), held as (
      select holds.id, holds.office_id, holds.service, holds.start_ms, holds.end_ms, holds.people from holds
      join input on input.hold_id = holds.id
      where holds.status = 'active' and holds.expires_ms > input.now_ms
      order by holds.id
      for update of holds
    ), booked as (
      insert into bookings (id, reference, hold_id, office_id, service, start_ms, end_ms, people, name, email, email_key, phone,
        language, status, version, reminded, created_ms, updated_ms, erased_ms)
      select input.id, input.reference, held.id, held.office_id, held.service, held.start_ms, held.end_ms, held.people, input.name,
        input.email, input.email_key, input.phone, input.language, 'confirmed', 1, 0, input.now_ms, input.now_ms, null
      from input join held on held.id = input.hold_id
      on conflict do nothing
      returning id, hold_id
    ), used as (
      update holds set status = 'used' where id in (select hold_id from booked)
    ), token as (
      insert into booking_tokens (token_hash, booking_id, state, created_ms)
      select input.token_hash, booked.id, 'current', input.now_ms from input join booked using (id)
    ), message as (
      insert into outbox (id, booking_id, kind, dedupe_key, to_address, language, subject, body_text, ics, event, link_token, status,
        attempts, next_attempt_ms, claimed_until_ms, sent_ms, created_ms, last_error)
      select input.message_id, booked.id, input.kind, input.dedupe_key, input.to_address, input.language, '', '', null, input.event,
        input.link_token, 'pending', 0, input.now_ms, null, null, input.now_ms, null
      from input join booked using (id)
    )
    select id from booked`.execute(db);
  const booked = new Set(result.rows.map((r) => r.id));
  return items.map((b) => (booked.has(b.input.id) ? 'booked' : 'again'));
}
