/**
 * Where bookings live. The database behind it (SQLite or PostgreSQL) enforces the rules that matter under load:
 * a slot's places are taken and given back by guarded updates that can never pass its capacity, a hold turns
 * into a booking only once, a person has one active booking per service, and every message is written in the
 * same transaction as the change it tells about.
 */
import type { Lang } from '../../plan/index.js';

export interface SlotKey {
  officeId: string;
  service: string;
  startMs: number;
}

export interface NewHold extends SlotKey {
  id: string;
  endMs: number;
  people: number;
  /** Places the slot has (from the configuration at this moment). */
  capacity: number;
  /** Who asked (a hash of their address), for the limit on holds per client. */
  clientKey: string;
  /** The most live holds one client may have: with this many already, the hold is refused ('too-many-holds'). */
  maxHolds: number;
  nowMs: number;
  expiresMs: number;
}

export interface Hold extends SlotKey {
  id: string;
  endMs: number;
  people: number;
  createdMs: number;
  expiresMs: number;
  status: 'active' | 'used' | 'released';
}

export type BookingStatus = 'confirmed' | 'cancelled' | 'past';
export type TokenState = 'current' | 'rescheduled' | 'cancelled';
/** 'already-booked': someone asked to book with the address of a booking that exists; it goes to that address. */
export type MessageKind = 'confirmation' | 'reminder' | 'rescheduled' | 'cancelled' | 'link' | 'already-booked';

export interface Booking extends SlotKey {
  id: string;
  reference: string;
  endMs: number;
  people: number;
  /** Null once erased. */
  name: string | null;
  email: string | null;
  phone: string | null;
  language: Lang;
  status: BookingStatus;
  version: number;
  reminded: boolean;
  createdMs: number;
  updatedMs: number;
  erasedMs: number | null;
}

export interface NewBooking {
  id: string;
  reference: string;
  holdId: string;
  name: string;
  email: string;
  emailKey: string;
  phone: string | null;
  language: Lang;
  tokenHash: string;
  nowMs: number;
}

/** The booking as a message tells it: kept with the message, so the message is worded when it is sent. */
export type MessageBooking = Pick<Booking, 'id' | 'reference' | 'officeId' | 'service' | 'startMs' | 'endMs' | 'people' | 'name' | 'language' | 'version'>;

export interface NewMessage {
  id: string;
  bookingId: string | null;
  kind: MessageKind;
  /** One message per event: a second message with the same key is never written. */
  dedupeKey: string;
  to: string;
  language: Lang;
  /** The booking at the event. */
  booking: MessageBooking;
  /** The link the message carries (its token), if any. */
  token: string | null;
  nowMs: number;
}

export interface OutgoingMessage {
  id: string;
  kind: MessageKind;
  to: string;
  language: Lang;
  attempts: number;
  /** Until when this sender's claim holds (its mark: another claim has another). */
  claimedUntilMs: number;
  /** What the message tells: the booking at the event, the link's token, and when the event happened. */
  event: { booking: MessageBooking; token: string | null; atMs: number } | null;
  /** The words of a message written before messages were worded when sent. */
  stored: { subject: string; text: string; ics: string | null } | null;
}

export type HoldResult = 'held' | 'full' | 'too-many-holds';
export type BookResult =
  | { ok: true; booking: Booking }
  | { ok: false; reason: 'no-hold' | 'hold-used' | 'hold-expired' }
  /** The address already has an active booking of this service: the hold is spent, its places given back. */
  | { ok: false; reason: 'duplicate'; existing: { reference: string; id: string } };

export interface Attempt {
  reference: string;
  officeId: string;
  service: string;
  people: number;
  deadline: string;
  triedMs: number;
  earliestStartMs: number | null;
}

