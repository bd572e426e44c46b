/**
 * Wall-clock time in Denmark (Europe/Copenhagen): what a person there reads on a clock, and back again.
 * Pure arithmetic over Intl's time-zone data: correct on the days summer time starts and ends.
 */
import { type LocalDate, parseLocalDate } from '../dates/local-date.js';

export const ZONE = 'Europe/Copenhagen';

/** Minutes since local midnight: 09:30 is 570. */
export type Minutes = number;

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export interface LocalMoment {
  date: LocalDate;
  minutes: Minutes;
}

/** The local date and time in Denmark at an instant. */
export function localMoment(instant: Date): LocalMoment {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(instant)) p[part.type] = part.value;
  const date = parseLocalDate(`${p.year}-${p.month}-${p.day}`);
  if (!date) throw new Error(`No local date for ${instant.toISOString()}`);
  return { date, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** How far Denmark is ahead of UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date): number {
  const { date, minutes } = localMoment(instant);
  const localAsUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * 60_000;
  return Math.round((localAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
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
