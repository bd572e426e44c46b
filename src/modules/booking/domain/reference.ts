/**
 * Booking references that are easy to read out on the phone: eight characters in two groups ("K7RM-4PXT"), from
 * an alphabet without the characters people confuse (0/O, 1/I/L). 31^8 is about 850 billion, so guessing one is
 * hopeless, and a reference alone never shows a booking: that takes the private token too.
 */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** Makes a reference from random bytes (at least 8; each byte picks a character, without bias). */
export function referenceFrom(random: (count: number) => Uint8Array): string {
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  let out = '';
  while (out.length < LENGTH) {
    for (const byte of random(LENGTH * 2)) {
      if (byte >= limit) continue;
      out += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (out.length === LENGTH) break;
    }
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/**
 * What a person typed, as a reference: case, spaces and dashes do not matter, and the look-alikes they may type
 * (O for a zero that is not there, I or L for a one) are read as nothing valid. Null when it cannot be one.
 */
export function normaliseReference(text: string): string | null {
  const plain = text.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== LENGTH) return null;
  for (const ch of plain) if (!REFERENCE_ALPHABET.includes(ch)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}
