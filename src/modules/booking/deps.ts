/** What the booking module is given: the platform's parts, the offices, the rules (for the steps a booking serves), its settings and ports. */
import type { PlatformDeps } from '../../platform/deps.js';
import type { OfficeDirectory } from '../offices/index.js';
import type { Rules } from '../plan/index.js';
import type { BookingPorts } from './app/bookings.js';
import type { BookingConfig } from './domain/booking-config.js';

export interface BookingBaseDeps extends PlatformDeps {
  rules: Rules;
  offices: OfficeDirectory;
  bookingConfig: BookingConfig;
}

export interface BookingDeps extends BookingBaseDeps {
  booking: BookingPorts;
}
