import type { Group, PlanAnswers } from '../answers/answers.js';
import type { LocalDate } from '../dates/local-date.js';

export interface Municipality {
  code: string;
  name: string;
  officialName: { en: string; da: string };
}

/** Everything the rules look at: the answers, the group they give, and the day the plan is made. */
export interface Profile extends PlanAnswers {
  group: Group;
  asOf: LocalDate;
  municipality?: Municipality;
}
