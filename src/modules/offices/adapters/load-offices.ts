/**
 * Reads the offices (reference/offices.yaml), the closing days (rules/holidays.yaml) and the map of Denmark
 * (reference/denmark-map.json), checks them, and builds the office directory with a Citizen Service for every
 * municipality.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Type from 'typebox';
import { type OfficeDirectory, buildDirectory } from '../domain/directory.js';
import type { DenmarkMap } from '../../../kernel/geo.js';
import { type Office, OfficeSchema, ServiceInfoSchema, SERVICE_IDS } from '../domain/office.js';
import { SourcesSchema } from '../../plan/index.js';
import { type HolidayRules, HolidaysSchema } from '../../../kernel/time/holidays.js';
import { RulesError, checked, readYaml } from '../../../platform/data-files.js';
import { readTextTrees, weaveTexts } from '../../../platform/i18n/content.js';
import type { Places } from './load-reference.js';
import { LocalizedSchema } from '../../../kernel/i18n/localized-schema.js';

const OfficesFileSchema = Type.Object(
  {
    services: Type.Array(ServiceInfoSchema, { minItems: 1 }),
    offices: Type.Array(OfficeSchema, { minItems: 1 }),
    citizenService: Type.Object(
      {
        websites: Type.Record(Type.String({ pattern: '^\\d{3}$' }), Type.String({ pattern: '^https?://' })),
        sources: SourcesSchema,
        check: Type.Object({ ...LocalizedSchema(Type.String()).properties, url: Type.String({ pattern: '^https?://' }) }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export function loadOfficeDirectory(options: { referenceDir: string; rulesDir: string; places: Places; contentDir?: string }): OfficeDirectory {
  const contentDir = options.contentDir ?? join(options.rulesDir, '..', 'content');
  const file = checked<Type.Static<typeof OfficesFileSchema>>(OfficesFileSchema, weaveTexts(readYaml(join(options.referenceDir, 'offices.yaml')), readTextTrees(contentDir, 'offices.yaml')), 'offices.yaml');
  const holidays = checked<HolidayRules>(HolidaysSchema, weaveTexts(readYaml(join(options.rulesDir, 'holidays.yaml')), readTextTrees(contentDir, 'holidays.yaml')), 'holidays.yaml');
  const map = JSON.parse(readFileSync(join(options.referenceDir, 'denmark-map.json'), 'utf8')) as DenmarkMap;
  const problems = checkOffices(file.offices, file.services.map((s) => s.id), options.places);
  if (problems.length > 0) throw new RulesError(`The offices do not hold together:\n- ${problems.join('\n- ')}`);
  return buildDirectory({
    services: file.services,
    offices: file.offices,
    citizenServiceTemplate: file.citizenService,
    municipalities: options.places.municipalities,
    postalAreas: options.places.postalAreas,
    holidays,
    map,
  });
}

function checkOffices(offices: Office[], services: string[], places: Places): string[] {
  const problems: string[] = [];
  const municipalities = new Set(places.municipalities.map((m) => m.code));
  const ids = new Set<string>();
  for (const id of SERVICE_IDS) if (!services.includes(id)) problems.push(`service ${id} has no name`);
  for (const office of offices) {
    if (ids.has(office.id)) problems.push(`office ${office.id} is listed twice`);
    ids.add(office.id);
    if (!municipalities.has(office.municipality)) problems.push(`office ${office.id}: unknown municipality ${office.municipality}`);
    if (office.address && !places.postalAreas.some((p) => p.code === office.address?.postalCode)) problems.push(`office ${office.id}: unknown postal code`);
    for (const service of office.services) {
      if (Array.isArray(service.catchment)) {
        for (const entry of service.catchment) {
          if (!municipalities.has(entry.municipality)) problems.push(`office ${office.id}, ${service.service}: unknown municipality ${entry.municipality}`);
        }
      }
    }
    for (const c of office.closures) if (c.to < c.from) problems.push(`office ${office.id}: a closure ends before it starts`);
  }
  return problems;
}
