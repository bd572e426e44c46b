/**
 * Opening hours that are true on the day: the weekly hours of an office (or of one of its services), less public
 * holidays, office closing days and the office's own closures, plus its extra openings. "Open now, closes at
 * 15:00" and "opens Thursday at 09:00" are worked out in Danish wall-clock time. In the kernel: offices show them
 * and booking cuts them into times.
 */
import { type LocalDate, addDays, isoWeekday } from '../dates/local-date.js';
import { type Minutes, instantAt, localMoment, parseHhmm } from './copenhagen-clock.js';
import { type HolidayRules, closingDayOn } from './holidays.js';
import type { Localized } from '../i18n/locales.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type Bilingual = Localized;

type Interval = [string, string];

/** Weekly hours, as an office (or one of its services) has them. */
export interface WeeklyHours {
  status: 'confirmed' | 'inferred' | 'unknown';
  week?: { mon?: Interval[]; tue?: Interval[]; wed?: Interval[]; thu?: Interval[]; fri?: Interval[]; sat?: Interval[]; sun?: Interval[] };
}

/** What decides a place's hours on a day besides its weekly hours. */
export interface OpeningCalendar {
  closures: readonly { from: string; to: string; reason: Bilingual }[];
  extraOpenings: readonly { date: string; hours: Interval[]; reason: Bilingual }[];
}

export interface DayHours {
  date: LocalDate;
  /** unknown: the office's hours were not found. */
  status: 'open' | 'closed' | 'unknown';
  intervals: [Minutes, Minutes][];
  /** Why a weekday that is normally open is closed, or why a day is open that normally is not. */
  reason?: { kind: 'public-holiday' | 'office-closing-day' | 'closure' | 'extra-opening'; name: Bilingual };
}

export interface OpenState {
  status: 'open' | 'closed' | 'unknown';
  /** When open: the instant it closes. */
  closesAt?: Date;
  /** When closed: the next opening within the horizon. */
  nextOpening?: { date: LocalDate; minutes: Minutes; instant: Date };
}

/** The hours that apply to a service at an office: its own, or the office's. */
export function hoursFor<H extends WeeklyHours>(office: { hours: H }, service?: { hours?: H }): H {
  return service?.hours ?? office.hours;
}

function intervals(list: [string, string][] | undefined): [Minutes, Minutes][] {
  return (list ?? []).map(([a, b]) => [parseHhmm(a) ?? 0, parseHhmm(b) ?? 0]);
}

export function hoursOn(office: OpeningCalendar, hours: WeeklyHours, date: LocalDate, holidays: HolidayRules): DayHours {
  if (hours.status === 'unknown' || !hours.week) return { date, status: 'unknown', intervals: [] };
  const extra = office.extraOpenings.find((e) => e.date === date);
  if (extra) return { date, status: 'open', intervals: intervals(extra.hours), reason: { kind: 'extra-opening', name: extra.reason } };
  const weekly = intervals(hours.week[WEEKDAYS[isoWeekday(date) - 1]!]);
  const closure = office.closures.find((c) => c.from <= date && date <= c.to);
  if (closure) return { date, status: 'closed', intervals: [], reason: { kind: 'closure', name: closure.reason } };
  const holiday = closingDayOn(holidays, date);
  if (holiday) return { date, status: 'closed', intervals: [], reason: { kind: holiday.kind, name: holiday.name } };
  return { date, status: weekly.length > 0 ? 'open' : 'closed', intervals: weekly };
}

export function upcomingDays(office: OpeningCalendar, hours: WeeklyHours, from: LocalDate, count: number, holidays: HolidayRules): DayHours[] {
  return Array.from({ length: count }, (_, i) => hoursOn(office, hours, addDays(from, i), holidays));
}

/** Open or closed at an instant, and when that changes. Looks up to `horizonDays` ahead for the next opening. */
export function openState(office: OpeningCalendar, hours: WeeklyHours, now: Date, holidays: HolidayRules, horizonDays = 62): OpenState {
  if (hours.status === 'unknown' || !hours.week) return { status: 'unknown' };
  const { date, minutes } = localMoment(now);
  const today = hoursOn(office, hours, date, holidays);
  for (const [start, end] of today.intervals) {
    if (start <= minutes && minutes < end) return { status: 'open', closesAt: instantAt(date, end) };
  }
  for (let i = 0; i <= horizonDays; i++) {
    const day = i === 0 ? today : hoursOn(office, hours, addDays(date, i), holidays);
    const next = day.intervals.map(([start]) => start).filter((start) => i > 0 || start > minutes).sort((a, b) => a - b)[0];
    if (next !== undefined) return { status: 'closed', nextOpening: { date: day.date, minutes: next, instant: instantAt(day.date, next) } };
  }
  return { status: 'closed' };
}
