/**
 * A step's texts, authority, place, sources and check are the same for everyone who gets the same variant, in
 * the same language and municipality, while the same parameter values are in force. They are filled once and
 * kept (per loaded rules), so a plan only computes what is personal: which steps, their deadlines, the order.
 */
import type { Lang } from './answers.js';
import { parameterEpoch } from './rules/parameters.js';
import type { Rules } from './rules/rules.js';
import type { StepRule, StepVariant } from './rules/schema.js';
import { type FillContext, fillText } from './rules/text-template.js';
import type { StepStatic } from './plan.js';
import type { Municipality } from './profile.js';

const MAX_CONTEXTS = 2_000;
const contexts = new WeakMap<Rules, Map<string, StaticContext>>();

/** Everything kept for one language, municipality and set of parameter values. */
export interface StaticContext {
  /** Language, parameter epoch and municipality: what the context is kept under. */
  key: string;
  fill: FillContext;
  municipality: Municipality | undefined;
  steps: Map<StepRule | StepVariant, StepStatic>;
  documents: Map<string, { id: string; name: string }>;
}

export function staticContext(rules: Rules, lang: Lang, onDate: FillContext['onDate'], municipality: Municipality | undefined): StaticContext {
  const key = `${lang}|${parameterEpoch(rules.parameters, onDate)}|${municipality?.code ?? ''}`;
  let byKey = contexts.get(rules);
  if (!byKey || byKey.size > MAX_CONTEXTS) {
    byKey = new Map();
    contexts.set(rules, byKey);
  }
  let context = byKey.get(key);
  if (!context) {
    const fill: FillContext = { lang, onDate, parameters: rules.parameters };
    if (municipality) fill.municipality = municipality.officialName;
    context = { key, fill, municipality, steps: new Map(), documents: new Map() };
    byKey.set(key, context);
  }
  return context;
}

export function stepStatic(rules: Rules, context: StaticContext, step: StepRule, variant: StepVariant | undefined): StepStatic {
  const found = context.steps.get(variant ?? step);
  if (found) return found;
  const created = deepFreeze(makeStatic(rules, step, variant, context.fill, context.municipality));
  context.steps.set(variant ?? step, created);
  return created;
}

function makeStatic(
  rules: Rules, step: StepRule, variant: StepVariant | undefined, fill: FillContext, municipality: Municipality | undefined,
): StepStatic {
  const lang = fill.lang;
  const base = step.text[lang];
  const over = variant?.text[lang] ?? {};
  const authority = rules.authorities.get(variant?.authority ?? step.authority);
  const place = rules.places.get(variant?.where ?? step.where);
  if (!authority || !place) throw new Error(`Step "${step.id}" names an unknown authority or place`);
  const check = variant?.check ?? step.check;
  const placeText = municipality && place.textLocal ? place.textLocal[lang] : place.text[lang];
  const how = over.how ?? base.how;
  return {
    title: fillText(over.title ?? base.title, fill),
    summary: fillText(over.summary ?? base.summary, fill),
    how: how === undefined ? null : fillText(how, fill),
    deadlineRule: fillText(over.deadline ?? base.deadline, fill),
    due: fillText(over.due ?? base.due, fill),
    authority: { id: authority.id, name: authority.name[lang], url: authority.url },
    where: { kind: place.kind, description: fillText(placeText, fill), municipality: municipality ? { code: municipality.code, name: municipality.name } : null },
    sources: (variant?.sources ?? step.sources).map((s) => ({ title: s.title, url: s.url, checked: s.checked })),
    check: check ? { text: fillText(check[lang], fill), url: check.url } : null,
    guide: `/steps/${step.id}`,
  };
}

/** A document's name in a language, filled and kept. */
export function documentName(rules: Rules, context: StaticContext, id: string): { id: string; name: string } {
  let found = context.documents.get(id);
  if (!found) {
    const doc = rules.documents.get(id);
    if (!doc) throw new Error(`Unknown document "${id}"`);
    found = Object.freeze({ id, name: fillText(doc.name[context.fill.lang], context.fill) });
    context.documents.set(id, found);
  }
  return found;
}

/** Shared between plans, so nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
