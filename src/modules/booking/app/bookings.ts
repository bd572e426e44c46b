/**
 * The booking use cases: free times, holding a time, booking it, opening, cancelling and moving a booking, and
 * sending a fresh link. Everything the database must guarantee is done by the store in one transaction; this
 * layer checks input against the offices, the configuration and the clock (passed in as `now`).
 */
import { createHash } from 'node:crypto';
import type { FieldError } from '../../plan/index.js';
import { type BookableService, type BookingConfig, isBookableService } from '../domain/booking-config.js';
import { type Details, type RawDetails, validateDetails } from '../domain/details.js';
import { orderedId } from '../../../kernel/ids.js';
import { normaliseReference, referenceFrom } from '../domain/reference.js';
import { type Slot, bookingWindow, notBookable } from '../domain/slots.js';
import { type LocalDate, addDays, compareDates } from '../../../kernel/dates/local-date.js';
import type { OfficeDirectory } from '../../offices/index.js';
import type { Office } from '../../offices/index.js';
import type { Rules } from '../../plan/index.js';
import { instantAt, localMoment } from '../../../kernel/time/copenhagen-clock.js';
import type { Booking, BookingStore, Hold, MessageKind, NewMessage } from '../ports/booking-store.js';
import type { Mailer } from '../../../platform/mail/mailer-port.js';
import type { MessageContext } from './messages.js';
import type { SlotCache, TimedSlot } from './slot-cache.js';

export interface BookingPorts {
  store: BookingStore;
  directory: OfficeDirectory;
  rules: Rules;
  config: BookingConfig;
  /** The times of each office and service, kept for the day (made from `directory` and `config`). */
  slots: SlotCache;
  messages: MessageContext;
  /** Cryptographically random bytes. */
  random: (count: number) => Uint8Array;
  /** Called after a message is written, so the sender can start at once. */
  onMessage?: () => void;
  /**
   * Runs work after the answer has gone out (the edge keeps track of it, logs its failures, and waits for it on
   * shutdown): what must not change how long an answer takes, such as looking up whether a booking exists.
   */
  later: (work: () => Promise<unknown>) => void;
  /** The mailer, when it keeps copies of what it sent (files): removed with the personal data they hold. */
  mailCopies?: Pick<Mailer, 'forget' | 'sweep'>;
  /**
   * False while the database has not been opened (or migrated) yet: the runtime keeps trying in the background, and
   * the booking routes answer 503 meanwhile (ADR 9). Absent: always open.
   */
  databaseOpen?: () => boolean;
}

export interface FreeSlot extends TimedSlot {
  placesLeft: number;
}

export type OfficeError = 'unknown-office' | 'unknown-service' | 'not-offered' | 'no-hours';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** A client's address is kept only as a hash, for the limit on holds per client. */
export const clientKeyOf = (address: string): string => createHash('sha256').update(`ics-client:${address}`).digest('base64url').slice(0, 22);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const ID = /^[A-Za-z0-9_-]{22}$/;

function randomId(ports: BookingPorts, bytes: number): string {
  return Buffer.from(ports.random(bytes)).toString('base64url');
}

/** The id of a row made now: ordered by time, unguessable (ids.ts). */
const rowId = (ports: BookingPorts, nowMs: number): string => orderedId(nowMs, ports.random);

export function isHoldId(value: string): boolean {
  return ID.test(value);
}

/** The office and service, if they can be booked; otherwise why not. */
export function bookableOffice(ports: BookingPorts, officeId: string, service: string): { office: Office; service: BookableService } | { error: OfficeError } {
  const office = ports.directory.byId.get(officeId);
  if (!office) return { error: 'unknown-office' };
  if (!isBookableService(service)) return { error: 'unknown-service' };
  const why = notBookable(office, service, ports.config);
  return why ? { error: why } : { office, service };
}

/** The offices where a service can be booked online. */
export function bookableOffices(ports: BookingPorts, service: BookableService): Office[] {
  return ports.directory.offices.filter((o) => o.kind !== 'citizen-service' && notBookable(o, service, ports.config) === null);
}

export interface AvailabilityQuery {
  officeId: string;
  service: string;
  people: number;
  from?: LocalDate;
  to?: LocalDate;
  now: Date;
}

/** The free times for a party and the places left at each, as two lists (no object per time: the weeks ahead hold hundreds). */
export async function freeTimes(ports: BookingPorts, q: AvailabilityQuery): Promise<
  { ok: true; office: Office; service: BookableService; times: TimedSlot[]; left: number[] } | { ok: false; error: OfficeError }
