/** What the plan module is given: the platform's parts, the rules, the offices, and booking (for the links from a plan). */
import type { LocalDate } from '../../kernel/dates/local-date.js';
import { type Lang, localeInfo } from '../../kernel/i18n/locales.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { BookingConfig, BookingPorts } from '../booking/index.js';
import type { OfficeDirectory } from '../offices/index.js';
import type { Group } from './domain/answers.js';
import { citizenshipGroup } from './domain/citizenship-group.js';
import type { FlowContext } from './domain/questionnaire.js';
import type { Rules } from './domain/rules/rules.js';

export interface PlanDeps extends PlatformDeps {
  rules: Rules;
  offices: OfficeDirectory;
  bookingConfig: BookingConfig;
  booking: BookingPorts;
}

/** The questionnaire asks for the group many times per page; the last answer is kept. */
export function flowContext(deps: Pick<PlanDeps, 'rules'>, asOf: LocalDate): FlowContext {
  let lastCodes: readonly string[] | undefined;
  let lastKey = '';
  let lastGroup: Group = 'other';
  return {
    groupOf: (codes) => {
      if (codes !== lastCodes) {
        const key = codes.join(',');
        if (key !== lastKey) {
          lastGroup = citizenshipGroup(deps.rules.countries, codes, asOf);
          lastKey = key;
        }
        lastCodes = codes;
      }
      return lastGroup;
    },
  };
}

/** Countries in the order a person looks for them: by name in their language. */
export function sortedCountries(deps: Pick<PlanDeps, 'rules'>, lang: Lang): { code: string; name: string }[] {
  const collator = new Intl.Collator(localeInfo(lang).intl);
  return [...deps.rules.countries.byCode.values()]
    .map((c) => ({ code: c.code, name: c[lang] }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
