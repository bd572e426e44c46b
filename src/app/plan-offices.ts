/**
 * Names, for each in-person step, the office that serves this person: from their postal code (its centre is
 * where distances are measured from), their municipality and whether they study.
 */
import type { Lang } from '../domain/answers/answers.js';
import type { OfficeFor } from '../domain/plan/build-plan.js';
import type { PlanOffice } from '../domain/plan/plan.js';
import type { Profile } from '../domain/plan/profile.js';
import type { OfficeDirectory } from '../domain/offices/directory.js';
import { findService } from '../domain/offices/finder.js';
import type { Office, ServiceId } from '../domain/offices/office.js';
import { SERVICE_IDS } from '../domain/offices/office.js';
import { hoursFor, openState } from '../domain/offices/opening-hours.js';
import { isoWithOffset } from '../domain/time/copenhagen-clock.js';

export function addressLine(office: Office): string | null {
  const a = office.address;
  return a ? `${a.street}, ${a.postalCode} ${a.city}` : null;
}

export function planOffices(directory: OfficeDirectory, profile: Profile, now: Date, lang: Lang): OfficeFor {
  const municipality = profile.municipality;
  if (!municipality || !profile.postalCode) return () => null;
  const area = directory.postalAreas.get(profile.postalCode);
  const point = area?.centre ?? directory.municipalities.get(municipality.code)?.centre;
  if (!point) return () => null;
  const student = profile.purpose === 'study';
  return (service) => {
    if (!(SERVICE_IDS as readonly string[]).includes(service)) return null;
    const match = findService(directory, { municipality: municipality.code, point, student }, service as ServiceId);
    if (!match) return null;
    const state = openState(match.office, hoursFor(match.office, match.offered), now, directory.holidays);
    const office: PlanOffice = {
      id: match.office.id,
      name: match.office.name[lang],
      address: addressLine(match.office),
      distanceKm: match.distanceKm,
      basis: match.basis,
      openNow: state.status,
      nextOpening: state.nextOpening ? isoWithOffset(state.nextOpening.instant) : null,
      closesAt: state.closesAt ? isoWithOffset(state.closesAt) : null,
      checkOfficialPage: match.office.check !== undefined || match.offered.confidence !== 'high',
      page: `/offices/${match.office.id}`,
    };
    return office;
  };
}
