/**
 * The booking API: free times, holds, bookings, and a booking's own link (Bearer token) to read, cancel or move
 * it. Every refusal names the field and says what to do; a slot that has gone answers 409 with the next free
 * times.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  type FreeSlot, type OfficeError, cancelBooking, clientKeyOf, freeTimes, openBooking, placeHold, requestBooking, rescheduleBooking, sendLink,
  windowOf,
} from '../app/bookings.js';
import { manageUrl } from '../app/messages.js';
import type { FieldError } from '../../plan/index.js';
import { compareDates, parseLocalDate } from '../../../kernel/dates/local-date.js';
import { ZONE, isoWithOffset } from '../../../kernel/time/copenhagen-clock.js';
import type { Booking } from '../ports/booking-store.js';
import { type BookingDeps } from '../deps.js';
import { availabilityJson } from './availability-json.js';
import { apiError } from '../../../platform/http/errors.js';
import {
  AvailabilityQuery, AvailabilityResponse, BookedResponse, BookingAccepted, BookingJson, BookingRequest, ConflictResponse, GoneResponse, HoldRequest, HoldResponse,
  ReferenceParams, RescheduleRequest,
} from './booking-schemas.js';
import { ErrorResponse } from '../../plan/index.js';

export const slotJson = (s: FreeSlot) => ({ start: s.startIso, end: s.endIso, placesLeft: s.placesLeft });

const Bearer = { description: 'The booking\'s private token', security: [{ bookingToken: [] }] };

/** The token from "Authorization: Bearer <token>"; empty when there is none. */
function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1]! : '';
}

