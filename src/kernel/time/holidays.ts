/**
 * The days offices close in a year: Danish public holidays from their rule (fixed dates, or days from Easter
 * Sunday), and the days public offices close by custom, each only in the years it applies.
 */
import Type, { type Static } from 'typebox';
import { type LocalDate, addDays, fromParts } from '../dates/local-date.js';
import { SourcesSchema } from '../sources/sources.js';
import { LocalizedText } from '../i18n/localized-schema.js';
import type { Localized } from '../i18n/locales.js';

const Name = LocalizedText;
export const HolidaysSchema = Type.Object(
  {
    days: Type.Array(Type.Object(
      {
        id: Type.String({ pattern: '^[a-z0-9-]+$' }),
        kind: Type.Union([Type.Literal('public-holiday'), Type.Literal('office-closing-day')]),
        name: Name,
        date: Type.Optional(Type.String({ pattern: '^\\d{2}-\\d{2}$' })),
        easter: Type.Optional(Type.Integer({ minimum: -60, maximum: 60 })),
        from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
        to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
      },
      { additionalProperties: false },
    ), { minItems: 1 }),
    sources: SourcesSchema,
  },
  { additionalProperties: false },
);
export type HolidayRules = Static<typeof HolidaysSchema>;

export interface ClosingDay {
  date: LocalDate;
  id: string;
  kind: 'public-holiday' | 'office-closing-day';
  name: Localized;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const date = fromParts(year, month, day);
  if (!date) throw new Error(`No Easter for ${year}`);
  return date;
}

const byYear = new WeakMap<HolidayRules, Map<number, ClosingDay[]>>();

/** The closing days of a year, in date order. Kept once worked out. */
export function closingDays(rules: HolidayRules, year: number): ClosingDay[] {
  let cache = byYear.get(rules);
  if (!cache) byYear.set(rules, cache = new Map());
  const found = cache.get(year);
  if (found) return found;
  const easter = easterSunday(year);
  const days: ClosingDay[] = [];
  for (const rule of rules.days) {
    const date = rule.date !== undefined
      ? fromParts(year, Number(rule.date.slice(0, 2)), Number(rule.date.slice(3, 5)))
      : addDays(easter, rule.easter ?? 0);
    if (!date) continue;
    if (rule.from !== undefined && date < rule.from) continue;
    if (rule.to !== undefined && date > rule.to) continue;
    days.push({ date, id: rule.id, kind: rule.kind, name: rule.name });
  }
  days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  if (cache.size > 200) cache.clear();
  cache.set(year, days);
  return days;
}

export function closingDayOn(rules: HolidayRules, date: LocalDate): ClosingDay | undefined {
  return closingDays(rules, Number(date.slice(0, 4))).find((d) => d.date === date);
}
