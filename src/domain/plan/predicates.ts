/**
 * The closed registry of named predicates that steps use in `appliesWhen`, `requiredWhen`, `doneWhen` and a
 * variant's `when`. A step that names a predicate missing here is refused when the rules load.
 */
import type { Purpose } from '../answers/answers.js';
import type { StepRule } from '../rules/schema.js';
import type { Profile } from './profile.js';

export type Predicate = (p: Profile) => boolean;

const purposeIs = (...purposes: Purpose[]): Predicate => (p) => purposes.includes(p.purpose);
const anyChild = (min: number, max: number): Predicate => (p) => p.childrenAges.some((a) => a >= min && a <= max);

const isNordic: Predicate = (p) => p.group === 'nordic';
const isEuEeaOrSwiss: Predicate = (p) => p.group === 'eu-eea' || p.group === 'swiss';
const isOtherGroup: Predicate = (p) => p.group === 'other';
const staysUnderThreeMonths: Predicate = (p) => p.stay === 'under-3-months';
const staysThreeToSixMonths: Predicate = (p) => p.stay === '3-to-6-months';
const staysOverSixMonths: Predicate = (p) => p.stay === 'over-6-months';
/** EU job seekers may look for work for 6 months before they need the EU document (EU-01). */
const mustGetEuDocument: Predicate = (p) => isEuEeaOrSwiss(p) && !(p.purpose === 'job-seeking' && staysThreeToSixMonths(p));
const isImmigrationServiceCase = purposeIs('family-reunification', 'refugee', 'ukraine-special-act');
const isIntegrationLearner = purposeIs('refugee', 'family-reunification');

export const PREDICATES: Readonly<Record<string, Predicate>> = {
  always: () => true,
  never: () => false,
  /** Nordic, EU/EEA and Swiss citizens: free movement, EHIC, the health insurance country form. */
  'has-free-movement': (p) => isNordic(p) || isEuEeaOrSwiss(p),
  'is-nordic': isNordic,
  'is-eu-eea': (p) => p.group === 'eu-eea',
  'is-swiss': (p) => p.group === 'swiss',
  'is-eu-eea-or-swiss': isEuEeaOrSwiss,
  'is-other-group': isOtherGroup,

  'stays-under-three-months': staysUnderThreeMonths,
  'stays-three-months-or-more': (p) => !staysUnderThreeMonths(p),
  'stays-three-to-six-months': staysThreeToSixMonths,
  'stays-over-six-months': staysOverSixMonths,
  'stay-not-sure': (p) => p.stay === 'not-sure',

  'purpose-work': purposeIs('work'),
  'purpose-self-employed': purposeIs('self-employed'),
  'purpose-study': purposeIs('study'),
  'purpose-job-seeking': purposeIs('job-seeking'),
  'purpose-research': purposeIs('research'),
  'purpose-accompanying-family': purposeIs('accompanying-family'),
  'purpose-family-reunification': purposeIs('family-reunification'),
  'purpose-au-pair': purposeIs('au-pair'),
  'purpose-refugee': purposeIs('refugee'),
  'purpose-ukraine-special-act': purposeIs('ukraine-special-act'),
  'purpose-other': purposeIs('other'),
  /** Paid work as an employee is the reason for coming: the tax card matters from the first pay day. */
  'comes-to-work': purposeIs('work', 'research', 'au-pair'),
  'comes-to-work-or-run-business': purposeIs('work', 'research', 'self-employed'),
  /** Paid in Denmark: wages, a business, or an au pair's pocket money. */
  'earns-income': purposeIs('work', 'research', 'self-employed', 'au-pair'),
  'not-refugee': (p) => p.purpose !== 'refugee',
  'is-immigration-service-case': isImmigrationServiceCase,
  'is-siri-case': (p) => isOtherGroup(p) && !isImmigrationServiceCase(p),
  'is-integration-learner': isIntegrationLearner,
  'purpose-family': purposeIs('accompanying-family', 'family-reunification'),
  'purpose-work-or-research': purposeIs('work', 'research'),
  'works-or-seeks-work': purposeIs('work', 'research', 'self-employed', 'job-seeking'),
  /** Biometrics are part of every permit application except asylum, where they were taken in the asylum case. */
  'gives-biometrics': (p) => isOtherGroup(p) && p.purpose !== 'refugee',

  'has-residence-permit': (p) => p.hasResidencePermit === true,
  'has-no-residence-permit': (p) => p.hasResidencePermit !== true,

  /**
   * Nordic citizens must register in CPR only for stays over 6 months (NOR-02); EU/EEA/Swiss citizens once they
   * must hold the EU document, which registration needs (CPR-01); everyone else for stays over 3 months.
   */
  'must-register-in-cpr': (p) => !staysUnderThreeMonths(p)
    && (isNordic(p) ? staysOverSixMonths(p) : isEuEeaOrSwiss(p) ? mustGetEuDocument(p) : true),
  'must-get-eu-document': mustGetEuDocument,
  'knows-move-in-date': (p) => p.moveInDate !== undefined,

  /** Licences from outside the EU/EEA (Switzerland included) must be exchanged within a time limit (OTH-02). */
  'licence-from-outside-eea': (p) => isOtherGroup(p) || p.group === 'swiss',
  'has-partner': (p) => p.partner === true,
  'has-children': (p) => p.childrenAges.length > 0,
  'has-child-under-six': anyChild(0, 5),
  'has-child-of-school-age': anyChild(6, 16),
  'has-child-of-school-age-or-soon': anyChild(5, 16),
  'has-child-over-fourteen': anyChild(15, 17),
};

export function predicate(name: string): Predicate {
  const found = PREDICATES[name];
  if (!found) throw new Error(`Unknown predicate "${name}"`);
  return found;
}

export function allHold(names: readonly string[] | undefined, profile: Profile): boolean {
  if (!names) return true;
  for (const name of names) if (!predicate(name)(profile)) return false;
  return true;
}

/** Every predicate name a step uses: when it applies, is required or done, and in its variants and documents. */
export function predicatesOf(step: StepRule): string[] {
  return [
    ...step.appliesWhen, ...(step.requiredWhen ?? []), ...(step.doneWhen ?? []),
    ...step.documents.flatMap((d) => d.when ?? []),
    ...(step.variants ?? []).flatMap((v) => [...v.when, ...(v.documents ?? []).flatMap((d) => d.when ?? [])]),
  ];
}
