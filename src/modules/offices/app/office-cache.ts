/**
 * Work about offices that is the same for everyone, done once:
 * - which office serves a place for a service depends only on the place (postal code or municipality), whether
 *   the person studies, and the data: it is worked out once per place and kept;
 * - whether an office is open, and when that changes, is the same for every request in the same minute.
 * Neither holds anything personal: a postal code is an area, not an address.
 */
import type { OfficeDirectory } from '../domain/directory.js';
import { type FinderQuery, type ServiceMatch, findService } from '../domain/finder.js';
import type { Hours, Office, ServiceId } from '../domain/office.js';
import { type OpenState, openState } from '../../../kernel/time/opening-hours.js';

const MAX_PLACES = 20_000;
const matches = new WeakMap<OfficeDirectory, Map<string, ServiceMatch | null>>();
const states = new WeakMap<OfficeDirectory, Map<Hours, { minute: number; state: OpenState }>>();

/** The office for a service at a place; `placeKey` names the place ("8000", "m:751"); positions are not kept. */
export function matchFor(directory: OfficeDirectory, placeKey: string | null, query: FinderQuery, service: ServiceId): ServiceMatch | null {
  if (placeKey === null) return findService(directory, query, service);
  let cache = matches.get(directory);
  if (!cache || cache.size > MAX_PLACES) matches.set(directory, cache = new Map());
  const key = `${placeKey}|${query.student === undefined ? '' : query.student ? 's' : 'n'}|${service}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = findService(directory, query, service);
    cache.set(key, found);
  }
  return found;
}

/** Open or closed now (per minute), for an office's hours. */
export function stateNow(directory: OfficeDirectory, office: Office, hours: Hours, now: Date): OpenState {
  let cache = states.get(directory);
  if (!cache) states.set(directory, cache = new Map());
  const minute = Math.floor(now.getTime() / 60_000);
  const found = cache.get(hours);
  if (found && found.minute === minute) return found.state;
  const state = openState(office, hours, now, directory.holidays);
  cache.set(hours, { minute, state });
  return state;
}
