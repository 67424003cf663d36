/**
 * `midad serve` as a real process (the built dist/, as `npm start` runs
 * it), on a free port of 127.0.0.1, for the tests that need a real server:
 * its signals, its shutdown, several instances on one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const BIN = new URL('../../bin/midad.js', import.meta.url).pathname;

export interface ServeProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** What it printed so far (standard output and error). */
  output: () => string;
}

/**
 * Starts `midad serve --port 0 …args` with `env` added to this process's
 * (views are flushed only at shutdown unless `env` says otherwise) and
 * resolves once it listens. @throws when it exits first, with its output.
 */
export function startServe(
  args: string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, MIDAD_VIEW_FLUSH_MS: '600000', MIDAD_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // One process says `Server listening at`; the primary of `--workers N`, `listening on`.
      const match = /(?:Server listening at|midad: listening on) (http:\/\/127\.0\.0\.1:\d+)/.exec(
        output,
      );
      if (match?.[1]) resolve({ child, origin: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Sends `signal` and resolves to the exit code. */
export function stopServe(
  server: ServeProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  return new Promise((resolve) => {
    server.child.on('exit', (code) => resolve(code));
    server.child.kill(signal);
  });
}
