/**
 * The closed registry of named predicates that steps use in `appliesWhen`, `requiredWhen`, `doneWhen`, a variant's
 * `when` and a document's `when`. Each is asked about one person who moves (the person who answers, their partner
 * or a child), with the household's answers. A step that names a predicate missing here is refused when the rules
 * load. A predicate that needs a legal value (an age limit) reads it from the dated parameters.
 */
import type { Purpose } from './answers.js';
import type { StepRule } from './rules/schema.js';
import type { PersonProfile } from './profile.js';

/** A parameter's value on the day of the plan. */
export type ParameterValue = (id: string) => number;
export type Predicate = (p: PersonProfile, parameter: ParameterValue) => boolean;

const purposeIs = (...purposes: Purpose[]): Predicate => (p) => purposes.includes(p.purpose);
const anyChild = (min: number, max: number): Predicate => (p) => p.childrenAges.some((a) => a >= min && a <= max);
const childAged = (min: number, max: number): Predicate => (p) => p.person.role === 'child' && p.person.age !== undefined && p.person.age >= min && p.person.age <= max;
/** An adult, or a child of at least the age the parameter gives. */
const oldEnough = (parameterId: string): Predicate => (p, parameter) =>
  p.person.role !== 'child' || (p.person.age ?? 0) >= parameter(parameterId);
/** An answer about the person's own work: it belongs to the person who answers, not to the family. */
const ownAnswer = (test: (p: PersonProfile) => boolean): Predicate => (p) => p.person.role === 'self' && test(p);

const isNordic: Predicate = (p) => p.group === 'nordic';
const isEuEeaOrSwiss: Predicate = (p) => p.group === 'eu-eea' || p.group === 'swiss';
const hasFreeMovement: Predicate = (p, v) => isNordic(p, v) || isEuEeaOrSwiss(p, v);
const isOtherGroup: Predicate = (p) => p.group === 'other';
const staysUnderThreeMonths: Predicate = (p) => p.stay === 'under-3-months';
const staysThreeToSixMonths: Predicate = (p) => p.stay === '3-to-6-months';
const staysOverSixMonths: Predicate = (p) => p.stay === 'over-6-months';
const movesFromNordicCountry: Predicate = (p) => p.from?.nordic === true;
const movesFromEuEeaSwiss: Predicate = (p) => p.from?.euEeaSwiss === true;
/**
 * A partner or child from outside the EU/EEA of a person with free movement: they live here as the family member of
 * an EU citizen (a residence card), not on a permit of their own.
 */
const isFamilyOfFreeMover: Predicate = (p) => p.person.role !== 'self' && p.group === 'other' && p.main.group !== 'other' && p.main.group !== 'danish';
/**
 * EU/EEA/Swiss citizens who stay more than 3 months must hold the EU document; job seekers do not apply for one
 * while they look for work (EU-opholdsbekendtgørelsen section 22(1)): they apply as workers once they have a job.
 */
const mustGetEuDocument: Predicate = (p, v) => isEuEeaOrSwiss(p, v) && p.purpose !== 'job-seeking';
/**
 * Who must register in CPR only for a stay over 6 months (CPR Act section 16(2)): citizens of Nordic and EU/EEA
 * countries and Switzerland, their family under the EU rules, and anyone who moves here from a Nordic country.
 */
const hasSixMonthDuty: Predicate = (p, v) => hasFreeMovement(p, v) || isFamilyOfFreeMover(p, v) || movesFromNordicCountry(p, v);
const isImmigrationServiceCase = purposeIs('family-reunification', 'refugee', 'ukraine-special-act');
const isIntegrationLearner = purposeIs('refugee', 'family-reunification', 'ukraine-special-act');
const earnsIncome = purposeIs('work', 'research', 'self-employed', 'au-pair');

