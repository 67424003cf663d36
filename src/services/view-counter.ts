/**
 * Buffered view counting.
 *
 * A page view only increments a number in memory; every `intervalMs` the
 * buffer is written in one transaction, and `stop()` writes what is left
 * (called on graceful shutdown). A crash loses at most one interval's views.
 * A failed write puts its counts back into the buffer for the next attempt.
 * Views that cannot be written when the counter stops go to the `spool`
 * (a file, view-spool.ts) for the next start to add.
 *
 * Each view is recorded with the kind of its referrer (domain/referrer-kind.ts),
 * so that a batch also says, per article, how many came from search, social,
 * direct and other: the sink writes those into the minute buckets
 * (article_view_minutes, the newsroom's «القرّاء الآن»). The spool keeps only
 * the totals: views spooled at a stop still count in the article's total and
 * its hour, but not in any minute or referrer split (documented loss; the
 * minutes are live figures, gone within MIDAD_VIEW_MINUTES_RETENTION_HOURS
 * anyway).
 *
 * The cost per view is two Map operations and an array increment; nothing
 * touches the database until the flush.
 */
import type { ArticleId } from '../domain/article-id.js';
import { REFERRER_KINDS, type ReferrerKind } from '../domain/referrer-kind.js';

/** Views of one article by kind of referrer. */
export type ReferrerCounts = Readonly<Record<ReferrerKind, number>>;

/**
 * Writes a batch: `counts` maps article id → views to add (the totals);
 * `byReferrer` splits the same views by kind of referrer (its four figures
 * sum to the article's total).
 */
export type ViewSink = (
  counts: Map<ArticleId, number>,
  byReferrer: Map<ArticleId, ReferrerCounts>,
) => Promise<unknown>;

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
  /** Views not yet written: article id → views by referrer kind, in REFERRER_KINDS order. */
  #pending = new Map<ArticleId, Tally>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<number> = Promise.resolve(0);
  /** The batch being written, until its write settles or spoolNow takes it. */
  #inFlight: Map<ArticleId, Tally> | null = null;

  constructor(options: ViewCounterOptions) {
    this.#sink = options.sink;
    this.#onError = options.onError ?? (() => {});
    this.#spool = options.spool;
  }

  /** Counts one view of `id`, from a referrer of kind `referrer` (in memory only). */
  record(id: ArticleId, referrer: ReferrerKind = 'direct'): void {
    let tally = this.#pending.get(id);
    if (tally === undefined) {
      tally = [0, 0, 0, 0];
      this.#pending.set(id, tally);
    }
    const at = KIND_INDEX[referrer];
    tally[at] = (tally[at] ?? 0) + 1;
  }

  /** Every view recorded but not yet written, by article id (for a log that must list them). */
  pending(): Record<string, number> {
    const all = new Map<ArticleId, Tally>();
    addInto(all, this.#pending);
    if (this.#inFlight) addInto(all, this.#inFlight);
    return Object.fromEntries(totalsOf(all));
  }

  /** Views of `id` recorded but not yet written. */
  pendingFor(id: ArticleId): number {
    const tally = this.#pending.get(id);
    return tally ? sum(tally) : 0;
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
      await this.#sink(totalsOf(batch), byReferrerOf(batch));
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
    const all = new Map<ArticleId, Tally>();
    addInto(all, this.#pending);
    if (this.#inFlight) addInto(all, this.#inFlight);
    if (all.size === 0) return 0;
    const counts = totalsOf(all);
    const [pending, inFlight] = [this.#pending, this.#inFlight];
    this.#pending = new Map();
    this.#inFlight = null;
    try {
      this.#spool(counts);
    } catch (error) {
      [this.#pending, this.#inFlight] = [pending, inFlight];
      throw error;
    }
    return totalOf(all);
  }
}

/** Views of one article by referrer kind, in REFERRER_KINDS order. */
type Tally = number[];

const KIND_INDEX: Readonly<Record<ReferrerKind, number>> = {
  search: REFERRER_KINDS.indexOf('search'),
  social: REFERRER_KINDS.indexOf('social'),
  direct: REFERRER_KINDS.indexOf('direct'),
  other: REFERRER_KINDS.indexOf('other'),
};

function sum(tally: Tally): number {
  let total = 0;
  for (const n of tally) total += n;
  return total;
}

/** Adds `counts` into `target`, copying tallies (the target never shares one). */
function addInto(target: Map<ArticleId, Tally>, counts: Map<ArticleId, Tally>): void {
  for (const [id, tally] of counts) {
    const into = target.get(id);
    if (into === undefined) target.set(id, [...tally]);
    else for (let i = 0; i < tally.length; i++) into[i] = (into[i] ?? 0) + (tally[i] ?? 0);
  }
}

function totalsOf(batch: Map<ArticleId, Tally>): Map<ArticleId, number> {
  const totals = new Map<ArticleId, number>();
  for (const [id, tally] of batch) totals.set(id, sum(tally));
  return totals;
}

function byReferrerOf(batch: Map<ArticleId, Tally>): Map<ArticleId, ReferrerCounts> {
  const split = new Map<ArticleId, ReferrerCounts>();
  for (const [id, tally] of batch) {
    split.set(id, {
      search: tally[KIND_INDEX.search] ?? 0,
      social: tally[KIND_INDEX.social] ?? 0,
      direct: tally[KIND_INDEX.direct] ?? 0,
      other: tally[KIND_INDEX.other] ?? 0,
    });
  }
  return split;
}

function totalOf(counts: Map<ArticleId, Tally>): number {
  let total = 0;
  for (const tally of counts.values()) total += sum(tally);
  return total;
}
