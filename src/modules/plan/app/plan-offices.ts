/**
 * Names, for each in-person step, the office that serves this person: from their postal code (its centre is
 * where distances are measured from), their municipality and whether they study.
 */
import type { Lang } from '../domain/answers.js';
import type { OfficeFor } from '../domain/build-plan.js';
import type { PlanOffice } from '../domain/plan.js';
import type { Profile } from '../domain/profile.js';
import type { OfficeDirectory } from '../../offices/index.js';
import { matchFor, stateNow } from '../../offices/index.js';
import type { Hours, Office, ServiceId } from '../../offices/index.js';
import { SERVICE_IDS } from '../../offices/index.js';
import { hoursFor } from '../../offices/index.js';
import { isoWithOffset } from '../../../kernel/time/copenhagen-clock.js';

export function addressLine(office: Office): string | null {
  const a = office.address;
  return a ? `${a.street}, ${a.postalCode} ${a.city}` : null;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The usual week of an office's hours for a service, Monday first; empty when they are not known. */
export function weekHours(hours: Hours): PlanOffice['hours'] {
  if (hours.status === 'unknown' || !hours.week) return [];
  const week = hours.week;
  return WEEKDAYS.flatMap((day, i) => {
    const ranges = week[day];
    return ranges && ranges.length > 0 ? [{ weekday: i + 1, ranges: ranges.map(([a, b]) => `${a}-${b}`) }] : [];
  });
}

const described = new WeakMap<object, Map<string, PlanOffice>>();

export function planOffices(directory: OfficeDirectory, profile: Profile, now: Date, lang: Lang): OfficeFor {
  const municipality = profile.municipality;
  if (!municipality || !profile.postalCode) return () => null;
  const area = directory.postalAreas.get(profile.postalCode);
  const point = area?.centre ?? directory.municipalities.get(municipality.code)?.centre;
  if (!point) return () => null;
  const student = profile.purpose === 'study';
  return (service) => {
    if (!(SERVICE_IDS as readonly string[]).includes(service)) return null;
    const match = matchFor(directory, profile.postalCode ?? null, { municipality: municipality.code, point, student }, service as ServiceId);
    if (!match) return null;
    const hours = hoursFor(match.office, match.offered);
    const state = stateNow(directory, match.office, hours, now);
    // The same match in the same state and language gives the same object.
    const byState = described.get(match) ?? new Map<string, PlanOffice>();
    described.set(match, byState);
    const key = `${lang}|${state.status}|${state.closesAt?.getTime() ?? ''}|${state.nextOpening?.instant.getTime() ?? ''}`;
    const known = byState.get(key);
    if (known) return known;
    if (byState.size > 20) byState.clear();
    const office: PlanOffice = {
      id: match.office.id,
      name: match.office.name[lang],
      address: addressLine(match.office),
      distanceKm: match.distanceKm,
      basis: match.basis,
      openNow: state.status,
      nextOpening: state.nextOpening ? isoWithOffset(state.nextOpening.instant) : null,
      closesAt: state.closesAt ? isoWithOffset(state.closesAt) : null,
      hours: weekHours(hours),
      checkOfficialPage: match.office.check !== undefined || match.offered.confidence !== 'high',
      page: `/offices/${match.office.id}`,
    };
    byState.set(key, Object.freeze(office));
    return office;
  };
}
