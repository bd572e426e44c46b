import type { Lang } from '../answers/answers.js';
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

/** "14 December 2026" / "14. december 2026". */
export function formatDate(date: LocalDate, lang: Lang): string {
  return dateFormats[lang].format(utc(date));
}

/** "Monday 14 December 2026" / "mandag den 14. december 2026". */
export function formatLongDate(date: LocalDate, lang: Lang): string {
  const text = weekdayDateFormats[lang].format(utc(date));
  return lang === 'en' ? text.replace(',', '') : text;
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

export function formatDkk(value: number, lang: Lang): string {
  return lang === 'en' ? `DKK ${formatNumber(value, lang)}` : `${formatNumber(value, lang)} kr.`;
}
