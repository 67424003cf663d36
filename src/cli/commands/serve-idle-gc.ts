/**
 * A full garbage collection when `midad serve` falls idle after work: its
 * start (migrations, the one-time work, loading every module) or a burst of
 * readers. V8's memory reducer did not do it: an idle server on 100,000
 * articles kept 183 MiB resident for minutes after a 5-second burst, and
 * 154 MiB after its start, with a young generation grown to 32 MiB and
 * nearly empty; one full collection brought them to 140 and 121 MiB
 * (issue 21, item 5; measured through the inspector, bench/collect-garbage.ts).
 *
 * Every CHECK_MS the event loop's utilisation over the last interval
 * (performance.eventLoopUtilization: the share of time spent running
 * callbacks) is read: at or above IDLE_UTILIZATION the process worked;
 * below it after work, it collects once. A busy server is never
 * collected this way, an idle one once per quiet spell (a collection of a
 * 45 MB heap takes some 30 ms, while nobody waits).
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Interval of the checks, ms. */
export const CHECK_MS = 5_000;
/** Event loop utilisation (0 to 1) under which an interval counts as idle. */
export const IDLE_UTILIZATION = 0.02;

export interface IdleCollectorOptions {
  /** The utilisation of the event loop since the previous call (0 to 1). */
  utilization: () => number;
  /** Runs a full garbage collection. */
  collect: () => void;
}

/**
 * Checks every CHECK_MS and collects when an idle interval follows work;
 * the start counts as work. The timer does not keep the process alive.
 * @returns the function that stops the checks.
 */
export function startIdleCollector(options: IdleCollectorOptions): () => void {
  let worked = true;
  const timer = setInterval(() => {
    if (options.utilization() >= IDLE_UTILIZATION) worked = true;
    else if (worked) {
      worked = false;
      options.collect();
    }
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * V8's full collection, `gc()`: exposed by the flag `--expose-gc` in a
 * context made after it is set (the flag only adds that global), so no
 * command-line flag is needed.
 */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The utilisation of this process's event loop since the previous call. */
function loopUtilization(): () => number {
  let previous: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, previous);
    previous = now;
    return since.utilization;
  };
}

/** startIdleCollector on this process: its event loop and V8's full collection. */
export function collectWhenIdle(): () => void {
  return startIdleCollector({ utilization: loopUtilization(), collect: fullCollection() });
}
