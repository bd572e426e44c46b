import { type LocalDate, parseLocalDate } from './local-date.js';

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Denmark at an instant: the day a person there sees on their wall calendar. */
export function copenhagenDate(instant: Date): LocalDate {
  const date = parseLocalDate(dayFormatter.format(instant));
  if (!date) throw new Error(`Cannot read a Copenhagen date from ${instant.toISOString()}`);
  return date;
}
