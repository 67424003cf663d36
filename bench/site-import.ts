/**
 * The site import at scale: a WordPress export made from the corpus
 * (bench/make-wxr.ts) imported by the real command, `node bin/midad.js
 * import`, into a fresh SQLite file and a fresh PostgreSQL database, each
 * in a child process of its own so that its memory is its own.
 *
 * Measured per engine: wall time from spawn to exit (start-up and
 * migrations included) → posts per second; the child's CPU time (user +
 * system, which on a shared machine says more than wall time); its peak
 * resident memory (VmHWM, the kernel's high-water mark, read by the child
 * itself as it exits: `process.resourceUsage().maxRSS`, written to a file
 * by a module preloaded with `node --import`); and the articles the
 * database holds after. With MIDAD_BENCH_CPU_PROF=DIR the child also
 * writes a CPU profile (`node --cpu-prof`) into DIR.
 *
 * `heapMiB` caps the child's V8 old space (`--max-old-space-size`): left
 * to itself V8 lets garbage pile up to several times the live set while
 * memory is free, so the peak says more about V8's heuristics than about
 * what the import holds.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../src/storage/database.js';
import { makeWxr, type WxrFile } from './make-wxr.js';
import { residentBytes, track } from './server-process.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The old site's time zone, as the export's local dates are written (make-wxr.ts). */
const TIME_ZONE = 'Africa/Tunis';
/** How often the child's resident memory is also read from outside, ms. */
const POLL_MS = 50;

/**
 * Preloaded into the child: at its exit, writes its peak resident memory
 * (KiB, the same figure as VmHWM) and CPU times (µs) to the file
 * MIDAD_BENCH_USAGE_FILE names.
 */
const USAGE_AT_EXIT = `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.MIDAD_BENCH_USAGE_FILE, JSON.stringify({
    maxRssKiB: u.maxRSS, userMicros: u.userCPUTime, systemMicros: u.systemCPUTime,
  }));
});
`;

/** One engine's import of the file. Times in ms, memory in bytes. */
export interface SiteImportRun {
  engine: string;
  /** Spawn to exit. */
  ms: number;
  /** Posts of the file per second of `ms` (0 when the import failed). */
  postsPerSecond: number;
  /** User + system CPU time of the child. */
  cpuMs: number;
  /** Posts per second of CPU time: the rate on an idle core. */
  postsPerCpuSecond: number;
  /** The child's VmHWM at its exit (0 when it did not say). */
  peakRssBytes: number;
  /** The largest VmRSS read from outside every POLL_MS (a cross-check). */
  polledPeakRssBytes: number;
  /** Rows of `articles` after the import. */
  articles: number;
  exitCode: number | string;
  /** Last lines of the child's output when it failed. */
  failure?: string;
}

/** The figures of the whole section. */
export interface SiteImportFigures {
  posts: number;
  fileBytes: number;
  /** The child's `--max-old-space-size`, or null (V8's default). */
  heapMiB: number | null;
  /** Making the file. */
  makeMs: number;
  wxr: WxrFile;
  runs: SiteImportRun[];
}

interface Usage {
  maxRssKiB: number;
  userMicros: number;
  systemMicros: number;
}

/** A database to import into, by its flag. */
export type ImportTarget = { engine: string; file: string } | { engine: string; url: string };

async function countArticles(target: ImportTarget): Promise<number> {
  const database = await openDatabase(
    'url' in target ? { file: '', url: target.url } : { file: target.file },
  );
  try {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from articles`.execute(
      database.db,
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await database.close();
  }
}

/**
 * Runs `midad import` of `wxr` into `target` in a child process and
 * measures it.
 * @param dir scratch folder for the child's log and usage file.
 */
export async function runImport(
  target: ImportTarget,
  wxr: string,
  posts: number,
  dir: string,
  heapMiB: number | null = null,
): Promise<SiteImportRun> {
  const tag = target.engine.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const preload = join(dir, 'usage-at-exit.mjs');
  if (!existsSync(preload)) writeFileSync(preload, USAGE_AT_EXIT);
  const usageFile = join(dir, `usage-${tag}.json`);
  const logFile = join(dir, `import-${tag}.log`);
  const profile = process.env.MIDAD_BENCH_CPU_PROF;
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(preload).href,
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      ...(heapMiB === null ? [] : [`--max-old-space-size=${heapMiB}`]),
      join(ROOT, 'bin', 'midad.js'),
      'import',
      '--tz',
      TIME_ZONE,
      ...('url' in target ? ['--database', target.url] : ['--db', target.file]),
      wxr,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        MIDAD_DB: '',
        MIDAD_DATABASE_URL: '',
        MIDAD_LOG_LEVEL: 'warn',
        MIDAD_DEMO: 'false',
        MIDAD_BENCH_USAGE_FILE: usageFile,
      },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  track(child);
  let polled = 0;
  const poll = setInterval(() => {
    if (child.pid !== undefined) polled = Math.max(polled, residentBytes(child.pid));
  }, POLL_MS);
  const exitCode = await new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  clearInterval(poll);
  const ms = performance.now() - started;
  const usage: Usage | null = existsSync(usageFile)
    ? (JSON.parse(readFileSync(usageFile, 'utf8')) as Usage)
    : null;
  const cpuMs = usage === null ? 0 : (usage.userMicros + usage.systemMicros) / 1000;
  const run: SiteImportRun = {
    engine: target.engine,
    ms,
    postsPerSecond: exitCode === 0 ? posts / (ms / 1000) : 0,
    cpuMs,
    postsPerCpuSecond: exitCode === 0 && cpuMs > 0 ? posts / (cpuMs / 1000) : 0,
    peakRssBytes: (usage?.maxRssKiB ?? 0) * 1024,
    polledPeakRssBytes: polled,
    articles: await countArticles(target),
    exitCode,
  };
  if (exitCode !== 0) {
    run.failure = readFileSync(logFile, 'utf8').replace(/\r/g, '\n').slice(-2000);
  }
  return run;
}

/**
 * Makes a WXR of `posts` posts from `corpus` in `dir`, then imports it
 * into each of `targets` (made by the caller, empty), in order.
 */
export async function measureSiteImport(
  corpus: string,
  posts: number,
  dir: string,
  targets: ReadonlyArray<() => Promise<{ target: ImportTarget; done: () => Promise<void> } | null>>,
  onStep: (step: string) => void,
  heapMiB: number | null = null,
): Promise<SiteImportFigures> {
  const file = join(dir, `site-${posts}.wxr.xml`);
  onStep(`writing a WordPress export of ${posts.toLocaleString('en')} posts`);
  const started = performance.now();
  const wxr = makeWxr(corpus, file, posts);
  const makeMs = performance.now() - started;
  const runs: SiteImportRun[] = [];
  for (const make of targets) {
    const made = await make();
    if (made === null) continue;
    try {
      onStep(`${made.target.engine}: midad import of ${(wxr.bytes / 1e6).toFixed(0)} MB`);
      const run = await runImport(made.target, file, posts, dir, heapMiB);
      if (run.failure) onStep(`${made.target.engine}: import failed:\n${run.failure}`);
      runs.push(run);
    } finally {
      await made.done();
    }
  }
  return { posts, fileBytes: wxr.bytes, heapMiB, makeMs, wxr, runs };
}
