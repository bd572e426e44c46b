/** What booking's web layer reads of its domain: the types and pure helpers it renders and checks with. */
export { BOOKABLE_SERVICES, isBookableService } from '../domain/booking-config.js';
export type { BookableService } from '../domain/booking-config.js';
export { parsePeople, validateDetails } from '../domain/details.js';
export { normaliseReference } from '../domain/reference.js';
