/**
 * Counts kept in memory and written in batches: a hit only adds to a
 * number, and every few seconds (or when asked) the counts since the last
 * write go to a sink in one batch. The reader site's 404s
 * (missed-paths.ts) and its redirects' hits (redirect-hits.ts) are counted
 * so, like article views (view-counter.ts, which also spools): a spike on
 * one address costs one write per interval, not one per request. A crash
 * loses at most one interval's counts; a batch the sink refuses is dropped
 * (never retried into an ever-growing buffer).
 */

export interface CountBufferOptions {
  /** Writes a batch (key → hits since the last write) at the instant of the flush. */
  sink: (counts: Map<string, number>, at: Date) => Promise<unknown>;
  now: () => Date;
  /** Told when a periodic flush fails; its counts are then dropped. */
  onError?: (error: unknown) => void;
  /** Distinct keys kept between two flushes (later new ones are dropped); default no limit. */
  maxKeys?: number;
}

/** Hits by key, counted in memory and written in batches. */
export class CountBuffer {
  readonly #options: CountBufferOptions;
  readonly #maxKeys: number;
  #pending = new Map<string, number>();
  #dropped = 0;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<number> = Promise.resolve(0);

  constructor(options: CountBufferOptions) {
    this.#options = options;
    this.#maxKeys = options.maxKeys ?? Number.POSITIVE_INFINITY;
  }

  /** Counts one hit of `key`. @returns false when the batch is full and `key` new to it (dropped). */
  add(key: string): boolean {
    const count = this.#pending.get(key);
    if (count === undefined && this.#pending.size >= this.#maxKeys) {
      this.#dropped += 1;
      return false;
    }
    this.#pending.set(key, (count ?? 0) + 1);
    return true;
  }

  /** New keys dropped since the last flush because the batch was full. */
  get dropped(): number {
    return this.#dropped;
  }

  /**
   * Writes the counts; resolves to the number of keys written. Flushes
   * never overlap: a call waits for the one in progress.
   * @throws whatever the sink throws (the batch is dropped).
   */
  flush(): Promise<number> {
    const run = this.#flushing.then(
      () => this.#write(),
      () => this.#write(),
    );
    this.#flushing = run;
    return run;
  }

  async #write(): Promise<number> {
    const batch = this.#pending;
    this.#pending = new Map();
    this.#dropped = 0;
    if (batch.size === 0) return 0;
    await this.#options.sink(batch, this.#options.now());
    return batch.size;
  }

  /** Flushes every `intervalMs` milliseconds (the timer does not keep the process alive). */
  start(intervalMs: number): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.#options.onError?.(error));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and writes what is left. @throws the sink's error */
  async stop(): Promise<number> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    return this.flush();
  }
}
