/**
 * Steps already done come first. Then the rest in stages: a step's stage is one more than the latest stage of
 * the steps it depends on, so every prerequisite comes before its dependants. Within a stage: duties before
 * advice, then the earliest deadline (steps without a date last), then catalogue order.
 * (A done step never depends on one still to do: the plan tests check this over every combination of answers.)
 */
import type { PlanStep } from './plan.js';

export function orderSteps(steps: readonly PlanStep[], catalogueOrder: (id: string) => number): PlanStep[] {
  const index = new Map<string, number>();
  steps.forEach((s, i) => index.set(s.id, i));
  const stage: number[] = new Array<number>(steps.length).fill(-1);
  const visiting: boolean[] = new Array<boolean>(steps.length).fill(false);
  const stageOf = (i: number): number => {
    if (stage[i]! >= 0) return stage[i]!;
    if (visiting[i]) throw new Error(`Steps depend on each other in a cycle at ${steps[i]!.id}`);
    visiting[i] = true;
    let s = 0;
    for (const id of steps[i]!.dependsOn) {
      const j = index.get(id);
      if (j !== undefined) s = Math.max(s, stageOf(j) + 1);
    }
    visiting[i] = false;
    stage[i] = s;
    return s;
  };
  const order = steps.map((s) => catalogueOrder(s.id));
  const keys = steps.map((_, i) => i);
  for (const i of keys) stageOf(i);
  keys.sort((a, b) => {
    const x = steps[a]!;
    const y = steps[b]!;
    return rank(x.status === 'done') - rank(y.status === 'done')
      || stage[a]! - stage[b]!
      || rank(x.required) - rank(y.required)
      || compareDeadlines(x.deadline, y.deadline)
      || order[a]! - order[b]!;
  });
  return keys.map((i) => steps[i]!);
}

const rank = (first: boolean) => (first ? 0 : 1);

function compareDeadlines(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
