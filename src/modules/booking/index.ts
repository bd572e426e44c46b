/** Booking's public face: what the composition root and the other modules may use. */
export { loadBookingConfig } from './adapters/load-booking.js';
export { bookableOffice } from './app/bookings.js';
export { startBookingRuntime } from './booking-runtime.js';
export type { DatabaseEvent } from './booking-runtime.js';
export { isBookableService } from './domain/booking-config.js';
export { registerBookingApi } from './web/api-bookings.js';
export { flowHref } from './web/booking-flow.js';
export type { Flow } from './web/booking-flow.js';
export { registerBookingPages } from './web/booking-pages.js';
export type { BookingPorts } from './app/bookings.js';
export type { BookingConfig } from './domain/booking-config.js';
export type { BookingBaseDeps, BookingDeps } from './deps.js';
