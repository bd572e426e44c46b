/**
 * The times of each office and service for today's booking window, worked out once a day and kept in memory: the
 * hours, holidays and closures do not change while the process runs, and working out the weeks of times took more
 * than a millisecond per request. The lead time (no booking less than two hours ahead) is applied per request.
 * Each time also keeps its start and end written as ISO date-times with Denmark's offset, for the API.
 */
import type { BookableService, BookingConfig } from '../domain/booking-config.js';
import { type Slot, bookingWindow, daySlots } from '../domain/slots.js';
import { type LocalDate, compareDates } from '../../../kernel/dates/local-date.js';
import type { OfficeDirectory } from '../../offices/index.js';
import type { Office } from '../../offices/index.js';
import { isoWithOffset } from '../../../kernel/time/copenhagen-clock.js';

export interface TimedSlot extends Slot {
  /** The start and end as ISO 8601 date-times with the offset of Denmark at that instant. */
  startIso: string;
  endIso: string;
}

export class SlotCache {
  private day: LocalDate | null = null;
  private readonly byOffice = new Map<string, TimedSlot[]>();

  constructor(private readonly directory: Pick<OfficeDirectory, 'holidays'>, private readonly config: BookingConfig) {}

  /** The times that can be booked now, in order; only those on the days from `from` to `to` when given. */
  slots(office: Office, service: BookableService, now: Date, range: { from?: LocalDate | undefined; to?: LocalDate | undefined } = {}): readonly TimedSlot[] {
    const all = this.window(office, service, now);
    const earliest = now.getTime() + this.config.leadMinutes * 60_000;
    let first = firstAtOrAfter(all, earliest);
    while (range.from && first < all.length && compareDates(all[first]!.date, range.from) < 0) first++;
    let end = all.length;
    if (range.to) while (end > first && compareDates(all[end - 1]!.date, range.to) > 0) end--;
    return first === 0 && end === all.length ? all : all.slice(first, end);
  }

  /** The time that starts at this instant, if it can be booked now. */
  at(office: Office, service: BookableService, now: Date, startMs: number): TimedSlot | undefined {
    const all = this.window(office, service, now);
    if (startMs < now.getTime() + this.config.leadMinutes * 60_000) return undefined;
    const slot = all[firstAtOrAfter(all, startMs)];
    return slot?.startMs === startMs ? slot : undefined;
  }

  private window(office: Office, service: BookableService, now: Date): TimedSlot[] {
    const { first, last } = bookingWindow(this.config, now, office.id);
    if (this.day !== first) {
      this.byOffice.clear();
      this.day = first;
    }
    const key = `${office.id}\n${service}`;
    let slots = this.byOffice.get(key);
    if (!slots) {
      slots = daySlots({ office, service, config: this.config, holidays: this.directory.holidays }, first, last)
        // Field by field, not a spread: objects made by a spread here were slow to read in every request after.
        .map((s) => ({
          startMs: s.startMs, endMs: s.endMs, date: s.date, minutes: s.minutes, capacity: s.capacity,
          startIso: isoWithOffset(new Date(s.startMs)), endIso: isoWithOffset(new Date(s.endMs)),
        }));
      this.byOffice.set(key, slots);
    }
    return slots;
  }
}

/** The index of the first slot that starts at or after the instant (the slots are in order). */
function firstAtOrAfter(slots: readonly Slot[], ms: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slots[mid]!.startMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
