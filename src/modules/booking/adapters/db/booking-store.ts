/**
 * The booking store on Kysely: the same SQL on SQLite and PostgreSQL. Places are taken with a guarded upsert
 * (it adds only while used + people <= capacity, and a CHECK constraint backs it), so two requests for the last
 * place cannot both win, whatever the database and however many server processes there are.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { Attempt, BookResult, BookingStore, Hold, HoldResult, NewBooking, NewHold } from '../../ports/booking-store.js';
import { Refused, givePlaces, killLinks, messageRow, outgoing, releaseExpired, takePlaces, toBooking } from './booking-rows.js';
import { isUnavailable, isUniqueViolation, withRetry } from '../../../../platform/db/errors.js';
import { batcher } from './batcher.js';
import { type Transact, groupCommit } from './group-commit.js';
import { type BatchedBooking, bookingsInOneStatement, holdsInOneStatement } from './postgres-batches.js';
import { type HoldFields, bookInOneStatement, holdInOneStatement, newBooking, placesTakenInOneRow } from './postgres-statements.js';
import type { HandOvers } from './hand-overs.js';
import type { BookingsTable, Database, HoldsTable } from './schema.js';

export { outgoing } from './booking-rows.js';

export interface BookingStoreOptions {
  /** PostgreSQL: the most holds, or bookings, in one statement (1: each on its own). */
  maxBatch?: number;
  /** Told the size of each batch of holds or bookings as it starts (PostgreSQL; for tests). */
  onBatch?: (kind: 'holds' | 'bookings', size: number) => void;
  /** PostgreSQL: where hand-overs are recorded (a connection of their own); else through `db`. */
  handOvers?: HandOvers | null;
}

/** What an outbox row says when its sender handed it over and stopped before it heard back (for staff). */
export const HANDED_OVER_UNHEARD = 'handed over to the mail server; its sender stopped before the answer';

