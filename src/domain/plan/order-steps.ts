/**
 * Steps already done come first. Then the rest in stages: a step's stage is one more than the latest stage of
 * the steps it depends on, so every prerequisite comes before its dependants. Within a stage: duties before
 * advice, then the earliest deadline (steps without a date last), then catalogue order.
 * (A done step never depends on one still to do: the plan tests check this over every combination of answers.)
 */
import type { PlanStep } from './plan.js';

export function orderSteps(steps: readonly PlanStep[], catalogueOrder: (id: string) => number): PlanStep[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const stages = new Map<string, number>();
  const stageOf = (step: PlanStep, path: Set<string>): number => {
    const known = stages.get(step.id);
    if (known !== undefined) return known;
    if (path.has(step.id)) throw new Error(`Steps depend on each other in a cycle: ${[...path, step.id].join(' -> ')}`);
    path.add(step.id);
    let stage = 0;
    for (const id of step.dependsOn) {
      const dep = byId.get(id);
      if (dep) stage = Math.max(stage, stageOf(dep, path) + 1);
    }
    path.delete(step.id);
    stages.set(step.id, stage);
    return stage;
  };
  for (const step of steps) stageOf(step, new Set());
  return [...steps].sort((a, b) =>
    rank(a.status === 'done') - rank(b.status === 'done')
    || (stages.get(a.id) ?? 0) - (stages.get(b.id) ?? 0)
    || rank(a.required) - rank(b.required)
    || compareDeadlines(a.deadline, b.deadline)
    || catalogueOrder(a.id) - catalogueOrder(b.id));
}

const rank = (first: boolean) => (first ? 0 : 1);

function compareDeadlines(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
