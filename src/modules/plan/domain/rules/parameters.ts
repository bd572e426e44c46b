/**
 * Dated, sourced values. A lookup returns the latest entry on or before the date; a date before the first
 * entry has no value, and asking for it is an error (the rules must cover every date the app accepts).
 */
import type { LocalDate } from '../../../../kernel/dates/local-date.js';
import type { Parameter } from './schema.js';

export type ParameterEntry = Parameter['entries'][number];
export type ParameterBook = ReadonlyMap<string, Parameter>;

export function parameterEntry(book: ParameterBook, id: string, onDate: LocalDate): ParameterEntry {
  const parameter = book.get(id);
  if (!parameter) throw new Error(`Unknown parameter "${id}"`);
  let found: ParameterEntry | undefined;
  for (const entry of parameter.entries) {
    if (entry.from <= onDate) found = entry;
    else break;
  }
  if (!found) throw new Error(`Parameter "${id}" has no value on ${onDate}`);
  return found;
}

export function numberParameter(book: ParameterBook, id: string, onDate: LocalDate): number {
  const { value } = parameterEntry(book, id, onDate);
  if (typeof value !== 'number') throw new Error(`Parameter "${id}" is not a number`);
  return value;
}

const epochs = new WeakMap<ParameterBook, string[]>();

/**
 * Which set of parameter values is in force on a date, as a number: texts filled on two dates with the same
 * epoch are the same, so they can be filled once and kept.
 */
export function parameterEpoch(book: ParameterBook, onDate: LocalDate): number {
  let changes = epochs.get(book);
  if (!changes) {
    // A yearly value's text changes on each 1 January after its last entry too (it is then shown as last year's).
    const newYears = (p: Parameter) => {
      if (p.renews !== 'yearly') return [];
      const last = Number(p.entries.at(-1)?.from.slice(0, 4) ?? 0);
      return Array.from({ length: 10 }, (_, i) => `${last + i + 1}-01-01`);
    };
    changes = [...new Set([...book.values()].flatMap((p) => [...p.entries.map((e) => e.from), ...newYears(p)]))].sort();
    epochs.set(book, changes);
  }
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid]! <= onDate) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