export function kyselyBookingStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres' = 'sqlite', options: BookingStoreOptions = {}): BookingStore {
  const postgres = dialect === 'postgres';
  const maxBatch = options.maxBatch ?? 32;
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
  // PostgreSQL: the holds and the bookings asked for together go to the database together (batcher.ts), one
  // statement for many; one asked for alone runs the statement of one. An item the batch could not settle, or a batch
  // that failed, is run again on its own below.
  const again = (error: unknown, items: unknown[]) => {
    if (isUnavailable(error)) throw error;
    return items.map(() => 'again' as const);
  };
  const holdTogether = batcher<NewHold, 'held' | 'full' | 'check' | 'again'>(async (holds) => {
    if (holds.length === 1) return [await withRetry(() => holdInOneStatement(db, holds[0]!))];
    return holdsInOneStatement(db, holds).catch((error: unknown) => again(error, holds));
  }, { maxBatch, maxInFlight: 1, onBatch: (size) => options.onBatch?.('holds', size) });
  const bookTogether = batcher<BatchedBooking, 'booked' | 'again'>(
    (items) => bookingsInOneStatement(db, items).catch((error: unknown) => again(error, items)),
    { maxBatch, maxInFlight: 1, onBatch: (size) => options.onBatch?.('bookings', size) },
  );
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
      if (postgres) {
        let first = maxBatch > 1 ? await holdTogether(hold) : 'again';
        if (first === 'again') first = await withRetry(() => holdInOneStatement(db, hold));
        if (first === 'full') return 'full';
        if (first === 'held') {
          remember(hold);
          return 'held';
        }
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
        if (postgres && known && maxBatch > 1) {
          const booking = newBooking(input, known);
          if (await bookTogether({ input, hold: known, message: messageRow(message(booking)) }) === 'booked') return { ok: true, booking };
        }
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
        // The hold is spent on the request, as a booking would spend it, and its places go back at once.
        await withRetry(() => transact(async (trx) => {
          const spent = await trx.updateTable('holds').set({ status: 'used' }).where('id', '=', input.holdId).where('status', '=', 'active')
            .returning(['office_id', 'service', 'start_ms', 'people']).executeTakeFirst();
          if (spent) await givePlaces(trx, { officeId: spent.office_id, service: spent.service, startMs: spent.start_ms }, spent.people);
        }));
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
          // The two times are locked in the order of their start, as a batch of holds locks its times, so that a move
          // and a batch (or two moves) never wait for each other in a circle. If the new time is full, the
          // transaction is undone, places given back included.
          const giveFirst = before.start_ms < to.startMs;
          const giveBack = () => givePlaces(trx, { officeId: before.office_id, service: before.service, startMs: before.start_ms }, before.people);
          if (giveFirst) await giveBack();
          if (!(await takePlaces(trx, { officeId: row.office_id, service: row.service, startMs: to.startMs }, row.people, to.capacity))) {
            throw new Refused('full');
          }
          if (!giveFirst) await giveBack();
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
      const result = await withRetry(() => transact(async (trx) => {
        const erased = await trx.updateTable('bookings')
          .set({ name: null, email: null, email_key: null, phone: null, erased_ms: nowMs })
          .where('erased_ms', 'is', null).where('end_ms', '<', endedBeforeMs)
          .returning('id').execute();
        const messageIds: string[] = [];
        if (erased.length > 0) {
          const ids = erased.map((e) => e.id);
          for (let i = 0; i < ids.length; i += 500) {
            const messages = await trx.updateTable('outbox').set({ to_address: null, subject: '', body_text: '', ics: null, event: null, link_token: null })
              .where('booking_id', 'in', ids.slice(i, i + 500)).returning('id').execute();
            messageIds.push(...messages.map((m) => m.id));
            await trx.updateTable('outbox').set({ status: 'failed', last_error: 'erased before it could be sent', claimed_until_ms: null })
              .where('booking_id', 'in', ids.slice(i, i + 500)).where('status', 'in', ['pending', 'sending']).execute();
          }
        }
        return { bookings: erased.length, messageIds };
      }));
      // SQLite: with secure_delete on (database.ts) the old values are overwritten in the file; the write-ahead log
      // still holds the pages as they were before, until it is written back and emptied. PostgreSQL: ADR 10.
      if (!postgres && result.bookings > 0) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      return result;
    },

    async claimMessages(nowMs, leaseMs, limit) {
      // A message whose sender was killed after handing it over went to the mail server: it counts as sent.
      await db.updateTable('outbox')
        .set((eb) => ({
          status: 'sent', sent_ms: eb.ref('handed_ms'), claimed_until_ms: null, link_token: null, to_address: null, event: null,
          last_error: HANDED_OVER_UNHEARD,
        }))
        .where('status', '=', 'sending').where('handed_ms', 'is not', null).where('claimed_until_ms', '<=', nowMs)
        .execute();
      const due = (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_ms', '<=', nowMs)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until_ms', '<=', nowMs), eb('handed_ms', 'is', null)]),
      ]);
      const rows = await db.updateTable('outbox')
        .set({ status: 'sending', claimed_until_ms: nowMs + leaseMs, attempts: sql`attempts + 1` })
        .where('id', 'in', db.selectFrom('outbox').select('id').where(due).orderBy('next_attempt_ms').limit(limit))
        .where(due)
        .returningAll().execute();
      return rows.filter((r) => r.to_address !== null && (r.event !== null || r.body_text !== '')).map(outgoing);
    },

    async handOver(id, claimedUntilMs, nowMs) {
      if (options.handOvers) return options.handOvers.record(id, claimedUntilMs, nowMs);
      // SQLite: the statement runs and commits synchronously inside; only a few callbacks lie between its commit and
      // the caller's next step.
      const result = await db.updateTable('outbox').set({ handed_ms: nowMs })
        .where('id', '=', id).where('status', '=', 'sending').where('claimed_until_ms', '=', claimedUntilMs).where('handed_ms', 'is', null)
        .executeTakeFirst();
      return { done: Promise.resolve(Number(result.numUpdatedRows) === 1) };
    },

    async markSent(id, nowMs) {
      // What the message told is not kept once it is out: the person has it (the link's token, the address it went
      // to, the booking as it was). The booking keeps its own details until they are erased.
      await db.updateTable('outbox').set({ status: 'sent', sent_ms: nowMs, claimed_until_ms: null, last_error: null, link_token: null, to_address: null, event: null })
        .where('id', '=', id).execute();
    },

    async markFailed(id, claimedUntilMs, error, nextAttemptMs) {
      await db.updateTable('outbox')
        .set(nextAttemptMs === null
          ? { status: 'failed', claimed_until_ms: null, handed_ms: null, last_error: error.slice(0, 500) }
          : { status: 'pending', next_attempt_ms: nextAttemptMs, claimed_until_ms: null, handed_ms: null, last_error: error.slice(0, 500) })
        .where('id', '=', id).where('status', '=', 'sending').where('claimed_until_ms', '=', claimedUntilMs).execute();
    },

    async pendingMessages() {
      const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'sending']).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async ping() {
      await sql`select 1`.execute(db);
    },
  };
}
