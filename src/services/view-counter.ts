/**
 * Buffered view counting.
 *
 * A page view only increments a number in memory; every `intervalMs` the
 * buffer is written in one transaction, and `stop()` writes what is left
 * (called on graceful shutdown). A crash loses at most one interval's views.
 * A failed write puts its counts back into the buffer for the next attempt.
 * Views that cannot be written when the counter stops go to the `spool`
 * (a file, view-spool.ts) for the next start to add.
 */
import type { ArticleId } from '../domain/article-id.js';

/** Writes a batch: article id → views to add. */
export type ViewSink = (counts: Map<ArticleId, number>) => Promise<unknown>;

export interface ViewCounterOptions {
  /** Where batches go (article-views.repository.ts addViews, bound to a database). */
  sink: ViewSink;
  /** Called with the error when a periodic flush fails; the counts are kept. */
  onError?: (error: unknown) => void;
  /**
   * Keeps views that cannot be written when the counter stops (or at once,
   * spoolNow). Synchronous, because it also runs while the process exits.
   * Throws when it cannot keep them; they then stay buffered.
   */
  spool?: (counts: Map<ArticleId, number>) => void;
}

/** What stop() did with the buffered views: written to the database, or spooled. */
export interface ViewsStopped {
  readonly written: number;
  readonly spooled: number;
}

export class ViewCounter {
  readonly #sink: ViewSink;
  readonly #onError: (error: unknown) => void;
  readonly #spool: ((counts: Map<ArticleId, number>) => void) | undefined;
  #pending = new Map<ArticleId, number>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<number> = Promise.resolve(0);
  /** The batch being written, until its write settles or spoolNow takes it. */
  #inFlight: Map<ArticleId, number> | null = null;

  constructor(options: ViewCounterOptions) {
    this.#sink = options.sink;
    this.#onError = options.onError ?? (() => {});
    this.#spool = options.spool;
  }

  /** Counts one view of `id` (in memory only). */
  record(id: ArticleId): void {
    this.#pending.set(id, (this.#pending.get(id) ?? 0) + 1);
  }

  /** Every view recorded but not yet written, by article id (for a log that must list them). */
  pending(): Record<string, number> {
    const all = new Map(this.#pending);
    if (this.#inFlight) addInto(all, this.#inFlight);
    return Object.fromEntries(all);
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
    this.#inFlight = batch;
    try {
      await this.#sink(batch);
    } catch (error) {
      // Unless spoolNow took the batch meanwhile, it waits for the next attempt.
      if (this.#inFlight === batch) addInto(this.#pending, batch);
      throw error;
    } finally {
      if (this.#inFlight === batch) this.#inFlight = null;
    }
    return totalOf(batch);
  }

  /** Starts flushing every `intervalMs` milliseconds. */
  start(intervalMs: number): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.flush().catch(this.#onError);
    }, intervalMs);
    this.#timer.unref();
  }

  /**
   * Stops the timer and writes what is pending; when that fails, reports
   * the error to `onError` and spools the views.
   * @throws the write's error when there is no spool, or the spool's when
   *   it cannot keep them; the views then stay buffered (pendingFor).
   */
  async stop(): Promise<ViewsStopped> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    try {
      return { written: await this.flush(), spooled: 0 };
    } catch (error) {
      if (!this.#spool) throw error;
      this.#onError(error);
      return { written: 0, spooled: this.spoolNow() };
    }
  }

  /**
   * Spools at once, without waiting, every view not yet written: those
   * pending and those of a write in progress (for a process that must exit
   * now: a second SIGTERM, the end of the grace period). Resolves to the
   * views spooled; 0 without a spool. If the write in progress commits
   * after all (PostgreSQL, at that very instant), its views count twice.
   * @throws the spool's error; the views are then buffered again.
   */
  spoolNow(): number {
    if (!this.#spool) return 0;
    const counts = new Map(this.#pending);
    if (this.#inFlight) addInto(counts, this.#inFlight);
    if (counts.size === 0) return 0;
    const [pending, inFlight] = [this.#pending, this.#inFlight];
    this.#pending = new Map();
    this.#inFlight = null;
    try {
      this.#spool(counts);
    } catch (error) {
      [this.#pending, this.#inFlight] = [pending, inFlight];
      throw error;
    }
    return totalOf(counts);
  }
}

function addInto(target: Map<ArticleId, number>, counts: Map<ArticleId, number>): void {
  for (const [id, n] of counts) target.set(id, (target.get(id) ?? 0) + n);
}

function totalOf(counts: Map<ArticleId, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
