/**
 * The shape of a plan: which steps each person who moves gets, in which variant, done or to do, required or
 * advised, with which documents and prerequisites. The catalogue decides all of it through named predicates only
 * (appliesWhen, a variant's when, doneWhen, requiredWhen, a document's when), asked about each person; what is
 * personal beyond that (the deadlines from the person's dates, the offices at this moment, the order that the
 * deadlines decide) is added in build-plan.ts.
 */
import type { DeadlineRule, StepRule, StepVariant } from './rules/schema.js';
import type { Rules } from './rules/rules.js';
import type { StepStatic } from './plan.js';
import { stepKey } from './household.js';
import { type ParameterValue, allHold } from './predicates.js';
import type { PersonProfile } from './profile.js';
import { type StaticContext, documentName, stepStatic } from './step-static.js';

/** One step of one person: everything about it that does not depend on the person's dates. */
export interface SkeletonStep {
  key: string;
  rule: StepRule;
  variant: StepVariant | undefined;
  profile: PersonProfile;
  fixed: StepStatic;
  done: boolean;
  required: boolean;
  deadlineRule: DeadlineRule | null;
  documents: readonly { id: string; name: string }[];
  /** The keys of the prerequisites that are in this plan: the person's own, or else the person's who answers. */
  dependsOn: readonly string[];
  /** The office service that does this step in person (none for a step already done). */
  office: string | undefined;
}

export function planSkeleton(rules: Rules, context: StaticContext, people: readonly PersonProfile[], parameter: ParameterValue): SkeletonStep[] {
  const included: { rule: StepRule; profile: PersonProfile; key: string }[] = [];
  for (const profile of people) {
    for (const rule of rules.steps) {
      if ((rule.for ?? ['self']).includes(profile.person.role) && allHold(rule.appliesWhen, profile, parameter)) {
        included.push({ rule, profile, key: stepKey(rule.id, profile.person) });
      }
    }
  }
  const keys = new Set(included.map((s) => s.key));
  return included.map(({ rule, profile, key }): SkeletonStep => {
    const variant = rule.variants?.find((v) => allHold(v.when, profile, parameter));
    const done = rule.doneWhen !== undefined && allHold(rule.doneWhen, profile, parameter);
    const documents: { id: string; name: string }[] = [];
    for (const ref of variant?.documents ?? rule.documents) {
      if (allHold(ref.when, profile, parameter)) documents.push(documentName(rules, context, ref.id));
    }
    const dependsOn: string[] = [];
    for (const id of rule.dependsOn) {
      const own = stepKey(id, profile.person);
      const found = keys.has(own) ? own : keys.has(id) ? id : undefined;
      if (found !== undefined && !dependsOn.includes(found)) dependsOn.push(found);
    }
    return {
      key,
      rule,
      variant,
      profile,
      fixed: stepStatic(rules, context, rule, variant),
      done,
      required: rule.requiredWhen === undefined || allHold(rule.requiredWhen, profile, parameter),
      deadlineRule: variant?.deadline !== undefined ? variant.deadline : rule.deadline,
      documents,
      dependsOn,
      office: rule.office !== undefined && !done ? rule.office : undefined,
    };
  });
}
