/**
 * Cryptographically random bytes, drawn from the operating system 4 KB at a time: a booking needs a few dozen bytes
 * in five draws (ids, token, reference), and each draw of its own is a system call. The same approach as Node's own
 * crypto.randomUUID. Bytes handed out are copied and never handed out twice.
 */
import { randomFillSync } from 'node:crypto';

export function randomPool(size = 4096): (count: number) => Uint8Array {
  const pool = Buffer.alloc(size);
  let used = size;
  return (count: number) => {
    if (count > size) return randomFillSync(Buffer.alloc(count));
    if (used + count > size) {
      randomFillSync(pool);
      used = 0;
    }
    const bytes = Uint8Array.prototype.slice.call(pool, used, used + count);
    used += count;
    return bytes;
  };
}
