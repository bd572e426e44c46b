/**
 * Templates of kept bytes with holes: for a response that is the same for many people except a few personal
 * values. The response is written once with markers where the personal values go; the parts between markers
 * are joined into a few large buffers and kept, and each request fills the holes (see plan-page.tsx).
 *
 * A template is kept only for a shape that comes a second time (the first request is written directly), and the
 * kept templates have a budget in bytes: past it, all are dropped and kept anew as they come.
 */
import type { Part } from './byte-parts.js';

/** A piece of a template: kept bytes, or a marker (any object that is not a Buffer) for a personal value. */
export type Template<H> = readonly (Buffer | H)[];

/** Joins the runs of parts between markers into one buffer each. */
export function compileTemplate<H extends object>(pieces: readonly (Part | H)[]): Template<H> {
  const out: (Buffer | H)[] = [];
  let run: Buffer[] = [];
  const flush = () => {
    if (run.length > 0) out.push(run.length === 1 ? run[0]! : Buffer.concat(run));
    run = [];
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') run.push(Buffer.from(piece));
    else if (Buffer.isBuffer(piece)) run.push(piece);
    else {
      flush();
      out.push(piece);
    }
  }
  flush();
  return out;
}

const SEEN = Symbol('seen once');

/** Templates kept per shape object (K) and a key within it, within a budget of bytes. */
export class TemplateCache<K extends object, H extends object> {
  private byShape = new WeakMap<K, Map<string, Template<H> | typeof SEEN>>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /**
   * The template for this shape and key: kept, or made by `make` when this is the second time it is asked for;
   * null the first time (the caller writes the response directly).
   */
  get(shape: K, key: string, make: () => Template<H>): Template<H> | null {
    const found = this.byShape.get(shape)?.get(key);
    if (found !== undefined && found !== SEEN) return found;
    if (found === undefined) {
      this.keep(shape, key, SEEN, 64 + key.length);
      return null;
    }
    const made = make();
    this.keep(shape, key, made, made.reduce((sum, piece) => sum + (Buffer.isBuffer(piece) ? piece.length : 16), 64 + key.length));
    return made;
  }

  private keep(shape: K, key: string, value: Template<H> | typeof SEEN, size: number): void {
    if (this.bytes + size > this.budgetBytes) {
      this.byShape = new WeakMap();
      this.bytes = 0;
    }
    let byKey = this.byShape.get(shape);
    if (!byKey) this.byShape.set(shape, byKey = new Map());
    byKey.set(key, value);
    this.bytes += size;
  }
}
