/**
 * From a profile to a plan: the shape of the plan (which steps, variants, documents; plan-skeleton.ts), then
 * what is personal: each deadline from the person's own dates, the offices, the order by prerequisites and deadline.
 */
import type { Lang, Outcome } from '../answers/answers.js';
import { type LocalDate, addDays, addMonths } from '../dates/local-date.js';
import { numberParameter } from '../rules/parameters.js';
import type { Rules } from '../rules/rules.js';
import type { DeadlineRule } from '../rules/schema.js';
import { deadlineStart } from './deadline-starts.js';
import { rankedOrder } from './order-steps.js';
import { PLAN_SHAPE, type Plan, type PlanOffice, type PlanStep, STEP_STATIC } from './plan.js';
import { type SkeletonStep, planSkeleton } from './plan-skeleton.js';
import type { Profile } from './profile.js';
import { staticContext } from './step-static.js';

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
  const skeleton = planSkeleton(rules, context, profile);
  const offices = new Map<string, PlanOffice | null>();
  const office = (service: string) => {
    let found = offices.get(service);
    if (found === undefined) offices.set(service, found = officeFor(service));
    return found;
  };
  const steps = skeleton.steps.map((s) => personalStep(rules, s, profile, office));
  const order = rankedOrder(skeleton.ranking, steps);
  plan.steps = order.map((i) => steps[i]!);
  plan[PLAN_SHAPE] = { skeleton, order };
  return plan;
}

/** A step of the shape with what is personal: its deadline from the person's dates and the office now. */
function personalStep(rules: Rules, s: SkeletonStep, profile: Profile, officeFor: OfficeFor): PlanStep {
  const { fixed } = s;
  const deadline = s.done ? null : computeDeadline(rules, s.deadlineRule, profile);
  return {
    id: s.rule.id,
    title: fixed.title,
    summary: fixed.summary,
    how: fixed.how,
    required: s.required,
    status: s.done ? 'done' : 'todo',
    deadline,
    deadlineRule: fixed.deadlineRule,
    overdue: deadline !== null && deadline < profile.asOf,
    dependsOn: s.dependsOn as string[],
    authority: fixed.authority,
    documents: s.documents as PlanStep['documents'],
    where: { kind: fixed.where.kind, description: fixed.where.description, municipality: fixed.where.municipality, office: s.office !== undefined ? officeFor(s.office) : null },
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
