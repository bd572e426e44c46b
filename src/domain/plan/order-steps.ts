/**
 * Steps already done come first. Then the rest in stages: a step's stage is one more than the latest stage of
 * the steps it depends on, so every prerequisite comes before its dependants. Within a stage: duties before
 * advice, then the earliest deadline (steps without a date last), then catalogue order.
 * (A done step never depends on one still to do: the plan tests check this over every combination of answers.)
 *
 * Everything but the deadlines is the same for every plan of one shape, so it is worked out once per shape
 * (`rankSteps`), and each plan only sorts by its deadlines within a rank (`rankedOrder`).
 */

/** What the order needs of a step, apart from its deadline. */
export interface RankedStep {
  id: string;
  dependsOn: readonly string[];
  done: boolean;
  required: boolean;
  /** Its place in the catalogue. */
  order: number;
}

export interface Ranking {
  /** Per step: done, stage and duty or advice, as one number (lower comes first). */
  rank: readonly number[];
  /** The step indices by rank, then catalogue order. */
  byRank: readonly number[];
}

export function rankSteps(steps: readonly RankedStep[]): Ranking {
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
  const rank = steps.map((s, i) => (s.done ? 0 : 1) * 2 * steps.length + stageOf(i) * 2 + (s.required ? 0 : 1));
  const byRank = steps.map((_, i) => i).sort((a, b) => rank[a]! - rank[b]! || steps[a]!.order - steps[b]!.order);
  return Object.freeze({ rank: Object.freeze(rank), byRank: Object.freeze(byRank) });
}

/**
 * The order of the steps, as their indices: by rank, then deadline (none last), then catalogue order. The steps
 * come in that order but for their deadlines, so an insertion sort does it in about one pass (and it is stable).
 */
export function rankedOrder(ranking: Ranking, steps: readonly { deadline: string | null }[]): number[] {
  const { rank } = ranking;
  const keys = ranking.byRank.slice();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    const r = rank[key]!;
    const deadline = steps[key]!.deadline;
    let j = i - 1;
    while (j >= 0 && rank[keys[j]!]! === r && compareDeadlines(steps[keys[j]!]!.deadline, deadline) > 0) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function compareDeadlines(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
