import { type Group, GROUPS } from './answers.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import type { MovingFrom } from './profile.js';
import type { Country, GroupsFile, MovingFromFile } from './rules/schema.js';

type DatedGroup = Exclude<Group, 'other'>;
const DATED_GROUPS: readonly DatedGroup[] = ['danish', 'nordic', 'eu-eea', 'swiss'];

export interface CountryDirectory {
  byCode: ReadonlyMap<string, Country>;
  groups: GroupsFile;
  movingFrom: MovingFromFile;
}

/** Each nationality's memberships, in the order of DATED_GROUPS: found by the code instead of read through. */
type Membership = { group: DatedGroup; from: string; to: string | undefined };
const memberships = new WeakMap<GroupsFile, Map<string, Membership[]>>();

function membershipsOf(groups: GroupsFile): Map<string, Membership[]> {
  let found = memberships.get(groups);
  if (!found) {
    found = new Map();
    for (const group of DATED_GROUPS) {
      for (const m of groups[group].members) {
        let list = found.get(m.country);
        if (!list) found.set(m.country, list = []);
        list.push({ group, from: m.from, to: m.to });
      }
    }
    memberships.set(groups, found);
  }
  return found;
}

/** The group one citizenship gives on a date; a territory counts as the country whose citizens live there. */
export function groupOfCitizenship(directory: CountryDirectory, code: string, onDate: LocalDate): Group {
  const country = directory.byCode.get(code);
  const nationality = country?.citizensOf ?? code;
  for (const m of membershipsOf(directory.groups).get(nationality) ?? []) {
    if (m.from <= onDate && (m.to === undefined || onDate <= m.to)) return m.group;
  }
  return 'other';
}

/** With several citizenships the most favourable group applies. */
export function citizenshipGroup(directory: CountryDirectory, codes: readonly string[], onDate: LocalDate): Group {
  let best = GROUPS.length - 1;
  for (const code of codes) best = Math.min(best, GROUPS.indexOf(groupOfCitizenship(directory, code, onDate)));
  return GROUPS[best] ?? 'other';
}

/** What the rules ask about the country a person moves from, on a date. */
export function movingFromFacts(directory: CountryDirectory, code: string, onDate: LocalDate): MovingFrom {
  const group = groupOfCitizenship(directory, code, onDate);
  return {
    nordic: directory.movingFrom.nordic.countries.includes(code),
    euEeaSwiss: group === 'nordic' || group === 'eu-eea' || group === 'swiss',
    uk: directory.movingFrom.ukForDanes.countries.includes(code),
  };
}
