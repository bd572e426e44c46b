import type { Group, Lang, Outcome } from './answers.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import type { Role } from './profile.js';

export interface PlanSource {
  title: string;
  url: string;
  checked: string;
}

/** The parts of a step that are the same for everyone with the same variant, language, municipality and rules. */
export interface StepStatic {
  title: string;
  summary: string;
  how: string | null;
  deadlineRule: string;
  /** What the deadline hangs on, in a few words ("5 days after you move in"). */
  due: string;
  authority: { id: string; name: string; url: string };
  where: { kind: string; description: string; municipality: { code: string; name: string } | null };
  sources: PlanSource[];
  check: { text: string; url: string } | null;
  guide: string;
}

/** The office that serves this person for an in-person step (from the finder). */
export interface PlanOffice {
  id: string;
  name: string;
  address: string | null;
  distanceKm: number;
  /** catchment: it serves the person's municipality; own-municipality: their Citizen Service; nearest: open to anyone. */
  basis: 'catchment' | 'own-municipality' | 'nearest';
  /** "open", "closed" or "unknown" (hours not found), now. */
  openNow: 'open' | 'closed' | 'unknown';
  /** The next time it opens (ISO 8601 with Denmark's offset), or when it closes if it is open now. */
  nextOpening: string | null;
  closesAt: string | null;
  /** Its usual weekly hours for this service, Monday first ("09:00-15:00"); empty when they are not known. */
  hours: { weekday: number; ranges: string[] }[];
  /** Our data on this office is incomplete or uncertain: the person should check its official page. */
  checkOfficialPage: boolean;
  page: string;
}

/** Who a step is for: the person who answers ("you"), their partner, or a child (numbered from 1, youngest first). */
export interface StepPerson {
  role: Role;
  /** 1, 2, ... for children; 0 otherwise. */
  index: number;
  age: number | null;
  /** As the plan says it: "you", "your partner", "your child, 4". */
  label: string;
}

export interface PlanStep {
  /** The step's id for the person who answers; `id@partner` or `id@child-N` for a family member's own step. */
  key: string;
  id: string;
  person: StepPerson;
  title: string;
  summary: string;
  how: string | null;
  required: boolean;
  status: 'todo' | 'done';
  deadline: LocalDate | null;
  deadlineRule: string;
  due: string;
  /** Without a deadline yet: the first day it can fall on, when the answers give it (5 days after moving in). */
  earliest: LocalDate | null;
  overdue: boolean;
  /** The keys of the steps in this plan that must come first. */
  dependsOn: string[];
  authority: { id: string; name: string; url: string };
  documents: { id: string; name: string }[];
  where: { kind: string; description: string; municipality: { code: string; name: string } | null; office: PlanOffice | null };
  sources: PlanSource[];
  check: { text: string; url: string } | null;
  guide: string;
}

export interface Plan {
  outcome: Outcome;
  group: Group;
  lang: Lang;
  asOf: LocalDate;
  /** The people the plan is for, in order: the person, the partner, the children. */
  people: StepPerson[];
  steps: PlanStep[];
}
