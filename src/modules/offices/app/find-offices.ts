/**
 * The use cases behind the offices API and pages: resolve a place (postal code, municipality, or a position),
 * find the office for each service, and describe an office's hours on the day. Time and data are passed in.
 */
import type { Lang } from '../../plan/index.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import type { Bilingual, MunicipalityInfo, OfficeDirectory, PostalArea } from '../domain/directory.js';
import { type ServiceMatch, nearestPostalArea, nearestPostalCodes } from '../domain/finder.js';
import { type Point, onDanishLand } from '../../../kernel/geo.js';
import { type Office, SERVICE_IDS } from '../domain/office.js';
import { type DayHours, type OpenState, hoursFor, openState, upcomingDays } from '../../../kernel/time/opening-hours.js';
import { localMoment } from '../../../kernel/time/copenhagen-clock.js';
import { matchFor, stateNow } from './office-cache.js';

export interface Place {
  /** What the person gave: a postal code, a municipality, or their position. */
  source: 'postal-code' | 'municipality' | 'position';
  postalArea: PostalArea | null;
  municipality: MunicipalityInfo;
  point: Point;
}

export type PlaceQuery =
  | { postalCode: string }
  | { municipality: string }
  | { position: Point };

export type PlaceError =
  | { error: 'postal-code-format' }
  | { error: 'unknown-postal-code'; suggestions: string[] }
  | { error: 'unknown-municipality' }
  | { error: 'outside-denmark' };

/** How far from a postal code's centre a position may be and still count as on a small island. */
const ISLAND_MARGIN_KM = 6;

export function resolvePlace(directory: OfficeDirectory, query: PlaceQuery): Place | PlaceError {
  if ('postalCode' in query) {
    const code = query.postalCode.trim();
    if (!/^\d{4}$/.test(code)) return { error: 'postal-code-format' };
    const area = directory.postalAreas.get(code);
    if (!area) return { error: 'unknown-postal-code', suggestions: nearestPostalCodes(directory, code) };
    const municipality = directory.municipalities.get(area.municipality)!;
    return { source: 'postal-code', postalArea: area, municipality, point: area.centre ?? municipality.centre };
  }
  if ('municipality' in query) {
    const municipality = directory.municipalities.get(query.municipality);
    if (!municipality) return { error: 'unknown-municipality' };
    return { source: 'municipality', postalArea: null, municipality, point: municipality.centre };
  }
  const nearest = nearestPostalArea(directory, query.position);
  if (!nearest || (!onDanishLand(directory.map, query.position) && nearest.distanceKm > ISLAND_MARGIN_KM)) return { error: 'outside-denmark' };
  const area = directory.postalAreas.get(nearest.code)!;
  return { source: 'position', postalArea: area, municipality: directory.municipalities.get(area.municipality)!, point: query.position };
}

export interface FoundService extends ServiceMatch {
  state: OpenState;
}

/** The key a place's answers are kept under: its postal code or municipality; a position is not kept. */
export function placeKey(place: Place): string | null {
  if (place.source === 'postal-code' && place.postalArea) return place.postalArea.code;
  if (place.source === 'municipality') return `m:${place.municipality.code}`;
  return null;
}

export function findForPlace(directory: OfficeDirectory, place: Place, now: Date, student?: boolean): FoundService[] {
  const query = student === undefined
    ? { municipality: place.municipality.code, point: place.point }
    : { municipality: place.municipality.code, point: place.point, student };
  const key = placeKey(place);
  const found: FoundService[] = [];
  for (const service of SERVICE_IDS) {
    const m = matchFor(directory, key, query, service);
    if (m) found.push({ ...m, state: stateNow(directory, m.office, hoursFor(m.office, m.offered), now) });
  }
  return found;
}

export interface OfficeDay extends DayHours {
  isToday: boolean;
}

/** The office's hours for the days from today (Danish date), and whether it is open now. */
export function officeCalendar(directory: OfficeDirectory, office: Office, now: Date, days: number): { state: OpenState; days: OfficeDay[] } {
  const today: LocalDate = localMoment(now).date;
  return {
    state: openState(office, office.hours, now, directory.holidays),
    days: upcomingDays(office, office.hours, today, days, directory.holidays).map((d) => ({ ...d, isToday: d.date === today })),
  };
}

export function serviceName(directory: OfficeDirectory, id: string, lang: Lang): string {
  return directory.services.find((s) => s.id === id)?.name[lang] ?? id;
}

export function pick(text: Bilingual | undefined, lang: Lang): string | undefined {
  return text?.[lang];
}
