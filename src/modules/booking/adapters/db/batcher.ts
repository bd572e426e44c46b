/**
 * Requests that arrive together, answered by one statement. What a statement costs the database (parsing its
 * input, starting the executor, the commit and its wait for the disk) is paid once for the whole batch rather than
 * once per request; under load, that fixed part is most of a small write.
 *
 * An item waits until the end of the event loop's turn (so the requests that arrived in that turn join it), or,
 * when `maxInFlight` batches are already running, until one of them ends: the busier the database, the larger the
 * batches, and an idle server sends each request on its own at once. `run` answers every item of a batch, in
 * order; if it throws, every item of the batch gets the error.
 */
export interface BatcherOptions {
  /** The most items in one batch. */
  maxBatch: number;
  /** The most batches running at once. */
  maxInFlight: number;
  /** Told the size of each batch as it starts (for statistics and tests). */
  onBatch?: (size: number) => void;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function batcher<I, O>(run: (items: I[]) => Promise<O[]>, options: BatcherOptions): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const start = (): void => {
    scheduled = false;
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight++;
      options.onBatch?.(batch.length);
      run(batch.map((w) => w.item)).then(
        (outcomes) => batch.forEach((w, i) => w.resolve(outcomes[i]!)),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      ).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };

  const schedule = (): void => {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    // After the requests of this turn of the event loop have queued their items too.
    setImmediate(start);
  };

  return (item: I) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    schedule();
  });
}
