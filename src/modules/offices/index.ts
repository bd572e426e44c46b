/** The offices module's public face: what the composition root and the other modules may use. */
export { loadOfficeDirectory } from './adapters/load-offices.js';
export { loadPlaces } from './adapters/load-reference.js';
export { resolvePlace, serviceName } from './app/find-offices.js';
export { matchFor, stateNow } from './app/office-cache.js';
export type { OfficeDirectory } from './domain/directory.js';
export { findService } from './domain/finder.js';
export type { FinderQuery } from './domain/finder.js';
export { SERVICE_IDS } from './domain/office.js';
export type { Hours, Office, ServiceId } from './domain/office.js';
export { hoursFor, hoursOn } from '../../kernel/time/opening-hours.js';
export { registerOfficesApi } from './web/api-offices.js';
export { registerOfficePages } from './web/office-pages.js';
export type { OfficesDeps } from './deps.js';
