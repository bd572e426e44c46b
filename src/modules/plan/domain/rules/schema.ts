/**
 * The shape of the rules data (rules/*.yaml). The loader checks every file against these schemas at start-up
 * and refuses unknown keys, missing sources and missing languages; check-rules.ts adds the checks a schema
 * cannot express (sorted dates, known predicates and parameters, placeholders that resolve).
 */
import Type, { type Static } from 'typebox';

const strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = Type.String({ minLength: 1 });
const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

import { SourceSchema, SourcesSchema } from '../../../../kernel/sources/sources.js';
import { LocalizedSchema, LocalizedText } from '../../../../kernel/i18n/localized-schema.js';

export { SourceSchema, SourcesSchema };

export const Bilingual = LocalizedSchema;

export const ParameterSchema = Type.Object(
  {
    id: Id,
    unit: Type.Union([
      Type.Literal('days'), Type.Literal('weeks'), Type.Literal('months'), Type.Literal('years'),
      Type.Literal('dkk'), Type.Literal('percent'), Type.Literal('date'), Type.Literal('count'), Type.Literal('km'),
    ]),
    description: Text,
    /**
     * yearly: the value is set anew every 1 January (a pay limit). When a year has begun and its value is not in the
     * data yet, the last one is shown with `stale`, which says so ("{year}": the year of the value shown).
     */
    renews: Type.Optional(Type.Literal('yearly')),
    stale: Type.Optional(Bilingual(Text)),
    entries: Type.Array(
      Type.Object(
        {
          from: IsoDate,
          value: Type.Union([Type.Number(), IsoDate]),
          confidence: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
          note: Type.Optional(Text),
          sources: SourcesSchema,
        },
        strict,
      ),
      { minItems: 1 },
    ),
  },
  strict,
);
export type Parameter = Static<typeof ParameterSchema>;

const GuideTexts = Type.Object(
  {
    intro: Text,
    groups: Type.Object(
      { nordic: Text, 'eu-eea': Text, swiss: Text, other: Text },
      strict,
    ),
  },
  strict,
);

const StepTexts = Type.Object(
  {
    title: Text,
    summary: Text,
    deadline: Text,
    /** What the deadline hangs on, in a few words, for the overview when there is no date ("5 days after you move in"). */
    due: Text,
    how: Type.Optional(Text),
    guide: GuideTexts,
  },
  strict,
);
const PartialStepTexts = Type.Object(
  {
    title: Type.Optional(Text),
    summary: Type.Optional(Text),
    deadline: Type.Optional(Text),
    due: Type.Optional(Text),
    how: Type.Optional(Text),
  },
  strict,
);

export const DeadlineRuleSchema = Type.Object(
  {
    from: Id,
    /**
     * When `from` is not known yet (an EU document's issue date), the deadline can still be no earlier than this start
     * plus the same time: the plan shows it as "at the earliest".
     */
    earliestFrom: Type.Optional(Id),
    add: Type.Optional(
      Type.Object(
        {
          parameter: Id,
          unit: Type.Union([Type.Literal('days'), Type.Literal('weeks'), Type.Literal('months')]),
        },
        strict,
      ),
    ),
  },
  strict,
);
export type DeadlineRule = Static<typeof DeadlineRuleSchema>;

const DocumentRef = Type.Object({ id: Id, when: Type.Optional(Type.Array(Id)) }, strict);

const CheckSchema = Type.Object({ ...LocalizedText.properties, url: Type.String({ pattern: '^https?://' }) }, strict);

const VariantSchema = Type.Object(
  {
    id: Id,
    when: Type.Array(Id, { minItems: 1 }),
    authority: Type.Optional(Id),
    where: Type.Optional(Id),
    deadline: Type.Optional(Type.Union([DeadlineRuleSchema, Type.Null()])),
    documents: Type.Optional(Type.Array(DocumentRef)),
    sources: Type.Optional(SourcesSchema),
    check: Type.Optional(CheckSchema),
    text: Bilingual(PartialStepTexts),
  },
  strict,
);

