/** A source: every fact the service states carries the page or law it came from and the day it was checked. */
import Type from 'typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = Type.String({ minLength: 1 });

export const SourceSchema = Type.Object(
  {
    title: Text,
    url: Type.String({ pattern: '^https?://' }),
    checked: IsoDate,
    facts: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]+-\\d+[a-z]?$' }))),
    /**
     * What kind of source it is: the law itself, the authority's own page, or anything else (a news site, a
     * relocation firm, a private guide). Without it, the kind follows from the address (rules/source-kinds.yaml).
     */
    kind: Type.Optional(Type.Union([Type.Literal('law'), Type.Literal('authority'), Type.Literal('secondary')])),
  },
  { additionalProperties: false },
);
export const SourcesSchema = Type.Array(SourceSchema, { minItems: 1 });