export const PREDICATES: Readonly<Record<string, Predicate>> = {
  always: () => true,
  never: () => false,

  /** Who the step is for. */
  'is-main-person': (p) => p.person.role === 'self',
  'is-partner': (p) => p.person.role === 'partner',
  'is-child': (p) => p.person.role === 'child',
  'is-adult': (p) => p.person.role !== 'child',
  'is-family-member': (p) => p.person.role !== 'self',
  'is-child-under-six': childAged(0, 5),
  'is-child-of-school-age': childAged(6, 16),
  'is-child-of-school-age-or-soon': childAged(5, 16),
  'old-enough-for-mitid': oldEnough('mitid-min-age'),
  'old-enough-for-digital-post': oldEnough('digital-post-min-age'),
  'old-enough-to-choose-doctor': oldEnough('own-doctor-min-age'),
  'too-young-for-fingerprints': (p, v) => !oldEnough('fingerprints-min-age')(p, v),

  /** Nordic, EU/EEA and Swiss citizens: free movement, EHIC. */
  'has-free-movement': hasFreeMovement,
  'is-nordic': isNordic,
  'is-eu-eea': (p) => p.group === 'eu-eea',
  'is-swiss': (p) => p.group === 'swiss',
  'is-eu-eea-or-swiss': isEuEeaOrSwiss,
  'is-other-group': isOtherGroup,
  'is-family-of-free-mover': isFamilyOfFreeMover,
  /** A citizen of a country outside the EU/EEA who needs a permit of their own (not the family member of an EU citizen). */
  'needs-own-permit': (p, v) => isOtherGroup(p, v) && !isFamilyOfFreeMover(p, v),

  'moves-from-nordic-country': movesFromNordicCountry,
  'moves-from-elsewhere': (p) => p.from !== undefined && !p.from.nordic,
  'moves-from-eu-eea-swiss': movesFromEuEeaSwiss,
  /**
   * The health insurance country form: citizens of EU/EEA countries and Switzerland, and anyone who lived in one of
   * them just before moving here (review 11). Adults only: the form is for people over 18.
   */
  'fills-health-insurance-country-form': (p, v) => p.person.role !== 'child' && (hasFreeMovement(p, v) || movesFromEuEeaSwiss(p, v)),

  'stays-under-three-months': staysUnderThreeMonths,
  'stays-three-months-or-more': (p, v) => !staysUnderThreeMonths(p, v),
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
  'earns-income': earnsIncome,
  'not-refugee': (p) => p.purpose !== 'refugee',
  'is-immigration-service-case': isImmigrationServiceCase,
  'is-siri-case': (p, v) => isOtherGroup(p, v) && !isImmigrationServiceCase(p, v),
  /** Refugees, the family-reunified and people under the Ukraine Special Act are offered the Integration Act's programme. */
  'is-integration-learner': isIntegrationLearner,
  /** The work obligation of the Integration Act: refugees and the family-reunified, not Special Act holders. */
  'has-work-obligation': purposeIs('refugee', 'family-reunification'),
  'purpose-family': purposeIs('accompanying-family', 'family-reunification'),
  'purpose-work-or-research': purposeIs('work', 'research'),
  'works-or-seeks-work': purposeIs('work', 'research', 'self-employed', 'job-seeking'),
  /** Works in Denmark with free movement for less than 3 months: insured here while living abroad. */
  'works-here-short-with-free-movement': (p, v) => hasFreeMovement(p, v) && staysUnderThreeMonths(p, v) && earnsIncome(p, v),
  /**
   * Biometrics are part of every permit application except asylum, where they were taken in the asylum case. (The
   * family member of an EU citizen gives them for the residence card: see that step.)
   */
  'gives-biometrics': (p, v) => isOtherGroup(p, v) && !isFamilyOfFreeMover(p, v) && p.purpose !== 'refugee',

  'scheme-pay-limit': ownAnswer((p) => p.scheme === 'pay-limit'),
  'scheme-supplementary-pay-limit': ownAnswer((p) => p.scheme === 'supplementary-pay-limit'),
  'scheme-fast-track': ownAnswer((p) => p.scheme === 'fast-track'),
  'scheme-positive-list': ownAnswer((p) => p.scheme === 'positive-list'),
  'scheme-researcher': ownAnswer((p) => p.scheme === 'researcher'),
  'not-scheme-researcher': (p) => !(p.person.role === 'self' && p.scheme === 'researcher'),
  'works-in-health-profession': ownAnswer((p) => p.profession === 'health'),
  'works-in-regulated-profession': ownAnswer((p) => p.profession === 'regulated'),
  'profession-not-sure': ownAnswer((p) => p.profession === 'not-sure'),
  'profession-is-regulated': ownAnswer((p) => p.profession === 'health' || p.profession === 'regulated'),
  'profession-may-be-regulated': ownAnswer((p) => p.profession === 'health' || p.profession === 'regulated' || p.profession === 'not-sure'),
  'brings-pdu2': ownAnswer((p) => p.pdu2 === true),
  'left-ukraine-before-special-act': (p) => p.leftUkraine === 'before-2022-02-01',

  'has-residence-permit': (p) => p.hasResidencePermit === true,
  'has-no-residence-permit': (p) => p.hasResidencePermit !== true,

  /**
   * The duty to register in CPR (CPR Act section 16(2), norden.org): over 6 months for citizens of Nordic, EU/EEA
   * countries and Switzerland and their family under the EU rules, and for anyone who moves here from a Nordic
   * country; over 3 months for everyone else. (The review of December 2026 read the Nordic rule as holding only for a
   * move from a Nordic country: the law and norden.org's own guide say otherwise; docs/facts-review.md.) Between 3
   * and 6 months the first group may register, and EU citizens must hold the EU document from 3 months. Not sure yet
   * how long: registering is the safe course (it is allowed from 3 months, and late registration can be fined).
   */
  'must-register-in-cpr': (p, v) => !staysUnderThreeMonths(p, v)
    && (hasSixMonthDuty(p, v) ? staysOverSixMonths(p, v) || p.stay === 'not-sure' : true),
  /** The 6-month duty applies to the person (above); with "not sure yet", registering is the safe course. */
  'has-six-month-duty': hasSixMonthDuty,
  'must-get-eu-document': mustGetEuDocument,
  'knows-move-in-date': (p) => p.moveInDate !== undefined,

  /** Licences from outside the EU/EEA (Switzerland included) must be exchanged within a time limit (OTH-02). */
  'licence-from-outside-eea': (p) => isOtherGroup(p, () => 0) || p.group === 'swiss',
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

export function allHold(names: readonly string[] | undefined, profile: PersonProfile, parameter: ParameterValue): boolean {
  if (!names) return true;
  for (const name of names) if (!predicate(name)(profile, parameter)) return false;
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
