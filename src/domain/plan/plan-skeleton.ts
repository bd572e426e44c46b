/**
 * The shape of a plan: which steps a person gets, in which variant, done or to do, required or advised, with
 * which documents and prerequisites. The catalogue decides all of it through named predicates only (appliesWhen,
 * a variant's when, doneWhen, requiredWhen, a document's when), so two people for whom the same predicates hold,
 * in the same language, municipality and parameter epoch, get the same shape. It is worked out once per such
 * valuation and kept; what stays personal (the deadlines from the person's dates, the offices at this moment,
 * the order that the deadlines decide) is added per plan in build-plan.ts.
 *
 * What is kept is not personal: a valuation is a row of yes/no answers to the catalogue's questions ("stays
 * over six months", "has a child under six"), never a date, a country or a postal code.
 */
import type { DeadlineRule, StepRule, StepVariant } from '../rules/schema.js';
import type { Rules } from '../rules/rules.js';
import type { StepStatic } from './plan.js';
import { type Ranking, rankSteps } from './order-steps.js';
import { type Predicate, allHold, predicate, predicatesOf } from './predicates.js';
import type { Profile } from './profile.js';
import { type StaticContext, documentName, stepStatic } from './step-static.js';

/** One step of a shape: everything about it that does not depend on the person's dates. */
export interface SkeletonStep {
  rule: StepRule;
  variant: StepVariant | undefined;
  fixed: StepStatic;
  done: boolean;
  required: boolean;
  deadlineRule: DeadlineRule | null;
  documents: readonly { id: string; name: string }[];
  /** The prerequisites that are in this plan. */
  dependsOn: readonly string[];
  /** The office service that does this step in person (none for a step already done). */
  office: string | undefined;
}

export interface PlanSkeleton {
  /** In catalogue order; the plan orders them by prerequisites and deadlines. */
  steps: readonly SkeletonStep[];
  /** The part of their order that the deadlines do not decide (order-steps.ts). */
  ranking: Ranking;
}

/** Shapes kept per loaded rules, across languages, municipalities and epochs; past this, the cache starts again. */
export const MAX_SKELETONS = 5_000;

interface Kept {
  /** The predicates the catalogue names, in a fixed order: a valuation is their results in that order. */
  predicates: readonly Predicate[];
  shapes: Map<string, PlanSkeleton>;
}
const kept = new WeakMap<Rules, Kept>();

function keptFor(rules: Rules): Kept {
  let found = kept.get(rules);
  if (!found) {
    found = { predicates: [...new Set(rules.steps.flatMap(predicatesOf))].sort().map(predicate), shapes: new Map() };
    kept.set(rules, found);
  }
  return found;
}

/** Which of the catalogue's predicates hold for the profile, as a short key (30 predicates per number). */
export function valuation(rules: Rules, profile: Profile): string {
  const { predicates } = keptFor(rules);
  let key = '';
  let bits = 1;
  for (let i = 0; i < predicates.length; i++) {
    bits = bits * 2 + (predicates[i]!(profile) ? 1 : 0);
    if (i % 30 === 29) {
      key += `${bits.toString(36)}.`;
      bits = 1;
    }
  }
  return key + bits.toString(36);
}

/** The shape of this person's plan, from the kept shapes when someone with the same valuation had one. */
export function planSkeleton(rules: Rules, context: StaticContext, profile: Profile): PlanSkeleton {
  const { shapes } = keptFor(rules);
  const key = `${context.key}#${valuation(rules, profile)}`;
  let found = shapes.get(key);
  if (!found) {
    found = makeSkeleton(rules, context, profile);
    if (shapes.size >= MAX_SKELETONS) shapes.clear();
    shapes.set(key, found);
  }
  return found;
}

/** The shape worked out from the catalogue, without the kept ones (the tests compare the two). */
export function makeSkeleton(rules: Rules, context: StaticContext, profile: Profile): PlanSkeleton {
  const included = rules.steps.filter((step) => allHold(step.appliesWhen, profile));
  const ids = new Set(included.map((s) => s.id));
  const steps = included.map((rule): SkeletonStep => {
    const variant = rule.variants?.find((v) => allHold(v.when, profile));
    const done = rule.doneWhen !== undefined && allHold(rule.doneWhen, profile);
    const documents: { id: string; name: string }[] = [];
    for (const ref of variant?.documents ?? rule.documents) {
      if (allHold(ref.when, profile)) documents.push(documentName(rules, context, ref.id));
    }
    return {
      rule,
      variant,
      fixed: stepStatic(rules, context, rule, variant),
      done,
      required: rule.requiredWhen === undefined || allHold(rule.requiredWhen, profile),
      deadlineRule: variant?.deadline !== undefined ? variant.deadline : rule.deadline,
      documents: Object.freeze(documents),
      dependsOn: Object.freeze(rule.dependsOn.filter((id) => ids.has(id))),
      office: rule.office !== undefined && !done ? rule.office : undefined,
    };
  });
  const ranking = rankSteps(steps.map((s) => ({ id: s.rule.id, dependsOn: s.dependsOn, done: s.done, required: s.required, order: s.rule.order })));
  return Object.freeze({ steps: Object.freeze(steps.map((s) => Object.freeze(s))), ranking });
}
