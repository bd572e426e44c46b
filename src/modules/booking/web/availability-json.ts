/**
 * The free times of an office as JSON bytes (the shape of AvailabilityResponse). Each time's entry, for each number
 * of places left, is written once and kept with the time (the times are kept for the day, slot-cache.ts): an
 * answer for 8 weeks is then its heading and one kept part per time. The API test checks the answer against the
 * published schema.
 */
import type { TimedSlot } from '../app/slot-cache.js';
import { type Part, partsWriter } from '../../../platform/http/byte-parts.js';

const writeBody = partsWriter();

/** Per time: its entry by places left, first with a comma before it, then without. */
const entries = new WeakMap<TimedSlot, { comma: Buffer[]; first: Buffer[] }>();

function entry(slot: TimedSlot, placesLeft: number, comma: boolean): Buffer {
  let kept = entries.get(slot);
  if (!kept) entries.set(slot, kept = { comma: [], first: [] });
  const list = comma ? kept.comma : kept.first;
  // Start and end are ISO date-times of digits and signs: nothing to escape.
  return list[placesLeft] ??= Buffer.from(`${comma ? ',' : ''}{"start":"${slot.startIso}","end":"${slot.endIso}","placesLeft":${placesLeft}}`);
}

/** The answer: the heading's fields (written as JSON), then the free times with the places left at each. */
export function availabilityJson(head: Record<string, unknown>, times: readonly TimedSlot[], left: readonly number[]): Buffer {
  const json = JSON.stringify(head);
  const parts: Part[] = [`${json.slice(0, -1)},"slots":[`];
  times.forEach((slot, i) => parts.push(entry(slot, left[i]!, i > 0)));
  parts.push(']}');
  return writeBody(parts);
}
