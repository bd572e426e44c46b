/**
 * The JSON of the booking API. The contract other tools rely on: add fields freely, never remove or rename.
 */
import Type from 'typebox';
import { LANGS } from '../../plan/index.js';
import { BOOKABLE_SERVICES } from '../app/read-model.js';

const Instant = (description: string) => Type.String({ description, examples: ['2026-11-30T09:15:00+01:00'] });

export const SlotJson = Type.Object({
  start: Instant('When it starts: ISO 8601 with Denmark\'s offset at that moment'),
  end: Instant('When it ends'),
  placesLeft: Type.Integer({ description: 'Places still free (one per person)' }),
});

export const AvailabilityQuery = Type.Object({
  service: Type.Enum([...BOOKABLE_SERVICES], { description: 'The service: the plan step done at the office, or guidance' }),
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (default today, Danish time)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (default and latest: the last day of the office booking window)' })),
  people: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 1, description: 'Only times with places for this many' })),
});

export const AvailabilityResponse = Type.Object({
  officeId: Type.String(),
  service: Type.String(),
  people: Type.Integer(),
  timeZone: Type.String({ examples: ['Europe/Copenhagen'] }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  bookableOnline: Type.Boolean({ description: 'False when the office\'s hours are not known: contact it instead' }),
  slots: Type.Array(SlotJson),
});

export const HoldRequest = Type.Object({
  officeId: Type.String({ maxLength: 60 }),
  service: Type.Enum([...BOOKABLE_SERVICES]),
  start: Type.String({ format: 'date-time', description: 'A slot\'s start, as the availability gives it' }),
  people: Type.Integer({ minimum: 1, maximum: 100 }),
}, { additionalProperties: false });

export const HoldResponse = Type.Object({
  holdId: Type.String(),
  expiresAt: Instant('The time is kept until then; book before it'),
  officeId: Type.String(),
  service: Type.String(),
  start: Instant('Start'),
  end: Instant('End'),
  people: Type.Integer(),
});

export const ConflictResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  nextSlots: Type.Optional(Type.Array(SlotJson, { description: 'The next free times with places for the party' })),
});

export const BookingRequest = Type.Object({
  holdId: Type.String({ maxLength: 64 }),
  name: Type.String({ maxLength: 500 }),
  email: Type.String({ maxLength: 500 }),
  language: Type.Enum([...LANGS], { description: 'The language of the e-mails' }),
  phone: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });

/** Where, what, when and for how many: the fields every answer about an appointment has. */
const appointment = () => ({
  officeId: Type.String(),
  officeName: Type.String(),
  service: Type.String(),
  start: Instant('Start'),
  end: Instant('End'),
  people: Type.Integer(),
});

export const BookingJson = Type.Object({
  reference: Type.String({ examples: ['K7RM-4PXT'] }),
  status: Type.Enum(['confirmed', 'cancelled', 'past']),
  ...appointment(),
  name: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  language: Type.Enum([...LANGS]),
  version: Type.Integer({ description: 'Rises with every change' }),
});

/** The answer to a request to book: the same whether it made a booking or the address already had one. */
export const BookingAccepted = Type.Object({
  message: Type.String(),
  ...appointment(),
  email: Type.String({ description: 'The address the confirmation (or, if it already has a booking for the service, that booking) goes to' }),
});

export const BookedResponse = Type.Intersect([BookingJson, Type.Object({
  token: Type.String({ description: 'The private token: send it as "Authorization: Bearer <token>". A reschedule gives a new one; older ones stop working.' }),
  manageUrl: Type.String({ description: 'The private page to see, move or cancel the booking' }),
})]);

/** An old or dead link: what happened to the booking, and nothing about whose it was. */
export const GoneResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  state: Type.Enum(['rescheduled', 'cancelled', 'past'], { description: 'moved (a newer link exists), cancelled, or the appointment has passed' }),
});

export const RescheduleRequest = Type.Object({
  start: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });

export const ReferenceParams = Type.Object({ reference: Type.String({ maxLength: 20, description: 'The booking reference, like K7RM-4PXT' }) });
