import { type Group, GROUPS } from '../answers/answers.js';
import type { LocalDate } from '../dates/local-date.js';
import type { Country, GroupsFile } from '../rules/schema.js';

type DatedGroup = Exclude<Group, 'other'>;
const DATED_GROUPS: readonly DatedGroup[] = ['danish', 'nordic', 'eu-eea', 'swiss'];

export interface CountryDirectory {
  byCode: ReadonlyMap<string, Country>;
  groups: GroupsFile;
}

/** The group one citizenship gives on a date; a territory counts as the country whose citizens live there. */
export function groupOfCitizenship(directory: CountryDirectory, code: string, onDate: LocalDate): Group {
  const country = directory.byCode.get(code);
  const nationality = country?.citizensOf ?? code;
  for (const group of DATED_GROUPS) {
    const isMember = directory.groups[group].members.some(
      (m) => m.country === nationality && m.from <= onDate && (m.to === undefined || onDate <= m.to),
    );
    if (isMember) return group;
  }
  return 'other';
}

/** With several citizenships the most favourable group applies. */
export function citizenshipGroup(directory: CountryDirectory, codes: readonly string[], onDate: LocalDate): Group {
  let best = GROUPS.length - 1;
  for (const code of codes) best = Math.min(best, GROUPS.indexOf(groupOfCitizenship(directory, code, onDate)));
  return GROUPS[best] ?? 'other';
}
