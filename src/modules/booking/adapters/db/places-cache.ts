/**
 * The places taken per time, kept for a moment: the free times are the most asked-for read of booking (every slot
 * picker, every "that time is gone" answer), and most of their time on PostgreSQL was the round trip, whose tail on
 * a busy machine is long (docs/benchmarks.md). ADR 7 says why this is safe.
 *
 * A kept answer is used only while all of these hold:
 * - this process has written nothing to the booking store since it was read (every call but the reads below counts
 *   as a write, whatever it did, so a refused hold also forgets: its "these are free" list is read afresh);
 * - the database's own change counter is the same (SQLite's `data_version`, which moves when another connection or
 *   process commits; PostgreSQL has no cheap equivalent, so there the next bound is what limits another process's
 *   changes);
 * - it is younger than `ttlMs`, by the clock of the request and by this process's own clock.
 * Nothing is kept while a write is under way, and an answer read across a write is not kept. Capacity does not rest
 * on any of this: a hold is always checked by the database itself.
 */
import type { BookingStore } from '../../ports/booking-store.js';

/** The store's calls that only read: every other call makes the kept answers stale. */
const READS = new Set<keyof BookingStore>([
  'placesTaken', 'holdById', 'bookingByReference', 'bookingByToken', 'auditTrail', 'attempt', 'awaitingReminder',
  'pendingMessages', 'ping',
]);

export interface PlacesCacheOptions {
  /** How long an answer may be kept; 0 keeps nothing. */
  ttlMs: number;
  /** The database's change counter, when it has a cheap one (SQLite: PRAGMA data_version). */
  version?: (() => number) | null;
  /** This process's clock, in milliseconds (a monotonic one). */
  monotonicMs?: () => number;
  /** The most answers kept (one per office, service and window). */
  maxEntries?: number;
}

interface Kept {
  taken: ReadonlyMap<number, number>;
  version: number;
  nowMs: number;
  atMs: number;
}

export interface PlacesCacheStats {
  hits: number;
  misses: number;
}

/** The store with its `placesTaken` kept for a moment (see above). The maps it returns must not be changed. */
export function withPlacesCache(store: BookingStore, options: PlacesCacheOptions): BookingStore & { placesCacheStats(): PlacesCacheStats } {
  const { ttlMs, version } = options;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 128;
  const kept = new Map<string, Kept>();
  const stats: PlacesCacheStats = { hits: 0, misses: 0 };
  // Writes under way, and a count that moves when one starts or ends: an answer read while it moved is not kept.
  // What was kept before a write is dropped when the write ends.
  let generation = 0;
  let writing = 0;

  const wrapped = { ...store } as BookingStore;
  for (const name of Object.keys(store) as (keyof BookingStore)[]) {
    if (READS.has(name) || typeof store[name] !== 'function') continue;
    const write = store[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      writing++;
      generation++;
      try {
        return await write.apply(store, args);
      } finally {
        writing--;
        generation++;
        kept.clear();
      }
    };
  }

  wrapped.placesTaken = async (officeId, service, fromMs, toMs, nowMs) => {
    if (ttlMs <= 0) {
      stats.misses++;
      return store.placesTaken(officeId, service, fromMs, toMs, nowMs);
    }
    const key = `${officeId}\n${service}\n${fromMs}\n${toMs}`;
    const startGeneration = generation;
    const currentVersion = version ? version() : 0;
    const found = kept.get(key);
    const atMs = monotonicMs();
    if (found && writing === 0 && found.version === currentVersion
      && nowMs >= found.nowMs && nowMs - found.nowMs < ttlMs && atMs - found.atMs < ttlMs) {
      stats.hits++;
      return found.taken as Map<number, number>;
    }
    stats.misses++;
    const taken = await store.placesTaken(officeId, service, fromMs, toMs, nowMs);
    // Kept only if no write began or ended meanwhile (its effect may or may not be in this answer).
    if (writing === 0 && generation === startGeneration) {
      if (kept.size >= maxEntries && !kept.has(key)) kept.delete(kept.keys().next().value!);
      kept.set(key, { taken, version: currentVersion, nowMs, atMs });
    }
    return taken;
  };

  return Object.assign(wrapped, { placesCacheStats: () => ({ ...stats }) });
}