export function registerBookingApi(app: FastifyInstance, deps: BookingDeps): void {
  const ports = deps.booking;
  const limited = { rateLimit: { max: deps.config.bookingRateLimitMax, timeWindow: '1 minute' } };
  const msg = (e: FieldError) => deps.texts.message('en', e);
  const fieldErrors = (reply: FastifyReply, status: number, errors: FieldError[]) => {
    const list = errors.map((e) => ({ field: e.field, message: msg(e) }));
    return apiError(reply, status, list.map((e) => `${e.field}: ${e.message}`).join('; '), list);
  };
  const officeProblem = (reply: FastifyReply, error: OfficeError, officeField: string) => {
    if (error === 'unknown-office') return apiError(reply, 404, `${officeField}: there is no office with this id (see /api/v1/offices)`, [{ field: officeField, message: 'there is no office with this id' }]);
    if (error === 'unknown-service') return fieldErrors(reply, 400, [{ field: 'service', code: 'not-a-choice' }]);
    if (error === 'not-offered') return fieldErrors(reply, 400, [{ field: 'service', code: 'not-offered' }]);
    return apiError(reply, 409, `${officeField}: this office's hours are not known, so it cannot be booked online: contact it directly (see /api/v1/offices)`, [{ field: officeField, message: 'cannot be booked online' }]);
  };
  const bookingJson = (b: Booking) => ({
    reference: b.reference, status: b.status, officeId: b.officeId, officeName: deps.offices.byId.get(b.officeId)?.name.en ?? b.officeId,
    service: b.service, start: isoWithOffset(new Date(b.startMs)), end: isoWithOffset(new Date(b.endMs)), people: b.people,
    name: b.name, email: b.email, phone: b.phone, language: b.language, version: b.version,
  });
  const notFound = (reply: FastifyReply) => apiError(reply, 404, 'No booking has this reference and token. A link stops working when its booking is moved or cancelled: use the newest e-mail.', [{ field: 'authorization', message: 'unknown or old token' }]);

  app.get<{ Params: { id: string }; Querystring: Type.Static<typeof AvailabilityQuery> }>('/api/v1/offices/:id/availability', {
    schema: {
      summary: 'Free times at an office for a service, for a party, within its booking window (13 weeks unless the office has its own)', tags: ['booking'],
      params: Type.Object({ id: Type.String({ maxLength: 60 }) }), querystring: AvailabilityQuery,
      response: { 200: AvailabilityResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const { service, from, to } = request.query;
    const people = request.query.people ?? 1;
    const now = deps.clock.now();
    if (people > deps.bookingConfig.maxPeople) return fieldErrors(reply, 400, [{ field: 'people', code: 'too-many', params: { max: deps.bookingConfig.maxPeople } }]);
    const window = windowOf(ports, now, request.params.id);
    const fromDate = from ? parseLocalDate(from) : window.first;
    const toDate = to ? parseLocalDate(to) : window.last;
    if (!fromDate) return apiError(reply, 400, 'from must be a real date written YYYY-MM-DD', [{ field: 'from', message: 'not a date' }]);
    if (!toDate) return apiError(reply, 400, 'to must be a real date written YYYY-MM-DD', [{ field: 'to', message: 'not a date' }]);
    if (compareDates(fromDate, window.first) < 0) return apiError(reply, 400, `from must be today (${window.first}) or later`, [{ field: 'from', message: 'is in the past' }]);
    if (compareDates(fromDate, window.last) > 0) return apiError(reply, 400, `from must be ${window.last} or earlier: the last day that can be booked now`, [{ field: 'from', message: 'is after the last day that can be booked' }]);
    if (compareDates(toDate, fromDate) < 0) return apiError(reply, 400, 'to must be on or after from', [{ field: 'to', message: 'is before from' }]);
    const result = await freeTimes(ports, { officeId: request.params.id, service, people, from: fromDate, to: toDate, now });
    if (!result.ok && result.error !== 'no-hours') return officeProblem(reply, result.error, 'id');
    const last = compareDates(toDate, window.last) > 0 ? window.last : toDate;
    // Up to the whole booking window of times: written from bytes kept with each time rather than through the schema's serializer,
    // which took most of this answer's time.
    const head = { officeId: request.params.id, service, people, timeZone: ZONE, from: fromDate, to: last, bookableOnline: result.ok };
    return reply.type('application/json; charset=utf-8').send(result.ok ? availabilityJson(head, result.times, result.left) : availabilityJson(head, [], []));
  });

  app.post<{ Body: Type.Static<typeof HoldRequest> }>('/api/v1/holds', {
    config: limited,
    schema: {
      summary: 'Hold a time while the person gives their details', tags: ['booking'], body: HoldRequest,
      description: 'The places are kept for a few minutes (see expiresAt); an abandoned hold frees itself.',
      response: { 201: HoldResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ConflictResponse, 429: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const { officeId, service, start, people } = request.body;
    if (people > deps.bookingConfig.maxPeople) return fieldErrors(reply, 400, [{ field: 'people', code: 'too-many', params: { max: deps.bookingConfig.maxPeople } }]);
    const startMs = Date.parse(start);
    const result = await placeHold(ports, { officeId, service, startMs, people, clientKey: clientKeyOf(request.ip), now: deps.clock.now(), maxHoldsPerClient: deps.config.maxHoldsPerClient });
    if (result.ok) {
      return reply.code(201).send({
        holdId: result.hold.id, expiresAt: isoWithOffset(new Date(result.hold.expiresMs)), officeId, service,
        start: isoWithOffset(new Date(result.slot.startMs)), end: isoWithOffset(new Date(result.slot.endMs)), people,
      });
    }
    switch (result.error) {
      case 'no-such-slot': return fieldErrors(reply, 400, [{ field: 'start', code: 'not-a-slot' }]);
      case 'too-many-people': return fieldErrors(reply, 400, [{ field: 'people', code: 'too-many', params: { max: result.max } }]);
      case 'too-many-holds': return apiError(reply, 429, `You are holding ${result.max} times already. Book or let them run out first.`, [{ field: 'body', message: 'too many holds' }]);
      case 'full': {
        const message = msg({ field: 'start', code: 'taken' });
        return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: `start: ${message}`, errors: [{ field: 'start', message }], nextSlots: result.next.map(slotJson) });
      }
      default: return officeProblem(reply, result.error, 'officeId');
    }
  });

  app.post<{ Body: Type.Static<typeof BookingRequest> }>('/api/v1/bookings', {
    config: limited,
    schema: {
      summary: 'Book a held time', tags: ['booking'], body: BookingRequest,
      description: 'Answers 202: the confirmation, with the booking\'s reference and its private link, goes to the e-mail address, in the chosen language, with the calendar file. '
        + 'One active booking per e-mail address per service: if the address already has one, no second booking is made and that booking\'s link goes to the address instead. '
        + 'The answer is the same either way, so it tells nobody whether an address has a booking.',
      response: { 202: BookingAccepted, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const { holdId, ...details } = request.body;
    const result = await requestBooking(ports, { holdId, details, now: deps.clock.now() });
    if (result.ok) {
      const r = result.requested;
      return reply.code(202).send({
        message: `Thank you. A message about this booking is on its way to ${r.email}, with the booking's reference and the link to see, move or cancel it.`,
        officeId: r.officeId, officeName: deps.offices.byId.get(r.officeId)?.name.en ?? r.officeId, service: r.service,
        start: isoWithOffset(new Date(r.startMs)), end: isoWithOffset(new Date(r.endMs)), people: r.people, email: r.email,
      });
    }
    switch (result.error) {
      case 'invalid': return fieldErrors(reply, 400, result.errors);
      case 'no-hold': return apiError(reply, 404, 'holdId: there is no hold with this id', [{ field: 'holdId', message: 'unknown hold' }]);
      case 'hold-used': return apiError(reply, 409, 'holdId: this hold has already been used for a booking request: look for our e-mail, or hold a time again', [{ field: 'holdId', message: 'already used' }]);
      case 'hold-expired': return apiError(reply, 410, 'holdId: this hold ran out: hold a time again', [{ field: 'holdId', message: 'ran out' }]);
    }
  });

  app.get<{ Params: { reference: string } }>('/api/v1/bookings/:reference', {
    schema: {
      summary: 'A booking, with its private token', tags: ['booking'], params: ReferenceParams, ...Bearer,
      description: 'Only the booking\'s current token reads it (each read is logged). An older token, or the token of a cancelled or past appointment, answers 410 with what happened, and nothing about whose booking it was.',
      response: { 200: BookingJson, 404: ErrorResponse, 410: GoneResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const opened = await openBooking(ports, request.params.reference, bearer(request), deps.clock.now(), 'api');
    if (!opened) return notFound(reply);
    if (opened.state !== 'current') {
      const { reference } = opened.gone;
      const message = opened.state === 'rescheduled'
        ? `This token is old: booking ${reference} was moved, and its new link went to the e-mail address on the booking. Use the newest e-mail, or ask for the link again: POST /api/v1/bookings/${reference}/link`
        : opened.state === 'cancelled' ? `Booking ${reference} was cancelled.` : `The appointment of booking ${reference} has passed.`;
      return reply.code(410).send({ statusCode: 410, error: 'Gone', message, errors: [{ field: 'authorization', message: `the booking was ${opened.state === 'past' ? 'in the past' : opened.state}` }], state: opened.state });
    }
    return bookingJson(opened.booking);
  });

  app.post<{ Params: { reference: string } }>('/api/v1/bookings/:reference/cancel', {
    config: limited,
    schema: { summary: 'Cancel a booking', tags: ['booking'], params: ReferenceParams, ...Bearer, response: { 200: BookingJson, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse } },
  }, async (request, reply) => {
    const result = await cancelBooking(ports, request.params.reference, bearer(request), deps.clock.now(), 'api');
    if (result.ok) return bookingJson(result.booking);
    if (result.error === 'started') return apiError(reply, 409, 'The appointment has started or passed: it can no longer be cancelled', [{ field: 'reference', message: 'started' }]);
    return notFound(reply);
  });

  app.post<{ Params: { reference: string }; Body: Type.Static<typeof RescheduleRequest> }>('/api/v1/bookings/:reference/reschedule', {
    config: limited,
    schema: {
      summary: 'Move a booking to another free time', tags: ['booking'], params: ReferenceParams, body: RescheduleRequest, ...Bearer,
      description: 'Gives a new token; the old one stops working. Sends an e-mail with the new time.',
      response: { 200: BookedResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ConflictResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const result = await rescheduleBooking(ports, request.params.reference, bearer(request), Date.parse(request.body.start), deps.clock.now(), 'api');
    if (result.ok) {
      return { ...bookingJson(result.booking), token: result.token, manageUrl: manageUrl(deps.config.publicUrl, result.booking.reference, result.token, result.booking.language) };
    }
    switch (result.error) {
      case 'no-such-slot': return fieldErrors(reply, 400, [{ field: 'start', code: 'not-a-slot' }]);
      case 'same-time': return fieldErrors(reply, 400, [{ field: 'start', code: 'same-time' }]);
      case 'started': return apiError(reply, 409, 'The appointment has started or passed: it can no longer be moved', [{ field: 'reference', message: 'started' }]);
      case 'full': {
        const message = msg({ field: 'start', code: 'taken' });
        return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: `start: ${message}`, errors: [{ field: 'start', message }], nextSlots: result.next.map(slotJson) });
      }
      default: return notFound(reply);
    }
  });

  app.post<{ Params: { reference: string } }>('/api/v1/bookings/:reference/link', {
    config: limited,
    schema: {
      summary: 'Send the link to a booking again, to the e-mail address on the booking', tags: ['booking'], params: ReferenceParams,
      description: 'Answers 202 whether or not the booking exists, so it tells nobody anything; at most one e-mail an hour per booking.',
      response: { 202: Type.Object({ message: Type.String() }), 503: ErrorResponse },
    },
  }, async (request, reply) => {
    // Looked up after the answer has gone: the answer, and how long it takes, are the same whether or not it exists.
    const now = deps.clock.now();
    ports.later(() => sendLink(ports, request.params.reference, now));
    return reply.code(202).send({ message: 'If this booking is active, a link to it is on its way to the e-mail address on the booking.' });
  });
}
