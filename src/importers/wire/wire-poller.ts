/**
 * The wire poller: each round claims the sources that are due (a lease in
 * the database, services/wire-sources.ts `claimDueSources`, so that of
 * several `midad serve` instances on one database only one polls a source),
 * polls them a few at a time (poll-url.ts, poll-folder.ts), records each
 * outcome (`recordPoll`: the next poll after the source's interval, or
 * later after failures: backoff) and lets old items leave the queue
 * (`pruneWireQueue`, at most every `pruneEveryMs`).
 *
 * `midad serve` runs a round every 30 s (`startWirePoller`); `midad wire
 * poll` runs one (`pollWireOnce`, with `force`: every enabled source now).
 * A source whose round is cut by a stop is not recorded: its lease runs
 * out (`leaseMs`) and any instance polls it then.
 */
import type { WireSource } from '../../domain/wire.js';
import { claimDueSources, recordPoll } from '../../services/wire-sources.js';
import { pruneWireQueue } from '../../services/wire-queue.js';
import { pollFolderSource } from './poll-folder.js';
import { emptySourceReport, type PollReport, type SourcePollReport } from './poll-report.js';
import { pollUrlSource } from './poll-url.js';
import type { WirePollDeps } from './wire-poll-deps.js';

export type { PollReport, SourcePollReport } from './poll-report.js';
export type { WirePollDeps } from './wire-poll-deps.js';

/** Options of a round. */
export interface PollOptions {
  /** Every enabled source now, whatever its next poll time (still leased). */
  force?: boolean;
  /** A feed's whole exchange, ms (default 30 s). */
  timeoutMs?: number;
  /** A feed's connection, ms (default 10 s). */
  connectTimeoutMs?: number;
  /** How long a claim holds a source, ms (default 5 min): longer than a round takes. */
  leaseMs?: number;
  /** Sources claimed at most in a round (default 50). */
  limit?: number;
  /** Sources polled at once (default 4). */
  concurrency?: number;
  /** A folder's file changed less than this long ago waits for the next round, ms (default 2000). */
  settleMs?: number;
  /** Prune the queue this round (default true). */
  prune?: boolean;
  /** Ends the round early: sources not finished are left to their lease. */
  signal?: AbortSignal;
}

/** The files a folder's round refused, as its status line says them (`a.xml: a package, not an article; …`), or null. */
function refusedFiles(report: SourcePollReport): string | null {
  if (report.refused.length === 0) return null;
  return report.refused.map((r) => `${r.file}: ${r.reason}`).join('; ');
}

/** Polls one claimed source and records the outcome; a database error is thrown. */
async function pollSource(
  deps: WirePollDeps,
  source: WireSource,
  options: Required<Omit<PollOptions, 'signal' | 'force' | 'prune'>> & { signal?: AbortSignal },
): Promise<SourcePollReport | null> {
  const signal = options.signal ? { signal: options.signal } : {};
  const { report, etag, lastModified } =
    source.kind === 'folder'
      ? {
          report: await pollFolderSource(deps, source, { settleMs: options.settleMs, ...signal }),
          etag: undefined,
          lastModified: undefined,
        }
      : await pollUrlSource(deps, source, {
          timeoutMs: options.timeoutMs,
          connectTimeoutMs: options.connectTimeoutMs,
          ...signal,
        });
  if (options.signal?.aborted) return null;
  await recordPoll(
    deps,
    source.id,
    report.status === 'failed'
      ? { ok: false, error: report.error ?? 'failed' }
      : {
          ok: true,
          notModified: report.status === 'not-modified',
          itemCount: report.items,
          refused: refusedFiles(report),
          ...(etag === undefined ? {} : { etag }),
          ...(lastModified === undefined ? {} : { lastModified }),
        },
  );
  return report;
}

/**
 * pollSource, with an unexpected error (the database, a bug) said as the
 * source's failure, and recorded when the database still answers, so one
 * source never stops the others' round.
 */
async function pollSourceSafely(
  deps: WirePollDeps,
  source: WireSource,
  options: Parameters<typeof pollSource>[2],
): Promise<SourcePollReport | null> {
  try {
    return await pollSource(deps, source, options);
  } catch (error) {
    const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    await recordPoll(deps, source.id, { ok: false, error: message }).catch(() => undefined);
    return { ...emptySourceReport(source), status: 'failed', error: message };
  }
}

/**
 * One round: claims the due sources (all enabled ones with `force`), polls
 * them, records each outcome, prunes the queue.
 * @returns what each source did, in the order claimed, and the items pruned.
 * @throws a database error while claiming or pruning (a source's failure, even the database's while
 *   polling it, is in its report).
 */
export async function pollWireOnce(
  deps: WirePollDeps,
  options: PollOptions = {},
): Promise<PollReport> {
  const settled = {
    timeoutMs: options.timeoutMs ?? 30_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    limit: options.limit ?? 50,
    concurrency: options.concurrency ?? 4,
    settleMs: options.settleMs ?? 2000,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const claimed = await claimDueSources(deps, settled.leaseMs, settled.limit, {
    force: options.force ?? false,
  });
  const reports: Array<SourcePollReport | null> = new Array<SourcePollReport | null>(
    claimed.length,
  ).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < claimed.length && !options.signal?.aborted) {
      const index = next++;
      reports[index] = await pollSourceSafely(deps, claimed[index] as WireSource, settled);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settled.concurrency, claimed.length) }, worker));
  const pruned =
    options.prune === false || options.signal?.aborted ? 0 : await pruneWireQueue(deps);
  return { sources: reports.filter((r): r is SourcePollReport => r !== null), pruned };
}

/** The poller running in `midad serve`. */
export interface WirePoller {
  /** Ends the current round early (requests cut, sources left to their lease) and stops; resolves when done. */
  stop(): Promise<void>;
}

/** Options of the poller in `midad serve`. */
export interface WirePollerOptions extends Omit<PollOptions, 'force' | 'prune' | 'signal'> {
  /** Time between rounds, ms (default 30 s). */
  intervalMs?: number;
  /** Time between prunes of the queue, ms (default 10 min). */
  pruneEveryMs?: number;
  /** Told of each source's round (for the log). */
  onSource?: (report: SourcePollReport) => void;
  /** Told of a round that failed (the database), which the next round retries. */
  onError?: (error: unknown) => void;
}

/**
 * Starts polling: a round at once, then one `intervalMs` after each round
 * ends (rounds never overlap). @returns the poller, to stop at shutdown.
 */
export function startWirePoller(deps: WirePollDeps, options: WirePollerOptions = {}): WirePoller {
  const { intervalMs = 30_000, pruneEveryMs = 10 * 60_000, onSource, onError, ...round } = options;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastPrune = Number.NEGATIVE_INFINITY;
  const tick = () => {
    timer = null;
    running = (async () => {
      const prune = Date.now() - lastPrune >= pruneEveryMs;
      try {
        const report = await pollWireOnce(deps, { ...round, prune, signal: stopping.signal });
        if (prune) lastPrune = Date.now();
        for (const source of report.sources) onSource?.(source);
      } catch (error) {
        onError?.(error);
      }
      if (!stopping.signal.aborted) timer = setTimeout(tick, intervalMs);
    })();
  };
  tick();
  return {
    async stop() {
      stopping.abort();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
