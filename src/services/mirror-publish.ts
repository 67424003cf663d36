/**
 * Sending a written mirror on (issue 22: "`--push rsync://…` or a post-run
 * hook sends the mirror to other hosts"): `rsync -a` (sendMirror) to one
 * destination, then a program of the operator's with the mirror's folder
 * as its argument. Both run without a shell, from an argument array, so
 * no character of a setting is ever read as shell syntax. Used alike by
 * `midad mirror --push/--hook` and by the server's refresh job
 * (mirror-refresh.ts).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../lib/errors.js';
import { rsyncDestinationProblem } from '../lib/rsync-destination.js';

/** Debian's rsync, run by its name from PATH. */
export const RSYNC = 'rsync';

/**
 * Seconds without any data moving after which rsync gives up (its
 * `--timeout`): a host that stopped answering, or ssh waiting at a password
 * prompt, must not hold every later run back.
 */
export const RSYNC_IO_TIMEOUT_S = 300;

/** The last characters of a program's output kept for the log. */
const OUTPUT_TAIL_CHARS = 4000;

/** How a program ended: its exit code (null when a signal ended it) and the end of what it wrote. */
export interface ProgramResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `program` with `args` (no shell) and says how it ended. `signal`
 * aborts it: the program is sent SIGTERM and this still waits for it to end.
 * @throws Error when it cannot be started at all (ENOENT, EACCES).
 */
export type ProgramRunner = (
  program: string,
  args: readonly string[],
  signal?: AbortSignal,
) => Promise<ProgramResult>;

/** Keeps the last OUTPUT_TAIL_CHARS characters of a stream. */
function tailOf(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-OUTPUT_TAIL_CHARS);
  });
  return () => text;
}

/**
 * The real runner: `child_process.spawn` without a shell. Not `execFile`,
 * which keeps all output in memory and ends the program past `maxBuffer`:
 * a hook such as `ipfs add -r` prints a line per file.
 */
export const runProgram: ProgramRunner = (program, args, signal) =>
  new Promise((done, fail) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const stdout = tailOf(child.stdout);
    const stderr = tailOf(child.stderr);
    let started = false;
    const abort = () => child.kill('SIGTERM');
    signal?.addEventListener('abort', abort, { once: true });
    child.once('spawn', () => {
      started = true;
      if (signal?.aborted) abort();
    });
    // `on`, not `once`: a later error (a failed kill) must not go unheard and end the process.
    child.on('error', (error) => {
      if (!started) {
        signal?.removeEventListener('abort', abort);
        fail(error);
      }
    });
    child.once('close', (exitCode, ended) => {
      signal?.removeEventListener('abort', abort);
      if (started) done({ exitCode, signal: ended, stdout: stdout(), stderr: stderr() });
    });
  });

/** "exit code 23: <stderr>", or "ended by SIGTERM: …", for a log and a message. */
function howItFailed(result: ProgramResult): string {
  const how = result.signal ? `ended by ${result.signal}` : `exit code ${result.exitCode}`;
  const said = result.stderr.trim();
  return said === '' ? how : `${how}: ${said}`;
}

/**
 * Checks `value` as the destination of a push (`--push`, MIDAD_MIRROR_PUSH).
 * @throws AppError `MIRROR_PUSH_INVALID`, naming `setting` and the problem.
 */
export function checkPushDestination(value: string, setting: string): void {
  const problem = rsyncDestinationProblem(value);
  if (problem === null) return;
  throw new AppError('MIRROR_PUSH_INVALID', `${setting}: ${problem}.`, {
    details: { destination: value, reason: problem },
  });
}

/**
 * Checks that `program` (`--hook`, MIDAD_MIRROR_HOOK; relative to the
 * working directory) is a file this process may execute.
 * @returns its absolute path.
 * @throws AppError `MIRROR_HOOK_INVALID`, naming `setting`.
 */
export async function checkHookProgram(program: string, setting: string): Promise<string> {
  const path = resolve(program);
  const stats = await stat(path).catch(() => null);
  const runnable =
    stats?.isFile() === true &&
    (await access(path, constants.X_OK).then(
      () => true,
      () => false,
    ));
  if (runnable) return path;
  throw new AppError(
    'MIRROR_HOOK_INVALID',
    `${setting}: ${path} is not an executable file (chmod +x, or give the program's full path).`,
    { details: { program: path } },
  );
}

/** Where a written mirror goes: an rsync destination and a program, each optional. */
export interface MirrorSending {
  push?: string;
  hook?: string;
}

/** What a send did: whether the push went through, the hook's output, and each failure. */
export interface MirrorSent {
  pushed: boolean;
  /** The end of the hook's standard output (an IPFS address, say); absent when it did not succeed. */
  hookOutput?: string;
  /** `MIRROR_PUSH_FAILED` and `MIRROR_HOOK_FAILED`, with the exit code and the end of the error output. */
  failures: AppError[];
}

/**
 * Sends the mirror in folder `dir`: `rsync -a --delete-after --delay-updates
 * --modify-window=-1 --timeout=300 -- DIR/ DEST` (the folder's contents, so
 * DEST becomes a copy of it). The changed files are put in place together
 * at the end and the files the mirror no longer holds are removed after
 * them, so a reader of DEST meets few half-sent states. Modification times
 * are compared to the nanosecond (rsync ≥ 3.1.3): the manifest's signature
 * is always the same size, and two runs within one second would otherwise
 * leave the copy's old signature beside its new manifest. Then runs the
 * hook with `dir` as its one argument. The hook runs even when the push
 * failed (they are separate ways out), but not once `signal` is aborted.
 * A step that fails is returned among `failures`, never thrown.
 */
export async function sendMirror(
  dir: string,
  sending: MirrorSending,
  run: ProgramRunner = runProgram,
  signal?: AbortSignal,
): Promise<MirrorSent> {
  const sent: MirrorSent = { pushed: false, failures: [] };
  if (sending.push !== undefined) {
    const destination = sending.push;
    const args = [
      '-a',
      '--delete-after',
      '--delay-updates',
      '--modify-window=-1',
      `--timeout=${RSYNC_IO_TIMEOUT_S}`,
      '--',
      `${dir}/`,
      destination,
    ];
    const result = await runOnce(run, RSYNC, args, signal);
    if (typeof result === 'string') {
      sent.failures.push(
        new AppError('MIRROR_PUSH_FAILED', `rsync to ${destination} failed: ${result}`, {
          details: { destination, reason: result },
        }),
      );
    } else sent.pushed = true;
  }
  if (sending.hook !== undefined && !signal?.aborted) {
    const program = sending.hook;
    const result = await runOnce(run, program, [dir], signal);
    if (typeof result === 'string') {
      sent.failures.push(
        new AppError('MIRROR_HOOK_FAILED', `${program} ${dir} failed: ${result}`, {
          details: { program, reason: result },
        }),
      );
    } else sent.hookOutput = result.stdout.trim();
  }
  return sent;
}

/** Runs a program once: its result when it exited 0, else why it failed, as a sentence. */
async function runOnce(
  run: ProgramRunner,
  program: string,
  args: readonly string[],
  signal?: AbortSignal,
): Promise<ProgramResult | string> {
  try {
    const result = await run(program, args, signal);
    return result.exitCode === 0 ? result : howItFailed(result);
  } catch (error) {
    return `${program} could not be started: ${error instanceof Error ? error.message : String(error)}`;
  }
}
