/**
 * From a profile to a plan: keep the steps whose predicates hold, take the first matching variant, compute
 * the deadline from the person's own dates, then order by prerequisites and deadline.
 */
import type { Lang, Outcome } from '../answers/answers.js';
import { type LocalDate, addDays, addMonths } from '../dates/local-date.js';
import { numberParameter } from '../rules/parameters.js';
import type { Rules } from '../rules/rules.js';
import type { DeadlineRule, StepRule, StepVariant } from '../rules/schema.js';
import { type FillContext, fillText } from '../rules/text-template.js';
import { deadlineStart } from './deadline-starts.js';
import { orderSteps } from './order-steps.js';
import type { Plan, PlanStep } from './plan.js';
import { allHold } from './predicates.js';
import type { Profile } from './profile.js';

export function outcomeFor(profile: Profile): Outcome {
  if (profile.group === 'danish') return 'not-for-ics';
  if (profile.stay === 'under-3-months') return 'short-stay';
  return 'plan';
}

export function buildPlan(rules: Rules, profile: Profile, lang: Lang): Plan {
  const outcome = outcomeFor(profile);
  const plan: Plan = { outcome, group: profile.group, lang, asOf: profile.asOf, steps: [] };
  if (outcome === 'not-for-ics') return plan;

  const fill: FillContext = {
    lang,
    onDate: profile.arrivalDate ?? profile.asOf,
    parameters: rules.parameters,
  };
  if (profile.municipality) fill.municipality = profile.municipality.name;

  const included = rules.steps.filter((step) => allHold(step.appliesWhen, profile));
  const ids = new Set(included.map((s) => s.id));
  const steps = included.map((step) => resolveStep(rules, step, profile, fill, ids));
  plan.steps = orderSteps(steps, (id) => rules.stepsById.get(id)?.order ?? 0);
  return plan;
}

function resolveStep(
  rules: Rules, step: StepRule, profile: Profile, fill: FillContext, included: ReadonlySet<string>,
): PlanStep {
  const variant = step.variants?.find((v) => allHold(v.when, profile));
  const done = step.doneWhen !== undefined && allHold(step.doneWhen, profile);
  const deadlineRule = variant?.deadline !== undefined ? variant.deadline : step.deadline;
  const deadline = done ? null : computeDeadline(rules, deadlineRule, profile);
  const texts = { ...step.text[fill.lang], ...stripUndefined(variant?.text[fill.lang]) };
  const authority = rules.authorities.get(variant?.authority ?? step.authority);
  const place = rules.places.get(variant?.where ?? step.where);
  if (!authority || !place) throw new Error(`Step "${step.id}" names an unknown authority or place`);
  const check = variant?.check ?? step.check;
  const municipality = profile.municipality ?? null;
  const placeText = municipality && place.textLocal ? place.textLocal[fill.lang] : place.text[fill.lang];

  return {
    id: step.id,
    title: fillText(texts.title, fill),
    summary: fillText(texts.summary, fill),
    how: texts.how === undefined ? null : fillText(texts.how, fill),
    required: step.requiredWhen === undefined || allHold(step.requiredWhen, profile),
    status: done ? 'done' : 'todo',
    deadline,
    deadlineRule: fillText(texts.deadline, fill),
    overdue: deadline !== null && deadline < profile.asOf,
    dependsOn: step.dependsOn.filter((id) => included.has(id)),
    authority: { id: authority.id, name: authority.name[fill.lang], url: authority.url },
    documents: documentsFor(rules, variant?.documents ?? step.documents, profile, fill),
    where: { kind: place.kind, description: fillText(placeText, fill), municipality },
    sources: (variant?.sources ?? step.sources).map((s) => ({ title: s.title, url: s.url, checked: s.checked })),
    check: check ? { text: fillText(check[fill.lang], fill), url: check.url } : null,
    guide: `/steps/${step.id}`,
  };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
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

function documentsFor(rules: Rules, refs: StepVariant['documents'] & object, profile: Profile, fill: FillContext) {
  const out: { id: string; name: string }[] = [];
  for (const ref of refs) {
    if (!allHold(ref.when, profile)) continue;
    const doc = rules.documents.get(ref.id);
    if (!doc) throw new Error(`Unknown document "${ref.id}"`);
    out.push({ id: doc.id, name: fillText(doc.name[fill.lang], fill) });
  }
  return out;
}
