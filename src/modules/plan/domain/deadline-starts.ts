/**
 * The closed registry of dates a deadline can count from. Each returns null when the person's answers do not
 * give the date, and the step then shows what its deadline hangs on instead of a date.
 */
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import { laterOf } from '../../../kernel/dates/local-date.js';
import type { PersonProfile } from './profile.js';

export type DeadlineStart = (p: PersonProfile) => LocalDate | null;

export const DEADLINE_STARTS: Readonly<Record<string, DeadlineStart>> = {
  arrival: (p) => p.arrivalDate ?? null,
  'move-in': (p) => p.moveInDate ?? null,
  /**
   * The 5-day rule for a first registration counts from the day all conditions are met: moved in and, unless
   * Nordic, holding the permit or EU document (CPR-01). An EU document's or residence card's issue date is not
   * known in advance, and neither is a family member's permit.
   */
  'registration-conditions-met': (p) => {
    if (!p.moveInDate) return null;
    if (p.group === 'nordic') return p.moveInDate;
    const ownPermit = p.group === 'other' && (p.person.role === 'self' || p.main.group === 'other');
    if (ownPermit && p.hasResidencePermit === true && p.residencePermitDate) return laterOf(p.moveInDate, p.residencePermitDate);
    return null;
  },
  'permit-date': (p) => p.residencePermitDate ?? null,
  /** The date on the front of the PD U2, from which an EU job seeker has 7 days to register (review 2). */
  'pdu2-date': (p) => p.pdu2Date ?? null,
};

export function deadlineStart(name: string): DeadlineStart {
  const found = DEADLINE_STARTS[name];
  if (!found) throw new Error(`Unknown deadline start "${name}"`);
  return found;
}
