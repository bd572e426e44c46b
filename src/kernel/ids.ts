/**
 * Row ids that sort by the time they were made: 8 characters of the millisecond (48 bits), then 14 random ones
 * (84 bits), 22 in all, from the 64 characters of base64url taken in their byte order, so that the text sorts as
 * the number does. Rows made together land next to each other in every index keyed by them (the table's key and,
 * through the id, the tokens', messages' and the booking's hold), so a commit writes a few index pages instead of
 * one page per row per index. The random part keeps them unguessable: a hold is taken by whoever has its id, and
 * 2^84 tries are out of reach. Tokens and references stay wholly random (bookings.ts, reference.ts).
 */
export const ORDERED_ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 8;
const RANDOM_CHARS = 14;

/** An id for a row made at `nowMs` (0 to 2^48 - 1, until the year 10889), from 14 random bytes. */
export function orderedId(nowMs: number, random: (count: number) => Uint8Array): string {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs >= 2 ** 48) throw new RangeError(`orderedId: ${nowMs} is not a time in ms from 1970`);
  let out = '';
  let rest = nowMs;
  const time: string[] = [];
  for (let i = 0; i < TIME_CHARS; i++) {
    time.push(ORDERED_ALPHABET[rest % 64]!);
    rest = Math.floor(rest / 64);
  }
  for (let i = TIME_CHARS - 1; i >= 0; i--) out += time[i];
  // 64 divides 256: each byte's low six bits pick a character without bias.
  for (const byte of random(RANDOM_CHARS)) out += ORDERED_ALPHABET[byte & 63];
  return out;
}

/** The millisecond an ordered id was made at (for tests and for reading the tables). */
export function timeOfId(id: string): number {
  let ms = 0;
  for (const ch of id.slice(0, TIME_CHARS)) ms = ms * 64 + ORDERED_ALPHABET.indexOf(ch);
  return ms;
}
