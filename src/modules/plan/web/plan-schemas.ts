/**
 * The JSON contract of the plan API. Other tools rely on these names: add fields freely, never remove or rename.
 */
import Type from 'typebox';
import { GROUPS, LANGS, LEFT_UKRAINE, MAX_CHILDREN, OUTCOMES, PROFESSIONS, PURPOSES, SCHEMES, STAYS } from '../app/read-model.js';

const IsoDate = (description: string) => Type.String({ format: 'date', maxLength: 10, description, examples: ['2027-01-15'] });

export const PlanRequest = Type.Object(
  {
    citizenships: Type.Array(Type.String({ minLength: 1, maxLength: 8 }), {
      minItems: 1, maxItems: 5, description: 'ISO 3166-1 alpha-2 codes, one or more; the most favourable group applies', examples: [['SE']],
    }),
    movingFrom: Type.Optional(Type.String({
      minLength: 1, maxLength: 8,
      description: 'ISO 3166-1 alpha-2 code of the country the person lives in now (not DK). It decides the health insurance country form for citizens of countries outside the EU/EEA, the CPR duty of anyone who moves from a Nordic country, and whether they must tell the country they leave. Leave it out only when it is not known: the plan then names none of those.',
      examples: ['DE'],
    })),
    purpose: Type.Enum([...PURPOSES], { description: 'Why the person comes to Denmark' }),
    scheme: Type.Optional(Type.Enum([...SCHEMES], { description: 'Citizens of countries outside the EU/EEA who come to work or do research: the scheme they apply under' })),
    profession: Type.Optional(Type.Enum([...PROFESSIONS], { description: 'Whether the work is a regulated profession: health (doctor, nurse, ...), regulated (teacher, lawyer, ...), none, or not-sure' })),
    pdu2: Type.Optional(Type.Boolean({ description: 'EU/EEA/Swiss job seekers: bringing unemployment benefit from home on a PD U2' })),
    pdu2Date: Type.Optional(IsoDate('The date on the front page of the PD U2 (when pdu2 is true): registration as a job seeker is due 7 days later')),
    leftUkraine: Type.Optional(Type.Enum([...LEFT_UKRAINE], { description: 'Ukraine Special Act: whether the person left Ukraine on or after 1 February 2022' })),
    stay: Type.Enum([...STAYS], { description: 'How long the person will stay' }),
    hasResidencePermit: Type.Optional(Type.Boolean({ description: 'Citizens of other countries: has the residence permit been granted?' })),
    residencePermitDate: Type.Optional(IsoDate('The date the residence permit was granted (when hasResidencePermit is true)')),
    arrivalDate: Type.Optional(IsoDate('The day of arrival in Denmark')),
    moveInDate: Type.Optional(IsoDate('The day the person moves into their home in Denmark')),
    postalCode: Type.Optional(Type.String({ maxLength: 10, description: 'Danish postal code of the home, 4 digits', examples: ['8000'] })),
    partner: Type.Optional(Type.Boolean({ description: 'A spouse or partner moves along' })),
    partnerCitizenships: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 8 }), {
      minItems: 1, maxItems: 5, description: 'The partner\'s citizenships (when partner is true); without them, the partner is taken to hold the person\'s own', examples: [['IN']],
    })),
    childrenAges: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), {
      maxItems: MAX_CHILDREN, description: 'Ages in whole years of the children who move along (at most 12 people in all, the person and a partner included)',
    })),
    lang: Type.Optional(Type.Enum([...LANGS], { description: 'Language of the texts in the answer (default en)' })),
  },
  { additionalProperties: false },
);

/** Nullable without anyOf: fast-json-stringify serialises a type list directly, but checks each anyOf branch. */
const Nullable = <T extends Type.TSchema>(schema: T, description?: string) =>
  Type.Unsafe<Type.Static<T> | null>({ ...schema, type: [(schema as unknown as { type: string }).type, 'null'], ...(description ? { description } : {}) });

const Source = Type.Object({ title: Type.String(), url: Type.String(), checked: Type.String({ format: 'date' }) });

const Person = Type.Object({
  role: Type.Enum(['self', 'partner', 'child']),
  index: Type.Integer({ minimum: 0, description: '1, 2, ... for children (youngest first); 0 otherwise' }),
  age: Nullable(Type.Integer({ minimum: 0, maximum: 17 }), 'A child\'s age'),
  label: Type.String({ description: 'Who it is, as the plan says it: "you", "your partner", "your child, 4"' }),
});

export const PlanStepSchema = Type.Object({
  key: Type.String({ description: 'Unique in the plan: the step id for the person who answers, id@partner or id@child-N for a family member' }),
  id: Type.String({ description: 'Stable step id, e.g. address-registration' }),
  person: Person,
  title: Type.String(),
  summary: Type.String(),
  how: Nullable(Type.String()),
  required: Type.Boolean({ description: 'false for steps that are advised but not a duty' }),
  status: Type.Enum(['todo', 'done']),
  deadline: Nullable(Type.String({ format: 'date' }), 'The deadline as a date, when the answers give one'),
  deadlineRule: Type.String({ description: 'The deadline rule in words' }),
  due: Type.String({ description: 'What the deadline hangs on, in a few words, for when there is no date' }),
  earliest: Nullable(Type.String({ format: 'date' }), 'Without a deadline date yet: the first day the deadline can fall on'),
  overdue: Type.Boolean(),
  dependsOn: Type.Array(Type.String(), { description: 'Keys of the steps in this plan that must come first' }),
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
      hours: Type.Array(Type.Object({
        weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 is Monday' }),
        ranges: Type.Array(Type.String({ description: 'HH:MM-HH:MM' })),
      }), { description: 'Its usual weekly hours for this service; empty when not known' }),
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
  people: Type.Array(Person, { description: 'Who moves: the person, a partner, the children' }),
  steps: Type.Array(PlanStepSchema, { description: 'Every person\'s steps in one list, the first thing to do first' }),
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
  for: Type.Array(Type.Enum(['self', 'partner', 'child']), { description: 'Who in a family can get the step, each for themselves' }),
  appliesWhen: Type.Array(Type.String(), { description: 'Named conditions that must all hold, for the person it is for' }),
  dependsOn: Type.Array(Type.String()),
  authority: Type.Object({ name: Type.String(), url: Type.String() }),
  where: Type.String(),
  guide: Type.String(),
  sources: Type.Array(Source),
});

export const CatalogueResponse = Type.Object({ lang: Type.Enum([...LANGS]), steps: Type.Array(CatalogueStep) });
