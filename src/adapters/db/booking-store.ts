/**
 * The booking store on Kysely: the same SQL on SQLite and PostgreSQL. Places are taken with a guarded upsert
 * (it adds only while used + people <= capacity, and a CHECK constraint backs it), so two requests for the last
 * place cannot both win, whatever the database and however many server processes there are.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type {
  Attempt, BookResult, Booking, BookingStore, Hold, HoldResult, MessageBooking, NewBooking, NewHold, NewMessage, OutgoingMessage, SlotKey,
  TokenState,
} from '../../ports/booking-store.js';
import { isUniqueViolation, withRetry } from './errors.js';
import { type Transact, groupCommit } from './group-commit.js';
import type { BookingsTable, Database, HoldsTable, OutboxTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

function toBooking(row: Selectable<BookingsTable>): Booking {
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
async function takePlaces(db: Db, key: SlotKey, people: number, capacity: number): Promise<boolean> {
  if (people > capacity) return false;
  const result = await sql`
    insert into slot_usage (office_id, service, start_ms, capacity, used)
    values (${key.officeId}, ${key.service}, ${key.startMs}, ${capacity}, ${people})
    on conflict (office_id, service, start_ms) do update set used = slot_usage.used + excluded.used, capacity = excluded.capacity
    where slot_usage.used + excluded.used <= excluded.capacity`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

async function givePlaces(db: Db, key: SlotKey, people: number): Promise<void> {
  await db.updateTable('slot_usage')
    .set({ used: sql`used - ${people}` })
    .where('office_id', '=', key.officeId).where('service', '=', key.service).where('start_ms', '=', key.startMs)
    .execute();
}

/** Releases the run-out holds (of one slot, or all) and gives their places back. */
async function releaseExpired(db: Db, nowMs: number, key?: SlotKey): Promise<number> {
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
    id: r.id, kind: r.kind, to: r.to_address ?? '', language: r.language, attempts: r.attempts, event,
    stored: event ? null : { subject: r.subject, text: r.body_text, ics: r.ics },
  };
}

