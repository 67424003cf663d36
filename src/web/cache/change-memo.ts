/**
 * One value read from the database and kept in memory until any public
 * change is announced (web/app.ts clears it beside the page-cache purge)
 * or `ttlMs` passes, whichever comes first: the parts every reader page
 * shows besides its own content (the breaking-news ticker, the footer
 * menu, the header's logo and sections), which would otherwise cost some
 * six queries per page rendered. Readers who ask at once share one read.
 *
 * A read that started before a clear is handed to those waiting for it,
 * never kept: the value kept always began after the last change.
 */
export class ChangeMemo<T> {
  readonly #ttlMs: number;
  readonly #now: () => number;
  #kept: { value: Promise<T>; at: number } | null = null;

  /**
   * @param ttlMs how long a value is kept at most, ms (it bounds what no
   *   change announces: the time passing, a change missed by an instance).
   * @param now the clock, ms since the epoch.
   */
  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The value kept, or the one `load` reads (kept unless a clear comes first; a failure is not kept). */
  get(load: () => Promise<T>): Promise<T> {
    const now = this.#now();
    if (this.#kept && now - this.#kept.at < this.#ttlMs) return this.#kept.value;
    const value = load();
    const kept = { value, at: now };
    this.#kept = kept;
    value.catch(() => {
      if (this.#kept === kept) this.#kept = null;
    });
    return value;
  }

  /** Forgets the value (and a read in progress): the next `get` reads again. */
  clear(): void {
    this.#kept = null;
  }
}
