import type { Group, Lang, Outcome } from '../answers/answers.js';
import type { LocalDate } from '../dates/local-date.js';

export interface PlanSource {
  title: string;
  url: string;
  checked: string;
}

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
}

export interface Plan {
  outcome: Outcome;
  group: Group;
  lang: Lang;
  asOf: LocalDate;
  steps: PlanStep[];
}
