import type { BookingPorts } from './modules/booking/app/bookings.js';
import type { Config } from './platform/config.js';
import type { BookingConfig } from './modules/booking/domain/booking-config.js';
import type { Group, Lang } from './modules/plan/domain/answers.js';
import { citizenshipGroup } from './modules/plan/domain/citizenship-group.js';
import { copenhagenDate } from './kernel/time/copenhagen-time.js';
import type { LocalDate } from './kernel/dates/local-date.js';
import type { FlowContext } from './modules/plan/domain/questionnaire.js';
import type { OfficeDirectory } from './modules/offices/domain/directory.js';
import type { Rules } from './modules/plan/domain/rules/rules.js';
import type { Clock } from './platform/clock/clock.js';
import type { Texts } from './platform/i18n/texts.js';
import type { View } from './platform/views/view.js';

/** What is loaded at start-up: configuration, the clock, the rules, the offices, the words, booking's settings. */
export interface BaseDeps {
  config: Config;
  clock: Clock;
  rules: Rules;
  offices: OfficeDirectory;
  texts: Texts;
  bookingConfig: BookingConfig;
}

/** What the web edge is given: the above, booking's ports, and the secret that signs the form-protection cookie. */
export interface AppDeps extends BaseDeps {
  booking: BookingPorts;
  cookieSecret: string;
}

let lastDay: { minute: number; clock: Clock; day: LocalDate } | undefined;

/** Today in Denmark. Worked out at most once a minute per clock: a day cannot change faster. */
export function today(deps: BaseDeps): LocalDate {
  const now = deps.clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastDay && lastDay.minute === minute && lastDay.clock === deps.clock) return lastDay.day;
  lastDay = { minute, clock: deps.clock, day: copenhagenDate(now) };
  return lastDay.day;
}

/** The questionnaire asks for the group many times per page; the last answer is kept. */
export function flowContext(deps: BaseDeps, asOf: LocalDate): FlowContext {
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

/** A view for a page; `addressFor(lang)` gives this page's address in a language, for the switch. */
export function makeView(deps: BaseDeps, lang: Lang, addressFor: (lang: Lang) => string): View {
  return {
    lang,
    t: (key, params) => deps.texts.t(lang, key, params),
    otherLangHref: addressFor(lang === 'en' ? 'da' : 'en'),
  };
}

/** Countries in the order a person looks for them: by name in their language. */
export function sortedCountries(deps: BaseDeps, lang: Lang): { code: string; name: string }[] {
  const collator = new Intl.Collator(lang === 'da' ? 'da' : 'en');
  return [...deps.rules.countries.byCode.values()]
    .map((c) => ({ code: c.code, name: lang === 'da' ? c.da : c.en }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
