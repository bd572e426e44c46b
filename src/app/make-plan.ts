/**
 * The use case behind the plan page and POST /api/v1/plan: check the answers, work out the person's group
 * and municipality, and build their plan. Pure: the date and the data are passed in.
 */
import type { Lang, RawAnswers } from '../domain/answers/answers.js';
import { type FieldError, validateAnswers } from '../domain/answers/validate-answers.js';
import { citizenshipGroup } from '../domain/countries/citizenship-group.js';
import type { LocalDate } from '../domain/dates/local-date.js';
import { buildPlan } from '../domain/plan/build-plan.js';
import type { Plan } from '../domain/plan/plan.js';
import type { Profile } from '../domain/plan/profile.js';
import type { Rules } from '../domain/rules/rules.js';
import type { PostalCode } from '../adapters/rules/load-reference.js';

export interface PlanData {
  rules: Rules;
  postalCodes: ReadonlyMap<string, PostalCode>;
}

export type PlanResult = { ok: true; plan: Plan; profile: Profile } | { ok: false; errors: FieldError[] };

export function makePlan(data: PlanData, raw: RawAnswers, asOf: LocalDate, lang: Lang): PlanResult {
  const checked = validateAnswers(raw, {
    asOf,
    isCountry: (code) => data.rules.countries.byCode.has(code),
    isPostalCode: (code) => data.postalCodes.has(code),
  });
  if (!checked.ok) return checked;
  const { answers } = checked;
  const profile: Profile = {
    ...answers,
    asOf,
    group: citizenshipGroup(data.rules.countries, answers.citizenships, answers.arrivalDate ?? asOf),
  };
  const postal = answers.postalCode ? data.postalCodes.get(answers.postalCode) : undefined;
  if (postal) profile.municipality = postal.municipality;
  return { ok: true, plan: buildPlan(data.rules, profile, lang), profile };
}
