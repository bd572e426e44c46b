/**
 * The JSON contract of the plan API. Other tools rely on these names: add fields freely, never remove or rename.
 */
import Type from 'typebox';
import { GROUPS, LANGS, OUTCOMES, PURPOSES, STAYS } from '../../domain/answers/answers.js';

const IsoDate = (description: string) => Type.String({ format: 'date', maxLength: 10, description, examples: ['2027-01-15'] });

export const PlanRequest = Type.Object(
  {
    citizenships: Type.Array(Type.String({ minLength: 1, maxLength: 8 }), {
      minItems: 1, maxItems: 5, description: 'ISO 3166-1 alpha-2 codes, one or more; the most favourable group applies', examples: [['SE']],
    }),
    purpose: Type.Enum([...PURPOSES], { description: 'Why the person comes to Denmark' }),
    stay: Type.Enum([...STAYS], { description: 'How long the person will stay' }),
    hasResidencePermit: Type.Optional(Type.Boolean({ description: 'Citizens of other countries: has the residence permit been granted?' })),
    residencePermitDate: Type.Optional(IsoDate('The date the residence permit was granted (when hasResidencePermit is true)')),
    arrivalDate: Type.Optional(IsoDate('The day of arrival in Denmark')),
    moveInDate: Type.Optional(IsoDate('The day the person moves into their home in Denmark')),
    postalCode: Type.Optional(Type.String({ maxLength: 10, description: 'Danish postal code of the home, 4 digits', examples: ['8000'] })),
    partner: Type.Optional(Type.Boolean({ description: 'A spouse or partner moves along' })),
    childrenAges: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), { maxItems: 12, description: 'Ages in whole years of the children who move along' })),
    lang: Type.Optional(Type.Enum([...LANGS], { description: 'Language of the texts in the answer (default en)' })),
  },
  { additionalProperties: false },
);

/** Nullable without anyOf: fast-json-stringify serialises a type list directly, but checks each anyOf branch. */
const Nullable = <T extends Type.TSchema>(schema: T, description?: string) =>
  Type.Unsafe<Type.Static<T> | null>({ ...schema, type: [(schema as unknown as { type: string }).type, 'null'], ...(description ? { description } : {}) });

const Source = Type.Object({ title: Type.String(), url: Type.String(), checked: Type.String({ format: 'date' }) });

export const PlanStepSchema = Type.Object({
  id: Type.String({ description: 'Stable step id, e.g. address-registration' }),
  title: Type.String(),
  summary: Type.String(),
  how: Nullable(Type.String()),
  required: Type.Boolean({ description: 'false for steps that are advised but not a duty' }),
  status: Type.Enum(['todo', 'done']),
  deadline: Nullable(Type.String({ format: 'date' }), 'The deadline as a date, when the answers give one'),
  deadlineRule: Type.String({ description: 'The deadline rule in words' }),
  overdue: Type.Boolean(),
  dependsOn: Type.Array(Type.String(), { description: 'Ids of the steps that must come first' }),
  authority: Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() }),
  documents: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  where: Type.Object({
    kind: Type.String(),
    description: Type.String(),
    municipality: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    office: Nullable(Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Nullable(Type.String()),
      distanceKm: Type.Number({ description: 'From the centre of the postal code' }),
      basis: Type.Enum(['catchment', 'own-municipality', 'nearest'], { description: 'catchment: the office serves your municipality; own-municipality: your Citizen Service; nearest: open to anyone' }),
      openNow: Type.Enum(['open', 'closed', 'unknown']),
      nextOpening: Nullable(Type.String({ description: 'ISO 8601 with offset' })),
      closesAt: Nullable(Type.String({ description: 'ISO 8601 with offset' })),
      checkOfficialPage: Type.Boolean(),
      page: Type.String(),
    }), 'With a postal code: the office that serves this person for the step'),
  }),
  sources: Type.Array(Source),
  check: Nullable(Type.Object({ text: Type.String(), url: Type.String() }), 'What is uncertain, and where to check it'),
  guide: Type.String({ description: 'Path of the step\'s guide page' }),
});

export const PlanResponse = Type.Object({
  outcome: Type.Enum([...OUTCOMES]),
  group: Type.Enum([...GROUPS]),
  lang: Type.Enum([...LANGS]),
  asOf: Type.String({ format: 'date', description: 'The day the plan was made (Denmark)' }),
  steps: Type.Array(PlanStepSchema),
});

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
});

export const CatalogueStep = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  deadlineRule: Type.String(),
  appliesWhen: Type.Array(Type.String(), { description: 'Named conditions that must all hold' }),
  dependsOn: Type.Array(Type.String()),
  authority: Type.Object({ name: Type.String(), url: Type.String() }),
  where: Type.String(),
  guide: Type.String(),
  sources: Type.Array(Source),
});

export const CatalogueResponse = Type.Object({ lang: Type.Enum([...LANGS]), steps: Type.Array(CatalogueStep) });
