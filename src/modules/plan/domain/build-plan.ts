/**
 * From a profile to a plan: the people who move (household.ts), the shape of each one's steps (plan-skeleton.ts),
 * then what is personal: each deadline from the person's own dates, the offices, and the order (order-steps.ts).
 */
import type { Lang, Outcome } from './answers.js';
import { type LocalDate, addDays, addMonths } from '../../../kernel/dates/local-date.js';
import { numberParameter } from './rules/parameters.js';
import type { Rules } from './rules/rules.js';
import type { DeadlineRule } from './rules/schema.js';
import { deadlineStart } from './deadline-starts.js';
import { household } from './household.js';
import { orderSteps } from './order-steps.js';
import type { Plan, PlanOffice, PlanStep, StepPerson } from './plan.js';
import { type SkeletonStep, planSkeleton } from './plan-skeleton.js';
import type { Person, PersonProfile, Profile } from './profile.js';
import { staticContext } from './step-static.js';

export function outcomeFor(profile: Profile): Outcome {
  if (profile.group === 'danish') return 'not-for-ics';
  if (profile.stay === 'under-3-months') return 'short-stay';
  return 'plan';
}

/** Names the office that serves the person for an office service; null when none is known. */
export type OfficeFor = (service: string) => PlanOffice | null;
/** How the plan names a person in its language: "you", "your partner", "your child, 4". */
export type PersonLabel = (person: Person, lang: Lang, people: readonly Person[]) => string;

const plainLabel: PersonLabel = (p) => (p.role === 'self' ? 'you' : p.role === 'partner' ? 'your partner' : `your child, ${p.age}`);

export function buildPlan(rules: Rules, profile: Profile, lang: Lang, officeFor: OfficeFor = () => null, label: PersonLabel = plainLabel): Plan {
  const outcome = outcomeFor(profile);
  const people = household(profile);
  const persons = people.map((p) => p.person);
  const stepPeople = persons.map((p): StepPerson => ({ role: p.role, index: p.index, age: p.age ?? null, label: label(p, lang, persons) }));
  const plan: Plan = { outcome, group: profile.group, lang, asOf: profile.asOf, people: stepPeople, steps: [] };
  if (outcome === 'not-for-ics') return plan;

  // Texts give the values in force on the day of the plan: a pay limit is the one for an application made now.
  const context = staticContext(rules, lang, profile.asOf, profile.municipality);
  const parameter = (id: string) => numberParameter(rules.parameters, id, profile.asOf);
  const skeleton = planSkeleton(rules, context, people, parameter);
  const offices = new Map<string, PlanOffice | null>();
  const office = (service: string) => {
    let found = offices.get(service);
    if (found === undefined) offices.set(service, found = officeFor(service));
    return found;
  };
  const steps = skeleton.map((s) => personalStep(rules, s, stepPeople[people.indexOf(s.profile)]!, office));
  const order = orderSteps(skeleton.map((s, i) => ({
    key: s.key,
    dependsOn: s.dependsOn,
    done: s.done,
    required: s.required,
    order: s.rule.order,
    person: people.indexOf(s.profile),
    deadline: steps[i]!.deadline,
  })), profile.asOf);
  plan.steps = order.map((i) => steps[i]!);
  return plan;
}

/** A step of the shape with what is personal: its deadline from the person's dates and the office now. */
function personalStep(rules: Rules, s: SkeletonStep, person: StepPerson, officeFor: OfficeFor): PlanStep {
  const { fixed } = s;
  const deadline = s.done ? null : computeDeadline(rules, s.deadlineRule, s.profile);
  const earliestRule = s.deadlineRule?.earliestFrom ? { ...s.deadlineRule, from: s.deadlineRule.earliestFrom } : null;
  const earliest = s.done || deadline !== null ? null : computeDeadline(rules, earliestRule, s.profile);
  return {
    key: s.key,
    id: s.rule.id,
    person,
    title: fixed.title,
    summary: fixed.summary,
    how: fixed.how,
    required: s.required,
    status: s.done ? 'done' : 'todo',
    deadline,
    deadlineRule: fixed.deadlineRule,
    due: fixed.due,
    earliest,
    overdue: deadline !== null && deadline < s.profile.asOf,
    dependsOn: [...s.dependsOn],
    authority: fixed.authority,
    documents: [...s.documents],
    where: { kind: fixed.where.kind, description: fixed.where.description, municipality: fixed.where.municipality, office: s.office !== undefined ? officeFor(s.office) : null },
    sources: fixed.sources,
    check: fixed.check,
    guide: fixed.guide,
  };
}

export function computeDeadline(rules: Rules, rule: DeadlineRule | null, profile: PersonProfile): LocalDate | null {
  if (!rule) return null;
  const start = deadlineStart(rule.from)(profile);
  if (!start || !rule.add) return start;
  const amount = numberParameter(rules.parameters, rule.add.parameter, start);
  switch (rule.add.unit) {
    case 'days': return addDays(start, amount);
    case 'weeks': return addDays(start, amount * 7);
    case 'months': return addMonths(start, amount);
  }
}
