import type { Clock } from './clock.js';

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant, for tests and for reproducing a plan as it was on a given day. */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an instant: ${iso}`);
  return { now: () => new Date(instant) };
}
