/**
 * The closed registry of dates a deadline can count from. Each returns null when the person's answers do not
 * give the date, and the step then shows its rule in words instead of a date.
 */
import type { LocalDate } from '../dates/local-date.js';
import { laterOf } from '../dates/local-date.js';
import type { Profile } from './profile.js';

export type DeadlineStart = (p: Profile) => LocalDate | null;

export const DEADLINE_STARTS: Readonly<Record<string, DeadlineStart>> = {
  arrival: (p) => p.arrivalDate ?? null,
  'move-in': (p) => p.moveInDate ?? null,
  /**
   * The 5-day rule for a first registration counts from the day all conditions are met: moved in and, unless
   * Nordic, holding the permit or EU document (CPR-01). An EU document's issue date is not known in advance.
   */
  'registration-conditions-met': (p) => {
    if (!p.moveInDate) return null;
    if (p.group === 'nordic') return p.moveInDate;
    if (p.group === 'other' && p.hasResidencePermit === true && p.residencePermitDate) {
      return laterOf(p.moveInDate, p.residencePermitDate);
    }
    return null;
  },
  'permit-date': (p) => p.residencePermitDate ?? null,
};

export function deadlineStart(name: string): DeadlineStart {
  const found = DEADLINE_STARTS[name];
  if (!found) throw new Error(`Unknown deadline start "${name}"`);
  return found;
}