> {
  const found = bookableOffice(ports, q.officeId, q.service);
  if ('error' in found) return { ok: false, error: found.error };
  const slots = ports.slots.slots(found.office, found.service, q.now, { from: q.from, to: q.to });
  const times: TimedSlot[] = [];
  const left: number[] = [];
  if (slots.length > 0) {
    const taken = await ports.store.placesTaken(found.office.id, found.service, slots[0]!.startMs, slots[slots.length - 1]!.startMs + 1, q.now.getTime());
    for (const slot of slots) {
      const placesLeft = slot.capacity - (taken.get(slot.startMs) ?? 0);
      if (placesLeft >= q.people) {
        times.push(slot);
        left.push(placesLeft);
      }
    }
  }
  return { ok: true, office: found.office, service: found.service, times, left };
}

function freeSlot(slot: TimedSlot, placesLeft: number): FreeSlot {
  // Field by field: a spread here (once per time) took most of the time of the free times.
  return {
    startMs: slot.startMs, endMs: slot.endMs, date: slot.date, minutes: slot.minutes, capacity: slot.capacity,
    startIso: slot.startIso, endIso: slot.endIso, placesLeft,
  };
}

export async function availability(ports: BookingPorts, q: AvailabilityQuery): Promise<{ ok: true; office: Office; service: BookableService; slots: FreeSlot[] } | { ok: false; error: OfficeError }> {
  const found = await freeTimes(ports, q);
  if (!found.ok) return found;
  return { ok: true, office: found.office, service: found.service, slots: found.times.map((t, i) => freeSlot(t, found.left[i]!)) };
}

/** The next free times for a party, after an instant (for "that time is gone: these are free"). */
export async function nextFree(ports: BookingPorts, officeId: string, service: string, people: number, now: Date, count = 5, afterMs = 0): Promise<FreeSlot[]> {
  const found = await freeTimes(ports, { officeId, service, people, now });
  if (!found.ok) return [];
  const next: FreeSlot[] = [];
  for (let i = 0; i < found.times.length && next.length < count; i++) {
    if (found.times[i]!.startMs > afterMs) next.push(freeSlot(found.times[i]!, found.left[i]!));
  }
  return next;
}

export type HoldOutcome =
  | { ok: true; hold: { id: string; expiresMs: number }; slot: Slot; office: Office }
  | { ok: false; error: OfficeError | 'no-such-slot' }
  | { ok: false; error: 'too-many-people'; max: number }
  | { ok: false; error: 'too-many-holds'; max: number }
  | { ok: false; error: 'full'; next: FreeSlot[] };

export async function placeHold(
  ports: BookingPorts,
  input: { officeId: string; service: string; startMs: number; people: number; clientKey: string; now: Date; maxHoldsPerClient: number },
): Promise<HoldOutcome> {
  const found = bookableOffice(ports, input.officeId, input.service);
  if ('error' in found) return { ok: false, error: found.error };
  if (input.people > ports.config.maxPeople) return { ok: false, error: 'too-many-people', max: ports.config.maxPeople };
  const slot = ports.slots.at(found.office, found.service, input.now, input.startMs);
  if (!slot) return { ok: false, error: 'no-such-slot' };
  const nowMs = input.now.getTime();
  const id = rowId(ports, nowMs);
  const expiresMs = nowMs + ports.config.holdMinutes * 60_000;
  const result = input.people > slot.capacity ? 'full' : await ports.store.hold({
    id, officeId: found.office.id, service: found.service, startMs: slot.startMs, endMs: slot.endMs, people: input.people,
    capacity: slot.capacity, clientKey: input.clientKey, maxHolds: input.maxHoldsPerClient, nowMs, expiresMs,
  });
  if (result === 'full') return { ok: false, error: 'full', next: await nextFree(ports, found.office.id, found.service, input.people, input.now) };
  if (result === 'too-many-holds') return { ok: false, error: 'too-many-holds', max: input.maxHoldsPerClient };
  return { ok: true, hold: { id, expiresMs }, slot, office: found.office };
}

export type HoldState = 'active' | 'expired' | 'used' | 'released';

export async function holdFor(ports: BookingPorts, holdId: string, now: Date): Promise<{ hold: Hold; office: Office; state: HoldState } | undefined> {
  if (!isHoldId(holdId)) return undefined;
  const hold = await ports.store.holdById(holdId);
  const office = hold && ports.directory.byId.get(hold.officeId);
  if (!hold || !office) return undefined;
  const state: HoldState = hold.status === 'active' ? (hold.expiresMs > now.getTime() ? 'active' : 'expired') : hold.status;
  return { hold, office, state };
}

