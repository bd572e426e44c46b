/**
 * Work that runs after the answer has gone out (BookingPorts.later): started on the next turn of the event loop, so
 * the answer is written first and takes the same time whatever the work finds. Failures go to the log; `idle()` waits
 * for what has started (tests, and shutdown before the database closes).
 */
export interface LaterWork {
  run(work: () => Promise<unknown>): void;
  idle(): Promise<void>;
}

export function laterWork(onError: (error: unknown) => void): LaterWork {
  const pending = new Set<Promise<void>>();
  return {
    run(work) {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .then(() => undefined, onError)
        .finally(() => { pending.delete(done); });
      pending.add(done);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
