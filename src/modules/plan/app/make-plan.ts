/**
 * The use case behind the plan page and POST /api/v1/plan: check the answers, work out the person's group (and their
 * partner's), where they move from, their municipality and offices, and build their plan. Pure: the time and the
 * data are passed in.
 */
import type { Lang, RawAnswers } from '../domain/answers.js';
import { type FieldError, validateAnswers } from '../domain/validate-answers.js';
import { citizenshipGroup, movingFromFacts } from '../domain/citizenship-group.js';
import type { LocalDate } from '../../../kernel/dates/local-date.js';
import { type PersonLabel, buildPlan } from '../domain/build-plan.js';
import type { Plan } from '../domain/plan.js';
import type { Profile } from '../domain/profile.js';
import type { OfficeDirectory } from '../../offices/index.js';
import type { Rules } from '../domain/rules/rules.js';
import { instantAt } from '../../../kernel/time/copenhagen-clock.js';
import { planOffices } from './plan-offices.js';

/** The words the plan needs from the interface texts: how it names the people who move. */
export interface PlanWords {
  t(lang: Lang, key: string, params?: Record<string, string | number>): string;
}

export interface PlanData {
  rules: Rules;
  offices: OfficeDirectory;
  texts: PlanWords;
}

export type PlanResult = { ok: true; plan: Plan; profile: Profile } | { ok: false; errors: FieldError[] };

/** `now` decides the offices' next openings; by default noon in Denmark on the day of the plan. */
export function makePlan(data: PlanData, raw: RawAnswers, asOf: LocalDate, lang: Lang, now: Date = instantAt(asOf, 12 * 60)): PlanResult {
  const checked = validateAnswers(raw, {
    asOf,
    isCountry: (code) => data.rules.countries.byCode.has(code),
    isPostalCode: (code) => data.offices.postalAreas.has(code),
  });
  if (!checked.ok) return checked;
  const { answers } = checked;
  const onDate = answers.arrivalDate ?? asOf;
  const profile: Profile = {
    ...answers,
    asOf,
    group: citizenshipGroup(data.rules.countries, answers.citizenships, onDate),
  };
  if (answers.movingFrom) profile.from = movingFromFacts(data.rules.countries, answers.movingFrom, onDate);
  if (answers.partner === true) {
    profile.partnerGroup = citizenshipGroup(data.rules.countries, answers.partnerCitizenships ?? answers.citizenships, onDate);
  }
  const area = answers.postalCode ? data.offices.postalAreas.get(answers.postalCode) : undefined;
  const municipality = area ? data.offices.municipalities.get(area.municipality) : undefined;
  if (municipality) profile.municipality = { code: municipality.code, name: municipality.name, officialName: municipality.officialName };
  return { ok: true, plan: buildPlan(data.rules, profile, lang, planOffices(data.offices, profile, now, lang), personLabel(data.texts)), profile };
}

/** "you", "your partner", "your child, 4"; two children of one age are told apart by their number. */
export function personLabel(texts: PlanWords): PersonLabel {
  return (person, lang, people) => {
    if (person.role !== 'child') return texts.t(lang, `person.${person.role}`);
    const twin = people.some((p) => p.role === 'child' && p.index !== person.index && p.age === person.age);
    return texts.t(lang, twin ? 'person.child.numbered' : 'person.child', { age: person.age ?? 0, n: person.index });
  };
}
