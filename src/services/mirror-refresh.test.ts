import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../domain/article-id.js';
import type { PublicChange } from '../domain/public-change.js';
import { sendMirror, type ProgramResult, type ProgramRunner } from './mirror-publish.js';
import {
  MirrorRefresh,
  needsFullRun,
  type MirrorWriteReport,
  type RefreshTimer,
} from './mirror-refresh.js';

const DIR = '/srv/mirror';
const PUSH = 'rsync://mirror.example/news/';
const HOOK = '/usr/local/bin/after-mirror';
const DELAY_MS = 60_000;
const REPORT: MirrorWriteReport = { files: 12, written: 3, removed: 1, failed: [] };
const OK: ProgramResult = { exitCode: 0, signal: null, stdout: '', stderr: '' };

const published = (id: string): PublicChange => ({
  kind: 'article',
  articleId: id as ArticleId,
  before: null,
  after: {
    publishedAt: '2026-11-29T12:00:00.000Z',
    sectionId: '1',
    tagIds: [],
    authorIds: ['2'],
    breakingUntil: null,
  },
});

interface FakeTimeout {
  callback: () => void;
  ms: number;
  state: 'waiting' | 'fired' | 'cleared';
}

/** A timer that fires only when the test says so. */
class FakeTimer implements RefreshTimer {
  readonly set_: FakeTimeout[] = [];
  set(callback: () => void, ms: number): unknown {
    const timeout: FakeTimeout = { callback, ms, state: 'waiting' };
    this.set_.push(timeout);
    return timeout;
  }
  clear(handle: unknown): void {
    const timeout = handle as FakeTimeout;
    if (timeout.state === 'waiting') timeout.state = 'cleared';
  }
  waiting(): FakeTimeout[] {
    return this.set_.filter((t) => t.state === 'waiting');
  }
  /** Fires the one waiting timeout. */
  fire(): void {
    const [timeout, ...more] = this.waiting();
    if (!timeout || more.length > 0) throw new Error(`${this.waiting().length} timeouts waiting`);
    timeout.state = 'fired';
    timeout.callback();
  }
}

/** A promise the test resolves. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves once the promises already settling have run (the fakes do no I/O). */
const microtasksDone = () => new Promise((resolve) => setImmediate(resolve));

/** A job over fakes: writes, program runs and log lines are recorded. */
function fakeJob(
  options: {
    write?: (signal: AbortSignal) => Promise<MirrorWriteReport>;
    run?: ProgramRunner;
  } = {},
) {
  const timer = new FakeTimer();
  const writes: Array<{ full: boolean }> = [];
  const programs: Array<{ program: string; args: readonly string[] }> = [];
  const logs: Array<{ level: string; fields: object; message: string }> = [];
  const run: ProgramRunner = async (program, args, signal) => {
    programs.push({ program, args });
    return options.run ? options.run(program, args, signal) : OK;
  };
  const line = (level: string) => (fields: object, message: string) =>
    void logs.push({ level, fields, message });
  const job = new MirrorRefresh({
    write: async (mode, signal) => {
      writes.push(mode);
      return options.write ? options.write(signal) : REPORT;
    },
    send: (signal) => sendMirror(DIR, { push: PUSH, hook: HOOK }, run, signal),
    delayMs: DELAY_MS,
    log: { info: line('info'), warn: line('warn'), error: line('error') },
    timer,
  });
  return { job, timer, writes, programs, logs };
}

const RSYNC_CALL = {
  program: 'rsync',
  args: [
    '-a',
    '--delete-after',
    '--delay-updates',
    '--modify-window=-1',
    '--timeout=300',
    '--',
    `${DIR}/`,
    PUSH,
  ],
};
const HOOK_CALL = { program: HOOK, args: [DIR] };

