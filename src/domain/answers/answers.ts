import type { LocalDate } from '../dates/local-date.js';

export const LANGS = ['en', 'da'] as const;
export type Lang = (typeof LANGS)[number];

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

export const MAX_CITIZENSHIPS = 5;
export const MAX_CHILDREN = 12;
export const MAX_CHILD_AGE = 17;

/** The answers once checked: every value is known to be valid. */
export interface PlanAnswers {
  citizenships: string[];
  purpose: Purpose;
  stay: Stay;
  hasResidencePermit?: boolean;
  residencePermitDate?: LocalDate;
  arrivalDate?: LocalDate;
  moveInDate?: LocalDate;
  postalCode?: string;
  partner?: boolean;
  childrenAges: number[];
}

/** Answers as they arrive, from JSON or a query string, before any check. */
export interface RawAnswers {
  citizenships?: unknown;
  purpose?: unknown;
  stay?: unknown;
  hasResidencePermit?: unknown;
  residencePermitDate?: unknown;
  arrivalDate?: unknown;
  moveInDate?: unknown;
  postalCode?: unknown;
  partner?: unknown;
  childrenAges?: unknown;
}

export type AnswerField = keyof RawAnswers;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
