import { LOCALES, type Lang, localeInfo } from './locales.js';
import { type LocalDate, parts } from '../dates/local-date.js';

const perLang = <T>(make: (tag: string) => T): Record<Lang, T> =>
  Object.fromEntries(LOCALES.map((l) => [l.code, make(l.intl)])) as Record<Lang, T>;

const dateFormats = perLang((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const weekdayDateFormats = perLang((tag) => new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const numberFormats = perLang((tag) => new Intl.NumberFormat(tag));

function utc(date: LocalDate): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

const formatted = perLang(() => new Map<string, string>());

/** "14 December 2026" / "14. december 2026". Kept once made: formatting with Intl is slow. */
export function formatDate(date: LocalDate, lang: Lang): string {
  const cache = formatted[lang];
  let text = cache.get(date);
  if (text === undefined) {
    text = dateFormats[lang].format(utc(date));
    if (cache.size > 20_000) cache.clear();
    cache.set(date, text);
  }
  return text;
}

/** "Monday 14 December 2026" / "mandag den 14. december 2026". */
const formattedLong = perLang(() => new Map<string, string>());

export function formatLongDate(date: LocalDate, lang: Lang): string {
  const cache = formattedLong[lang];
  let text = cache.get(date);
  if (text === undefined) {
    text = weekdayDateFormats[lang].format(utc(date));
    if (lang === 'en') text = text.replace(',', '');
    if (cache.size > 20_000) cache.clear();
    cache.set(date, text);
  }
  return text;
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

export function formatDkk(value: number, lang: Lang): string {
  return localeInfo(lang).dkk.replace('{amount}', formatNumber(value, lang));
}