describe('MirrorRefresh', () => {
  it('makes one run, one push and one hook call of a burst of changes within the delay', async () => {
    const { job, timer, writes, programs } = fakeJob();
    for (let i = 1; i <= 7; i++) job.heard(published(String(i)));
    expect(timer.set_.map((t) => t.ms)).toEqual([DELAY_MS]);
    expect(writes).toEqual([]);

    timer.fire();
    await job.settled();

    expect(writes).toEqual([{ full: false }]);
    expect(programs).toEqual([RSYNC_CALL, HOOK_CALL]);
    expect(job.counts()).toEqual({ runs: 1, pending: false, running: false });
    expect(timer.waiting()).toEqual([]);
  });

  it('makes exactly one more run of the changes heard during a run, the delay after it', async () => {
    const first = deferred<MirrorWriteReport>();
    let calls = 0;
    const { job, timer, writes, programs } = fakeJob({
      write: () => (++calls === 1 ? first.promise : Promise.resolve(REPORT)),
    });
    job.heard(published('1'));
    timer.fire();
    expect(job.counts()).toEqual({ runs: 0, pending: false, running: true });
    for (let i = 2; i <= 5; i++) job.heard(published(String(i)));
    // Never two runs at once: nothing waits while the first runs.
    expect(timer.waiting()).toEqual([]);

    first.resolve(REPORT);
    await microtasksDone();
    expect(job.counts()).toEqual({ runs: 1, pending: true, running: false });
    expect(timer.waiting().map((t) => t.ms)).toEqual([DELAY_MS]);
    timer.fire();
    await job.settled();

    expect(writes).toEqual([{ full: false }, { full: false }]);
    expect(programs).toEqual([RSYNC_CALL, HOOK_CALL, RSYNC_CALL, HOOK_CALL]);
    expect(job.counts()).toEqual({ runs: 2, pending: false, running: false });
    expect(timer.waiting()).toEqual([]);
  });

  it('cancels a pending run when stopped, and starts none after', async () => {
    const { job, timer, writes, programs } = fakeJob();
    job.heard(published('1'));
    await job.stop();
    job.heard(published('2'));
    job.request({ full: true });

    expect(timer.set_.map((t) => t.state)).toEqual(['cleared']);
    expect(writes).toEqual([]);
    expect(programs).toEqual([]);
    expect(job.counts()).toEqual({ runs: 0, pending: false, running: false });
  });

  it('ends a write in progress when stopped: told as the stop, not as a failure, and nothing sent', async () => {
    const { job, timer, programs, logs } = fakeJob({
      write: (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('ended by SIGTERM')));
        }),
    });
    job.heard(published('1'));
    timer.fire();
    await microtasksDone();
    await job.stop();

    expect(programs).toEqual([]);
    expect(logs.map((l) => `${l.level}: ${l.message}`)).toEqual([
      'info: mirror run ended by the stop: the next start makes it again',
    ]);
    expect(job.counts()).toEqual({ runs: 1, pending: false, running: false });
  });

  it('ends a push in progress when stopped, and runs no hook after it', async () => {
    const aborted = deferred<void>();
    const { job, timer, programs, logs } = fakeJob({
      run: (_program, _args, signal) =>
        new Promise((resolve) => {
          signal?.addEventListener('abort', () => {
            resolve({ exitCode: null, signal: 'SIGTERM', stdout: '', stderr: '' });
            aborted.resolve();
          });
        }),
    });
    job.heard(published('1'));
    timer.fire();
    await microtasksDone();
    expect(programs).toEqual([RSYNC_CALL]);

    await job.stop();
    await aborted.promise;

    expect(programs).toEqual([RSYNC_CALL]);
    expect(job.counts()).toEqual({ runs: 1, pending: false, running: false });
    expect(logs.filter((l) => l.level === 'error').map((l) => l.fields)).toMatchObject([
      { destination: PUSH, reason: 'ended by SIGTERM' },
    ]);
  });

  it("logs a failed push with rsync's exit code and error output, and still runs the hook", async () => {
    const stderr =
      "@ERROR: Unknown module 'news'\nrsync error: error starting client-server protocol (code 5)\n";
    const { job, timer, programs, logs } = fakeJob({
      run: async (program) => (program === 'rsync' ? { ...OK, exitCode: 5, stderr } : OK),
    });
    job.heard(published('1'));
    timer.fire();
    await job.settled();

    expect(programs).toEqual([RSYNC_CALL, HOOK_CALL]);
    const errors = logs.filter((l) => l.level === 'error');
    expect(errors.map((l) => l.message)).toEqual(['mirror send failed']);
    expect(errors[0]!.fields).toMatchObject({
      destination: PUSH,
      reason: `exit code 5: ${stderr.trim()}`,
    });
    expect(logs.filter((l) => l.level === 'info').map((l) => l.message)).toEqual([
      'mirror written',
      'mirror hook ran',
    ]);
  });

  it('logs a failed write, sends nothing, and runs again at the next change', async () => {
    let calls = 0;
    const { job, timer, writes, programs, logs } = fakeJob({
      write: () =>
        ++calls === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve(REPORT),
    });
    job.heard({ kind: 'site' });
    timer.fire();
    await job.settled();
    expect(programs).toEqual([]);
    expect(logs.map((l) => [l.level, l.message])).toEqual([['error', 'mirror refresh failed']]);

    job.heard(published('1'));
    timer.fire();
    await job.settled();
    // The failed run was a full one: the next one is full too.
    expect(writes).toEqual([{ full: true }, { full: true }]);
    expect(programs).toEqual([RSYNC_CALL, HOOK_CALL]);
  });

  it('writes the whole mirror when a change heard since the last run touches every page', async () => {
    const { job, timer, writes } = fakeJob();
    job.heard(published('1'));
    job.heard({ kind: 'footer' });
    job.heard(published('2'));
    timer.fire();
    await job.settled();
    job.heard(published('3'));
    timer.fire();
    await job.settled();
    expect(writes).toEqual([{ full: true }, { full: false }]);
  });
});

describe('needsFullRun', () => {
  it.each<[PublicChange, boolean]>([
    [{ kind: 'site' }, true],
    [{ kind: 'footer' }, true],
    [{ kind: 'page', articleId: '5' as ArticleId, inFooter: true }, true],
    [{ kind: 'page', articleId: '5' as ArticleId, inFooter: false }, false],
    [published('1'), false],
    [{ kind: 'front-page' }, false],
    [{ kind: 'corrections' }, false],
    [{ kind: 'live', articleId: '1' as ArticleId, action: 'posted', updateNumber: 3 }, false],
  ])('%j: %s', (change, full) => {
    expect(needsFullRun(change)).toBe(full);
  });
});
