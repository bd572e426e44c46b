/**
 * How booking works at our offices: how long each service takes, how many people each office can see at once
 * for it (places per slot), how far ahead and how close to now a time can be booked, how long a hold lasts, and
 * when personal data is erased. This is the service's own operating configuration, not law: see
 * config/booking.yaml for where each value comes from.
 */
import Type, { type Static } from 'typebox';

const strict = { additionalProperties: false } as const;

export const BOOKABLE_SERVICES = ['cpr-registration', 'eu-residence-document', 'mitid', 'biometrics', 'guidance'] as const;
export type BookableService = (typeof BOOKABLE_SERVICES)[number];

export function isBookableService(value: string): value is BookableService {
  return (BOOKABLE_SERVICES as readonly string[]).includes(value);
}

const ServiceTiming = Type.Object({ minutes: Type.Integer({ minimum: 5, maximum: 240 }) }, strict);
const Places = Type.Optional(Type.Integer({ minimum: 1, maximum: 100 }));

export const BookingConfigSchema = Type.Object(
  {
    /** A time must start at least this many minutes from now. */
    leadMinutes: Type.Integer({ minimum: 0, maximum: 7 * 24 * 60 }),
    /** How many days ahead can be booked, today included, at an office with no horizon of its own. */
    horizonDays: Type.Integer({ minimum: 1, maximum: 366 }),
    /** An office's own horizon, in days, where it differs (a centre that opens its calendar further ahead or less far). */
    horizons: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.Integer({ minimum: 1, maximum: 366 }))),
    /** How long a chosen time is kept for a person while they give their details. */
    holdMinutes: Type.Integer({ minimum: 1, maximum: 60 }),
    /** The most people one booking can be for. */
    maxPeople: Type.Integer({ minimum: 1, maximum: 20 }),
    /** Names, e-mails and phones are erased this many days after the appointment. */
    eraseAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** Minutes per appointment, per service. */
    services: Type.Object({
      'cpr-registration': ServiceTiming, 'eu-residence-document': ServiceTiming, mitid: ServiceTiming, biometrics: ServiceTiming, guidance: ServiceTiming,
    }, strict),
    /** Places per slot, per office and service: the people it can see at the same time. */
    offices: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.Object({
      'cpr-registration': Places, 'eu-residence-document': Places, mitid: Places, biometrics: Places, guidance: Places,
    }, strict)),
    note: Type.String(),
    checked: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  },
  strict,
);
export type BookingConfig = Static<typeof BookingConfigSchema>;

/** How many days ahead this office can be booked, today included. */
export function horizonFor(config: BookingConfig, officeId: string): number {
  return config.horizons?.[officeId] ?? config.horizonDays;
}

/** The places a slot of this service has at this office; 0 when it cannot be booked here. */
export function placesPerSlot(config: BookingConfig, officeId: string, service: BookableService): number {
  return config.offices[officeId]?.[service] ?? 0;
}
