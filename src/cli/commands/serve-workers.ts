/**
 * The primary of `midad serve --workers N` (node:cluster): forks N workers
 * that all listen on one port (the primary accepts connections and hands
 * them out in turn, Node's default on Linux), relays public changes between
 * them (services/change-channel.ts), restarts a worker that dies, and stops
 * them all on SIGTERM or SIGINT.
 *
 * - A worker that dies before every worker first listened (a port in use,
 *   a bad setting) stops the start: it would only die again.
 * - Later, a dead worker is started again after a back-off (RESTART_MS,
 *   doubled for each other death within DEATH_WINDOW_MS, at most
 *   RESTART_MAX_MS); at MAX_DEATHS deaths within DEATH_WINDOW_MS, whenever
 *   each worker had started, the primary stops everything (a worker that
 *   always dies a while after its start would otherwise restart forever).
 * - The first signal asks every worker to stop gracefully (an IPC message:
 *   a worker that got the terminal's Ctrl-C itself is stopping already);
 *   a worker that comes up after it, forked just before and not listening
 *   for the message yet, is asked again when it listens. A second signal
 *   sends each SIGTERM, which a stopping worker takes as "now" (it spools
 *   its buffered views and exits).
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { workerWarnings } from '../../config/warnings.js';
import type { Config } from '../../config/schema.js';
import { AppError } from '../../lib/errors.js';
import { relayClusterChanges } from '../../services/change-channel.js';

/** The environment variable that tells a forked worker its number (1 to N). Set by the primary only. */
export const WORKER_ENV = 'MIDAD_CLUSTER_WORKER';

/** The IPC message with which the primary asks a worker to stop gracefully. */
export const STOP_MESSAGE = 'midad:stop';

/** Wait before a dead worker is started again, ms; doubled for each other recent death. */
const RESTART_MS = 250;
const RESTART_MAX_MS = 10_000;
/** Deaths of workers, counted over the last DEATH_WINDOW_MS, at which the primary gives up. */
const MAX_DEATHS = 5;
const DEATH_WINDOW_MS = 60_000;

/** This process's worker number when it is a worker forked by `runWorkers`, else null. */
export function clusterWorkerNumber(): number | null {
  if (!cluster.isWorker) return null;
  const number = Number(process.env[WORKER_ENV]);
  return Number.isSafeInteger(number) && number >= 1 ? number : null;
}

/** How a worker ended, for a sentence: `exited with code 1`, `was killed by SIGKILL`. */
function howItEnded(code: number | null, signal: string | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
}

/**
 * Forks `config.workers` workers of this same command and supervises them
 * until they are all stopped. Resolves when a signal stopped them all
 * cleanly; `graceMs` is each worker's own grace period (the primary kills
 * those still running 2 s after it).
 * @throws AppError WORKERS_FAILED when a worker dies at start, when they die
 *   MAX_DEATHS times within DEATH_WINDOW_MS, or when one does not stop cleanly.
 */
export function runWorkers(config: Config, graceMs: number): Promise<void> {
  const count = config.workers;
  for (const warning of workerWarnings(config, availableParallelism()))
    console.warn(`midad: ${warning}`);
  const stopRelaying = relayClusterChanges(cluster);
  /** The worker of each number, while it runs. */
  const slots = new Map<number, { worker: Worker; listening: boolean }>();
  const restarts = new Set<NodeJS.Timeout>();
  let started = false;
  /** When workers died after the start, ms, over the last DEATH_WINDOW_MS. */
  let deaths: number[] = [];
  let stopping = false;
  let stopTimer: NodeJS.Timeout | undefined;
  /** Why the primary stops with an error; the first reason wins. */
  let failure: string | null = null;

  const fork = (number: number) => {
    const worker = cluster.fork({ [WORKER_ENV]: String(number) });
    slots.set(number, { worker, listening: false });
  };

  return new Promise<void>((resolve, reject) => {
    const finish = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      cluster.off('listening', onListening);
      cluster.off('exit', onExit);
      stopRelaying();
      clearTimeout(stopTimer);
      if (failure === null) resolve();
      else reject(new AppError('WORKERS_FAILED', failure));
    };

    /** Stops every worker: gracefully, or at once (`now`). */
    const stopAll = (now: boolean) => {
      stopping = true;
      for (const timer of restarts) clearTimeout(timer);
      restarts.clear();
      if (slots.size === 0) return finish();
      for (const { worker } of slots.values()) {
        if (now) worker.process.kill('SIGTERM');
        else if (worker.isConnected()) worker.send(STOP_MESSAGE, undefined, {}, () => {});
      }
      stopTimer ??= setTimeout(() => {
        failure ??= `workers still running ${(graceMs + 2000) / 1000} s after the stop began were killed`;
        for (const { worker } of slots.values()) worker.process.kill('SIGKILL');
      }, graceMs + 2000);
    };

    const fail = (reason: string) => {
      failure ??= reason;
      stopAll(false);
    };

    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        console.log(`midad: ${signal}: stopping ${slots.size} workers`);
        stopAll(false);
      } else {
        console.error(`midad: second signal: the workers stop at once`);
        failure ??= 'stopped at once by a second signal; the buffered views were spooled';
        stopAll(true);
      }
    };

    const onListening = (worker: Worker, address: { address: string | null; port: number }) => {
      const slot = [...slots.values()].find((s) => s.worker === worker);
      if (slot) slot.listening = true;
      // Forked just before the stop, it may have missed the message: it has its listener now.
      if (stopping) return void worker.send(STOP_MESSAGE, undefined, {}, () => {});
      if (started) return;
      if ([...slots.values()].filter((s) => s.listening).length < count) return;
      started = true;
      const host = address.address ?? config.host;
      const shown = host.includes(':') ? `[${host}]` : host;
      console.log(`midad: listening on http://${shown}:${address.port} with ${count} workers`);
    };

    const onExit = (worker: Worker, code: number | null, signal: string | null) => {
      const entry = [...slots].find(([, slot]) => slot.worker === worker);
      if (!entry) return;
      const [number] = entry;
      slots.delete(number);
      const how = howItEnded(code, signal);
      if (stopping) {
        if (code !== 0 && failure === null) failure = `worker ${number} ${how} while stopping`;
        if (slots.size === 0) finish();
        return;
      }
      if (!started) {
        return fail(`worker ${number} ${how} before it listened (its message is above)`);
      }
      const now = Date.now();
      deaths = [...deaths.filter((at) => now - at < DEATH_WINDOW_MS), now];
      if (deaths.length >= MAX_DEATHS) {
        return fail(
          `workers died ${deaths.length} times within ${DEATH_WINDOW_MS / 1000} s (the last: worker ${number} ${how}); the primary stops them all`,
        );
      }
      const delay = Math.min(RESTART_MS * 2 ** (deaths.length - 1), RESTART_MAX_MS);
      console.error(
        `midad: worker ${number} (pid ${worker.process.pid}) ${how}; starting another in ${delay} ms`,
      );
      const timer = setTimeout(() => {
        restarts.delete(timer);
        fork(number);
      }, delay);
      restarts.add(timer);
    };

    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    cluster.on('listening', onListening);
    cluster.on('exit', onExit);
    for (let number = 1; number <= count; number++) fork(number);
  });
}
