/**
 * Builds a response body from parts: cached bytes (rendered once, kept as a Buffer) and short strings written
 * per request. Large personal pages then cost a copy of their cached parts, not a fresh render and a
 * fresh UTF-8 encoding of every text.
 */
export type Part = Buffer | string;

export function concatParts(parts: Part[]): Buffer {
  // Adjacent strings are joined first, so each run is measured and encoded once.
  const runs: Part[] = [];
  let text = '';
  let length = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (text) {
      runs.push(text);
      length += Buffer.byteLength(text, 'utf8');
      text = '';
    }
    runs.push(part);
    length += part.length;
  }
  if (text) {
    runs.push(text);
    length += Buffer.byteLength(text, 'utf8');
  }
  const out = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const run of runs) {
    if (typeof run === 'string') offset += out.write(run, offset, 'utf8');
    else {
      out.set(run, offset);
      offset += run.length;
    }
  }
  return out;
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
