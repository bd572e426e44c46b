/**
 * The JSON of the offices API. Add fields freely; never remove or rename.
 */
import Type from 'typebox';
import { LANGS } from '../../plan/index.js';
import { SERVICE_IDS } from '../app/read-model.js';

const Nullable = <T extends Type.TSchema>(schema: T, description?: string) =>
  Type.Unsafe<Type.Static<T> | null>({ ...schema, type: [(schema as unknown as { type: string }).type, 'null'], ...(description ? { description } : {}) });
const Iso = (description: string) => Type.String({ description });

export const OpenNow = Type.Object({
  status: Type.Enum(['open', 'closed', 'unknown'], { description: 'unknown: the opening hours were not found' }),
  closesAt: Nullable(Iso('When open: when it closes (ISO 8601 with offset)')),
  nextOpening: Nullable(Iso('When closed: when it opens next (ISO 8601 with offset)')),
});

const Check = Nullable(Type.Object({ text: Type.String(), url: Type.String() }), 'What is missing or uncertain, and the official page to check');

export const OfficeSummary = Type.Object({
  id: Type.String({ examples: ['ics-aarhus'] }),
  kind: Type.Enum(['ics', 'siri', 'citizen-service']),
  name: Type.String(),
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  address: Nullable(Type.Object({ street: Type.String(), postalCode: Type.String(), city: Type.String() })),
  location: Type.Object({ latitude: Type.Number(), longitude: Type.Number(), precision: Type.Enum(['postal-code', 'municipality', 'city']) }),
  contact: Type.Object({ email: Nullable(Type.String()), phone: Nullable(Type.String()), website: Nullable(Type.String()) }),
  appointmentRequired: Nullable(Type.Boolean()),
  hoursStatus: Type.Enum(['confirmed', 'inferred', 'unknown']),
  services: Type.Array(Type.Object({
    service: Type.Enum([...SERVICE_IDS]),
    name: Type.String(),
    catchment: Type.Union([Type.Enum(['anyone', 'own-municipality']), Type.Array(Type.String())], { description: '"anyone", "own-municipality", or municipality codes' }),
    confidence: Type.Enum(['high', 'medium', 'low']),
  })),
  check: Check,
  page: Type.String(),
});

export const OfficesResponse = Type.Object({ lang: Type.Enum([...LANGS]), offices: Type.Array(OfficeSummary) });

export const OfficeDetail = Type.Object({
  ...OfficeSummary.properties,
  openNow: OpenNow,
  days: Type.Array(Type.Object({
    date: Type.String({ format: 'date' }),
    status: Type.Enum(['open', 'closed', 'unknown']),
    hours: Type.Array(Type.Object({ opens: Iso('ISO 8601 with offset'), closes: Iso('ISO 8601 with offset') })),
    reason: Nullable(Type.Object({ kind: Type.Enum(['public-holiday', 'office-closing-day', 'closure', 'extra-opening']), name: Type.String() })),
  }), { description: 'The next 14 days, today first (Danish dates)' }),
  sources: Type.Array(Type.Object({ title: Type.String(), url: Type.String(), checked: Type.String() })),
});

export const Place = Type.Object({
  postalCode: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  municipality: Type.Object({ code: Type.String(), name: Type.String(), officialName: Type.String() }),
  /** Other municipalities the postal code spans. */
  otherMunicipalities: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const FinderResponse = Type.Object({
  lang: Type.Enum([...LANGS]),
  place: Place,
  services: Type.Array(Type.Object({
    service: Type.Enum([...SERVICE_IDS]),
    name: Type.String(),
    office: Type.Object({ id: Type.String(), name: Type.String(), address: Nullable(Type.String()), page: Type.String() }),
    distanceKm: Type.Number({ description: 'From the centre of the postal code, or from the position given' }),
    basis: Type.Enum(['catchment', 'own-municipality', 'nearest']),
    openNow: OpenNow,
    notes: Type.Array(Type.String()),
    checkOfficialPage: Type.Boolean(),
  })),
});

export const PostalCodeResponse = Type.Object({
  code: Type.String(),
  name: Type.String(),
  municipality: Type.Object({ code: Type.String(), name: Type.String(), officialName: Type.String() }),
  otherMunicipalities: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  centre: Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number() })),
});

export const PlaceErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  suggestions: Type.Optional(Type.Array(Type.String(), { description: 'Nearby valid postal codes' })),
});
