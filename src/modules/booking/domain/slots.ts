/**
 * The times that can be booked: an office's hours for the service on each day (less holidays, closing days and
 * closures), cut into appointments of the service's length, from `leadMinutes` after now up to the horizon. Each
 * slot has as many places as the office has for the service. Pure: the time is an argument.
 */
import { type LocalDate, addDays, compareDates } from '../../../kernel/dates/local-date.js';
import { type OpeningCalendar, type WeeklyHours, hoursFor, hoursOn } from '../../../kernel/time/opening-hours.js';
import { instantAt, localMoment } from '../../../kernel/time/copenhagen-clock.js';
import type { HolidayRules } from '../../../kernel/time/holidays.js';
import { type BookableService, type BookingConfig, horizonFor, placesPerSlot } from './booking-config.js';

/** What slots need of an office: its id, its hours and calendar, and the hours of each service it offers. */
export interface SlotOffice extends OpeningCalendar {
  id: string;
  hours: WeeklyHours;
  services: readonly { service: string; hours?: WeeklyHours }[];
}

export interface Slot {
  /** Milliseconds since 1970 (UTC). */
  startMs: number;
  endMs: number;
  /** The local day in Denmark. */
  date: LocalDate;
  /** Minutes after local midnight. */
  minutes: number;
  capacity: number;
}

export interface SlotQuery {
  office: SlotOffice;
  service: BookableService;
  config: BookingConfig;
  holidays: HolidayRules;
  now: Date;
  /** Local dates, both included; clipped to today and the horizon. */
  from?: LocalDate;
  to?: LocalDate;
}

/** Why an office cannot be booked for a service, or null when it can. */
export function notBookable(office: SlotOffice, service: BookableService, config: BookingConfig): 'not-offered' | 'no-hours' | null {
  const offered = office.services.find((s) => s.service === service);
  if (!offered || placesPerSlot(config, office.id, service) === 0) return 'not-offered';
  const hours = hoursFor(office, offered);
  if (hours.status === 'unknown' || !hours.week) return 'no-hours';
  return null;
}

/** The first and last day that can be booked today at an office. */
export function bookingWindow(config: BookingConfig, now: Date, officeId: string): { first: LocalDate; last: LocalDate } {
  const today = localMoment(now).date;
  return { first: today, last: addDays(today, horizonFor(config, officeId) - 1) };
}

export function slotsFor(query: SlotQuery): Slot[] {
  const { config, now } = query;
  const window = bookingWindow(config, now, query.office.id);
  const from = query.from && compareDates(query.from, window.first) > 0 ? query.from : window.first;
  const to = query.to && compareDates(query.to, window.last) < 0 ? query.to : window.last;
  const earliest = now.getTime() + config.leadMinutes * 60_000;
  return daySlots(query, from, to).filter((s) => s.startMs >= earliest);
}

/**
 * Every time of the office for the service on the days from `from` to `to` (both included), whatever the time now:
 * what `slotsFor` filters by the lead time and the horizon. The same for a whole day, so it can be kept for the day.
 */
export function daySlots(query: Pick<SlotQuery, 'office' | 'service' | 'config' | 'holidays'>, from: LocalDate, to: LocalDate): Slot[] {
  const { office, service, config, holidays } = query;
  if (notBookable(office, service, config)) return [];
  const offered = office.services.find((s) => s.service === service)!;
  const hours = hoursFor(office, offered);
  const capacity = placesPerSlot(config, office.id, service);
  const length = config.services[service].minutes;
  const slots: Slot[] = [];
  for (let date = from; compareDates(date, to) <= 0; date = addDays(date, 1)) {
    const day = hoursOn(office, hours, date, holidays);
    if (day.status !== 'open') continue;
    for (const [open, close] of day.intervals) {
      for (let minutes = open; minutes + length <= close; minutes += length) {
        slots.push({ startMs: instantAt(date, minutes).getTime(), endMs: instantAt(date, minutes + length).getTime(), date, minutes, capacity });
      }
    }
  }
  return slots;
}

/** The slot that starts at this instant, if there is one that can be booked now. */
export function slotAt(query: Omit<SlotQuery, 'from' | 'to'>, startMs: number): Slot | undefined {
  const date = localMoment(new Date(startMs)).date;
  return slotsFor({ ...query, from: date, to: date }).find((s) => s.startMs === startMs);
}
