/**
 * Reads the booking configuration (config/booking.yaml, or the file BOOKING_CONFIG names) and checks it against the offices: every office it names exists and offers each
 * service it gives places for.
 */
import { basename } from 'node:path';
import { type BookingConfig, BookingConfigSchema } from '../domain/booking-config.js';
import type { OfficeDirectory } from '../../offices/index.js';
import { RulesError, checked, readYaml } from '../../../platform/data-files.js';

export function loadBookingConfig(file: string, directory: OfficeDirectory): BookingConfig {
  const config = checked<BookingConfig>(BookingConfigSchema, readYaml(file), basename(file));
  const problems: string[] = [];
  for (const [officeId, services] of Object.entries(config.offices)) {
    const office = directory.byId.get(officeId);
    if (!office) {
      problems.push(`office "${officeId}" is not in reference/offices.yaml`);
      continue;
    }
    for (const service of Object.keys(services)) {
      if (!office.services.some((s) => s.service === service)) problems.push(`${officeId} does not offer "${service}" (reference/offices.yaml)`);
    }
  }
  if (problems.length > 0) throw new RulesError(`booking.yaml does not fit the offices:\n- ${problems.join('\n- ')}`);
  return config;
}