/** The message of an event: the booking as it is now, and the link it carries. It is worded when it is sent. */
function message(ports: BookingPorts, kind: MessageKind, booking: Booking, nowMs: number, dedupeKey: string, token?: string): NewMessage {
  return {
    id: rowId(ports, nowMs), bookingId: booking.id, kind, dedupeKey, to: booking.email ?? '', language: booking.language,
    booking, token: token ?? null, nowMs,
  };
}

export type ConfirmOutcome =
  | { ok: true; booking: Booking; token: string }
  | { ok: false; error: 'invalid'; errors: FieldError[]; details: RawDetails }
  | { ok: false; error: 'no-hold' | 'hold-used' | 'hold-expired' }
  | { ok: false; error: 'duplicate'; existing: { reference: string } };

export async function confirmBooking(ports: BookingPorts, input: { holdId: string; details: RawDetails; now: Date }): Promise<ConfirmOutcome> {
  if (!isHoldId(input.holdId)) return { ok: false, error: 'no-hold' };
  const checked = validateDetails(input.details);
  if (!checked.ok) return { ok: false, error: 'invalid', errors: checked.errors, details: input.details };
  const details: Details = checked.details;
  const nowMs = input.now.getTime();
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = randomId(ports, 32);
    const result = await ports.store.book({
      id: rowId(ports, nowMs), reference: referenceFrom(ports.random), holdId: input.holdId,
      name: details.name, email: details.email, emailKey: details.emailKey, phone: details.phone, language: details.language,
      tokenHash: hashToken(token), nowMs,
    }, (booking) => message(ports, 'confirmation', booking, nowMs, `${booking.id}:1:confirmation`, token)).catch((error: unknown) => {
      // A reference drawn twice (about one in 10^11): draw again.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' || (error as { code?: string }).code === '23505') return null;
      throw error;
    });
    if (result === null) continue;
    if (result.ok) {
      ports.onMessage?.();
      return { ok: true, booking: result.booking, token };
    }
    if (result.reason === 'duplicate') return { ok: false, error: 'duplicate', existing: { reference: result.existing.reference } };
    return { ok: false, error: result.reason };
  }
  throw new Error('Could not draw a free booking reference');
}

/**
 * What a link that no longer opens its booking may tell: that there was an appointment, when and where, and what
 * happened to it. Never whose it was: no name, e-mail or phone (the type has none, so no page can show them).
 */
export type GoneBooking = Pick<Booking, 'reference' | 'officeId' | 'service' | 'startMs' | 'endMs' | 'people'>;

/** What the person who asked to book is told: the appointment they asked for, and that the rest comes by e-mail. */
export interface Requested {
  officeId: string;
  service: string;
  startMs: number;
  endMs: number;
  people: number;
  /** The e-mail address they gave (theirs to see again), as checked. */
  email: string;
}

export type RequestOutcome =
  | { ok: true; requested: Requested }
  | { ok: false; error: 'invalid'; errors: FieldError[]; details: RawDetails }
  | { ok: false; error: 'no-hold' | 'hold-used' | 'hold-expired' };

/**
 * A request to book, as the web and the API take it. The answer is the same whether it made a booking or the address
 * already had an active booking of this service (then that booking's link goes to the address instead, after the
 * answer): nobody learns from it whether an address has a booking, or its reference. The booking, its reference and
 * its private link reach the person only by e-mail.
 */
export async function requestBooking(ports: BookingPorts, input: { holdId: string; details: RawDetails; now: Date }): Promise<RequestOutcome> {
  const result = await confirmBooking(ports, input);
  if (!result.ok && result.error !== 'duplicate') return result;
  const hold = await ports.store.holdById(input.holdId);
  if (!hold) return { ok: false, error: 'no-hold' };
  if (!result.ok) ports.later(() => tellAlreadyBooked(ports, result.existing.reference, input.now));
  const email = validateDetails(input.details);
  return {
    ok: true,
    requested: { officeId: hold.officeId, service: hold.service, startMs: hold.startMs, endMs: hold.endMs, people: hold.people, email: email.ok ? email.details.email : '' },
  };
}

/**
 * Tells the address of an active booking that someone asked to book the same service with it: its details and a
 * fresh link. At most one such message an hour per booking, so a stranger cannot flood the inbox.
 */
