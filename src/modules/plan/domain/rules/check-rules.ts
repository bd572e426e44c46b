/**
 * Checks that the rules hang together, beyond what the schemas say: every name a step uses is known, every
 * parameter is sorted by date and covers the dates the app accepts, nothing depends on itself.
 * Returns a list of problems; the loader refuses to start when it is not empty.
 */
import type { LocalDate } from '../../../../kernel/dates/local-date.js';
import { LANGS } from '../../../../kernel/i18n/locales.js';
import { DEADLINE_STARTS } from '../deadline-starts.js';
import { PREDICATES, predicatesOf } from '../predicates.js';
import type { Rules } from './rules.js';
import { CONTRACT_STEP_IDS } from './rules.js';
import type { Parameter, StepRule } from './schema.js';
import { parametersIn } from './text-template.js';
import { isOfficial, sourceKind } from '../../../../kernel/sources/source-kinds.js';

/** `serviceIds`: the office services a step may name (the offices module's list, passed in by the loader). */
export function checkRules(rules: Rules, earliestDate: LocalDate, today: LocalDate, serviceIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const parameter of rules.parameters.values()) problems.push(...checkParameter(parameter, earliestDate, today));
  const orders = new Set<number>();
  for (const step of rules.steps) {
    if (orders.has(step.order)) problems.push(`step ${step.id}: order ${step.order} is used twice`);
    orders.add(step.order);
    problems.push(...checkStep(rules, step, today, serviceIds));
  }
  for (const id of CONTRACT_STEP_IDS) if (!rules.stepsById.has(id)) problems.push(`step ${id} is missing`);
  problems.push(...findCycles(rules.steps));
  const vocabulary = [
    ...[...rules.documents.values()].flatMap((d) => [d.name.en, d.name.da]),
    ...[...rules.places.values()].flatMap((p) => [p.text.en, p.text.da, ...(p.textLocal ? [p.textLocal.en, p.textLocal.da] : [])]),
  ];
  for (const text of vocabulary) {
    for (const id of parametersIn(text)) if (!rules.parameters.has(id)) problems.push(`text "${text.slice(0, 40)}" names unknown parameter "${id}"`);
  }
  problems.push(...checkSources(rules, today));
  for (const group of Object.values(rules.countries.groups)) {
    for (const m of group.members) {
      if (!rules.countries.byCode.has(m.country)) problems.push(`group member ${m.country} is not a known country`);
      if (m.to !== undefined && m.to < m.from) problems.push(`group member ${m.country} ends before it starts`);
    }
  }
  return problems;
}

function checkParameter(parameter: Parameter, earliestDate: LocalDate, today: LocalDate): string[] {
  const problems: string[] = [];
  const where = `parameter ${parameter.id}`;
  parameter.entries.forEach((entry, i) => {
    const previous = parameter.entries[i - 1];
    if (previous && previous.from >= entry.from) problems.push(`${where}: dates are not in order at ${entry.from}`);
    for (const s of entry.sources) if (s.checked > today) problems.push(`${where}: source checked in the future`);
  });
  const first = parameter.entries[0];
  if (first && first.from > earliestDate) problems.push(`${where}: no value before ${first.from}, but dates from ${earliestDate} are accepted`);
  return problems;
}

function checkStep(rules: Rules, step: StepRule, today: LocalDate, serviceIds: readonly string[]): string[] {
  const problems: string[] = [];
  const where = `step ${step.id}`;
  for (const name of predicatesOf(step)) if (!(name in PREDICATES)) problems.push(`${where}: unknown predicate "${name}"`);
  for (const dep of step.dependsOn) {
    if (!rules.stepsById.has(dep)) problems.push(`${where}: depends on unknown step "${dep}"`);
    if (dep === step.id) problems.push(`${where}: depends on itself`);
  }
  const rulesToCheck = [step.deadline, ...(step.variants ?? []).map((v) => v.deadline ?? null)];
  for (const rule of rulesToCheck) {
    if (!rule) continue;
    if (!(rule.from in DEADLINE_STARTS)) problems.push(`${where}: unknown deadline start "${rule.from}"`);
    if (rule.earliestFrom !== undefined && !(rule.earliestFrom in DEADLINE_STARTS)) problems.push(`${where}: unknown deadline start "${rule.earliestFrom}"`);
    if (rule.add && !rules.parameters.has(rule.add.parameter)) problems.push(`${where}: unknown parameter "${rule.add.parameter}"`);
  }
  if (step.office !== undefined && !serviceIds.includes(step.office)) problems.push(`${where}: unknown office service "${step.office}"`);
  const authorities = [step.authority, ...(step.variants ?? []).flatMap((v) => (v.authority ? [v.authority] : []))];
  for (const a of authorities) if (!rules.authorities.has(a)) problems.push(`${where}: unknown authority "${a}"`);
  const places = [step.where, ...(step.variants ?? []).flatMap((v) => (v.where ? [v.where] : []))];
  for (const p of places) if (!rules.places.has(p)) problems.push(`${where}: unknown place "${p}"`);
  const docs = [...step.documents, ...(step.variants ?? []).flatMap((v) => v.documents ?? [])];
  for (const d of docs) if (!rules.documents.has(d.id)) problems.push(`${where}: unknown document "${d.id}"`);
  for (const text of allTexts(step)) {
    for (const id of parametersIn(text)) if (!rules.parameters.has(id)) problems.push(`${where}: text names unknown parameter "${id}"`);
  }
  const sources = [...step.sources, ...(step.variants ?? []).flatMap((v) => v.sources ?? [])];
  for (const s of sources) if (s.checked > today) problems.push(`${where}: source "${s.title}" checked in the future`);
  return problems;
}

