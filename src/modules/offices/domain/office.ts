/**
 * Offices as data: ICS centres, SIRI offices, and the Citizen Service (Borgerservice) of every municipality.
 * Each office lists the services it offers, who each service is for (municipality codes, or anyone), its weekly
 * hours, closures and extra openings, and its sources. What is missing or uncertain is said in `check`.
 */
import Type, { type Static } from 'typebox';
import { SourcesSchema } from '../../../kernel/sources/sources.js';
import { LocalizedSchema, LocalizedText } from '../../../kernel/i18n/localized-schema.js';

export const SERVICE_IDS = [
  'cpr-registration', 'eu-residence-document', 'mitid', 'biometrics', 'permit-application', 'guidance', 'citizen-service',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

const strict = { additionalProperties: false } as const;
const Bilingual = LocalizedText;
const Time = Type.String({ pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' });
const Interval = Type.Tuple([Time, Time]);
const Day = Type.Array(Interval);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Confidence = Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);

export const WeekSchema = Type.Object(
  { mon: Type.Optional(Day), tue: Type.Optional(Day), wed: Type.Optional(Day), thu: Type.Optional(Day), fri: Type.Optional(Day), sat: Type.Optional(Day), sun: Type.Optional(Day) },
  strict,
);

export const HoursSchema = Type.Object(
  {
    /** confirmed: from the office's own page; inferred: worked out from it; unknown: not found (week is then absent). */
    status: Type.Union([Type.Literal('confirmed'), Type.Literal('inferred'), Type.Literal('unknown')]),
    week: Type.Optional(WeekSchema),
    note: Type.Optional(Bilingual),
  },
  strict,
);
export type Hours = Static<typeof HoursSchema>;

const CatchmentEntry = Type.Object(
  {
    municipality: Type.String({ pattern: '^\\d{3}$' }),
    /** Who from this municipality: everyone (default), everyone but students, or only some students. */
    audience: Type.Optional(Type.Union([Type.Literal('not-students'), Type.Literal('some-students-only')])),
    note: Type.Optional(Bilingual),
  },
  strict,
);

export const OfficeServiceSchema = Type.Object(
  {
    service: Type.Enum([...SERVICE_IDS]),
    /** "anyone", "own-municipality" (Citizen Service), or a list of municipalities. */
    catchment: Type.Union([Type.Literal('anyone'), Type.Literal('own-municipality'), Type.Array(CatchmentEntry, { minItems: 1 })]),
    confidence: Confidence,
    hours: Type.Optional(HoursSchema),
    note: Type.Optional(Bilingual),
  },
  strict,
);
export type OfficeService = Static<typeof OfficeServiceSchema>;

export const OfficeSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+$' }),
    kind: Type.Union([Type.Literal('ics'), Type.Literal('siri'), Type.Literal('citizen-service')]),
    name: Bilingual,
    /** The municipality the office is in (for a Citizen Service: the one it serves). */
    municipality: Type.String({ pattern: '^\\d{3}$' }),
    address: Type.Union([
      Type.Object({ street: Type.String({ minLength: 1 }), postalCode: Type.String({ pattern: '^\\d{4}$' }), city: Type.String({ minLength: 1 }) }, strict),
      Type.Null(),
    ]),
    location: Type.Object(
      {
        latitude: Type.Number({ minimum: 54, maximum: 58 }),
        longitude: Type.Number({ minimum: 7.5, maximum: 15.5 }),
        precision: Type.Union([Type.Literal('postal-code'), Type.Literal('municipality'), Type.Literal('city')]),
      },
      strict,
    ),
    contact: Type.Object(
      { email: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]), website: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]) },
      strict,
    ),
    appointmentRequired: Type.Union([Type.Boolean(), Type.Null()]),
    hours: HoursSchema,
    closures: Type.Array(Type.Object({ from: IsoDate, to: IsoDate, reason: Bilingual }, strict)),
    extraOpenings: Type.Array(Type.Object({ date: IsoDate, hours: Day, reason: Bilingual }, strict)),
    services: Type.Array(OfficeServiceSchema, { minItems: 1 }),
    /** What is missing or conflicting, and the official page to check. */
    check: Type.Optional(Type.Object({ ...LocalizedSchema(Type.String()).properties, url: Type.String({ pattern: '^https?://' }) }, strict)),
    sources: SourcesSchema,
  },
  strict,
);
export type Office = Static<typeof OfficeSchema>;

export const ServiceInfoSchema = Type.Object({ id: Type.Enum([...SERVICE_IDS]), name: Bilingual }, strict);