export async function tellAlreadyBooked(ports: BookingPorts, reference: string, now: Date): Promise<'queued' | 'duplicate' | 'not-found'> {
  const booking = await ports.store.bookingByReference(reference);
  if (!booking || booking.status !== 'confirmed' || !booking.email) return 'not-found';
  const nowMs = now.getTime();
  const hour = Math.floor(nowMs / 3_600_000);
  const token = randomId(ports, 32);
  const result = await ports.store.queueLink(booking.id, booking.version, hashToken(token), nowMs,
    message(ports, 'already-booked', booking, nowMs, `${booking.id}:${booking.version}:already-booked:${hour}`, token));
  if (result === 'queued') ports.onMessage?.();
  return result === 'changed' ? 'not-found' : result;
}

export type Opened =
  | { state: 'current'; booking: Booking }
  | { state: 'rescheduled' | 'cancelled' | 'past'; gone: GoneBooking };

const goneOf = (b: Booking): GoneBooking => ({ reference: b.reference, officeId: b.officeId, service: b.service, startMs: b.startMs, endMs: b.endMs, people: b.people });

/**
 * The booking a private link opens. Only the booking's current link reads it, and that read is written to the audit
 * log (it holds personal data). An older link, or the link of a cancelled or past appointment, says what happened.
 */
export async function openBooking(ports: BookingPorts, reference: string, token: string, now: Date, actor: string): Promise<Opened | undefined> {
  const ref = normaliseReference(reference);
  if (!ref || !TOKEN.test(token)) return undefined;
  const found = await ports.store.bookingByToken(ref, hashToken(token));
  if (!found) return undefined;
  const { booking, tokenState } = found;
  if (booking.status === 'cancelled') return { state: 'cancelled', gone: goneOf(booking) };
  if (tokenState !== 'current') return { state: tokenState, gone: goneOf(booking) };
  if (booking.status === 'past' || booking.endMs <= now.getTime()) return { state: 'past', gone: goneOf(booking) };
  await ports.store.audit({ id: rowId(ports, now.getTime()), atMs: now.getTime(), actor, action: 'read', bookingId: booking.id });
  return { state: 'current', booking };
}

export type ChangeError = 'not-found' | 'changed' | 'started';

export async function cancelBooking(ports: BookingPorts, reference: string, token: string, now: Date, actor: string): Promise<{ ok: true; booking: Booking } | { ok: false; error: ChangeError }> {
  const opened = await openBooking(ports, reference, token, now, actor);
  if (!opened) return { ok: false, error: 'not-found' };
  if (opened.state === 'past') return { ok: false, error: 'started' };
  if (opened.state !== 'current') return { ok: false, error: 'changed' };
  if (opened.booking.startMs <= now.getTime()) return { ok: false, error: 'started' };
  const nowMs = now.getTime();
  const booking = opened.booking;
  const result = await ports.store.cancel(booking.id, booking.version, nowMs,
    (b) => message(ports, 'cancelled', b, nowMs, `${b.id}:${b.version}:cancelled`));
  if (result === 'changed') return { ok: false, error: 'changed' };
  ports.onMessage?.();
  await ports.store.audit({ id: rowId(ports, nowMs), atMs: nowMs, actor, action: 'cancel', bookingId: booking.id });
  return { ok: true, booking: { ...booking, status: 'cancelled', version: booking.version + 1 } };
}

export type RescheduleOutcome =
  | { ok: true; booking: Booking; token: string }
  | { ok: false; error: ChangeError | 'no-such-slot' | 'same-time' }
  | { ok: false; error: 'full'; next: FreeSlot[] };

export async function rescheduleBooking(ports: BookingPorts, reference: string, token: string, startMs: number, now: Date, actor: string): Promise<RescheduleOutcome> {
  const opened = await openBooking(ports, reference, token, now, actor);
  if (!opened) return { ok: false, error: 'not-found' };
  if (opened.state === 'past') return { ok: false, error: 'started' };
  if (opened.state !== 'current') return { ok: false, error: 'changed' };
  const booking = opened.booking;
  if (booking.startMs <= now.getTime()) return { ok: false, error: 'started' };
  if (startMs === booking.startMs) return { ok: false, error: 'same-time' };
  const found = bookableOffice(ports, booking.officeId, booking.service);
  if ('error' in found) return { ok: false, error: 'no-such-slot' };
  const slot = ports.slots.at(found.office, found.service, now, startMs);
  if (!slot) return { ok: false, error: 'no-such-slot' };
  const nowMs = now.getTime();
  const newToken = randomId(ports, 32);
  const result = await ports.store.reschedule(booking.id, booking.version, slot, hashToken(newToken), nowMs,
    (b) => message(ports, 'rescheduled', b, nowMs, `${b.id}:${b.version}:rescheduled`, newToken));
  if (!result.ok) {
    if (result.reason === 'full') return { ok: false, error: 'full', next: await nextFree(ports, booking.officeId, booking.service, booking.people, now) };
    return { ok: false, error: 'changed' };
  }
  ports.onMessage?.();
  await ports.store.audit({ id: rowId(ports, nowMs), atMs: nowMs, actor, action: 'reschedule', bookingId: booking.id });
  return { ok: true, booking: result.booking, token: newToken };
}