/** A message as an outbox row: the booking as it tells it (no secrets) and the link's token apart. */
function messageRow(m: NewMessage) {
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

async function killLinks(db: Db, bookingId: string, state: Exclude<TokenState, 'current'>): Promise<void> {
  await db.updateTable('booking_tokens').set({ state }).where('booking_id', '=', bookingId).where('state', '=', 'current').execute();
}

class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * PostgreSQL only: a hold in one statement (the guarded upsert and the hold's row, joined by a data-modifying WITH),
 * so the slot's row is locked for one statement rather than across three round trips, and the request makes one
 * round trip instead of five. 'full' when the places are not there (then the transaction below also frees run-out
 * holds of the slot and tries again).
 */
async function holdInOneStatement(db: Kysely<Database>, hold: NewHold): Promise<'held' | 'full'> {
  const result = await sql<{ id: string }>`
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
    )
    insert into holds (id, office_id, service, start_ms, end_ms, people, client_key, created_ms, expires_ms, status)
    select ${hold.id}, ${hold.officeId}, ${hold.service}, ${hold.startMs}, ${hold.endMs}, ${hold.people}, ${hold.clientKey},
      ${hold.nowMs}, ${hold.expiresMs}, 'active'
    where exists (select 1 from taken)
    returning id`.execute(db);
  return result.rows.length === 1 ? 'held' : 'full';
}

/** What a booking needs of its hold, which never changes once the hold is made. */
type HoldFields = Pick<Selectable<HoldsTable>, 'office_id' | 'service' | 'start_ms' | 'end_ms' | 'people' | 'status' | 'expires_ms'>;

/**
 * PostgreSQL only: a booking in one statement. The hold is read first (its office, time and party never change),
 * so the confirmation can be written; then one statement uses the hold (only if it is still active), writes the
 * booking, its link token and its message. Undefined when the hold was not active any more (the caller then finds
 * out why). A second active booking for the e-mail and service, or a reference drawn twice, fails the statement
 * as a whole, exactly as in a transaction.
 */
async function bookInOneStatement(
  db: Kysely<Database>, input: NewBooking, message: (booking: Booking) => NewMessage, known: HoldFields | undefined,
): Promise<BookResult | undefined> {
  const hold = known ?? await db.selectFrom('holds').select(['office_id', 'service', 'start_ms', 'end_ms', 'people', 'status', 'expires_ms'])
    .where('id', '=', input.holdId).executeTakeFirst();
  if (!hold || hold.status !== 'active' || hold.expires_ms <= input.nowMs) return undefined;
  const booking: Booking = {
    id: input.id, reference: input.reference, officeId: hold.office_id, service: hold.service, startMs: hold.start_ms, endMs: hold.end_ms,
    people: hold.people, name: input.name, email: input.email, phone: input.phone, language: input.language, status: 'confirmed',
    version: 1, reminded: false, createdMs: input.nowMs, updatedMs: input.nowMs, erasedMs: null,
  };
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
async function placesTakenInOneRow(db: Kysely<Database>, officeId: string, service: string, fromMs: number, toMs: number, nowMs: number): Promise<Map<number, number>> {
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

export function kyselyBookingStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres' = 'sqlite'): BookingStore {
  const postgres = dialect === 'postgres';
  // SQLite: transactions that arrive together are committed together (group-commit.ts); PostgreSQL: as they come.
  const transact: Transact = postgres ? (work) => db.transaction().execute(work) : groupCommit(db);
  // PostgreSQL: the holds this process made lately, so that booking one needs no read first. Only a shortcut: the
  // booking's statement still uses the hold only if it is active in the database.
  const recentHolds = new Map<string, HoldFields>();
  const remember = (hold: NewHold) => {
    if (recentHolds.size >= 10_000) recentHolds.delete(recentHolds.keys().next().value!);
    recentHolds.set(hold.id, {
      office_id: hold.officeId, service: hold.service, start_ms: hold.startMs, end_ms: hold.endMs, people: hold.people,
      status: 'active', expires_ms: hold.expiresMs,
    });
  };
  return {
    async placesTaken(officeId, service, fromMs, toMs, nowMs) {
      if (postgres) return placesTakenInOneRow(db, officeId, service, fromMs, toMs, nowMs);
      // The places used, then the run-out holds still counted in them.
      const rows = await db.selectFrom('slot_usage').select(['start_ms', 'used as places', sql<number>`0`.as('run_out')])
        .where('office_id', '=', officeId).where('service', '=', service)
        .where('start_ms', '>=', fromMs).where('start_ms', '<', toMs).where('used', '>', 0)
        .unionAll(db.selectFrom('holds').select(['start_ms', (eb) => eb.fn.sum<number>('people').as('places'), sql<number>`1`.as('run_out')])
          .where('status', '=', 'active').where('expires_ms', '<=', nowMs)
          .where('office_id', '=', officeId).where('service', '=', service)
          .where('start_ms', '>=', fromMs).where('start_ms', '<', toMs)
          .groupBy('start_ms'))
        .execute();
      const taken = new Map<number, number>();
      for (const r of rows) if (Number(r.run_out) === 0) taken.set(Number(r.start_ms), Number(r.places));
      for (const r of rows) {
        if (Number(r.run_out) === 1) taken.set(Number(r.start_ms), Math.max(0, (taken.get(Number(r.start_ms)) ?? 0) - Number(r.places)));
      }
      return taken;
    },

    async hold(hold: NewHold): Promise<HoldResult> {
      if (postgres && (await withRetry(() => holdInOneStatement(db, hold))) === 'held') {
        remember(hold);
        return 'held';
      }
      const result = await withRetry(() => transact(async (trx): Promise<HoldResult> => {
        // The client's live holds, counted in the same transaction as the hold (exact on SQLite's single writer).
        const live = await sql<{ n: number }>`
          select count(*) as n from holds where client_key = ${hold.clientKey} and status = 'active' and expires_ms > ${hold.nowMs}`.execute(trx);
        if (Number(live.rows[0]?.n ?? 0) >= hold.maxHolds) return 'too-many-holds';
        let taken = await takePlaces(trx, hold, hold.people, hold.capacity);
        if (!taken && (await releaseExpired(trx, hold.nowMs, hold)) > 0) taken = await takePlaces(trx, hold, hold.people, hold.capacity);
        if (!taken) return 'full';
        await sql`
          insert into holds (id, office_id, service, start_ms, end_ms, people, client_key, created_ms, expires_ms, status)
          values (${hold.id}, ${hold.officeId}, ${hold.service}, ${hold.startMs}, ${hold.endMs}, ${hold.people}, ${hold.clientKey},
            ${hold.nowMs}, ${hold.expiresMs}, 'active')`.execute(trx);
        return 'held';
      }));
      if (postgres && result === 'held') remember(hold);
      return result;
    },

    async holdById(id) {
      const row = await db.selectFrom('holds').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id, officeId: row.office_id, service: row.service, startMs: row.start_ms, endMs: row.end_ms, people: row.people,
        createdMs: row.created_ms, expiresMs: row.expires_ms, status: row.status,
      } satisfies Hold;
    },

    async book(input: NewBooking, message): Promise<BookResult> {
      try {
        const known = recentHolds.get(input.holdId);
        recentHolds.delete(input.holdId);
        const fast = postgres ? await withRetry(() => bookInOneStatement(db, input, message, known)) : undefined;
        if (fast) return fast;
        return await withRetry(() => transact(async (trx): Promise<BookResult> => {
          const used = await sql<Selectable<HoldsTable>>`
            update holds set status = 'used' where id = ${input.holdId} and status = 'active' and expires_ms > ${input.nowMs}
            returning *`.execute(trx);
          const hold = used.rows[0];
          if (!hold) {
            const existing = await trx.selectFrom('holds').select(['status', 'expires_ms']).where('id', '=', input.holdId).executeTakeFirst();
            if (!existing) return { ok: false, reason: 'no-hold' };
            return { ok: false, reason: existing.status === 'used' ? 'hold-used' : 'hold-expired' };
          }
          const inserted = await sql<Selectable<BookingsTable>>`
            insert into bookings (id, reference, hold_id, office_id, service, start_ms, end_ms, people, name, email, email_key, phone,
              language, status, version, reminded, created_ms, updated_ms, erased_ms)
            values (${input.id}, ${input.reference}, ${hold.id}, ${hold.office_id}, ${hold.service}, ${hold.start_ms}, ${hold.end_ms},
              ${hold.people}, ${input.name}, ${input.email}, ${input.emailKey}, ${input.phone}, ${input.language}, 'confirmed', 1, 0,
              ${input.nowMs}, ${input.nowMs}, null)
            returning *`.execute(trx);
          const booking = toBooking(inserted.rows[0]!);
          await sql`
            insert into booking_tokens (token_hash, booking_id, state, created_ms)
            values (${input.tokenHash}, ${input.id}, 'current', ${input.nowMs})`.execute(trx);
          const m = messageRow(message(booking));
          await sql`
            insert into outbox (id, booking_id, kind, dedupe_key, to_address, language, subject, body_text, ics, event, link_token, status,
              attempts, next_attempt_ms, claimed_until_ms, sent_ms, created_ms, last_error)
            values (${m.id}, ${m.booking_id}, ${m.kind}, ${m.dedupe_key}, ${m.to_address}, ${m.language}, '', '', null, ${m.event},
              ${m.link_token}, 'pending', 0, ${m.next_attempt_ms}, null, null, ${m.created_ms}, null)`.execute(trx);
          return { ok: true, booking };
        }));
      } catch (error) {
        if (!isUniqueViolation(error, 'bookings_one_active_per_email_service', 'bookings.email_key')) throw error;
        const hold = await db.selectFrom('holds').select('service').where('id', '=', input.holdId).executeTakeFirst();
        const existing = await db.selectFrom('bookings').select(['id', 'reference'])
          .where('email_key', '=', input.emailKey).where('service', '=', hold?.service ?? '').where('status', '=', 'confirmed')
          .executeTakeFirst();
        if (!existing) throw error;
        return { ok: false, reason: 'duplicate', existing };
      }
    },

    async bookingByReference(reference) {
      const row = await db.selectFrom('bookings').selectAll().where('reference', '=', reference).executeTakeFirst();
      return row ? toBooking(row) : undefined;
    },

    async bookingByToken(reference, tokenHash) {
      const row = await db.selectFrom('booking_tokens')
        .innerJoin('bookings', 'bookings.id', 'booking_tokens.booking_id')
        .selectAll('bookings').select('booking_tokens.state as token_state')
        .where('booking_tokens.token_hash', '=', tokenHash).where('bookings.reference', '=', reference)
        .executeTakeFirst();
      if (!row) return undefined;
      const { token_state: tokenState, ...booking } = row;
      return { booking: toBooking(booking), tokenState };
    },

    async cancel(bookingId, version, nowMs, message) {
      return withRetry(() => transact(async (trx) => {
        const row = await trx.updateTable('bookings')
          .set({ status: 'cancelled', version: sql`version + 1`, updated_ms: nowMs })
          .where('id', '=', bookingId).where('version', '=', version).where('status', '=', 'confirmed')
          .returningAll().executeTakeFirst();
        if (!row) return 'changed' as const;
        await killLinks(trx, bookingId, 'cancelled');
        await givePlaces(trx, { officeId: row.office_id, service: row.service, startMs: row.start_ms }, row.people);
        await trx.insertInto('outbox').values(messageRow(message(toBooking(row)))).execute();
        return 'cancelled' as const;
      }));
    },

    async reschedule(bookingId, version, to, tokenHash, nowMs, message) {
      try {
        return await withRetry(() => transact(async (trx) => {
          const before = await trx.selectFrom('bookings').selectAll().where('id', '=', bookingId).executeTakeFirst();
          const row = await trx.updateTable('bookings')
            .set({ start_ms: to.startMs, end_ms: to.endMs, version: sql`version + 1`, reminded: 0, updated_ms: nowMs })
            .where('id', '=', bookingId).where('version', '=', version).where('status', '=', 'confirmed')
            .returningAll().executeTakeFirst();
          if (!row || !before) return { ok: false as const, reason: 'changed' as const };
          if (!(await takePlaces(trx, { officeId: row.office_id, service: row.service, startMs: to.startMs }, row.people, to.capacity))) {
            throw new Refused('full');
          }
          await givePlaces(trx, { officeId: before.office_id, service: before.service, startMs: before.start_ms }, before.people);
          await killLinks(trx, bookingId, 'rescheduled');
          await trx.insertInto('booking_tokens').values({ token_hash: tokenHash, booking_id: bookingId, state: 'current', created_ms: nowMs }).execute();
          const booking = toBooking(row);
          await trx.insertInto('outbox').values(messageRow(message(booking))).execute();
          return { ok: true as const, booking };
        }));
      } catch (error) {
        if (error instanceof Refused) return { ok: false, reason: 'full' };
        throw error;
      }
    },

    async enqueue(message) {
      try {
        await db.insertInto('outbox').values(messageRow(message)).execute();
        return 'queued';
      } catch (error) {
        if (isUniqueViolation(error, 'outbox_dedupe_key_key', 'outbox.dedupe_key')) return 'duplicate';
        throw error;
      }
    },

    async audit(entry) {
      await db.insertInto('audit_log').values({ id: entry.id, at_ms: entry.atMs, actor: entry.actor, action: entry.action, booking_id: entry.bookingId }).execute();
    },

    async auditTrail(bookingId) {
      const rows = await db.selectFrom('audit_log').select(['at_ms', 'actor', 'action']).where('booking_id', '=', bookingId).orderBy('at_ms').execute();
      return rows.map((r) => ({ atMs: r.at_ms, actor: r.actor, action: r.action }));
    },

    async recordAttempt(a: Attempt) {
      await db.insertInto('booking_attempts').values({
        reference: a.reference, office_id: a.officeId, service: a.service, people: a.people, deadline: a.deadline,
        tried_ms: a.triedMs, earliest_start_ms: a.earliestStartMs,
      }).execute();
    },

    async attempt(reference) {
      const r = await db.selectFrom('booking_attempts').selectAll().where('reference', '=', reference).executeTakeFirst();
      return r ? { reference: r.reference, officeId: r.office_id, service: r.service, people: r.people, deadline: r.deadline, triedMs: r.tried_ms, earliestStartMs: r.earliest_start_ms } : undefined;
    },

    async awaitingReminder(fromMs, toMs) {
      const rows = await db.selectFrom('bookings').selectAll()
        .where('status', '=', 'confirmed').where('reminded', '=', 0).where('start_ms', '>=', fromMs).where('start_ms', '<', toMs)
        .orderBy('start_ms').limit(1000).execute();
      return rows.map(toBooking);
    },

    async queueReminder(bookingId, version, tokenHash, nowMs, message) {
      return withRetry(() => transact(async (trx) => {
        const marked = await trx.updateTable('bookings').set({ reminded: 1 })
          .where('id', '=', bookingId).where('version', '=', version).where('reminded', '=', 0).where('status', '=', 'confirmed')
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) !== 1) return false;
        await trx.insertInto('booking_tokens').values({ token_hash: tokenHash, booking_id: bookingId, state: 'current', created_ms: nowMs }).execute();
        await trx.insertInto('outbox').values(messageRow(message)).execute();
        return true;
      }));
    },

    async queueLink(bookingId, version, tokenHash, nowMs, message) {
      try {
        return await withRetry(() => transact(async (trx) => {
          const booking = await trx.selectFrom('bookings').select('id')
            .where('id', '=', bookingId).where('version', '=', version).where('status', '=', 'confirmed')
            .executeTakeFirst();
          if (!booking) return 'changed' as const;
          await trx.insertInto('outbox').values(messageRow(message)).execute();
          await trx.insertInto('booking_tokens').values({ token_hash: tokenHash, booking_id: bookingId, state: 'current', created_ms: nowMs }).execute();
          return 'queued' as const;
        }));
      } catch (error) {
        if (isUniqueViolation(error, 'outbox_dedupe_key_key', 'outbox.dedupe_key')) return 'duplicate';
        throw error;
      }
    },

    async releaseExpiredHolds(nowMs) {
      return withRetry(() => transact((trx) => releaseExpired(trx, nowMs)));
    },

    async markPast(nowMs) {
      const result = await db.updateTable('bookings').set({ status: 'past', updated_ms: nowMs })
        .where('status', '=', 'confirmed').where('end_ms', '<=', nowMs).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async erasePersonalData(endedBeforeMs, nowMs) {
      return withRetry(() => transact(async (trx) => {
        const erased = await trx.updateTable('bookings')
          .set({ name: null, email: null, email_key: null, phone: null, erased_ms: nowMs })
          .where('erased_ms', 'is', null).where('end_ms', '<', endedBeforeMs)
          .returning('id').execute();
        if (erased.length > 0) {
          const ids = erased.map((e) => e.id);
          for (let i = 0; i < ids.length; i += 500) {
            await trx.updateTable('outbox').set({ to_address: null, subject: '', body_text: '', ics: null, event: null, link_token: null })
              .where('booking_id', 'in', ids.slice(i, i + 500)).execute();
            await trx.updateTable('outbox').set({ status: 'failed', last_error: 'erased before it could be sent', claimed_until_ms: null })
              .where('booking_id', 'in', ids.slice(i, i + 500)).where('status', 'in', ['pending', 'sending']).execute();
          }
        }
        return erased.length;
      }));
    },

    async claimMessages(nowMs, leaseMs, limit) {
      const due = (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_ms', '<=', nowMs)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until_ms', '<=', nowMs)]),
      ]);
      const rows = await db.updateTable('outbox')
        .set({ status: 'sending', claimed_until_ms: nowMs + leaseMs, attempts: sql`attempts + 1` })
        .where('id', 'in', db.selectFrom('outbox').select('id').where(due).orderBy('next_attempt_ms').limit(limit))
        .where(due)
        .returningAll().execute();
      return rows.filter((r) => r.to_address !== null && (r.event !== null || r.body_text !== '')).map(outgoing);
    },

    async markSent(id, nowMs) {
      // The link's token is not kept once the message is out: the person has it.
      await db.updateTable('outbox').set({ status: 'sent', sent_ms: nowMs, claimed_until_ms: null, last_error: null, link_token: null })
        .where('id', '=', id).execute();
    },

    async markFailed(id, error, nextAttemptMs) {
      await db.updateTable('outbox')
        .set(nextAttemptMs === null
          ? { status: 'failed', claimed_until_ms: null, last_error: error.slice(0, 500) }
          : { status: 'pending', next_attempt_ms: nextAttemptMs, claimed_until_ms: null, last_error: error.slice(0, 500) })
        .where('id', '=', id).execute();
    },

    async pendingMessages() {
      const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'sending']).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async ping() {
      await sql`select 1`.execute(db);
    },

    async benchInsert(id, atMs) {
      await db.transaction().execute((trx) => trx.insertInto('bench_inserts').values({ id, at_ms: atMs }).execute());
    },
  };
}