export const StepSchema = Type.Object(
  {
    id: Id,
    order: Type.Integer({ minimum: 0 }),
    /** Who in the family gets the step, each for themselves (default: only the person who answers). */
    for: Type.Optional(Type.Array(Type.Union([Type.Literal('self'), Type.Literal('partner'), Type.Literal('child')]), { minItems: 1 })),
    appliesWhen: Type.Array(Id, { minItems: 1 }),
    requiredWhen: Type.Optional(Type.Array(Id)),
    doneWhen: Type.Optional(Type.Array(Id, { minItems: 1 })),
    dependsOn: Type.Array(Id),
    deadline: Type.Union([DeadlineRuleSchema, Type.Null()]),
    authority: Id,
    where: Id,
    /** The office service that does this step in person: the finder then names the office that serves the person. */
    office: Type.Optional(Id),
    documents: Type.Array(DocumentRef),
    sources: SourcesSchema,
    check: Type.Optional(CheckSchema),
    text: Bilingual(StepTexts),
    variants: Type.Optional(Type.Array(VariantSchema)),
  },
  strict,
);
export type StepRule = Static<typeof StepSchema>;
export type StepVariant = Static<typeof VariantSchema>;
export type StepCheck = Static<typeof CheckSchema>;

export const AuthoritySchema = Type.Object(
  { id: Id, name: Bilingual(Text), url: Type.String({ pattern: '^https?://' }) },
  strict,
);
export type Authority = Static<typeof AuthoritySchema>;

export const DocumentSchema = Type.Object({ id: Id, name: Bilingual(Text) }, strict);
export type DocumentInfo = Static<typeof DocumentSchema>;

export const PlaceSchema = Type.Object(
  {
    id: Id,
    kind: Type.Union([Type.Literal('in-person'), Type.Literal('online'), Type.Literal('by-post'), Type.Literal('abroad'), Type.Literal('other')]),
    text: Bilingual(Text),
    /** The same, naming the person's municipality: "{municipality}" is replaced by its name. */
    textLocal: Type.Optional(Bilingual(Text)),
  },
  strict,
);
export type Place = Static<typeof PlaceSchema>;

export const CountrySchema = Type.Object(
  { code: Type.String({ pattern: '^[A-Z]{2}$' }), ...LocalizedText.properties, citizensOf: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })) },
  strict,
);
export const CountriesFileSchema = Type.Object({ source: SourceSchema, countries: Type.Array(CountrySchema, { minItems: 1 }) }, strict);
export type Country = Static<typeof CountrySchema>;

const Membership = Type.Object(
  { country: Type.String({ pattern: '^[A-Z]{2}$' }), from: IsoDate, to: Type.Optional(IsoDate) },
  strict,
);
const GroupEntry = Type.Object({ sources: SourcesSchema, members: Type.Array(Membership, { minItems: 1 }) }, strict);
export const GroupsFileSchema = Type.Object(
  { danish: GroupEntry, nordic: GroupEntry, 'eu-eea': GroupEntry, swiss: GroupEntry },
  strict,
);
export type GroupsFile = Static<typeof GroupsFileSchema>;

const CountryList = Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { minItems: 1 });
/** Where a person moves from, as the rules ask about it (rules/countries/moving-from.yaml). */
export const MovingFromFileSchema = Type.Object(
  {
    nordic: Type.Object({ sources: SourcesSchema, countries: CountryList }, strict),
    healthInsuranceForm: Type.Object({ sources: SourcesSchema }, strict),
    ukForDanes: Type.Object({ sources: SourcesSchema, countries: CountryList }, strict),
  },
  strict,
);
export type MovingFromFile = Static<typeof MovingFromFileSchema>;

/** A step in a plan: its id, and for a family member whose it is (`cpr-registration@partner`, `school@child-2`). */
const StepKey = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*(@(partner|child-[1-9][0-9]?))?$' });

export const CaseSchema = Type.Object(
  {
    name: Text,
    asOf: IsoDate,
    input: Type.Record(Type.String(), Type.Unknown()),
    expected: Type.Object(
      {
        outcome: Type.String(),
        group: Type.String(),
        steps: Type.Optional(Type.Array(StepKey)),
        includes: Type.Optional(Type.Array(StepKey)),
        excludes: Type.Optional(Type.Array(StepKey)),
        deadlines: Type.Optional(Type.Record(Type.String(), Type.Union([IsoDate, Type.Null()]))),
        required: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
        done: Type.Optional(Type.Array(StepKey)),
        startsWith: Type.Optional(Type.Array(StepKey)),
        someDeadlines: Type.Optional(Type.Record(Type.String(), Type.Union([IsoDate, Type.Null()]))),
        someRequired: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
        mentions: Type.Optional(Type.Record(Type.String(), Type.Array(Text))),
        never: Type.Optional(Type.Record(Type.String(), Type.Array(Text))),
        uncertain: Type.Optional(Type.Array(StepKey)),
        persons: Type.Optional(Type.Record(Type.String(), Text)),
        due: Type.Optional(Type.Record(Type.String(), Text)),
      },
      strict,
    ),
  },
  strict,
);
export type PlanCase = Static<typeof CaseSchema>;
