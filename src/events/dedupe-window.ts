/**
 * Remembers the last `size` event ids, so an event Box repeats within that
 * window is delivered once. Memory stays bounded on a stream that runs for
 * months: the oldest id is forgotten when a new one arrives at capacity.
 */
export class DedupeWindow {
  // A Set iterates in insertion order, so its first value is the oldest id.
  readonly #seen = new Set<string>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  /** True the first time `id` is seen within the window; false for a repeat. */
  admit(id: string): boolean {
    if (this.#size === 0) return true;
    if (this.#seen.has(id)) return false;
    this.#seen.add(id);
    if (this.#seen.size > this.#size) {
      const oldest = this.#seen.values().next();
      if (!oldest.done) this.#seen.delete(oldest.value);
    }
    return true;
  }
}
