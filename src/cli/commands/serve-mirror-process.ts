/**
 * Writing the mirror in a process of its own, for `midad serve`'s refresh
 * job (serve-mirror.ts, issue 22). A run renders every
 * listing, feed and sitemap again: at 100,000 articles some two minutes of
 * CPU and several hundred MiB (bench/README.md, STATIC MIRROR). Done in
 * the server's process it would hold the event loop from the readers'
 * requests for that long, and leave its garbage in the server's heap. The
 * child (serve-mirror-child.ts) opens the database itself, runs writeMirror,
 * sends back what it wrote and exits, which returns all its memory; it
 * runs at a lower CPU priority (nice 10), so readers come first.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Config } from '../../config/schema.js';
import { AppError } from '../../lib/errors.js';

/** What one run asks of the child (sent over IPC, structured clone). */
export interface MirrorChildJob {
  config: Config;
  outDir: string;
  sinceLastRun: boolean;
  /** The parent's clock at the start (UTC ms): the child's clock runs on from it. */
  startedAt: number;
}

/** What the child wrote: writeMirror's summary, counted. */
export interface MirrorChildReport {
  files: number;
  written: number;
  removed: number;
  failed: Array<{ path: string; status: number }>;
  unlisted: string[];
}

/** The child's one answer. */
export type MirrorChildAnswer =
  { ok: true; report: MirrorChildReport } | { ok: false; message: string };

/** The niceness the child runs at (Linux: 0 normal to 19 lowest). */
const CHILD_NICENESS = 10;

/** The end of the child's error output kept for a failure's message, characters. */
const STDERR_TAIL_CHARS = 2000;

/**
 * Runs writeMirror for `job` in a child process and resolves with what it
 * wrote. An abort of `signal` ends the child (SIGTERM): the folder keeps
 * the files written so far and the earlier manifest, and the next run
 * brings it up to date.
 * @throws AppError `MIRROR_CHILD_FAILED` with writeMirror's message when
 *   it failed there, or, when the child ended without an answer (killed,
 *   out of memory), how it ended and the end of its error output.
 */
export function writeMirrorInChild(
  job: MirrorChildJob,
  signal?: AbortSignal,
): Promise<MirrorChildReport> {
  const built = import.meta.url.endsWith('.js');
  const child = fork(new URL(`./serve-mirror-child.${built ? 'js' : 'ts'}`, import.meta.url), [], {
    // From source (tests), the child loads TypeScript through tsx, as the parent does.
    execArgv: built ? [] : ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    ...(signal ? { signal, killSignal: 'SIGTERM' as const } : {}),
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, CHILD_NICENESS);
    } catch {
      // Not allowed here (a container without the capability): it runs at the server's priority.
    }
  }
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return new Promise((resolve, reject) => {
    let answer: MirrorChildAnswer | null = null;
    child.once('message', (message) => {
      answer = message as MirrorChildAnswer;
    });
    child.on('error', (error) => {
      // An abort is told here too; 'exit' follows and settles.
      if (child.pid === undefined) reject(error);
    });
    child.once('exit', (code, killedBy) => {
      if (answer?.ok) return resolve(answer.report);
      const reason = answer
        ? answer.message
        : `its process ended without finishing (${killedBy ?? `exit code ${code}`})` +
          (stderr.trim() === '' ? '' : `: ${stderr.trim()}`);
      reject(
        new AppError('MIRROR_CHILD_FAILED', `Writing the mirror failed: ${reason}`, {
          details: { reason },
        }),
      );
    });
    child.send(job);
  });
}
