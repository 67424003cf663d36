/**
 * The real server as a child process (`node bin/midad.js serve`, from
 * dist/), on a free port of 127.0.0.1, for the HTTP bench: started, waited
 * for, measured (resident memory), and always stopped, gracefully with
 * SIGTERM so that buffered view counts are written.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MALLOC_ARENA_MAX } from '../src/config/warnings.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** How long the server may take to answer after its start, ms. */
const START_TIMEOUT_MS = 120_000;
/** How long a graceful stop may take before SIGKILL, ms (the server's own grace is 10 s). */
const STOP_TIMEOUT_MS = 15_000;

/** Children still running, killed if the bench exits without stopping them. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Registers a child so that it is killed if the bench exits first. */
export function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is free when we look). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Runs `npm run build` when dist/ is missing or older than src/, so that
 * the bench measures the code in the checkout.
 * @throws Error when the build fails.
 */
export function ensureBuilt(onStep: (step: string) => void): void {
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  onStep('dist/ is missing or older than src/: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (status ${build.status})`);
}

/** Resident memory of process `pid` (VmRSS in /proc/<pid>/status), bytes; 0 when unreadable. */
export function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Answer time below which the server counts as idle again, ms. */
const IDLE_ANSWER_MS = 50;
/** Longest wait for the server to become idle after a load run, ms. */
const SETTLE_TIMEOUT_MS = 15_000;

/**
 * Waits until the server at `origin` answers `/robots.txt` within
 * IDLE_ANSWER_MS: requests a load run left queued (their clients gone)
 * are done, so that they neither slow the next run nor meet a stop.
 */
export async function settle(origin: string): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      const response = await fetch(`${origin}/robots.txt`);
      await response.arrayBuffer();
      if (performance.now() - started < IDLE_ANSWER_MS) return;
    } catch {
      // Busy or gone: try again until the deadline.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Server {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  /** The server's stdout and stderr (pino at `warn`). */
  logFile: string;
  /** SIGTERM, then waits for the exit (SIGKILL after STOP_TIMEOUT_MS). @returns the exit code, or the signal's name. */
  stop: () => Promise<number | string>;
}

/** Waits until `origin` answers `/robots.txt` with a 200, or the child exits. */
async function waitUntilAnswering(origin: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited at start:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const response = await fetch(`${origin}/robots.txt`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

/**
 * Starts `midad serve` on the database `target` (an SQLite file or a
 * PostgreSQL URL) with `env` added to the environment, and waits until it
 * answers. MALLOC_ARENA_MAX is 2, as `npm start` sets it, unless the
 * bench's own environment or `env` says otherwise (empty: glibc's default).
 * @param dir a scratch folder for the log and the media folder.
 */
export async function startServer(
  target: { file: string } | { url: string },
  dir: string,
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = join(dir, `server-${port}.log`);
  const log = openSync(logFile, 'a');
  // The inspector's port, opened only by SIGUSR1 (collect-garbage.ts); a cluster's worker k takes port + k.
  const inspect = `--inspect-port=127.0.0.1:${await freePort()}`;
  const child = spawn(process.execPath, [inspect, join(ROOT, 'bin', 'midad.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...('url' in target
        ? { MIDAD_DATABASE_URL: target.url, MIDAD_DB: '' }
        : { MIDAD_DB: target.file, MIDAD_DATABASE_URL: '' }),
      MIDAD_BASE_URL: origin,
      MIDAD_LOG_LEVEL: 'warn',
      MIDAD_MEDIA_DIR: join(dir, 'media'),
      MIDAD_DEMO: 'false',
      // The beacon load sends each visitor from an address of its own (X-Forwarded-For),
      // as a proxy on 127.0.0.1 would.
      MIDAD_TRUST_PROXY: '127.0.0.1',
      // As `npm start` and the service of docs/deploy.md run it (src/config/warnings.ts).
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? String(MALLOC_ARENA_MAX),
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  track(child);
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await waitUntilAnswering(origin, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid: child.pid ?? 0, logFile, stop };
}
