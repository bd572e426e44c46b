import { localMoment } from '../time/copenhagen-clock.js';
import type { LocalDate } from './local-date.js';

/** The calendar date in Denmark at an instant: the day a person there sees on their wall calendar. */
export function copenhagenDate(instant: Date): LocalDate {
  return localMoment(instant).date;
}
