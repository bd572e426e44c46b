/** What the offices' web layer reads of the domain: the types and pure helpers it renders. */
export type { OfficeDirectory } from '../domain/directory.js';
export { SERVICE_IDS } from '../domain/office.js';
export type { Hours, Office } from '../domain/office.js';
export { hoursFor, openState } from '../../../kernel/time/opening-hours.js';
export type { OpenState } from '../../../kernel/time/opening-hours.js';