/**
 * Sends a fresh link to the e-mail address of a confirmed booking: asked from a dead link, or when a second
 * booking for the same service was refused. At most one an hour per booking, so nobody can flood an inbox.
 */
export async function sendLink(ports: BookingPorts, reference: string, now: Date): Promise<'queued' | 'duplicate' | 'not-found'> {
  const ref = normaliseReference(reference);
  const booking = ref ? await ports.store.bookingByReference(ref) : undefined;
  if (!booking || booking.status !== 'confirmed' || !booking.email) return 'not-found';
  const nowMs = now.getTime();
  const hour = Math.floor(nowMs / 3_600_000);
  const token = randomId(ports, 32);
  const result = await ports.store.queueLink(booking.id, booking.version, hashToken(token), nowMs,
    message(ports, 'link', booking, nowMs, `${booking.id}:${booking.version}:link:${hour}`, token));
  if (result === 'queued') ports.onMessage?.();
  return result === 'changed' ? 'not-found' : result;
}

/** Records that a person tried to book before a deadline, for a printable receipt; returns its reference. */
export async function recordAttempt(
  ports: BookingPorts,
  input: { officeId: string; service: string; people: number; deadline: LocalDate; now: Date },
): Promise<{ ok: true; reference: string; earliest: FreeSlot | undefined } | { ok: false; error: OfficeError }> {
  const result = await availability(ports, { officeId: input.officeId, service: input.service, people: input.people, now: input.now });
  if (!result.ok) return result;
  const earliest = result.slots[0];
  const reference = `T-${referenceFrom(ports.random)}`;
  await ports.store.recordAttempt({
    reference, officeId: input.officeId, service: input.service, people: input.people, deadline: input.deadline,
    triedMs: input.now.getTime(), earliestStartMs: earliest?.startMs ?? null,
  });
  return { ok: true, reference, earliest };
}

/** Reminders go out on the day before the appointment (from 09:00 Danish time), to bookings made before that day. */
export function reminderDue(booking: Booking, now: Date): boolean {
  const dayBefore = addDays(localMoment(new Date(booking.startMs)).date, -1);
  const bookedOn = localMoment(new Date(booking.createdMs)).date;
  return compareDates(bookedOn, dayBefore) < 0 && now.getTime() >= instantAt(dayBefore, 9 * 60).getTime() && now.getTime() < booking.startMs;
}

export interface HousekeepingReport {
  holdsReleased: number;
  markedPast: number;
  erased: number;
  reminders: number;
  /** .eml files removed because they were older than the mailer keeps them (not counting erased bookings' files). */
  mailFilesRemoved: number;
}

/** The scheduled work: free run-out holds, send reminders, mark past bookings, erase old personal data. */
export async function housekeeping(ports: BookingPorts, now: Date): Promise<HousekeepingReport> {
  const nowMs = now.getTime();
  const holdsReleased = await ports.store.releaseExpiredHolds(nowMs);
  let reminders = 0;
  for (const booking of await ports.store.awaitingReminder(nowMs, nowMs + 48 * 3_600_000)) {
    if (!reminderDue(booking, now)) continue;
    const token = randomId(ports, 32);
    const queued = await ports.store.queueReminder(booking.id, booking.version, hashToken(token), nowMs,
      message(ports, 'reminder', booking, nowMs, `${booking.id}:${booking.version}:reminder`, token));
    if (queued) reminders++;
  }
  if (reminders > 0) ports.onMessage?.();
  const markedPast = await ports.store.markPast(nowMs);
  // Erased everywhere: the rows, the database file's free space (the store's business), and the copies of the
  // booking's messages a mailer kept; then any copy older than the mailer keeps them.
  const { bookings: erased, messageIds } = await ports.store.erasePersonalData(nowMs - ports.config.eraseAfterDays * 86_400_000, nowMs);
  if (messageIds.length > 0) await ports.mailCopies?.forget?.(messageIds);
  const mailFilesRemoved = await ports.mailCopies?.sweep?.(now) ?? 0;
  return { holdsReleased, markedPast, erased, reminders, mailFilesRemoved };
}

/** The days that can be booked today at an office (its horizon, or the default one). */
export function windowOf(ports: BookingPorts, now: Date, officeId: string): { first: LocalDate; last: LocalDate } {
  return bookingWindow(ports.config, now, officeId);
}
