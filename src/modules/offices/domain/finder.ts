/**
 * The finder: for a place (a postal code's or municipality's centre, or a person's own position) and the
 * municipality they live in, which office serves them for each service, how far away it is, and why.
 *
 * A service with catchments (CPR registration, MitID) goes to the office whose catchment names the person's
 * municipality, or else to their own municipality's Citizen Service. A service open to anyone goes to the
 * nearest office that offers it.
 */
import { type CatchmentMatch, type Bilingual, type OfficeDirectory } from './directory.js';
import { type Point, distanceKm } from '../../../kernel/geo.js';
import type { Office, OfficeService, ServiceId } from './office.js';
import { SERVICE_IDS } from './office.js';

export interface FinderQuery {
  municipality: string;
  point: Point;
  /** Students follow other rules at some centres; unknown (undefined) gives the general rule with its note. */
  student?: boolean;
}

export interface ServiceMatch {
  service: ServiceId;
  office: Office;
  offered: OfficeService;
  distanceKm: number;
  /** catchment: the office serves this municipality; own-municipality: the Citizen Service; nearest: open to anyone. */
  basis: 'catchment' | 'own-municipality' | 'nearest';
  notes: Bilingual[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * When choosing the nearest office, one whose address we could not confirm counts as this much further away:
 * a person is better sent a little further to an office they can find (ICS Odense has no confirmed address).
 */
export const UNKNOWN_ADDRESS_PENALTY_KM = 30;

function admits(match: CatchmentMatch, student: boolean | undefined): boolean {
  if (match.audience === 'some-students-only') return false;
  if (match.audience === 'not-students') return student !== true;
  return true;
}

export function findService(directory: OfficeDirectory, query: FinderQuery, service: ServiceId): ServiceMatch | null {
  const matches = directory.catchments.get(service)?.get(query.municipality) ?? [];
  const notes = matches.flatMap((m) => (m.note ? [m.note] : []));
  const distance = (office: Office) => round1(distanceKm(query.point, office.location));
  const pick = (candidates: { office: Office; service: OfficeService }[], basis: ServiceMatch['basis']): ServiceMatch | null => {
    let best: ServiceMatch | null = null;
    let bestRank = Infinity;
    for (const c of candidates) {
      const d = distance(c.office);
      const rank = d + (c.office.address ? 0 : UNKNOWN_ADDRESS_PENALTY_KM);
      if (rank < bestRank) {
        best = { service, office: c.office, offered: c.service, distanceKm: d, basis, notes };
        bestRank = rank;
      }
    }
    return best;
  };
  const centres = matches.filter((m) => m.office.kind !== 'citizen-service' && admits(m, query.student));
  if (centres.length > 0) return pick(centres, 'catchment');
  const own = matches.filter((m) => m.office.kind === 'citizen-service');
  if (own.length > 0) return pick(own, 'own-municipality');
  return pick(directory.openToAnyone.get(service) ?? [], 'nearest');
}

/** Every service the finder knows, in a fixed order; a service nobody offers near this place is left out. */
export function findOffices(directory: OfficeDirectory, query: FinderQuery): ServiceMatch[] {
  return SERVICE_IDS.flatMap((service) => findService(directory, query, service) ?? []);
}

/** The postal codes nearest in number to one that does not exist: 8001 → 8000, 8100, 8200. */
export function nearestPostalCodes(directory: OfficeDirectory, code: string, count = 3): string[] {
  const n = Number(code);
  return [...directory.postalCodeList]
    .sort((a, b) => Math.abs(Number(a) - n) - Math.abs(Number(b) - n) || Number(a) - Number(b))
    .slice(0, count)
    .sort();
}

/** The postal area whose centre is nearest a point (for "use my location"). */
export function nearestPostalArea(directory: OfficeDirectory, point: Point): { code: string; distanceKm: number } | null {
  let best: { code: string; distanceKm: number } | null = null;
  for (const area of directory.postalAreas.values()) {
    if (!area.centre || !area.residential) continue;
    const d = distanceKm(point, area.centre);
    if (!best || d < best.distanceKm) best = { code: area.code, distanceKm: d };
  }
  return best;
}
