/** What the offices module is given. */
import type { PlatformDeps } from '../../platform/deps.js';
import type { OfficeDirectory } from './domain/directory.js';

export interface OfficesDeps extends PlatformDeps {
  offices: OfficeDirectory;
}
