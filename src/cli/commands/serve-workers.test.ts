/**
 * The primary's supervision of its workers, on a cluster of fake workers
 * and a fake clock: which deaths stop it, and the stop message a worker
 * forked just before a stop gets when it listens. (Real processes:
 * test/integration/serve-workers.test.ts.)
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../config/schema.js';

/** A forked worker as the primary sees it: what it was sent, and whether it was killed. */
class FakeWorker {
  readonly sent: unknown[] = [];
  readonly killed: string[] = [];
  readonly process = { pid: 0, kill: (signal: string) => void this.killed.push(signal) };
  constructor(pid: number) {
    this.process.pid = pid;
  }
  isConnected(): boolean {
    return true;
  }
  send(message: unknown): boolean {
    this.sent.push(message);
    return true;
  }
}

vi.mock('node:cluster', () => ({
  default: Object.assign(new EventEmitter(), { fork: () => null }),
}));
const cluster = (await import('node:cluster')).default as unknown as EventEmitter & {
  fork: () => FakeWorker;
};
const { runWorkers, STOP_MESSAGE } = await import('./serve-workers.js');

describe('runWorkers', () => {
  let forked: FakeWorker[];
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    forked = [];
    cluster.fork = () => {
      const worker = new FakeWorker(100 + forked.length);
      forked.push(worker);
      return worker;
    };
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Starts one worker and lets it listen; returns the primary's promise. */
  function startOne(): Promise<unknown> {
    const running = runWorkers({ workers: 1, host: '127.0.0.1' } as Config, 1000).then(
      () => 'stopped',
      (error: Error) => error.message,
    );
    cluster.emit('listening', forked[0], { address: '127.0.0.1', port: 3000 });
    return running;
  }

  /** The primary's SIGTERM listener, called as the signal would. */
  function sigterm(): void {
    (process.listeners('SIGTERM').at(-1) as (signal: string) => void)('SIGTERM');
  }

  it('stops with an error at the fifth death within 60 s, however long each worker ran', async () => {
    const running = startOne();
    const restarted: number[] = [];
    // Each worker runs 10.5 s, past any notion of a quick death, then dies.
    await vi.advanceTimersByTimeAsync(10_500);
    for (let death = 1; death <= 5; death++) {
      cluster.emit('exit', forked.at(-1), 1, null);
      // The back-off (at most 10 s) and the next worker's run.
      await vi.advanceTimersByTimeAsync(10_500);
      restarted.push(forked.length);
    }
    expect(restarted).toEqual([2, 3, 4, 5, 5]);
    expect(await running).toBe(
      'workers died 5 times within 60 s (the last: worker 1 exited with code 1); the primary stops them all',
    );
  });

  it('keeps restarting a worker that dies less often than 5 times a minute', async () => {
    const running = startOne();
    for (let death = 1; death <= 8; death++) {
      await vi.advanceTimersByTimeAsync(15_500);
      cluster.emit('exit', forked.at(-1), 1, null);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(forked.length).toBe(9);
    sigterm();
    cluster.emit('exit', forked.at(-1), 0, null);
    expect(await running).toBe('stopped');
  });

  it('asks a worker forked just before the stop to stop again when it listens', async () => {
    const running = startOne();
    cluster.emit('exit', forked[0], 1, null);
    await vi.advanceTimersByTimeAsync(250);
    const late = forked[1]!;
    // The stop message reaches it before its listener for it is set: it is lost.
    sigterm();
    expect(late.sent).toEqual([STOP_MESSAGE]);
    cluster.emit('listening', late, { address: '127.0.0.1', port: 3000 });
    expect(late.sent).toEqual([STOP_MESSAGE, STOP_MESSAGE]);
    cluster.emit('exit', late, 0, null);
    expect(await running).toBe('stopped');
    expect(late.killed).toEqual([]);
  });
});
