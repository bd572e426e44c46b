import type { Group, Lang, Outcome } from '../answers/answers.js';
import type { LocalDate } from '../dates/local-date.js';
import type { PlanSkeleton } from './plan-skeleton.js';

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
  /** Our data on this office is incomplete or uncertain: the person should check its official page. */
  checkOfficialPage: boolean;
  page: string;
}

/** Links a step to its shared static part, so the web edge can keep rendered fragments of it. */
export const STEP_STATIC: unique symbol = Symbol('step static part');

export interface PlanStep {
  id: string;
  title: string;
  summary: string;
  how: string | null;
  required: boolean;
  status: 'todo' | 'done';
  deadline: LocalDate | null;
  deadlineRule: string;
  overdue: boolean;
  dependsOn: string[];
  authority: { id: string; name: string; url: string };
  documents: { id: string; name: string }[];
  where: { kind: string; description: string; municipality: { code: string; name: string } | null; office: PlanOffice | null };
  sources: PlanSource[];
  check: { text: string; url: string } | null;
  guide: string;
  [STEP_STATIC]?: StepStatic;
}

/**
 * Links a plan to its shape and the order of the shape's steps in it, so the web edge can keep what it writes
 * for every plan of that shape in that order.
 */
export const PLAN_SHAPE: unique symbol = Symbol('plan shape');

export interface Plan {
  outcome: Outcome;
  group: Group;
  lang: Lang;
  asOf: LocalDate;
  steps: PlanStep[];
  /** The shape the steps come from, and the shape's step at each place of `steps`. */
  [PLAN_SHAPE]?: { skeleton: PlanSkeleton; order: readonly number[] };
}
