import type { Group, Lang, Outcome } from '../answers/answers.js';
import type { LocalDate } from '../dates/local-date.js';

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
  where: { kind: string; description: string; municipality: { code: string; name: string } | null };
  sources: PlanSource[];
  check: { text: string; url: string } | null;
  guide: string;
  [STEP_STATIC]?: StepStatic;
}

export interface Plan {
  outcome: Outcome;
  group: Group;
  lang: Lang;
  asOf: LocalDate;
  steps: PlanStep[];
}
