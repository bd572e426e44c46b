import { localMoment } from './copenhagen-clock.js';
import type { LocalDate } from '../dates/local-date.js';

/** The calendar date in Denmark at an instant: the day a person there sees on their wall calendar. */
export function copenhagenDate(instant: Date): LocalDate {
  return localMoment(instant).date;
}
