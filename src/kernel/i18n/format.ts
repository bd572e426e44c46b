import type { Lang } from './locales.js';
import { type LocalDate, parts } from '../dates/local-date.js';

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const weekdayDateFormats: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  da: new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB'),
  da: new Intl.NumberFormat('da-DK'),
};

function utc(date: LocalDate): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

const formatted: Record<Lang, Map<string, string>> = { en: new Map(), da: new Map() };

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
const formattedLong: Record<Lang, Map<string, string>> = { en: new Map(), da: new Map() };

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
  return lang === 'en' ? `DKK ${formatNumber(value, lang)}` : `${formatNumber(value, lang)} kr.`;
}
