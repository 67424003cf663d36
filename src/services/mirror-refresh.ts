/**
 * Keeping a static mirror fresh from the server (issue 22: "Each is kept
 * fresh automatically"): the background job that, a while after the site
 * changes, writes the mirror again and sends it on, once per burst.
 *
 * It is told every public change (`heard`, on the change channel, so a
 * change made by any worker or instance reaches the one process that runs
 * the background jobs: a publish, an unpublish, an edit of a published
 * article or static page, a correction, a scheduled publish when due, the
 * footer menu, a site-wide setting). The first change starts a timer of
 * `delayMs`; the changes that follow before it fires join that run. When
 * it fires the job writes the mirror once (`write`), then sends it once
 * (`send`: push and hook, mirror-publish.ts). Changes heard during a run
 * make exactly one more run, `delayMs` after it ends. Two runs never
 * overlap. A failure is logged and never thrown: the next change tries
 * again.
 *
 * A run renders again only what was saved since the last run
 * (`full: false`, writeMirror's `sinceLastRun`), unless a change heard
 * since the last run touches every page (`needsFullRun`): then the whole
 * mirror is written again.
 */
import { keysToPurge, surrogateKey, type PublicChange } from '../domain/public-change.js';
import type { MirrorSent } from './mirror-publish.js';

/** The timer the job waits on; tests give a fake one. */
export interface RefreshTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd: a pending refresh keeps no process alive. */
export const realTimer: RefreshTimer = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What one write of the mirror did, for the log. */
export interface MirrorWriteReport {
  files: number;
  written: number;
  removed: number;
  /** Site addresses the mirror lists that did not answer 200, with their status. */
  failed: ReadonlyArray<{ path: string; status: number }>;
}

/** The log lines the job writes (pino's `info`, `warn` and `error`). */
export interface RefreshLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface MirrorRefreshDeps {
  /**
   * Writes the mirror: everything when `full`, else what changed since the
   * last run. `signal` is aborted when the job stops: the write should end.
   */
  write(options: { full: boolean }, signal: AbortSignal): Promise<MirrorWriteReport>;
  /** Sends the written mirror on (push, hook); absent when neither is set. */
  send?(signal: AbortSignal): Promise<MirrorSent>;
  /** Milliseconds from the first change to the run. */
  delayMs: number;
  log: RefreshLog;
  /** Default: Node's timers. */
  timer?: RefreshTimer;
}

/**
 * True when `change` makes every page of the mirror stale, so that a run
 * since the last one (which keeps the pages of articles not saved since)
 * is not enough: a site-wide change (`keysToPurge` gives `'all'`: a
 * section or tag renamed, the logo or menu, a reconnected change channel)
 * or the footer's menu of static pages. The breaking-news ticker is not
 * among them: it also ends by itself, which no change tells.
 */
export function needsFullRun(change: PublicChange): boolean {
  const keys = keysToPurge(change);
  return keys === 'all' || keys.includes(surrogateKey.footer);
}

/** The refresh job's state, for tests and logs. */
export interface RefreshCounts {
  /** Runs finished (written, then sent), failed or not. */
  runs: number;
  /** Whether a run is waiting for its timer. */
  pending: boolean;
  /** Whether a run is in progress. */
  running: boolean;
}

/**
 * The refresh job. `heard` and `request` may be called at any time.
 * `stop()` ends it: a pending timer is cancelled and no run starts after
 * it. A run in progress is ended through the signal given to `write` and
 * `send`, and awaited: a write under way stops (the server's writes in a
 * process of their own, which is sent SIGTERM: the folder keeps the earlier
 * manifest, so the next run renders again everything since then); a push
 * or hook under way is sent SIGTERM (rsync leaves whole files, each
 * renamed into place) and no hook starts after it. The copy is brought up
 * to date by the next run.
 */
export class MirrorRefresh {
  readonly #deps: MirrorRefreshDeps;
  readonly #timer: RefreshTimer;
  readonly #abort = new AbortController();
  #pending: unknown = null;
  #running: Promise<void> | null = null;
  /** Changes heard during a run: one more run after it. */
  #again = false;
  /** A change heard since the last run started needs a full run. */
  #full = false;
  #stopped = false;
  #runs = 0;
  #waiters: Array<() => void> = [];

  constructor(deps: MirrorRefreshDeps) {
    this.#deps = deps;
    this.#timer = deps.timer ?? realTimer;
  }

  /** The change channel's handler: every public change asks for a run. */
  readonly heard = (change: PublicChange): void => {
    this.request({ full: needsFullRun(change) });
  };

  /**
   * Asks for a run `delayMs` from now, joining one already asked for; a
   * run asked for while one is in progress follows it. `full` asks that
   * the run write the whole mirror.
   */
  request(options: { full?: boolean } = {}): void {
    if (this.#stopped) return;
    if (options.full) this.#full = true;
    if (this.#running !== null) this.#again = true;
    else if (this.#pending === null) this.#schedule();
  }

  /** Runs, pending or not, and in progress or not. */
  counts(): RefreshCounts {
    return { runs: this.#runs, pending: this.#pending !== null, running: this.#running !== null };
  }

  /**
   * Resolves once no run is pending or in progress (with a real timer,
   * after the delay and the run), or the job is stopped. Tests wait on it.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      this.#wake();
    });
  }

  /** Stops the job (see the class's comment); resolves once a run in progress has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#pending !== null) this.#timer.clear(this.#pending);
    this.#pending = null;
    this.#abort.abort();
    await this.#running;
    this.#wake();
  }

  /** Tells those waiting in `settled()` once the job is idle or stopped. */
  #wake(): void {
    if (this.#running !== null || (this.#pending !== null && !this.#stopped)) return;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  #schedule(): void {
    this.#pending = this.#timer.set(() => {
      this.#pending = null;
      this.#running = this.#run().finally(() => {
        this.#running = null;
        this.#runs++;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          this.#schedule();
        }
        this.#wake();
      });
    }, this.#deps.delayMs);
  }

  /** One run: write, then send; logs what happened and throws nothing. */
  async #run(): Promise<void> {
    const { log } = this.#deps;
    const full = this.#full;
    this.#full = false;
    let report: MirrorWriteReport;
    try {
      report = await this.#deps.write({ full }, this.#abort.signal);
    } catch (error) {
      // What this run was to write is written by the next, which renders everything since the last good one.
      this.#full ||= full;
      if (this.#stopped)
        log.info({}, 'mirror run ended by the stop: the next start makes it again');
      else log.error({ err: error }, 'mirror refresh failed');
      return;
    }
    log.info(
      { full, files: report.files, written: report.written, removed: report.removed },
      'mirror written',
    );
    for (const { path, status } of report.failed) {
      log.warn({ path, status }, 'mirror page not written: links to it are broken');
    }
    if (!this.#deps.send) return;
    try {
      const sent = await this.#deps.send(this.#abort.signal);
      for (const failure of sent.failures) {
        log.error({ err: failure, ...failure.details }, 'mirror send failed');
      }
      if (sent.pushed) log.info({}, 'mirror pushed');
      if (sent.hookOutput !== undefined) log.info({ output: sent.hookOutput }, 'mirror hook ran');
    } catch (error) {
      log.error({ err: error }, 'mirror send failed');
    }
  }
}
