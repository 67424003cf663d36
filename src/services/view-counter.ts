/**
 * Buffered view counting.
 *
 * A page view only increments a number in memory; every `intervalMs` the
 * buffer is written in one transaction, and `stop()` writes what is left
 * (called on graceful shutdown). A crash loses at most one interval's views.
 * A failed write puts its counts back into the buffer for the next attempt.
 */
import type { ArticleId } from '../domain/article-id.js';

/** Writes a batch: article id → views to add. */
export type ViewSink = (counts: Map<ArticleId, number>) => Promise<void>;

export interface ViewCounterOptions {
  /** Where batches go (the articles repository's addViews, bound to a database). */
  sink: ViewSink;
  /** Called with the error when a periodic flush fails; the counts are kept. */
  onError?: (error: unknown) => void;
}

export class ViewCounter {
  readonly #sink: ViewSink;
  readonly #onError: (error: unknown) => void;
  #pending = new Map<ArticleId, number>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<number> = Promise.resolve(0);

  constructor(options: ViewCounterOptions) {
    this.#sink = options.sink;
    this.#onError = options.onError ?? (() => {});
  }

  /** Counts one view of `id` (in memory only). */
  record(id: ArticleId): void {
    this.#pending.set(id, (this.#pending.get(id) ?? 0) + 1);
  }

  /** Views of `id` recorded but not yet written. */
  pendingFor(id: ArticleId): number {
    return this.#pending.get(id) ?? 0;
  }

  /**
   * Writes the buffered views in one batch; resolves to the number of views
   * written. Flushes never overlap: a call waits for the one in progress.
   * @throws whatever the sink throws; the batch is then back in the buffer.
   */
  flush(): Promise<number> {
    const run = this.#flushing.then(
      () => this.#writeBatch(),
      () => this.#writeBatch(),
    );
    this.#flushing = run;
    return run;
  }

  async #writeBatch(): Promise<number> {
    if (this.#pending.size === 0) return 0;
    const batch = this.#pending;
    this.#pending = new Map();
    try {
      await this.#sink(batch);
    } catch (error) {
      for (const [id, n] of batch) this.#pending.set(id, (this.#pending.get(id) ?? 0) + n);
      throw error;
    }
    let total = 0;
    for (const n of batch.values()) total += n;
    return total;
  }

  /** Starts flushing every `intervalMs` milliseconds. */
  start(intervalMs: number): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.flush().catch(this.#onError);
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and writes what is pending. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.flush();
  }
}