export interface BookingStore {
  /** Places taken per slot start in [fromMs, toMs): bookings and holds that have not run out. */
  placesTaken(officeId: string, service: string, fromMs: number, toMs: number, nowMs: number): Promise<Map<number, number>>;
  hold(hold: NewHold): Promise<HoldResult>;
  holdById(id: string): Promise<Hold | undefined>;
  /** Turns a hold into a booking, with its first link token and its confirmation message, in one transaction. */
  book(booking: NewBooking, message: (booking: Booking) => NewMessage): Promise<BookResult>;
  bookingByReference(reference: string): Promise<Booking | undefined>;
  /** The booking a link token opens, with the token's state; undefined when the token does not belong to it. */
  bookingByToken(reference: string, tokenHash: string): Promise<{ booking: Booking; tokenState: TokenState } | undefined>;
  /** Cancels if the booking is still at `version`: frees its places, kills its links, writes the message. */
  cancel(bookingId: string, version: number, nowMs: number, message: (booking: Booking) => NewMessage): Promise<'cancelled' | 'changed'>;
  /** Moves the booking to another slot if that has places, with a new link token; the old links die. */
  reschedule(
    bookingId: string, version: number, to: { startMs: number; endMs: number; capacity: number },
    tokenHash: string, nowMs: number, message: (booking: Booking) => NewMessage,
  ): Promise<{ ok: true; booking: Booking } | { ok: false; reason: 'full' | 'changed' }>;
  /** Writes a message unless one with its key exists. */
  enqueue(message: NewMessage): Promise<'queued' | 'duplicate'>;
  audit(entry: { id: string; atMs: number; actor: string; action: string; bookingId: string }): Promise<void>;
  auditTrail(bookingId: string): Promise<{ atMs: number; actor: string; action: string }[]>;

  recordAttempt(attempt: Attempt): Promise<void>;
  attempt(reference: string): Promise<Attempt | undefined>;

  /** Confirmed bookings starting in [fromMs, toMs) with no reminder yet. */
  awaitingReminder(fromMs: number, toMs: number): Promise<Booking[]>;
  /**
   * Marks the reminder done for this version and writes it, with a new link token (a booking can have several
   * live links until it changes); false when it was already done or the booking changed.
   */
  queueReminder(bookingId: string, version: number, tokenHash: string, nowMs: number, message: NewMessage): Promise<boolean>;
  /** Writes a message with a new live link to a confirmed booking, unless one with the same key exists. */
  queueLink(bookingId: string, version: number, tokenHash: string, nowMs: number, message: NewMessage): Promise<'queued' | 'duplicate' | 'changed'>;
  /** Gives back the places of holds that ran out. Returns how many holds. */
  releaseExpiredHolds(nowMs: number): Promise<number>;
  /** Confirmed bookings that have ended become past. */
  markPast(nowMs: number): Promise<number>;
  /**
   * Erases names, e-mails and phones of bookings that ended before `endedBeforeMs`, and their messages' addresses,
   * words and links, leaving no readable copy in the database (SQLite: its free space and write-ahead log too).
   * Returns how many bookings, and the ids of their messages (whose copies elsewhere go too).
   */
  erasePersonalData(endedBeforeMs: number, nowMs: number): Promise<{ bookings: number; messageIds: string[] }>;

  /**
   * Claims up to `limit` due messages for `leaseMs`. A claim that runs out (a crashed sender) is claimed again, unless
   * its message was handed over: that one counts as sent, and is never sent again.
   */
  claimMessages(nowMs: number, leaseMs: number, limit: number): Promise<OutgoingMessage[]>;
  /**
   * Records that the sender is about to give the mail server the message's end (ADR 10). It resolves once the
   * record is committed (SQLite) or on its way to the database (PostgreSQL): the caller then sends the end at once.
   * `done` says whether the message was still under this claim (false: another sender has it; never expected).
   */
  handOver(id: string, claimedUntilMs: number, nowMs: number): Promise<{ done: Promise<boolean> }>;
  markSent(id: string, nowMs: number): Promise<void>;
  /** A send that failed (under this claim only): tried again at `nextAttemptMs`, or given up (null). */
  markFailed(id: string, claimedUntilMs: number, error: string, nextAttemptMs: number | null): Promise<void>;
  pendingMessages(): Promise<number>;

  /** Resolves when the database answers a trivial query (for the readiness check). */
  ping(): Promise<void>;

}
