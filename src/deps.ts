/**
 * The composition root's view of what is loaded at start-up (configuration, the clock, the rules, the offices, the
 * words, booking's settings) and what the web edge is given. Each module declares what it needs (its deps.ts); this
 * is all of them together.
 */
import type { BookingBaseDeps, BookingDeps } from './modules/booking/index.js';
import type { OfficesDeps } from './modules/offices/index.js';
import type { PlanDeps } from './modules/plan/index.js';

export type BaseDeps = BookingBaseDeps;

export interface AppDeps extends PlanDeps, OfficesDeps, BookingDeps {
  cookieSecret: string;
}
