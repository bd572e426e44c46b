import type { CountryDirectory } from '../citizenship-group.js';
import type { ParameterBook } from './parameters.js';
import type { Authority, DocumentInfo, Place, StepRule } from './schema.js';
import type { SourceKinds } from '../../../../kernel/sources/source-kinds.js';

/** All rules, loaded and checked: the plan is a pure function of these and a person's answers. */
export interface Rules {
  steps: readonly StepRule[];
  stepsById: ReadonlyMap<string, StepRule>;
  parameters: ParameterBook;
  authorities: ReadonlyMap<string, Authority>;
  documents: ReadonlyMap<string, DocumentInfo>;
  places: ReadonlyMap<string, Place>;
  countries: CountryDirectory;
  sourceKinds: SourceKinds;
}

/** The step ids other tools rely on: the catalogue must always hold them. */
export const CONTRACT_STEP_IDS = [
  'residence-permit', 'biometrics', 'eu-residence-document', 'address-registration', 'cpr-registration',
  'health-card', 'choose-doctor', 'health-insurance-until-cpr', 'mitid', 'digital-post', 'bank-account',
  'nemkonto', 'tax-card', 'danish-lessons', 'daycare', 'school', 'unemployment-insurance', 'driving-licence',
  'residence-card',
] as const;
