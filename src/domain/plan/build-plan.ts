/**
 * From a profile to a plan: keep the steps whose predicates hold, take the first matching variant, compute
 * the deadline from the person's own dates, then order by prerequisites and deadline.
 */
import type { Lang, Outcome } from '../answers/answers.js';
import { type LocalDate, addDays, addMonths } from '../dates/local-date.js';
import { numberParameter } from '../rules/parameters.js';
import type { Rules } from '../rules/rules.js';
import type { DeadlineRule, StepRule } from '../rules/schema.js';
import { deadlineStart } from './deadline-starts.js';
import { orderSteps } from './order-steps.js';
import { type Plan, type PlanOffice, type PlanStep, STEP_STATIC } from './plan.js';
import { allHold } from './predicates.js';
import type { Profile } from './profile.js';
import { type StaticContext, documentName, staticContext, stepStatic } from './step-static.js';

export function outcomeFor(profile: Profile): Outcome {
  if (profile.group === 'danish') return 'not-for-ics';
  if (profile.stay === 'under-3-months') return 'short-stay';
  return 'plan';
}

/** Names the office that serves the person for an office service; null when none is known. */
export type OfficeFor = (service: string) => PlanOffice | null;

export function buildPlan(rules: Rules, profile: Profile, lang: Lang, officeFor: OfficeFor = () => null): Plan {
  const outcome = outcomeFor(profile);
  const plan: Plan = { outcome, group: profile.group, lang, asOf: profile.asOf, steps: [] };
  if (outcome === 'not-for-ics') return plan;

  const context = staticContext(rules, lang, profile.arrivalDate ?? profile.asOf, profile.municipality);
  const included = rules.steps.filter((step) => allHold(step.appliesWhen, profile));
  const ids = new Set(included.map((s) => s.id));
  const offices = new Map<string, PlanOffice | null>();
  const office = (service: string) => {
    if (!offices.has(service)) offices.set(service, officeFor(service));
    return offices.get(service) ?? null;
  };
  const steps = included.map((step) => resolveStep(rules, step, profile, context, ids, office));
  plan.steps = orderSteps(steps, (id) => rules.stepsById.get(id)?.order ?? 0);
  return plan;
}

function resolveStep(
  rules: Rules, step: StepRule, profile: Profile, context: StaticContext, included: ReadonlySet<string>, officeFor: OfficeFor,
): PlanStep {
  const variant = step.variants?.find((v) => allHold(v.when, profile));
  const done = step.doneWhen !== undefined && allHold(step.doneWhen, profile);
  const deadlineRule = variant?.deadline !== undefined ? variant.deadline : step.deadline;
  const deadline = done ? null : computeDeadline(rules, deadlineRule, profile);
  const fixed = stepStatic(rules, context, step, variant);
  const documents: PlanStep['documents'] = [];
  for (const ref of variant?.documents ?? step.documents) {
    if (allHold(ref.when, profile)) documents.push(documentName(rules, context, ref.id));
  }
  return {
    id: step.id,
    title: fixed.title,
    summary: fixed.summary,
    how: fixed.how,
    required: step.requiredWhen === undefined || allHold(step.requiredWhen, profile),
    status: done ? 'done' : 'todo',
    deadline,
    deadlineRule: fixed.deadlineRule,
    overdue: deadline !== null && deadline < profile.asOf,
    dependsOn: step.dependsOn.filter((id) => included.has(id)),
    authority: fixed.authority,
    documents,
    where: { ...fixed.where, office: step.office !== undefined && !done ? officeFor(step.office) : null },
    sources: fixed.sources,
    check: fixed.check,
    guide: fixed.guide,
    [STEP_STATIC]: fixed,
  };
}

export function computeDeadline(rules: Rules, rule: DeadlineRule | null, profile: Profile): LocalDate | null {
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
