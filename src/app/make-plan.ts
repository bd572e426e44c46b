/**
 * The use case behind the plan page and POST /api/v1/plan: check the answers, work out the person's group,
 * municipality and offices, and build their plan. Pure: the time and the data are passed in.
 */
import type { Lang, RawAnswers } from '../domain/answers/answers.js';
import { type FieldError, validateAnswers } from '../domain/answers/validate-answers.js';
import { citizenshipGroup } from '../domain/countries/citizenship-group.js';
import type { LocalDate } from '../domain/dates/local-date.js';
import { buildPlan } from '../domain/plan/build-plan.js';
import type { Plan } from '../domain/plan/plan.js';
import type { Profile } from '../domain/plan/profile.js';
import type { OfficeDirectory } from '../domain/offices/directory.js';
import type { Rules } from '../domain/rules/rules.js';
import { instantAt } from '../domain/time/copenhagen-clock.js';
import { planOffices } from './plan-offices.js';

export interface PlanData {
  rules: Rules;
  offices: OfficeDirectory;
}

export type PlanResult = { ok: true; plan: Plan; profile: Profile } | { ok: false; errors: FieldError[] };

/** `now` decides the offices' next openings; by default noon in Denmark on the day of the plan. */
export function makePlan(data: PlanData, raw: RawAnswers, asOf: LocalDate, lang: Lang, now: Date = noonOn(asOf)): PlanResult {
  const checked = validateAnswers(raw, {
    asOf,
    isCountry: (code) => data.rules.countries.byCode.has(code),
    isPostalCode: (code) => data.offices.postalAreas.has(code),
  });
  if (!checked.ok) return checked;
  const { answers } = checked;
  // The checked answers are this call's own object, so they become the profile: copying them (a spread) cost
  // half of the whole plan.
  const profile: Profile = Object.assign(answers, {
    asOf,
    group: citizenshipGroup(data.rules.countries, answers.citizenships, answers.arrivalDate ?? asOf),
  });
  const area = answers.postalCode ? data.offices.postalAreas.get(answers.postalCode) : undefined;
  const municipality = area ? data.offices.municipalities.get(area.municipality) : undefined;
  if (municipality) profile.municipality = { code: municipality.code, name: municipality.name, officialName: municipality.officialName };
  return { ok: true, plan: buildPlan(data.rules, profile, lang, planOffices(data.offices, profile, now, lang)), profile };
}

let lastNoon: { asOf: LocalDate; noon: Date } | undefined;
function noonOn(asOf: LocalDate): Date {
  if (lastNoon?.asOf !== asOf) lastNoon = { asOf, noon: instantAt(asOf, 12 * 60) };
  return lastNoon.noon;
}
