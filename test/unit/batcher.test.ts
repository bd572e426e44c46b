import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batcher } from '../../src/modules/booking/adapters/db/batcher.js';

/** A run whose batches end only when told to, recording each batch and how many ran at once. */
function controlled() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const run = (items: number[]) => new Promise<string[]>((resolve) => {
    batches.push(items);
    running++;
    most = Math.max(most, running);
    pending.push(() => {
      running--;
      resolve(items.map((i) => `done ${i}`));
    });
  });
  const endOne = async () => {
    pending.shift()!();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  };
  return { run, batches, endOne, most: () => most, pending: () => pending.length };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('batcher', () => {
  it('sends the items asked for in one turn together, and answers each its own', async () => {
    const calls: number[][] = [];
    const ask = batcher<number, number>(async (items) => { calls.push(items); return items.map((i) => i * 10); }, { maxBatch: 10, maxInFlight: 1 });
    const answers = await Promise.all([ask(1), ask(2), ask(3)]);
    assert.deepEqual(answers, [10, 20, 30]);
    assert.deepEqual(calls, [[1, 2, 3]]);
  });

  it('sends an item asked for alone at once, on its own', async () => {
    const c = controlled();
    const ask = batcher(c.run, { maxBatch: 10, maxInFlight: 1 });
    const first = ask(1);
    await turn();
    assert.deepEqual(c.batches, [[1]]);
    await c.endOne();
    assert.equal(await first, 'done 1');
  });

  it('keeps what is asked while a batch runs, and sends it together when the batch ends', async () => {
    const c = controlled();
    const ask = batcher(c.run, { maxBatch: 10, maxInFlight: 1 });
    const first = ask(1);
    await turn();
    const later = [ask(2)];
    await turn();
    later.push(ask(3));
    await turn();
    later.push(ask(4));
    assert.deepEqual(c.batches, [[1]], 'nothing more is sent while the first batch runs');
    await c.endOne();
    assert.deepEqual(c.batches, [[1], [2, 3, 4]]);
    await c.endOne();
    assert.equal(await first, 'done 1');
    assert.deepEqual(await Promise.all(later), ['done 2', 'done 3', 'done 4']);
  });

  it('runs at most maxInFlight batches at once, and at most maxBatch items in each', async () => {
    const c = controlled();
    const ask = batcher(c.run, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map((i) => ask(i));
    await turn();
    assert.deepEqual(c.batches, [[1, 2], [3, 4]]);
    while (c.pending() > 0) await c.endOne();
    assert.deepEqual(c.batches, [[1, 2], [3, 4], [5, 6], [7]]);
    assert.equal(c.most(), 2);
    assert.deepEqual(await Promise.all(all), [1, 2, 3, 4, 5, 6, 7].map((i) => `done ${i}`));
  });

  it('gives every item of a failed batch its error, and goes on with the next', async () => {
    let calls = 0;
    const ask = batcher<number, number>(async (items) => {
      calls++;
      if (calls === 1) throw new Error('database away');
      return items;
    }, { maxBatch: 10, maxInFlight: 1 });
    const failed = await Promise.allSettled([ask(1), ask(2)]);
    assert.deepEqual(failed.map((f) => f.status), ['rejected', 'rejected']);
    assert.equal((failed[0] as PromiseRejectedResult).reason.message, 'database away');
    assert.deepEqual(await Promise.all([ask(3), ask(4)]), [3, 4]);
  });

  it('tells the size of each batch', async () => {
    const sizes: number[] = [];
    const ask = batcher<number, number>(async (items) => items, { maxBatch: 3, maxInFlight: 1, onBatch: (n) => sizes.push(n) });
    await Promise.all([1, 2, 3, 4].map((i) => ask(i)));
    assert.deepEqual(sizes, [3, 1]);
  });
});
