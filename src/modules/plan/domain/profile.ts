import type { Group, PlanAnswers, Purpose } from './answers.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import type { Localized } from '../../../kernel/i18n/locales.js';

export interface Municipality {
  code: string;
  name: string;
  officialName: Localized;
}

/** Where the person lives now, as the rules ask about it; unknown when the API leaves `movingFrom` out. */
export interface MovingFrom {
  /** A country of the Nordic agreement on population registration (Sweden, Norway, Finland, Iceland, ...). */
  nordic: boolean;
  /** An EU/EEA country or Switzerland: the health insurance country form applies, whatever the citizenship. */
  euEeaSwiss: boolean;
  /** The United Kingdom: the form applies to Danish citizens who move home from there. */
  uk: boolean;
}

/** Everything the rules look at: the answers, the group they give, and the day the plan is made. */
export interface Profile extends PlanAnswers {
  group: Group;
  asOf: LocalDate;
  municipality?: Municipality;
  from?: MovingFrom;
  /** The partner's group (their own citizenships, or the person's when not given). */
  partnerGroup?: Group;
}

export type Role = 'self' | 'partner' | 'child';

/** One of the people who move: the person who answers, their partner, or a child (numbered from 1, youngest first). */
export interface Person {
  role: Role;
  /** 0 for the person and the partner; 1, 2, ... for the children. */
  index: number;
  age?: number;
}

/**
 * What the rules look at for one person who moves: the household's answers, with this person's own group and reason
 * for coming. A partner or child comes as family, except under asylum or the Ukraine Special Act, where each family
 * member has the same basis as the person.
 */
export interface PersonProfile extends Profile {
  person: Person;
  /** The person who answers: their group and reason, which a family member's rights come from. */
  main: { group: Group; purpose: Purpose };
}
