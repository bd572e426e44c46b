/**
 * Wall-clock time in Denmark (Europe/Copenhagen): what a person there reads on a clock, and back again.
 * Correct on the days summer time starts and ends; the tests check it against Intl's time-zone data.
 */
import type { LocalDate } from '../dates/local-date.js';

export const ZONE = 'Europe/Copenhagen';

/** Minutes since local midnight: 09:30 is 570. */
export type Minutes = number;

export interface LocalMoment {
  date: LocalDate;
  minutes: Minutes;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The last Sunday of a month, at 01:00 UTC: when EU summer time starts (March) and ends (October). */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY + 60 * MINUTE;
}

const transitions = new Map<number, [number, number]>();

/**
 * How far Denmark is ahead of UTC at an instant, in minutes: 120 in summer time, 60 otherwise. Summer time runs
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule, Directive
 * 2000/84/EC, which Denmark follows). Pure arithmetic, checked against the time-zone data in the tests.
 */
export function offsetMinutes(instant: Date): number {
  const t = instant.getTime();
  const year = new Date(t).getUTCFullYear();
  let range = transitions.get(year);
  if (!range) {
    range = [lastSundayAt1Utc(year, 3), lastSundayAt1Utc(year, 10)];
    transitions.set(year, range);
  }
  return t >= range[0] && t < range[1] ? 120 : 60;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The local date and time in Denmark at an instant. */
export function localMoment(instant: Date): LocalMoment {
  const shifted = new Date(Math.floor(instant.getTime() / MINUTE) * MINUTE + offsetMinutes(instant) * MINUTE);
  const date = `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}` as LocalDate;
  return { date, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/**
 * The instant a local date and time happen in Denmark (offset +01:00 in winter, +02:00 in summer). A time that
 * happens twice when summer time ends (02:00-03:00 on the last Sunday of October) gives the first of the two;
 * a time skipped when it starts (02:00-03:00 on the last Sunday of March) is read with the winter offset, which
 * lands just after the gap.
 */
export function instantAt(date: LocalDate, minutes: Minutes): Date {
  const asUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * 60_000;
  const summer = new Date(asUtc - 120 * 60_000);
  const winter = new Date(asUtc - 60 * 60_000);
  const fits = (instant: Date) => {
    const local = localMoment(instant);
    return local.date === date && local.minutes === minutes;
  };
  if (fits(summer)) return summer;
  return winter;
}

/** An ISO 8601 date-time with Denmark's offset at that instant: 2026-03-30T09:00:00+02:00. */
export function isoWithOffset(instant: Date): string {
  const { date, minutes } = localMoment(instant);
  const offset = offsetMinutes(instant);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date}T${hhmm(minutes)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 570 → "09:30". */
export function hhmm(minutes: Minutes): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "09:30" → 570; null when it is not a time of day. */
export function parseHhmm(text: string): Minutes | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value <= 24 * 60 ? value : null;
}
