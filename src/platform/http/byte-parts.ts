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
  let out: Buffer = Buffer.allocUnsafe(expected);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (typeof part === 'string') {
      // Join a run of strings, so it is encoded with one call.
      while (i + 1 < parts.length && typeof parts[i + 1] === 'string') part += parts[++i] as string;
      // Up to 3 bytes per UTF-16 unit; measure exactly only when that bound does not fit.
      if (offset + part.length * 3 > out.length) out = grow(out, offset, Buffer.byteLength(part, 'utf8'));
      offset += out.write(part, offset, 'utf8');
    } else {
      if (offset + part.length > out.length) out = grow(out, offset, part.length);
      out.set(part, offset);
      offset += part.length;
    }
  }
  return out.subarray(0, offset);
}

function grow(out: Buffer, used: number, room: number): Buffer {
  if (used + room <= out.length) return out;
  const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, used + room));
  out.copy(bigger, 0, 0, used);
  return bigger;
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

/**
 * Bytes kept under a short key, made on first use. With `max`, the map starts again past that many entries (for
 * keys such as calendar dates, which have no end); without it, the keys are a small fixed set.
 */
export function keptBytes(map: Map<string, Buffer>, key: string, make: () => string, max = Infinity): Buffer {
  let found = map.get(key);
  if (!found) {
    if (map.size >= max) map.clear();
    map.set(key, found = Buffer.from(make()));
  }
  return found;
}
