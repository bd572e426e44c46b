/**
 * The order of a plan: the first thing to do comes first.
 *
 * 1. Steps already done.
 * 2. What is urgent: every step due within {@link URGENT_DAYS} days of the plan's first date (the day of arrival,
 *    usually; today if that has passed), by that date. A step is due by its own deadline, or by the deadline of a step
 *    that waits for it (a permit is due when the address registration that needs it is).
 * 3. Everything else: duties before advice, then catalogue order, which follows the order things happen in
 *    (permit, registration, CPR number, doctor, MitID, ...).
 * Throughout, a step comes only after the steps it waits for, and a family's steps of one kind stand together (you,
 * your partner, your children). A far deadline (a driving licence to exchange within 180 days) does not push ahead
 * of the tax card you need for your first pay day. (A done step never depends on one still to do: the plan tests
 * check this over every combination of answers.)
 */
import { type LocalDate, addDays } from '../../../kernel/dates/local-date.js';

/** How far ahead a deadline counts as urgent: about a month, the time the first steps after arrival take. */
export const URGENT_DAYS = 28;

export interface OrderedStep {
  key: string;
  /** The keys of the steps in this plan that must come first. */
  dependsOn: readonly string[];
  done: boolean;
  required: boolean;
  /** Its place in the catalogue. */
  order: number;
  /** 0 for the person who answers, 1 for the partner, 2, 3, ... for the children. */
  person: number;
  deadline: string | null;
}

export function orderSteps(steps: readonly OrderedStep[], today: LocalDate): number[] {
  const index = new Map(steps.map((s, i) => [s.key, i]));
  const prerequisites = steps.map((s) => s.dependsOn.map((k) => index.get(k)).filter((j): j is number => j !== undefined));
  const dependants: number[][] = steps.map(() => []);
  prerequisites.forEach((list, i) => { for (const j of list) dependants[j]!.push(i); });

  // When each step is due: its deadline, or the earliest of what waits for it (backward over a topological order).
  const due: (string | null)[] = steps.map((s) => (s.done ? null : s.deadline));
  for (const i of topologicalOrder(steps, prerequisites, dependants).reverse()) {
    for (const d of dependants[i]!) {
      const other = due[d] ?? null;
      if (!steps[i]!.done && other !== null && (due[i] === null || other < due[i]!)) due[i] = other;
    }
  }
  const dates = due.filter((d): d is string => d !== null).sort();
  const first = dates[0] !== undefined && dates[0] > today ? dates[0] as LocalDate : today;
  const horizon = addDays(first, URGENT_DAYS);
  const urgent = due.map((d) => d !== null && d <= horizon);

  const waiting = prerequisites.map((list) => list.length);
  const ready = steps.map((_, i) => i).filter((i) => waiting[i] === 0);
  const placed: number[] = [];
  const compare = (a: number, b: number): number => {
    const x = steps[a]!;
    const y = steps[b]!;
    if (x.done !== y.done) return x.done ? -1 : 1;
    if (urgent[a] !== urgent[b]) return urgent[a] ? -1 : 1;
    if (urgent[a] && due[a] !== due[b]) return due[a]! < due[b]! ? -1 : 1;
    // On the same day, a step whose own deadline it is before a step that must be done for it.
    if (urgent[a] && (x.deadline === due[a]) !== (y.deadline === due[b])) return x.deadline === due[a] ? -1 : 1;
    if (x.required !== y.required) return x.required ? -1 : 1;
    return x.order - y.order || x.person - y.person;
  };
  while (ready.length > 0) {
    let best = 0;
    for (let r = 1; r < ready.length; r++) if (compare(ready[r]!, ready[best]!) < 0) best = r;
    const next = ready.splice(best, 1)[0]!;
    placed.push(next);
    for (const d of dependants[next]!) if (--waiting[d]! === 0) ready.push(d);
  }
  return placed;
}

function topologicalOrder(steps: readonly OrderedStep[], prerequisites: number[][], dependants: number[][]): number[] {
  const waiting = prerequisites.map((list) => list.length);
  const queue = steps.map((_, i) => i).filter((i) => waiting[i] === 0);
  const order: number[] = [];
  while (queue.length > 0) {
    const i = queue.shift()!;
    order.push(i);
    for (const d of dependants[i]!) if (--waiting[d]! === 0) queue.push(d);
  }
  if (order.length !== steps.length) throw new Error('Steps depend on each other in a cycle');
  return order;
}