export function allTexts(step: StepRule): string[] {
  const texts: string[] = [];
  for (const lang of LANGS) {
    const t = step.text[lang];
    texts.push(t.title, t.summary, t.deadline, t.due, t.guide.intro, ...Object.values(t.guide.groups));
    if (t.how) texts.push(t.how);
    for (const v of step.variants ?? []) {
      texts.push(...Object.values(v.text[lang]).filter((x): x is string => typeof x === 'string'));
    }
    if (step.check) texts.push(step.check[lang]);
  }
  return texts;
}

function findCycles(steps: readonly StepRule[]): string[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: string[] = [];
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push(`steps depend on each other in a cycle: ${[...path, id].join(' -> ')}`);
      return;
    }
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep, [...path, id]);
    state.set(id, 'done');
  };
  for (const s of steps) visit(s.id, []);
  return problems;
}

/**
 * Sources: every one is classified (law, authority or secondary: rules/source-kinds.yaml); a value of high confidence
 * rests on the law or an authority; and a step whose text names a value that rests only on secondary sources (now or
 * from a later date) shows what to check, with a link to an official page.
 */
function checkSources(rules: Rules, today: LocalDate): string[] {
  const problems: string[] = [];
  const kind = (s: { url: string; kind?: 'law' | 'authority' | 'secondary' }) => sourceKind(rules.sourceKinds, s);
  const all: { where: string; source: { url: string; kind?: 'law' | 'authority' | 'secondary' } }[] = [];
  for (const p of rules.parameters.values()) for (const e of p.entries) for (const s of e.sources) all.push({ where: `parameter ${p.id}`, source: s });
  for (const step of rules.steps) {
    for (const s of step.sources) all.push({ where: `step ${step.id}`, source: s });
    for (const v of step.variants ?? []) for (const s of v.sources ?? []) all.push({ where: `step ${step.id}, variant ${v.id}`, source: s });
  }
  for (const [name, group] of Object.entries(rules.countries.groups)) for (const s of group.sources) all.push({ where: `group ${name}`, source: s });
  for (const [name, part] of Object.entries(rules.countries.movingFrom)) for (const s of part.sources) all.push({ where: `moving-from ${name}`, source: s });
  for (const { where, source } of all) {
    if (kind(source) === null) problems.push(`${where}: source ${source.url} is of no known kind: add its host to rules/source-kinds.yaml`);
  }
  const secondaryOnly = new Set<string>();
  for (const p of rules.parameters.values()) {
    p.entries.forEach((e, i) => {
      const official = e.sources.some((s) => isOfficial(kind(s)));
      if (e.confidence === 'high' && !official) problems.push(`parameter ${p.id}: the value from ${e.from} has high confidence but no law or authority source`);
      const next = p.entries[i + 1];
      const inForceNowOrLater = next === undefined || next.from > today;
      if (!official && inForceNowOrLater) secondaryOnly.add(p.id);
    });
  }
  for (const step of rules.steps) {
    const checkOf = (check: typeof step.check) => check && isOfficial(kind({ url: check.url }));
    const uncertain = (texts: string[]) => texts.flatMap(parametersIn).filter((id) => secondaryOnly.has(id));
    const base = [step.text.en, step.text.da].flatMap((t) => [t.title, t.summary, t.deadline, t.due, ...(t.how ? [t.how] : [])]);
    for (const id of new Set(uncertain(base))) {
      if (!checkOf(step.check)) problems.push(`step ${step.id}: names ${id}, which rests only on secondary sources, without a check linking to an official page`);
    }
    for (const v of step.variants ?? []) {
      const texts = [v.text.en, v.text.da].flatMap((t) => Object.values(t).filter((x): x is string => typeof x === 'string'));
      for (const id of new Set(uncertain(texts))) {
        if (!checkOf(v.check ?? step.check)) problems.push(`step ${step.id}, variant ${v.id}: names ${id}, which rests only on secondary sources, without a check linking to an official page`);
      }
    }
  }
  return problems;
}
