/**
 * Builds a response body from parts: cached bytes (rendered once, kept as a Buffer) and short strings written
 * per request. Large personal pages then cost a copy of their cached parts, not a fresh render and a
 * fresh UTF-8 encoding of every text.
 */
export type Part = Buffer | string;

/**
 * Makes a writer that puts parts into one new buffer in a single pass and returns the used part of it (no second
 * copy). It remembers the size its last bodies needed, so the next one is usually written without growing.
 * Adjacent strings are joined first, so each run is encoded with one call.
 */
export function partsWriter(): (parts: Part[]) => Buffer {
  let expected = 16 * 1024;
  return (parts) => {
    const body = writeParts(parts, expected);
    expected = Math.min(Math.max(Math.ceil(body.length * 1.25), 4096), 4 * 1024 * 1024);
    return body;
  };
}

function writeParts(parts: Part[], expected: number): Buffer {
  let out = Buffer.allocUnsafe(expected);
  let offset = 0;
  const run: string[] = [];
  const ensure = (room: number) => {
    if (offset + room <= out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, offset + room));
    out.copy(bigger, 0, 0, offset);
    out = bigger;
  };
  const flush = () => {
    if (run.length === 0) return;
    const text = run.length === 1 ? run[0]! : run.join('');
    run.length = 0;
    // Up to 3 bytes per UTF-16 unit; measure exactly only when that bound does not fit.
    if (offset + text.length * 3 > out.length) ensure(Buffer.byteLength(text, 'utf8'));
    offset += out.write(text, offset, 'utf8');
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      run.push(part);
      continue;
    }
    flush();
    ensure(part.length);
    out.set(part, offset);
    offset += part.length;
  }
  flush();
  return out.subarray(0, offset);
}

/** A cache of bytes keyed by an object that is shared and never changes. */
export function byteCache<K extends object>(): (key: K, make: () => string) => Buffer {
  const map = new WeakMap<K, Buffer>();
  return (key, make) => {
    let found = map.get(key);
    if (!found) {
      found = Buffer.from(make());
      map.set(key, found);
    }
    return found;
  };
}
