/**
 * Reads the rules from rules/*.yaml, checks each file against its schema and the whole against check-rules,
 * and refuses to go on when anything is wrong: a plan is never built from rules that do not hold together.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RulesError, checked, readYaml as readData } from '../../../platform/data-files.js';
import { readTextTrees, weaveTexts } from '../../../platform/i18n/content.js';
import type { TSchema } from 'typebox';
import { SERVICE_IDS } from '../../offices/index.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import { checkRules } from '../domain/rules/check-rules.js';
import type { Rules } from '../domain/rules/rules.js';
import {
  type Authority, AuthoritySchema, CountriesFileSchema, type DocumentInfo, DocumentSchema, GroupsFileSchema, type MovingFromFile, MovingFromFileSchema,
  type Parameter, ParameterSchema, type Place, PlaceSchema, type StepRule, StepSchema,
} from '../domain/rules/schema.js';
import Type from 'typebox';
import { type SourceKinds, SourceKindsSchema } from '../../../kernel/sources/source-kinds.js';

export { RulesError, checked, readData as readYaml };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
}

function byId<T extends { id: string }>(items: T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new RulesError(`${what} "${item.id}" is defined twice`);
    map.set(item.id, item);
  }
  return map;
}

export interface LoadOptions {
  rulesDir: string;
  /** The earliest date the app accepts as a person's date: every parameter must have a value from then. */
  earliestDate: LocalDate;
  today: LocalDate;
  /** Where the texts in every language are (content/ beside rules/ unless given). */
  contentDir?: string;
}

export function loadRules({ rulesDir, earliestDate, today, contentDir = join(rulesDir, '..', 'content') }: LoadOptions): Rules {
  // A law file's texts live in content/<lang>/ under the same name (platform/i18n/content.ts).
  const readYaml = (path: string) => weaveTexts(readData(path), readTextTrees(contentDir, relative(rulesDir, path)));
  const parameters = byId(
    yamlFiles(join(rulesDir, 'parameters')).map((f) => {
      const p = checked<Parameter>(ParameterSchema, readYaml(f), f);
      if (!f.endsWith(`${p.id}.yaml`)) throw new RulesError(`${f}: the file name must be the parameter id "${p.id}"`);
      return p;
    }),
    'parameter',
  );
  const stepList = yamlFiles(join(rulesDir, 'steps')).map((f) => {
    const s = checked<StepRule>(StepSchema, readYaml(f), f);
    if (!f.endsWith(`${s.id}.yaml`)) throw new RulesError(`${f}: the file name must be the step id "${s.id}"`);
    return s;
  });
  stepList.sort((a, b) => a.order - b.order);
  const listOf = <T>(schema: TSchema, file: string) => checked<T[]>(Type.Array(schema), readYaml(join(rulesDir, file)), file);
  const countriesFile = checked<Type.Static<typeof CountriesFileSchema>>(
    CountriesFileSchema, readYaml(join(rulesDir, 'countries', 'countries.yaml')), 'countries/countries.yaml',
  );
  const groups = checked<Type.Static<typeof GroupsFileSchema>>(
    GroupsFileSchema, readYaml(join(rulesDir, 'countries', 'groups.yaml')), 'countries/groups.yaml',
  );
  const movingFrom = checked<MovingFromFile>(MovingFromFileSchema, readYaml(join(rulesDir, 'countries', 'moving-from.yaml')), 'countries/moving-from.yaml');
  const rules: Rules = {
    steps: stepList,
    stepsById: byId(stepList, 'step'),
    parameters,
    authorities: byId(listOf<Authority>(AuthoritySchema, 'authorities.yaml'), 'authority'),
    documents: byId(listOf<DocumentInfo>(DocumentSchema, 'documents.yaml'), 'document'),
    places: byId(listOf<Place>(PlaceSchema, 'places.yaml'), 'place'),
    countries: {
      byCode: new Map(countriesFile.countries.map((c) => [c.code, c])),
      groups,
      movingFrom,
    },
    sourceKinds: checked<SourceKinds>(SourceKindsSchema, readYaml(join(rulesDir, 'source-kinds.yaml')), 'source-kinds.yaml'),
  };
  const problems = checkRules(rules, earliestDate, today, SERVICE_IDS);
  if (problems.length > 0) throw new RulesError(`The rules do not hold together:\n- ${problems.join('\n- ')}`);
  return rules;
}
