import type { LocalDate } from '../../../kernel/dates/local-date.js';

export { LANGS, type Lang } from '../../../kernel/i18n/locales.js';

export const PURPOSES = [
  'work', 'self-employed', 'study', 'job-seeking', 'research', 'accompanying-family',
  'family-reunification', 'au-pair', 'refugee', 'ukraine-special-act', 'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const STAYS = ['under-3-months', '3-to-6-months', 'over-6-months', 'not-sure'] as const;
export type Stay = (typeof STAYS)[number];

/** Most favourable first: a person with several citizenships is in the first group any of them gives. */
export const GROUPS = ['danish', 'nordic', 'eu-eea', 'swiss', 'other'] as const;
export type Group = (typeof GROUPS)[number];

export const OUTCOMES = ['plan', 'short-stay', 'not-for-ics'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The scheme that brings a worker from outside the EU/EEA: it decides the permit's conditions. */
export const SCHEMES = ['pay-limit', 'supplementary-pay-limit', 'fast-track', 'positive-list', 'researcher', 'other'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** Whether the work is a regulated profession: health professions need an authorisation, others a recognition. */
export const PROFESSIONS = ['health', 'regulated', 'none', 'not-sure'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** When a person under the Ukraine Special Act left Ukraine: the act covers those who left from its first date. */
export const LEFT_UKRAINE = ['from-2022-02-01', 'before-2022-02-01'] as const;
export type LeftUkraine = (typeof LEFT_UKRAINE)[number];

export const MAX_CITIZENSHIPS = 5;
/** One plan covers at most this many people moving together: the person, a partner and children. */
export const MAX_HOUSEHOLD = 12;
export const MAX_CHILDREN = MAX_HOUSEHOLD - 1;
export const MAX_CHILD_AGE = 17;

/** The answers once checked: every value is known to be valid. */
export interface PlanAnswers {
  citizenships: string[];
  /** The country the person lives in now (ISO 3166-1 alpha-2); unknown only when the API leaves it out. */
  movingFrom?: string;
  purpose: Purpose;
  scheme?: Scheme;
  profession?: Profession;
  /** EU job seekers: bringing unemployment benefit from home on a PD U2, and the date it gives. */
  pdu2?: boolean;
  pdu2Date?: LocalDate;
  leftUkraine?: LeftUkraine;
  stay: Stay;
  hasResidencePermit?: boolean;
  residencePermitDate?: LocalDate;
  arrivalDate?: LocalDate;
  moveInDate?: LocalDate;
  postalCode?: string;
  partner?: boolean;
  /** The partner's citizenships; without them, the partner is taken to hold the person's own. */
  partnerCitizenships?: string[];
  childrenAges: number[];
}

/** Answers as they arrive, from JSON or a query string, before any check. */
export interface RawAnswers {
  citizenships?: unknown;
  movingFrom?: unknown;
  purpose?: unknown;
  scheme?: unknown;
  profession?: unknown;
  pdu2?: unknown;
  pdu2Date?: unknown;
  leftUkraine?: unknown;
  stay?: unknown;
  hasResidencePermit?: unknown;
  residencePermitDate?: unknown;
  arrivalDate?: unknown;
  moveInDate?: unknown;
  postalCode?: unknown;
  partner?: unknown;
  partnerCitizenships?: unknown;
  childrenAges?: unknown;
}

export type AnswerField = keyof RawAnswers;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
