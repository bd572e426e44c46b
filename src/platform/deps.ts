/** What every module is given by the composition root (src/deps.ts), and the helpers that need only that. */
import type { LocalDate } from '../kernel/dates/local-date.js';
import type { Lang } from '../kernel/i18n/locales.js';
import { copenhagenDate } from '../kernel/time/copenhagen-time.js';
import type { Clock } from './clock/clock.js';
import type { Config } from './config.js';
import type { Texts } from './i18n/texts.js';
import { type View, langLinks } from './views/view.js';

export interface PlatformDeps {
  config: Config;
  clock: Clock;
  texts: Texts;
}

let lastDay: { minute: number; clock: Clock; day: LocalDate } | undefined;

/** Today in Denmark. Worked out at most once a minute per clock: a day cannot change faster. */
export function today(deps: Pick<PlatformDeps, 'clock'>): LocalDate {
  const now = deps.clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastDay && lastDay.minute === minute && lastDay.clock === deps.clock) return lastDay.day;
  lastDay = { minute, clock: deps.clock, day: copenhagenDate(now) };
  return lastDay.day;
}

/** A view for a page; `addressFor(lang)` gives this page's address in a language, for the switch. */
export function makeView(deps: Pick<PlatformDeps, 'texts'>, lang: Lang, addressFor: (lang: Lang) => string): View {
  return {
    lang,
    t: (key, params) => deps.texts.t(lang, key, params),
    langLinks: langLinks(lang, addressFor),
  };
}

